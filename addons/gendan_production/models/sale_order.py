from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_order.models.sale_order import MILESTONE_STATES

MILESTONES = ("task_order", "bom", "material", "first_article", "produced",
              "inspected")
# computed apart: MO state changes recompute only the "produced" milestone
TASK_MILESTONES = tuple(name for name in MILESTONES if name != "produced")


class SaleOrder(models.Model):
    """Production milestones of the merchandiser's cockpit."""

    _inherit = "sale.order"

    gendan_task_order_ids = fields.One2many("gendan.task.order", "sale_order_id",
                                            "Task Orders", readonly=True)
    # also the MOs made from the task order (one dependency path for the
    # expected date and the "produced" milestone: one search per MO write)
    production_ids = fields.One2many(inverse_name="gendan_sale_order_id")
    gendan_task_order_count = fields.Integer(
        compute="_compute_gendan_task_order_count")
    is_material_risk = fields.Boolean(
        "Material Risk", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)
    milestone_task_order_state = fields.Selection(
        MILESTONE_STATES, "Task Order Signed", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)
    milestone_task_order_date = fields.Date(
        "Task Order Signed On", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)
    milestone_bom_state = fields.Selection(
        MILESTONE_STATES, "BOM Controlled", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)
    milestone_bom_date = fields.Date(
        "BOM Controlled On", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)
    milestone_material_state = fields.Selection(
        MILESTONE_STATES, "Materials Checked", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)
    milestone_material_date = fields.Date(
        "Materials Checked On", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)
    milestone_first_article_state = fields.Selection(
        MILESTONE_STATES, "First Article", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)
    milestone_first_article_date = fields.Date(
        "First Article On", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)
    milestone_produced_state = fields.Selection(
        MILESTONE_STATES, "Produced", compute="_compute_milestone_produced",
        compute_sudo=True, store=True)
    milestone_produced_date = fields.Date(
        "Produced On", compute="_compute_milestone_produced",
        compute_sudo=True, store=True)
    milestone_inspected_state = fields.Selection(
        MILESTONE_STATES, "Inspected", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)
    milestone_inspected_date = fields.Date(
        "Inspected On", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)

    @api.depends("gendan_task_order_ids")
    def _compute_gendan_task_order_count(self):
        for order in self:
            order.gendan_task_order_count = len(order.gendan_task_order_ids)

    @api.depends(
        "state",
        "gendan_task_order_ids.state", "gendan_task_order_ids.date_approved",
        "gendan_task_order_ids.date_deadline",
        "gendan_task_order_ids.date_production_start",
        "gendan_task_order_ids.line_ids.bom_id.control_state",
        "gendan_task_order_ids.line_ids.bom_id.sla_deadline",
        "gendan_task_order_ids.material_check_ids.state",
        "gendan_task_order_ids.material_check_ids.is_material_risk",
        "gendan_task_order_ids.first_article_ids.state",
        "gendan_task_order_ids.inspection_ids.state")
    def _compute_gendan_milestones(self):
        today = fields.Date.context_today(self)
        for order in self:
            task = order._gendan_milestone_task()
            values = dict.fromkeys(
                ["milestone_%s_date" % name for name in TASK_MILESTONES], False)
            values.update({"milestone_%s_state" % name: "na"
                           for name in TASK_MILESTONES})
            values["is_material_risk"] = \
                order.gendan_task_order_ids[:1].is_material_risk
            if task:
                values.update(order._gendan_milestone_values(task, today))
            order.update(values)

    @api.depends("state", "gendan_task_order_ids.state",
                 "gendan_task_order_ids.date_deadline",
                 "production_ids.state", "production_ids.date_finished")
    def _compute_milestone_produced(self):
        for order in self:
            task = order._gendan_milestone_task()
            productions = order.production_ids.filtered(
                lambda mo: mo.state != "cancel")
            state, date = "na", False
            if task and productions:
                done = all(mo.state == "done" for mo in productions)
                dates = [d for d in productions.mapped("date_finished") if d]
                state, date = order._milestone_from(
                    done, task.date_deadline, done and dates and max(dates)[:10])
            order.milestone_produced_state = state
            order.milestone_produced_date = date

    def _gendan_milestone_task(self):
        """The task order the milestones follow (none: not applicable)."""
        task = self.gendan_task_order_ids[:1]
        if self.state in ("sale", "done") and task.state != "cancel":
            return task
        return task.browse()

    def _gendan_milestone_values(self, task, today):
        """State and date (deadline while open) of each milestone."""
        self.ensure_one()
        vals = {}
        deadline = task.date_deadline
        start = task.date_production_start or deadline

        def put(name, done_date, due):
            state, date = self._milestone_from(
                bool(done_date), due, done_date and done_date[:10])
            vals["milestone_%s_state" % name] = state
            vals["milestone_%s_date" % name] = date

        if not task:
            return vals
        approved = task.state in ("approved", "production", "done")
        put("task_order", approved and (task.date_approved or today), start)
        boms = task.line_ids.mapped("bom_id")
        controlled = bool(boms) and all(
            b.control_state == "controlled" for b in boms)
        dues = [d for d in boms.mapped("sla_deadline") if d]
        put("bom", controlled and max(boms.mapped("controlled_date")),
            dues and min(dues) or start)
        check = task.material_check_ids.filtered(lambda c: c.state == "confirmed")[:1]
        put("material", check.confirmed_date, start)
        if check.is_material_risk:
            vals["milestone_material_state"] = "late"
        articles = task.first_article_ids.filtered(lambda fa: fa.state != "failed")
        passed = articles.filtered(lambda fa: fa.state == "passed")
        put("first_article", articles and articles == passed
            and max(passed.mapped("date_passed")), start)
        inspections = task.inspection_ids.filtered(lambda i: i.state != "cancel")
        if inspections:
            last = inspections.sorted("id")[-1]
            passed_ok = last.state in ("passed", "conditional")
            put("inspected", passed_ok and (last.date_result or last.date_scheduled),
                last.date_scheduled)
            if last.state == "failed":
                vals["milestone_inspected_state"] = "late"
        return vals

    @api.depends(*["milestone_%s_%s" % (name, kind) for name in MILESTONES
                   for kind in ("state", "date")])
    def _compute_cockpit_summary(self):
        return super(SaleOrder, self)._compute_cockpit_summary()

    @api.multi
    def action_gendan_create_task_order(self):
        """Open the order's task order, creating it from the order lines."""
        self.ensure_one()
        task = self.gendan_task_order_ids[:1]
        if not task:
            if not self.env.user.has_group("gendan_base.group_merchandiser"):
                raise UserError(_("The task order is created by the merchandiser."))
            model = self.env["gendan.task.order"]
            model._check_sale_order_ready(self)
            task = model.create({
                "sale_order_id": self.id,
                "date_deadline": model._default_delivery_date(self),
                "line_ids": [(0, 0, vals) for vals in model._prepare_line_vals(self)],
            })
        return {"type": "ir.actions.act_window", "res_model": "gendan.task.order",
                "res_id": task.id, "view_mode": "form"}
