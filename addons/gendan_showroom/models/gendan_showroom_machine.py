from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition
from odoo.addons.gendan_base.tools_actions import window_action

MERCHANDISER = ["gendan_base.group_merchandiser"]


class GendanShowroomMachine(models.Model):
    """A sample machine of the meeting room (会议室样机): an asset.

    It enters the showroom and leaves it for good only through a signed
    property register form (财产登记表, ``gendan.showroom.register``); its
    movements in between are lines of the sample-room register
    (``gendan.sample.register``).
    """

    _name = "gendan.showroom.machine"
    _description = "Showroom Sample Machine"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin"]
    _order = "name"
    _state_button_fields = ("date_in", "date_out")

    name = fields.Char("Asset Number", readonly=True, copy=False, default="/")
    product_id = fields.Many2one(
        "product.product", "Model", required=True, index=True,
        track_visibility="onchange")
    serial_no = fields.Char("Serial Number", copy=False, track_visibility="onchange")
    location = fields.Char(
        default=lambda self: _("Meeting room"), track_visibility="onchange")
    accessories = fields.Text(help="What belongs to the machine (remote, "
                                   "adapter, manual...), checked every Saturday.")
    holder = fields.Char("Taken By", help="Who took the machine out of the room.")
    value = fields.Float("Book Value", digits=(16, 2),
                         help="The value finance registers the asset at.")
    date_in = fields.Date(readonly=True, copy=False)
    date_out = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "To Register"), ("showroom", "In Showroom"), ("out", "Out"),
         ("broken", "Broken"), ("missing", "Missing"), ("withdrawn", "Withdrawn")],
        default="draft", required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange")
    equipment_id = fields.Many2one(
        "maintenance.equipment", readonly=True, copy=False,
        help="Core maintenance equipment of the machine, created for its "
             "first repair.")
    maintenance_ids = fields.One2many(
        "maintenance.request", "showroom_machine_id", "Repairs", readonly=True)
    maintenance_count = fields.Integer(compute="_compute_maintenance_count")
    register_line_ids = fields.One2many(
        "gendan.sample.register", "machine_id", "Movements", readonly=True)
    property_line_ids = fields.One2many(
        "gendan.showroom.register.line", "machine_id", "Property Register Lines",
        readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.user.company_id)
    color = fields.Integer(compute="_compute_color")

    _sql_constraints = [
        ("serial_uniq", "unique(company_id, product_id, serial_no)",
         "This serial number is already registered for this model."),
    ]

    @api.depends("maintenance_ids")
    def _compute_maintenance_count(self):
        for machine in self:
            machine.maintenance_count = len(machine.maintenance_ids)

    @api.depends("state")
    def _compute_color(self):
        colors = {"broken": 2, "missing": 1, "out": 3, "showroom": 10}
        for machine in self:
            machine.color = colors.get(machine.state, 0)

    @api.constrains("value")
    def _check_value(self):
        if self.filtered(lambda machine: machine.value < 0):
            raise ValidationError(_(
                "The book value of a sample machine cannot be negative."))

    @api.multi
    def name_get(self):
        return [(machine.id, "%s %s%s" % (
            machine.name, machine.product_id.display_name,
            machine.serial_no and " (%s)" % machine.serial_no or ""))
            for machine in self]

    @api.multi
    def unlink(self):
        if self.filtered(lambda machine: machine.state != "draft"):
            raise UserError(_("A registered sample machine cannot be deleted; "
                              "withdraw it on a property register form."))
        return super(GendanShowroomMachine, self).unlink()

    # -- buttons ------------------------------------------------------------------

    @api.multi
    @transition(["showroom"], "out", groups=MERCHANDISER)
    def action_take_out(self):
        if self.filtered(lambda machine: not machine.holder):
            raise UserError(_("Say who takes the machine out (Taken By)."))
        self._log_movement("out")
        return self.write({"state": "out"})

    @api.multi
    @transition(["out"], "showroom", groups=MERCHANDISER)
    def action_bring_back(self):
        self._log_movement("in")
        return self.write({"state": "showroom", "holder": False})

    @api.multi
    @transition(["showroom", "out"], "broken", groups=MERCHANDISER)
    def action_report_broken(self, fault=None):
        self.write({"state": "broken"})
        for machine in self:
            machine._open_repair(fault)
        return True

    @api.multi
    @transition(["broken"], "showroom", groups=MERCHANDISER)
    def action_repaired(self):
        return self.write({"state": "showroom"})

    @api.multi
    @transition(["showroom", "out"], "missing", groups=MERCHANDISER)
    def action_report_missing(self, note=None):
        self.write({"state": "missing"})
        activity = self.env["mail.activity"]
        for machine in self:
            activity._todo_ensure(
                machine, "showroom_missing", machine.company_id._showroom_admins(),
                lambda self: _("Investigate the missing sample machine %s")
                % self.display_name,
                note=note)
        return True

    @api.multi
    @transition(["missing"], "showroom", groups=MERCHANDISER)
    def action_found(self):
        self.env["mail.activity"]._todo_done(self, "showroom_missing")
        return self.write({"state": "showroom"})

    @api.multi
    def action_open_repairs(self):
        self.ensure_one()
        action = window_action(self.env, "maintenance.hr_equipment_request_action")
        action.update(domain=[("showroom_machine_id", "=", self.id)],
                      context={"default_showroom_machine_id": self.id})
        return action

    # -- steps of the property register form (signed by both parties) ------------

    @transition(["draft"], "showroom")
    def _register_in(self, date):
        self.write({"state": "showroom", "date_in": date, "date_out": False})
        self._log_movement("in")

    @transition(["showroom", "out", "broken", "missing"], "withdrawn")
    def _withdraw(self, date):
        self._log_movement("out", _("Withdrawn"))
        self.write({"state": "withdrawn", "date_out": date})

    # -- business -----------------------------------------------------------------

    def _log_movement(self, direction, note=False):
        """A line of the sample-room register for each machine."""
        register = self.env["gendan.sample.register"]
        for machine in self:
            register.create({
                "direction": direction, "machine_id": machine.id,
                "product_id": machine.product_id.id,
                "description": machine.display_name, "quantity": 1.0,
                "shelf": machine.location, "holder": machine.holder or False,
                "note": note, "company_id": machine.company_id.id})

    def _ensure_equipment(self):
        """The core maintenance equipment of the machine (created once)."""
        self.ensure_one()
        if not self.equipment_id:
            self.equipment_id = self.env["maintenance.equipment"].sudo().create({
                "name": self.display_name, "model": self.product_id.display_name,
                "serial_no": self.serial_no, "location": self.location,
                "owner_user_id": self.env.user.id,
                "assign_date": self.date_in, "cost": self.value,
            })
        return self.equipment_id

    def _open_repair(self, fault=None):
        """A corrective maintenance request for the machine, followed by the
        merchandiser who reported it."""
        self.ensure_one()
        equipment = self._ensure_equipment()
        return self.env["maintenance.request"].sudo().create({
            "name": _("Repair sample machine %s") % self.display_name,
            "description": fault or False, "equipment_id": equipment.id,
            "showroom_machine_id": self.id, "maintenance_type": "corrective",
            "owner_user_id": self.env.user.id, "priority": "2",
        })
