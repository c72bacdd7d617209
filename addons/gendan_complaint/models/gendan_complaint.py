
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition

EIGHTD_STEPS = [
    ("d0", "D0 Emergency Response"),
    ("d1", "D1 Team"),
    ("d2", "D2 Problem Description"),
    ("d3", "D3 Containment"),
    ("d4", "D4 Root Cause"),
    ("d5", "D5 Corrective Actions"),
    ("d6", "D6 Implementation"),
    ("d7", "D7 Prevention"),
    ("d8", "D8 Closure"),
    ("closed", "Closed"),
]
STEP_KEYS = [key for key, _label in EIGHTD_STEPS]

# Fields that must be filled before the 8D may leave a discipline
# (besides the discipline's owner and completion date).
EIGHTD_REQUIRED = {
    "d0": ["d0_response"],
    "d1": ["team_member_ids"],
    "d2": ["d2_what", "d2_where", "d2_when", "d2_who", "d2_why", "d2_how",
           "d2_how_many", "d2_is", "d2_is_not"],
    "d3": ["d3_containment"],
    "d4": ["d4_why_1", "d4_root_cause", "d4_escape_point", "cause_id"],
    "d5": ["corrective_action_ids", "d5_verification"],
    "d6": ["d6_validation"],
    "d7": ["d7_prevention"],
    "d8": ["d8_closure"],
}

SEVERITIES = [("minor", "Minor"), ("major", "Major"), ("critical", "Critical")]


class GendanComplaint(models.Model):
    """A customer complaint, analysed as an 8D report."""

    _name = "gendan.complaint"
    _description = "Customer Complaint"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin",
                "gendan.sla.mixin"]
    _order = "received_date desc, id desc"
    _state_button_fields = ("reply_date",)

    _sla_start_field = "received_date"
    _sla_working_days = 5
    _sla_done_states = ["replied", "closed", "cancel"]
    _sla_responsible_field = "user_id"

    # -- intake
    name = fields.Char(
        "Reference", required=True, copy=False, readonly=True, default="/")
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True,
        track_visibility="onchange", domain=[("customer", "=", True)])
    order_id = fields.Many2one(
        "sale.order", "Sale Order", index=True, track_visibility="onchange")
    customer_po = fields.Char(related="order_id.customer_po", readonly=True)
    picking_id = fields.Many2one(
        "stock.picking", "Delivery", domain=[("picking_type_code", "=", "outgoing")])
    lot_id = fields.Many2one("stock.production.lot", "Lot/Serial")
    product_ids = fields.Many2many("product.product", string="Products")
    symptom = fields.Text(required=True)
    qty_affected = fields.Float("Quantity Affected")
    attachment_ids = fields.Many2many(
        "ir.attachment", "gendan_complaint_attachment_rel", "complaint_id",
        "attachment_id", string="Photos / Attachments")
    received_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user)
    received_date = fields.Date(
        required=True, default=fields.Date.context_today, track_visibility="onchange")
    severity = fields.Selection(
        SEVERITIES, required=True, default="minor", track_visibility="onchange")
    department = fields.Selection(
        [("sales", "Sales"), ("engineering", "Engineering"),
         ("purchasing", "Purchasing"), ("production", "Production"),
         ("qa", "Quality Assurance"), ("warehouse", "Warehouse")],
        "Responsible Department", track_visibility="onchange")
    user_id = fields.Many2one(
        "res.users", "Responsible", default=lambda self: self.env.user,
        track_visibility="onchange")
    merchandiser_id = fields.Many2one("res.users")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("new", "Intake"), ("analysis", "Analysis"), ("replied", "Replied"),
         ("closed", "Closed"), ("cancel", "Cancelled")],
        default="new", required=True, copy=False, readonly=True,
        track_visibility="onchange")

    # -- rectification meeting (major / critical)
    meeting_required = fields.Boolean(compute="_compute_meeting_required")
    meeting_date = fields.Datetime("Rectification Meeting")
    meeting_attendee_ids = fields.Many2many(
        "res.users", "gendan_complaint_meeting_user_rel", "complaint_id", "user_id",
        string="Meeting Attendees")
    meeting_minutes = fields.Html()

    # -- 8D
    eightd_required = fields.Boolean("8D Required", track_visibility="onchange")
    eightd_step = fields.Selection(
        EIGHTD_STEPS, "8D Discipline", default="d0", required=True, copy=False,
        track_visibility="onchange")
    eightd_missing = fields.Char(
        "Missing for this Discipline", compute="_compute_eightd_missing")
    d0_response = fields.Text("Emergency Response")
    d0_user_id = fields.Many2one("res.users", "D0 Owner")
    d0_date = fields.Date("D0 Completed")
    team_member_ids = fields.One2many(
        "gendan.complaint.team.member", "complaint_id", "Team")
    d1_user_id = fields.Many2one("res.users", "D1 Owner")
    d1_date = fields.Date("D1 Completed")
    d2_what = fields.Text("What")
    d2_where = fields.Text("Where")
    d2_when = fields.Text("When")
    d2_who = fields.Text("Who")
    d2_why = fields.Text("Why")
    d2_how = fields.Text("How")
    d2_how_many = fields.Text("How Many")
    d2_is = fields.Text("Is")
    d2_is_not = fields.Text("Is Not")
    d2_user_id = fields.Many2one("res.users", "D2 Owner")
    d2_date = fields.Date("D2 Completed")
    d3_containment = fields.Text("Containment Actions")
    d3_stock_qty = fields.Float("Suspect Stock Qty")
    d3_stock_rejected = fields.Float("Stock Rejected")
    d3_transit_qty = fields.Float("In-Transit Qty")
    d3_transit_rejected = fields.Float("In-Transit Rejected")
    d3_customer_qty = fields.Float("At Customer Qty")
    d3_customer_rejected = fields.Float("At Customer Rejected")
    d3_user_id = fields.Many2one("res.users", "D3 Owner")
    d3_date = fields.Date("D3 Completed")
    d4_why_1 = fields.Char("Why 1")
    d4_why_2 = fields.Char("Why 2")
    d4_why_3 = fields.Char("Why 3")
    d4_why_4 = fields.Char("Why 4")
    d4_why_5 = fields.Char("Why 5")
    d4_root_cause = fields.Text("Root Cause")
    d4_escape_point = fields.Text(
        "Escape Point", help="Where in the process the defect should have been caught.")
    cause_id = fields.Many2one(
        "gendan.repair.cause", "Cause Category", index=True,
        track_visibility="onchange")
    d4_user_id = fields.Many2one("res.users", "D4 Owner")
    d4_date = fields.Date("D4 Completed")
    action_ids = fields.One2many("gendan.complaint.action", "complaint_id", "Actions")
    corrective_action_ids = fields.One2many(
        "gendan.complaint.action", "complaint_id", "Corrective Actions",
        domain=[("action_type", "=", "corrective")])
    open_action_count = fields.Integer(compute="_compute_open_action_count")
    d5_verification = fields.Text("Verification of Actions")
    d5_user_id = fields.Many2one("res.users", "D5 Owner")
    d5_date = fields.Date("D5 Completed")
    d6_validation = fields.Text("Implementation and Validation")
    d6_user_id = fields.Many2one("res.users", "D6 Owner")
    d6_date = fields.Date("D6 Completed")
    d7_prevention = fields.Text("Prevention (Procedures)")
    d7_fmea_updated = fields.Boolean("FMEA Updated")
    d7_control_plan_updated = fields.Boolean("Control Plan Updated")
    d7_user_id = fields.Many2one("res.users", "D7 Owner")
    d7_date = fields.Date("D7 Completed")
    d8_closure = fields.Text("Closure and Recognition")
    d8_user_id = fields.Many2one("res.users", "D8 Owner")
    d8_date = fields.Date("D8 Completed")

    # -- compensation and reply
    compensation_ids = fields.One2many(
        "gendan.complaint.compensation", "complaint_id", "Compensations")
    compensation_pending = fields.Boolean(compute="_compute_compensation_pending")
    reply_date = fields.Datetime(readonly=True, copy=False)
    repair_ids = fields.One2many("mrp.repair", "complaint_id", "Repair Returns")
    part_request_ids = fields.One2many(
        "gendan.part.request", "complaint_id", "Replacement Parts")

    # -- computes
    @api.depends("severity")
    def _compute_meeting_required(self):
        for complaint in self:
            complaint.meeting_required = complaint.severity in ("major", "critical")

    @api.depends("eightd_step")
    def _compute_eightd_missing(self):
        labels = self._eightd_field_labels()
        for complaint in self:
            missing = complaint._eightd_missing_fields(complaint.eightd_step)
            complaint.eightd_missing = ", ".join(labels[name] for name in missing)

    @api.depends("action_ids.is_done")
    def _compute_open_action_count(self):
        for complaint in self:
            complaint.open_action_count = len(
                complaint.action_ids.filtered(lambda a: not a.is_done))

    @api.depends("compensation_ids.state")
    def _compute_compensation_pending(self):
        for complaint in self:
            complaint.compensation_pending = any(
                comp.state == "draft" for comp in complaint.compensation_ids)

    # -- onchanges
    @api.onchange("severity")
    def _onchange_severity(self):
        if self.severity in ("major", "critical"):
            self.eightd_required = True

    @api.onchange("order_id")
    def _onchange_order_id(self):
        order = self.order_id
        if order:
            self.partner_id = order.partner_id
            self.merchandiser_id = order.merchandiser_id
            self.product_ids = order.order_line.mapped("product_id")

    @api.onchange("picking_id")
    def _onchange_picking_id(self):
        picking = self.picking_id
        if picking:
            self.partner_id = picking.partner_id.commercial_partner_id
            if picking.sale_id:
                self.order_id = picking.sale_id
            if not self.product_ids:
                self.product_ids = picking.move_lines.mapped("product_id")

    # -- CRUD
    @api.model
    def create(self, vals):
        if not vals.get("partner_id"):
            raise ValidationError(_("A complaint needs a customer."))
        if vals.get("severity") in ("major", "critical"):
            vals.setdefault("eightd_required", True)
        if not vals.get("merchandiser_id") and vals.get("order_id"):
            order = self.env["sale.order"].browse(vals["order_id"])
            vals["merchandiser_id"] = order.merchandiser_id.id
        step = vals.pop("eightd_step", False)
        complaint = super().create(vals)
        # later steps go through the same guards as a write
        if step:
            complaint.write({"eightd_step": step})
        return complaint

    @api.multi
    def write(self, vals):
        if "partner_id" in vals and not vals["partner_id"]:
            raise ValidationError(_("A complaint needs a customer."))
        if vals.get("state"):
            self._check_state_transition(vals["state"], vals)
        if vals.get("eightd_step"):
            self._check_eightd_transition(vals["eightd_step"], vals)
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda c: c.state != "new"):
            raise UserError(_("Only complaints still in intake can be deleted."))
        return super().unlink()

    # -- guards
    @api.model
    def _eightd_field_labels(self):
        labels = {}
        for step in EIGHTD_REQUIRED:
            for name in EIGHTD_REQUIRED[step] + [step + "_user_id", step + "_date"]:
                labels[name] = self._fields[name].get_description(self.env)["string"]
        return labels

    def _eightd_missing_fields(self, step, vals=None):
        """Names of the fields of discipline ``step`` that are still empty."""
        self.ensure_one()
        vals = vals or {}
        if step not in EIGHTD_REQUIRED:
            return []
        missing = []
        for name in EIGHTD_REQUIRED[step] + [step + "_user_id", step + "_date"]:
            field = self._fields[name]
            if name in vals and field.type not in ("one2many", "many2many"):
                filled = bool(vals[name])
            else:
                filled = bool(self[name])
            if not filled:
                missing.append(name)
        return missing

    def _check_state_transition(self, state, vals):
        for complaint in self:
            if state == "analysis":
                complaint._check_meeting_held(vals)
            elif state == "replied":
                complaint._check_reply_allowed()
            elif state == "closed":
                complaint._check_close_allowed(vals)

    def _check_meeting_held(self, vals):
        self.ensure_one()
        severity = vals.get("severity", self.severity)
        if severity not in ("major", "critical"):
            return
        date = vals.get("meeting_date", self.meeting_date)
        minutes = vals.get("meeting_minutes", self.meeting_minutes)
        if not (date and minutes and self.meeting_attendee_ids):
            raise UserError(_(
                "Complaint %(name)s is %(severity)s: hold the rectification meeting "
                "(date, attendees, minutes) before the analysis starts.") % {
                "name": self.name, "severity": dict(SEVERITIES)[severity]})

    def _check_reply_allowed(self):
        self.ensure_one()
        if self.state not in ("analysis", "replied"):
            raise UserError(_(
                "Complaint %s: the customer is answered once the analysis has "
                "started.") % self.name)
        if self.compensation_pending:
            raise UserError(_(
                "Complaint %s: a compensation is not approved yet; it must be "
                "approved (or cancelled) before the customer reply.") % self.name)

    def _check_close_allowed(self, vals):
        self.ensure_one()
        if not (vals.get("reply_date") or self.reply_date):
            raise UserError(_(
                "Complaint %s cannot be closed before the customer reply.") % self.name)
        if self.compensation_pending:
            raise UserError(_(
                "Complaint %s has a compensation waiting for approval.") % self.name)
        step = vals.get("eightd_step", self.eightd_step)
        if self.eightd_required and step != "closed":
            raise UserError(_(
                "Complaint %s cannot be closed while its 8D report is open.")
                % self.name)

    def _check_open(self):
        if self.filtered(lambda c: c.state in ("closed", "cancel")):
            raise UserError(_("The complaint is closed or cancelled."))

    def _check_actions_editable(self):
        closed = self.filtered(
            lambda c: c.eightd_step == "closed" or c.state == "closed")
        if closed:
            raise UserError(_(
                "The 8D report of %s is closed: its actions cannot change.")
                % ", ".join(closed.mapped("name")))

    def _check_eightd_transition(self, target, vals):
        target_index = STEP_KEYS.index(target)
        labels = self._eightd_field_labels()
        for complaint in self:
            state = vals.get("state", complaint.state)
            if target_index and state not in ("analysis", "replied", "closed"):
                raise UserError(_(
                    "Complaint %s: the 8D report advances during the analysis "
                    "only.") % complaint.name)
            for step in STEP_KEYS[:target_index]:
                missing = complaint._eightd_missing_fields(step, vals)
                if missing:
                    raise UserError(_(
                        "Complaint %(name)s: discipline %(step)s is incomplete "
                        "(%(fields)s).") % {
                        "name": complaint.name, "step": step.upper(),
                        "fields": ", ".join(labels[name] for name in missing)})
            open_corrective = complaint.corrective_action_ids.filtered(
                lambda a: not a.is_done)
            if target_index > STEP_KEYS.index("d6") and open_corrective:
                raise UserError(_(
                    "Complaint %s: implement every corrective action before "
                    "leaving D6.") % complaint.name)
            if target == "closed" and complaint.open_action_count:
                raise UserError(_(
                    "Complaint %(name)s: the 8D report cannot close while "
                    "%(count)d action(s) are open.") % {
                    "name": complaint.name, "count": complaint.open_action_count})

    # -- actions
    @api.multi
    @transition(["new"], "analysis")
    def action_start_analysis(self):
        return self.write({"state": "analysis"})

    @api.multi
    def action_eightd_next(self):
        for complaint in self:
            if complaint.eightd_step == "closed":
                raise UserError(_("The 8D report of %s is closed.") % complaint.name)
            next_step = STEP_KEYS[STEP_KEYS.index(complaint.eightd_step) + 1]
            complaint.write({"eightd_step": next_step})
        return True

    @api.multi
    def action_reply_send(self):
        """Open the mail composer with the reply template."""
        self.ensure_one()
        self._check_reply_allowed()
        return self._gendan_composer_action(
            self.env.ref("gendan_complaint.mail_template_complaint_reply"),
            gendan_complaint_reply=True, force_email=True)

    @api.multi
    @api.returns("self", lambda value: value.id)
    def message_post(self, **kwargs):
        if self.env.context.get("gendan_complaint_reply"):
            for complaint in self:
                complaint._check_reply_allowed()
            message = super().message_post(**kwargs)
            self.with_context(gendan_complaint_reply=False)._reply_sent()
            return message
        return super().message_post(**kwargs)

    @transition(["analysis", "replied"], "replied")
    def _reply_sent(self, reply_date=False):
        """The reply went out (the composer posted it): replied, now."""
        return self.write({"state": "replied",
                           "reply_date": reply_date or fields.Datetime.now()})

    @api.multi
    @transition(["analysis", "replied"], "closed")
    def action_close(self):
        return self.write({"state": "closed"})

    @api.multi
    @transition(["new", "analysis", "replied"], "cancel")
    def action_cancel(self):
        return self.write({"state": "cancel"})

    @api.multi
    @transition(["cancel"], "new")
    def action_reset(self):
        return self.write({"state": "new"})

    @api.multi
    def action_print_8d(self):
        self.ensure_one()
        report = self.env.ref("gendan_complaint.action_report_complaint_8d")
        return report.report_action(self)
