from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import audit, transition


class GendanProductionException(models.Model):
    """Production exception report (生产异常报告) with escalation."""

    _name = "gendan.production.exception"
    _description = "Production Exception"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin"]
    _order = "id desc"

    name = fields.Char("Number", default="/", readonly=True, copy=False)
    task_order_id = fields.Many2one("gendan.task.order", required=True,
                                    index=True, ondelete="cascade")
    sale_order_id = fields.Many2one(related="task_order_id.sale_order_id",
                                    store=True, readonly=True)
    company_id = fields.Many2one(related="task_order_id.company_id", store=True,
                                 readonly=True)
    production_id = fields.Many2one(
        "mrp.production", "Manufacturing Order",
        domain="[('gendan_task_order_id', '=', task_order_id)]")
    workcenter_id = fields.Many2one("mrp.workcenter", "Work Centre")
    process_step = fields.Char()
    description = fields.Text(required=True)
    impact = fields.Selection(
        [("none", "No Impact"), ("delivery", "Delivery Date"),
         ("inspection", "Inspection Date"), ("both", "Delivery and Inspection")],
        required=True, default="none", track_visibility="onchange")
    department_group_id = fields.Many2one(
        "res.groups", "Responsible Department",
        domain=lambda self: [("category_id", "=", self.env.ref(
            "gendan_base.module_category_gendan").id)])
    responsible_id = fields.Many2one("res.users", track_visibility="onchange")
    countermeasure = fields.Text()
    new_delivery_date = fields.Date()
    new_inspection_date = fields.Date()
    reported_by_id = fields.Many2one("res.users", readonly=True,
                                     default=lambda self: self.env.user)
    state = fields.Selection(
        [("open", "Open"), ("escalated", "Escalated"), ("resolved", "Resolved")],
        default="open", required=True, readonly=True, track_visibility="onchange")

    @api.multi
    def write(self, vals):
        if self.filtered(lambda e: e.state == "resolved") and set(vals) - {
                "message_follower_ids", "activity_ids"}:
            raise UserError(_("A resolved exception cannot be changed."))
        return super(GendanProductionException, self).write(vals)

    @api.multi
    @transition(["open", "escalated"], "escalated")
    def action_escalate(self):
        """Activities for the responsible department and the general manager."""
        managers = self.env.ref("gendan_base.group_general_manager").sudo().users
        self.env["mail.activity"]._todo_ensure(
            self, "production_exception",
            lambda exc: (exc.responsible_id | exc.department_group_id.sudo().users
                         | managers),
            lambda self: _("Production exception %s: countermeasure needed")
            % self.name)
        return self.write({"state": "escalated"})

    @api.multi
    @transition(["open", "escalated"], "resolved")
    def action_resolve(self):
        """Apply the new dates (logged; a delivery change is a change notice)."""
        for exc in self:
            if not (exc.countermeasure or "").strip():
                raise UserError(_("Give the countermeasure of %s.") % exc.name)
        moves_delivery = self.filtered(
            lambda e: e.new_delivery_date
            and e.new_delivery_date != e.task_order_id.date_deadline)
        if moves_delivery and not self.env.user.has_group(
                "gendan_base.group_merchandiser"):
            raise UserError(_("A new delivery date is applied by the merchandiser "
                              "(it is a change notice of the task order)."))
        for exc in self:
            task = exc.task_order_id
            with audit(exception=exc, user=self.env.user, reason=_(
                    "Delivery date changed by exception %s") % exc.name):
                exc._apply_dates(task)
        return self.write({"state": "resolved"})

    def _apply_dates(self, task):
        if self.new_delivery_date and self.new_delivery_date != task.date_deadline:
            task.write({"date_deadline": self.new_delivery_date})
        if self.new_inspection_date:
            inspections = task.inspection_ids.filtered(
                lambda i: i.state == "scheduled")
            # the resolved exception is the authority to move the date
            inspections.sudo().write({"date_scheduled": self.new_inspection_date})
