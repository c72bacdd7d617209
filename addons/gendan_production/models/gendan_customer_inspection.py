from odoo import _, api, fields, models
from odoo.exceptions import UserError

RESULTS = ("passed", "conditional", "failed")


class GendanCustomerInspection(models.Model):
    """Customer (third-party) inspection of a lot, with re-inspection."""

    _name = "gendan.customer.inspection"
    _description = "Customer Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_scheduled desc, id desc"

    name = fields.Char("Number", default="/", readonly=True, copy=False)
    task_order_id = fields.Many2one("gendan.task.order", required=True,
                                    index=True, ondelete="cascade")
    sale_order_id = fields.Many2one(related="task_order_id.sale_order_id",
                                    store=True, readonly=True)
    company_id = fields.Many2one(related="task_order_id.company_id", store=True,
                                 readonly=True)
    date_scheduled = fields.Date("Inspection Date", required=True,
                                 track_visibility="onchange")
    inspector = fields.Char(help="Customer's inspector or inspection company.")
    lot = fields.Char("Lot / Batch")
    quantity = fields.Float("Lot Quantity")
    state = fields.Selection(
        [("scheduled", "Scheduled"), ("passed", "Passed"),
         ("conditional", "Conditionally Passed"), ("failed", "Failed"),
         ("cancel", "Cancelled")],
        default="scheduled", required=True, readonly=True,
        track_visibility="onchange")
    result_note = fields.Text("Result / Findings")
    date_result = fields.Date("Result Date", readonly=True)
    parent_id = fields.Many2one("gendan.customer.inspection", "Re-inspection Of",
                                readonly=True)
    reinspection_ids = fields.One2many("gendan.customer.inspection", "parent_id",
                                       "Re-inspections", readonly=True)

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code(
                "gendan.customer.inspection") or "/"
        return super(GendanCustomerInspection, self).create(vals)

    @api.multi
    def write(self, vals):
        if "date_scheduled" in vals:
            if self.filtered(lambda i: i.state != "scheduled"):
                raise UserError(_("Only a scheduled inspection can be moved."))
            for insp in self:
                if insp.date_scheduled != vals["date_scheduled"]:
                    self.env["gendan.production.date.change"].sudo().create({
                        "task_order_id": insp.task_order_id.id,
                        "exception_id": self.env.context.get("gendan_exception_id"),
                        "date_type": "inspection",
                        "old_date": insp.date_scheduled,
                        "new_date": vals["date_scheduled"],
                        "user_id": self.env.context.get("gendan_change_uid")
                        or self.env.uid,
                    })
        return super(GendanCustomerInspection, self).write(vals)

    @api.multi
    def action_notify(self):
        """Tell production and QA to get the lot ready."""
        model_id = self.env["ir.model"]._get_id(self._name)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        users = (self.env.ref("gendan_base.group_production").sudo().users
                 | self.env.ref("gendan_base.group_qa").sudo().users)
        for insp in self:
            for user in users:
                self.env["mail.activity"].sudo().create({
                    "res_model_id": model_id, "res_id": insp.id,
                    "activity_type_id": activity_type.id, "user_id": user.id,
                    "summary": _("Customer inspection %(name)s on %(date)s") % {
                        "name": insp.name, "date": insp.date_scheduled},
                    "date_deadline": insp.date_scheduled,
                })
        return True

    def _set_result(self, result):
        if not (self.env.user.has_group("gendan_base.group_qa")
                or self.env.user.has_group("gendan_base.group_merchandiser")):
            raise UserError(_("The inspection result is recorded by QA or the "
                              "merchandiser."))
        if self.filtered(lambda i: i.state != "scheduled"):
            raise UserError(_("The result is recorded on a scheduled inspection."))
        if result != "passed" and self.filtered(
                lambda i: not (i.result_note or "").strip()):
            raise UserError(_("Describe the findings of a failed or conditional "
                              "inspection."))
        return self.write({"state": result,
                           "date_result": fields.Date.context_today(self)})

    @api.multi
    def action_pass(self):
        return self._set_result("passed")

    @api.multi
    def action_conditional(self):
        return self._set_result("conditional")

    @api.multi
    def action_fail(self):
        return self._set_result("failed")

    @api.multi
    def action_cancel(self):
        if self.filtered(lambda i: i.state != "scheduled"):
            raise UserError(_("Only a scheduled inspection can be cancelled."))
        return self.write({"state": "cancel"})

    @api.multi
    def action_reinspect(self):
        """Schedule the re-inspection of a failed or conditional lot."""
        self.ensure_one()
        if self.state not in ("failed", "conditional"):
            raise UserError(_("Only a failed or conditional lot is re-inspected."))
        if self.reinspection_ids:
            raise UserError(_("%s already has a re-inspection.") % self.name)
        new = self.copy({"parent_id": self.id, "result_note": False,
                         "date_scheduled": fields.Date.context_today(self)})
        return {"type": "ir.actions.act_window",
                "res_model": self._name, "res_id": new.id, "view_mode": "form"}
