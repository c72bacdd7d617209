from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

QA_FIELDS = {"qa_findings", "qa_result", "qa_user_id", "qa_date", "qa_attachment_ids"}
ENGINEERING_FIELDS = {"repair_cause_id", "repair_action", "repair_user_id",
                      "repair_date"}
RETURN_STAGES = [("registered", "Registered"), ("inspected", "QA Inspected"),
                 ("repaired", "Repair Reported"), ("returned", "Returned to Customer")]


def _is_filled(value):
    """False for the empty values a form sends for untouched fields."""
    if isinstance(value, (list, tuple)):
        return any(cmd[0] != 6 or cmd[2] for cmd in value)
    return bool(value)


class MrpRepair(models.Model):
    """Customer repair returns (返修机): registration, QA report, engineering report."""

    _inherit = "mrp.repair"

    is_customer_return = fields.Boolean("Customer Return", index=True)
    return_stage = fields.Selection(
        RETURN_STAGES, default="registered", required=True, copy=False,
        track_visibility="onchange", index=True)
    return_date = fields.Date(
        "Return Received", default=fields.Date.context_today, index=True)
    return_quarter = fields.Char(
        compute="_compute_return_quarter", store=True, index=True)
    fault_reported = fields.Text("Fault Reported by Customer")
    complaint_id = fields.Many2one("gendan.complaint", index=True)
    sale_order_id = fields.Many2one("sale.order", "Original Order", index=True)
    merchandiser_id = fields.Many2one("res.users", track_visibility="onchange")
    # QA inspection report
    qa_findings = fields.Text("QA Findings")
    qa_result = fields.Selection(
        [("confirmed", "Fault Confirmed"), ("no_fault", "No Fault Found"),
         ("customer_damage", "Customer Damage")], "QA Result")
    qa_user_id = fields.Many2one("res.users", "Inspected By")
    qa_date = fields.Date("Inspection Date")
    qa_attachment_ids = fields.Many2many(
        "ir.attachment", "mrp_repair_qa_attachment_rel", "repair_id",
        "attachment_id", string="Inspection Photos")
    # engineering repair report
    repair_cause_id = fields.Many2one(
        "gendan.repair.cause", "Cause Category", index=True,
        track_visibility="onchange")
    repair_action = fields.Text()
    repair_user_id = fields.Many2one("res.users", "Repaired By")
    repair_date = fields.Date("Repair Report Date")

    @api.depends("return_date")
    def _compute_return_quarter(self):
        for repair in self:
            date = fields.Date.from_string(repair.return_date)
            repair.return_quarter = date and "%d-Q%d" % (
                date.year, (date.month - 1) // 3 + 1) or False

    @api.onchange("complaint_id")
    def _onchange_complaint_id(self):
        complaint = self.complaint_id
        if complaint:
            self.partner_id = complaint.partner_id
            self.sale_order_id = complaint.order_id
            self.merchandiser_id = complaint.merchandiser_id
            self.lot_id = complaint.lot_id

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id(self):
        if self.sale_order_id and not self.merchandiser_id:
            self.merchandiser_id = self.sale_order_id.merchandiser_id

    # -- guards
    @api.model
    def create(self, vals):
        self._check_report_rights(vals, creating=True)
        if vals.get("complaint_id") and not vals.get("merchandiser_id"):
            complaint = self.env["gendan.complaint"].browse(vals["complaint_id"])
            vals["merchandiser_id"] = complaint.merchandiser_id.id
        repair = super().create(vals)
        if repair.is_customer_return:
            repair._notify_merchandiser(_("Repair return registered."))
        return repair

    @api.multi
    def write(self, vals):
        self._check_report_rights(vals)
        if vals.get("return_stage"):
            self._check_return_stage(vals["return_stage"], vals)
        return super().write(vals)

    @api.model
    def _check_report_rights(self, vals, creating=False):
        """QA writes the inspection report, engineering the repair report."""
        if self.env.uid == 1 or self.env.user.has_group("gendan_base.group_manager"):
            return
        written = set(vals)
        if creating:
            written = {name for name, value in vals.items() if _is_filled(value)}
        if QA_FIELDS & written and not self.env.user.has_group("gendan_base.group_qa"):
            raise AccessError(_("Only Quality Assurance writes the inspection report."))
        if ENGINEERING_FIELDS & written and not self.env.user.has_group(
                "gendan_base.group_engineering"):
            raise AccessError(_("Only Engineering writes the repair report."))

    def _check_return_stage(self, stage, vals):
        for repair in self:
            if stage == "inspected" and not (
                    vals.get("qa_findings", repair.qa_findings)
                    and vals.get("qa_result", repair.qa_result)):
                raise UserError(_(
                    "%s: write the QA findings and result first.") % repair.name)
            if stage == "repaired" and not (
                    vals.get("repair_cause_id", repair.repair_cause_id)
                    and vals.get("repair_action", repair.repair_action)):
                raise UserError(_(
                    "%s: the repair report needs a cause category and the action "
                    "taken.") % repair.name)
            order = [key for key, _label in RETURN_STAGES]
            if order.index(stage) > order.index(repair.return_stage) + 1:
                raise UserError(_("%s: the return must go through each step.")
                                % repair.name)

    # -- actions
    @api.multi
    def action_return_inspected(self):
        self._check_stage_is("registered")
        self.write({"return_stage": "inspected", "qa_user_id": self.env.uid,
                    "qa_date": fields.Date.context_today(self)})
        self._notify_merchandiser(_("QA inspection reported."))
        return True

    @api.multi
    def action_return_repaired(self):
        self._check_stage_is("inspected")
        self.write({"return_stage": "repaired", "repair_user_id": self.env.uid,
                    "repair_date": fields.Date.context_today(self)})
        self._notify_merchandiser(_("Engineering repair report written."))
        return True

    @api.multi
    def action_return_shipped(self):
        self._check_stage_is("repaired")
        self.write({"return_stage": "returned"})
        self._notify_merchandiser(_("Unit returned to the customer."))
        return True

    def _check_stage_is(self, stage):
        wrong = self.filtered(lambda r: r.return_stage != stage)
        if wrong:
            raise UserError(_("%(names)s: not at step '%(step)s'.") % {
                "names": ", ".join(wrong.mapped("name")),
                "step": dict(RETURN_STAGES)[stage]})

    def _notify_merchandiser(self, body):
        """Post the step on the chatter and notify the merchandiser."""
        for repair in self:
            partners = repair.merchandiser_id.partner_id.ids
            repair.message_post(
                body=body, partner_ids=partners,
                subtype="mail.mt_comment")
