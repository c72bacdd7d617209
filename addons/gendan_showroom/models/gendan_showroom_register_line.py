from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class GendanShowroomRegisterLine(models.Model):
    """One sample machine added to or withdrawn from the showroom."""

    _name = "gendan.showroom.register.line"
    _description = "Property Register Line"
    _order = "register_id, sequence, id"

    register_id = fields.Many2one(
        "gendan.showroom.register", "Property Register Form", required=True,
        ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    operation = fields.Selection(
        [("add", "Add New Model"), ("withdraw", "Withdraw Old Model")],
        required=True, default="add")
    machine_id = fields.Many2one(
        "gendan.showroom.machine", "Sample Machine", required=True,
        ondelete="restrict", index=True)
    product_id = fields.Many2one(related="machine_id.product_id", readonly=True)
    serial_no = fields.Char(related="machine_id.serial_no", readonly=True)
    value = fields.Float("Book Value", digits=(16, 2))
    reason = fields.Char()
    register_state = fields.Selection(related="register_id.state", readonly=True)

    @api.onchange("machine_id")
    def _onchange_machine_id(self):
        if self.machine_id:
            self.value = self.machine_id.value

    @api.constrains("value")
    def _check_value(self):
        if self.filtered(lambda line: line.value < 0):
            raise ValidationError(_(
                "The book value of a register line cannot be negative."))

    @api.model
    def create(self, vals):
        register = self.env["gendan.showroom.register"].browse(vals.get("register_id"))
        register._check_lines_editable()
        return super(GendanShowroomRegisterLine, self).create(vals)

    @api.multi
    def write(self, vals):
        self.mapped("register_id")._check_lines_editable()
        return super(GendanShowroomRegisterLine, self).write(vals)

    @api.multi
    def unlink(self):
        self.mapped("register_id")._check_lines_editable()
        return super(GendanShowroomRegisterLine, self).unlink()

    def _check_machine_state(self):
        """An added machine is still to register, a withdrawn one is on the
        register; a machine appears once on a form."""
        for line in self:
            machine = line.machine_id
            if line.operation == "add" and machine.state != "draft":
                raise UserError(_("%s is already registered; only a new sample "
                                  "machine can be added.") % machine.display_name)
            if line.operation == "withdraw" and machine.state in ("draft",
                                                                  "withdrawn"):
                raise UserError(_("%s is not on the register; it cannot be "
                                  "withdrawn.") % machine.display_name)
            if len(line.register_id.line_ids.filtered(
                    lambda other: other.machine_id == machine)) > 1:
                raise UserError(_("%s appears twice on the form.") % (
                    machine.display_name))

    def _apply(self, date):
        """Move the machines: called when both parties have signed."""
        unsigned = self.mapped("register_id").filtered(
            lambda form: form.signoff_state != "approved")
        if unsigned:
            raise UserError(_("%s is not signed by both the merchandiser and "
                              "finance: no sample machine moves.") % ", ".join(
                                  unsigned.mapped("name")))
        self._check_machine_state()
        for line in self:
            machine = line.machine_id
            if line.value != machine.value:
                machine.value = line.value
            if line.operation == "add":
                machine._register_in(date)
            else:
                machine._withdraw(date)
