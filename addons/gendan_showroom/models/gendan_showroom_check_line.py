from odoo import _, api, fields, models

ACCESSORIES_KEY = "showroom_accessories"


class GendanShowroomCheckLine(models.Model):
    """One machine on the Saturday checklist."""

    _name = "gendan.showroom.check.line"
    _description = "Showroom Check Line"
    _order = "check_id, machine_id"

    check_id = fields.Many2one(
        "gendan.showroom.check", "Showroom Check", required=True,
        ondelete="cascade", index=True)
    machine_id = fields.Many2one(
        "gendan.showroom.machine", "Sample Machine", required=True,
        ondelete="restrict", index=True)
    product_id = fields.Many2one(related="machine_id.product_id", readonly=True)
    serial_no = fields.Char(related="machine_id.serial_no", readonly=True)
    accessories = fields.Text(related="machine_id.accessories", readonly=True)
    machine_state = fields.Selection(related="machine_id.state", readonly=True,
                                     string="Machine Status")
    is_checked = fields.Boolean("Checked")
    is_present = fields.Boolean("Present", default=True)
    is_working = fields.Boolean("Works", default=True)
    accessories_complete = fields.Boolean(default=True)
    note = fields.Char("Finding")

    _sql_constraints = [
        ("machine_uniq", "unique(check_id, machine_id)",
         "A machine appears once on a check."),
    ]

    @api.model
    def create(self, vals):
        self.env["gendan.showroom.check"].browse(
            vals.get("check_id"))._check_draft()
        return super(GendanShowroomCheckLine, self).create(vals)

    @api.multi
    def write(self, vals):
        self.mapped("check_id")._check_draft()
        return super(GendanShowroomCheckLine, self).write(vals)

    @api.multi
    def unlink(self):
        self.mapped("check_id")._check_draft()
        return super(GendanShowroomCheckLine, self).unlink()

    def _report_findings(self):
        """Missing: the administration investigates; broken: a repair;
        accessories incomplete: the merchandiser who keeps the showroom
        completes them (seed part 4 十二: 維護整理, 配件是否配置完備) with a
        to-do on the machine, done when a later check finds them complete."""
        activity = self.env["mail.activity"]
        for line in self:
            machine = line.machine_id
            if line.is_present and not line.accessories_complete:
                activity._todo_ensure(
                    machine, ACCESSORIES_KEY,
                    machine.company_id._showroom_keepers(),
                    lambda self: _("Complete the accessories of sample "
                                   "machine %s") % self.display_name,
                    note=line.note or machine.accessories)
            elif line.is_present:
                activity._todo_done(machine, ACCESSORIES_KEY)
            if machine.state not in ("showroom", "out"):
                continue
            if not line.is_present:
                machine.action_report_missing(note=line.note)
            elif not line.is_working:
                machine.action_report_broken(fault=line.note)
