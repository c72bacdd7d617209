from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import audit_value, engine, transition

RESULTS = ("passed", "conditional", "failed")
RESULT_GROUPS = ["gendan_base.group_qa", "gendan_base.group_merchandiser"]


class GendanCustomerInspection(models.Model):
    """Customer (third-party) inspection of a lot, with re-inspection."""

    _name = "gendan.customer.inspection"
    _description = "Customer Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin"]
    _order = "date_scheduled desc, id desc"
    _state_button_fields = ("date_result",)

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

    @api.multi
    def write(self, vals):
        if "date_scheduled" in vals:
            if self.filtered(lambda i: i.state != "scheduled"):
                raise UserError(_("Only a scheduled inspection can be moved."))
            self._log_date_change(vals["date_scheduled"])
        return super(GendanCustomerInspection, self).write(vals)

    def _log_date_change(self, new_date):
        """The trail: the real user (or the one whose button moved the date,
        e.g. a resolved exception), now; never from the context."""
        exception = audit_value("exception")
        user = audit_value("user") or self.env.user
        with engine():
            for insp in self.filtered(lambda i: i.date_scheduled != new_date):
                self.env["gendan.production.date.change"].sudo().create({
                    "task_order_id": insp.task_order_id.id,
                    "exception_id": exception and exception.id,
                    "date_type": "inspection",
                    "old_date": insp.date_scheduled,
                    "new_date": new_date,
                    "user_id": user.id,
                })

    @api.multi
    def action_notify(self):
        """Tell production and QA to get the lot ready."""
        users = (self.env.ref("gendan_base.group_production").sudo().users
                 | self.env.ref("gendan_base.group_qa").sudo().users)
        self.env["mail.activity"]._todo_ensure(
            self, "customer_inspection", users,
            lambda self: _("Customer inspection %(name)s on %(date)s") % {
                "name": self.name, "date": self.date_scheduled},
            deadline=lambda insp: insp.date_scheduled)
        return True

    def _set_result(self, result):
        if result != "passed" and self.filtered(
                lambda i: not (i.result_note or "").strip()):
            raise UserError(_("Describe the findings of a failed or conditional "
                              "inspection."))
        return self.write({"state": result,
                           "date_result": fields.Date.context_today(self)})

    @api.multi
    @transition(["scheduled"], "passed", groups=RESULT_GROUPS)
    def action_pass(self):
        return self._set_result("passed")

    @api.multi
    @transition(["scheduled"], "conditional", groups=RESULT_GROUPS)
    def action_conditional(self):
        return self._set_result("conditional")

    @api.multi
    @transition(["scheduled"], "failed", groups=RESULT_GROUPS)
    def action_fail(self):
        return self._set_result("failed")

    @api.multi
    @transition(["scheduled"], "cancel")
    def action_cancel(self):
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
