import math
from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_order.models.sale_order import milestone_fields

MILESTONES = ("task_order", "bom", "material", "first_article", "produced",
              "inspected")
# computed apart: MO state changes recompute only the "produced" milestone,
# a first article passing only the "first article" one
TASK_MILESTONES = tuple(name for name in MILESTONES
                        if name not in ("produced", "first_article"))
# working days before the mass production start the first article must pass
FIRST_ARTICLE_LEAD_DAYS = 3
OPEN_MO_STATES = ("confirmed", "planned", "progress")
# the order states where the promise is checked against the plan
QUOTATION_STATES = ("draft", "sent")
# committed minutes per work centre: the open work orders' remaining time,
# and the routing of the open MOs not planned yet (no work orders)
COMMITTED_LOAD_SQL = """
    SELECT op.workcenter_id,
           SUM(op.time_cycle_manual * CEIL(mo.product_qty
               / COALESCE(NULLIF(bom.product_qty, 0), 1)
               / COALESCE(NULLIF(wc.capacity, 0), 1))
               + COALESCE(wc.time_start, 0) + COALESCE(wc.time_stop, 0))
      FROM mrp_production mo
      JOIN mrp_bom bom ON bom.id = mo.bom_id
      JOIN mrp_routing_workcenter op ON op.routing_id = mo.routing_id
      JOIN mrp_workcenter wc ON wc.id = op.workcenter_id
     WHERE mo.state IN %(states)s AND op.workcenter_id IN %(centres)s
       AND NOT EXISTS (SELECT 1 FROM mrp_workorder w WHERE w.production_id = mo.id)
  GROUP BY op.workcenter_id
 UNION ALL
    SELECT w.workcenter_id,
           SUM(GREATEST(w.duration_expected - COALESCE(w.duration, 0), 0))
      FROM mrp_workorder w
     WHERE w.state NOT IN ('done', 'cancel') AND w.workcenter_id IN %(centres)s
  GROUP BY w.workcenter_id
"""


class SaleOrder(models.Model):
    """Production milestones of the merchandiser's cockpit."""

    _inherit = "sale.order"

    gendan_task_order_ids = fields.One2many("gendan.task.order", "sale_order_id",
                                            "Task Orders", readonly=True)
    # the dependency path of the milestones and risk on the first articles
    # (their stored order): one search per article write, not one per link
    gendan_first_article_ids = fields.One2many(
        "gendan.first.article", "sale_order_id", "First Article Confirmations",
        readonly=True)
    # also the MOs made from the task order (one dependency path for the
    # expected date and the "produced" milestone: one search per MO write)
    production_ids = fields.One2many(inverse_name="gendan_sale_order_id")
    gendan_task_order_count = fields.Integer(
        compute="_compute_gendan_task_order_count")
    is_material_risk = fields.Boolean(
        "Material Risk", compute="_compute_gendan_milestones",
        compute_sudo=True, store=True)
    milestone_task_order_state, milestone_task_order_date = milestone_fields(
        "Task Order Signed", "Task Order Signed On", "_compute_gendan_milestones")
    milestone_bom_state, milestone_bom_date = milestone_fields(
        "BOM Controlled", "BOM Controlled On", "_compute_gendan_milestones")
    milestone_material_state, milestone_material_date = milestone_fields(
        "Materials Checked", "Materials Checked On", "_compute_gendan_milestones")
    milestone_first_article_state, milestone_first_article_date = milestone_fields(
        "First Article", "First Article On", "_compute_milestone_first_article")
    milestone_produced_state, milestone_produced_date = milestone_fields(
        "Produced", "Produced On", "_compute_milestone_produced")
    milestone_inspected_state, milestone_inspected_date = milestone_fields(
        "Inspected", "Inspected On", "_compute_gendan_milestones")

    gendan_feasible_date = fields.Date(
        "Earliest Feasible Delivery", compute="_compute_gendan_feasible_date",
        help="From the load already committed on the order's work centres "
             "and the lead times of the materials not in stock.")
    is_promise_infeasible = fields.Boolean(
        "Promise Earlier Than Feasible", compute="_compute_gendan_feasible_date")
    gendan_material_check_count = fields.Integer(
        "Material Checks", compute="_compute_gendan_production_counts")
    gendan_first_article_count = fields.Integer(
        "Number of First Articles", compute="_compute_gendan_production_counts")
    gendan_inspection_count = fields.Integer(
        "Customer Inspections", compute="_compute_gendan_production_counts")
    gendan_exception_count = fields.Integer(
        "Production Exceptions", compute="_compute_gendan_production_counts")

    @api.depends("gendan_task_order_ids")
    def _compute_gendan_task_order_count(self):
        for order in self:
            order.gendan_task_order_count = len(order.gendan_task_order_ids)

    def _compute_gendan_production_counts(self):
        tasks = self.sudo().mapped("gendan_task_order_ids")
        counts = {field: self._gendan_count_by_task(tasks, model) for field, model in (
            ("gendan_material_check_count", "gendan.material.check"),
            ("gendan_first_article_count", "gendan.first.article"),
            ("gendan_inspection_count", "gendan.customer.inspection"),
            ("gendan_exception_count", "gendan.production.exception"))}
        for order in self:
            for field, by_order in counts.items():
                order[field] = by_order.get(order.id, 0)

    @api.model
    def _gendan_count_by_task(self, tasks, model):
        """{order id: number of ``model`` records of its task orders}, in
        one query."""
        if not tasks:
            return {}
        by_task = self.env[model].sudo().read_group(
            [("task_order_id", "in", tasks.ids)], ["task_order_id"],
            ["task_order_id"])
        orders = {task.id: task.sale_order_id.id for task in tasks}
        counts = defaultdict(int)
        for group in by_task:
            counts[orders[group["task_order_id"][0]]] += group["task_order_id_count"]
        return counts

    # -- feasibility of the promise -------------------------------------------

    def _compute_gendan_feasible_date(self):
        """At the review only: once confirmed, the order's own MOs are in the
        committed load and its plan gives the expected date."""
        for order in self:
            date = False
            if order.state in QUOTATION_STATES:
                date = order.sudo()._gendan_feasible_date()
            order.gendan_feasible_date = date
            order.is_promise_infeasible = bool(
                date and order.promised_date and order.promised_date < date)

    def _gendan_feasible_date(self):
        """Earliest completion of this order after the load already
        committed on its work centres and its materials' lead times (see
        the README for the assumptions)."""
        self.ensure_one()
        today = fields.Date.from_string(fields.Date.context_today(self))
        needs, material_days, produce_days = self._gendan_order_needs()
        if not needs and not material_days and not produce_days:
            return False
        days = produce_days
        if needs:
            committed = self._gendan_committed_load(list(needs))
            for centre, minutes in needs.items():
                per_day = self._gendan_minutes_per_day(centre)
                days = max(days, math.ceil(
                    (committed.get(centre.id, 0.0) + minutes) / per_day))
        start = today + timedelta(days=material_days)
        return fields.Date.to_string(self.env["gendan.sla"].add_working_days(
            start, days, self.company_id))

    def _gendan_order_needs(self):
        """({work centre: minutes}, material lead days, product lead days)
        of this order's lines, from their BOM and routing (the same queries
        whatever the number of lines)."""
        needs = defaultdict(float)
        material_days = produce_days = 0
        components = defaultdict(float)
        lines = self.order_line.filtered(
            lambda ln: ln.product_id.type in ("product", "consu"))
        boms = self._gendan_line_boms(lines.mapped("product_id"))
        for line in lines:
            produce_days = max(produce_days, math.ceil(line.product_id.produce_delay))
            bom = boms.get(line.product_id)
            if not bom:
                continue
            factor = line.product_uom_qty / (bom.product_qty or 1.0)
            for op in bom.routing_id.operation_ids:
                centre = op.workcenter_id
                needs[centre] += op.time_cycle_manual * math.ceil(
                    factor / (centre.capacity or 1.0)) + centre.time_start \
                    + centre.time_stop
            for bom_line in bom.bom_line_ids:
                components[bom_line.product_id.id] += bom_line.product_qty * factor
        stock = self._gendan_quantities_on_hand(list(components))
        for product in self.env["product.product"].browse(list(components)):
            if stock.get(product.id, 0.0) < components[product.id]:
                delay = product.seller_ids[:1].delay if product.seller_ids else 0
                material_days = max(material_days, delay)
        return needs, material_days, produce_days

    def _gendan_quantities_on_hand(self, product_ids):
        """{product id: quantity on hand} as ``qty_available`` counts it
        (the quants of the warehouses' locations), in one aggregate."""
        products = self.env["product.product"].browse(product_ids)
        if not products:
            return {}
        domain = products._get_domain_locations()[0]
        groups = self.env["stock.quant"].read_group(
            [("product_id", "in", products.ids)] + domain,
            ["product_id", "quantity"], ["product_id"])
        return {group["product_id"][0]: group["quantity"] for group in groups}

    def _gendan_line_boms(self, products):
        """{product: BOM} as ``mrp.bom._bom_find`` picks it, in one search
        for all the products."""
        domain = [
            "|", ("product_id", "in", products.ids),
            "&", ("product_id", "=", False),
            ("product_tmpl_id", "in", products.mapped("product_tmpl_id").ids)]
        if self.company_id:
            domain.append(("company_id", "=", self.company_id.id))
        boms = self.env["mrp.bom"].search(domain, order="sequence, product_id")
        found = {}
        for product in products:
            found[product] = next((
                bom for bom in boms if bom.product_id == product or (
                    not bom.product_id
                    and bom.product_tmpl_id == product.product_tmpl_id)),
                boms.browse())
        return found

    @api.model
    def _gendan_committed_load(self, centres):
        """{work centre id: minutes} committed by the open MOs (2 queries
        whatever their number)."""
        self.env.cr.execute(COMMITTED_LOAD_SQL, {
            "states": OPEN_MO_STATES,
            "centres": tuple(centre.id for centre in centres)})
        load = defaultdict(float)
        for centre_id, minutes in self.env.cr.fetchall():
            load[centre_id] += minutes or 0.0
        return load

    def _gendan_minutes_per_day(self, centre):
        """Working minutes of a day of the work centre: its calendar's weekly
        hours over its working days, at its time efficiency."""
        calendar = centre.resource_calendar_id or self.company_id.resource_calendar_id
        hours, days = 8.0, 1
        if calendar.attendance_ids:
            hours = sum(att.hour_to - att.hour_from for att in calendar.attendance_ids)
            days = len(set(calendar.attendance_ids.mapped("dayofweek"))) or 1
        efficiency = (centre.time_efficiency or 100.0) / 100.0
        return max(hours / days * 60.0 * efficiency, 1.0)

    @api.multi
    def action_signoff_request(self):
        """At the review, a promise earlier than feasible goes to the
        general manager and the salesperson."""
        res = super(SaleOrder, self).action_signoff_request()
        self._gendan_flag_infeasible_promise()
        return res

    def _gendan_flag_infeasible_promise(self):
        late = self.filtered(lambda o: o.is_promise_infeasible)
        if not late:
            return
        managers = self.env.ref("gendan_base.group_general_manager").sudo().users
        self.env["mail.activity"]._todo_ensure(
            late, "promise_feasibility", lambda o: managers | o.user_id,
            lambda self: _("%(order)s: promised %(promised)s, feasible "
                           "%(feasible)s with the orders in production; agree "
                           "the date with the customer (delay notice)") % {
                               "order": self.name, "promised": self.promised_date,
                               "feasible": self.gendan_feasible_date})

    @api.multi
    def action_open_delay_notice(self):
        """The delay notice proposes the feasible date when it is later."""
        action = super(SaleOrder, self).action_open_delay_notice()
        feasible = self.sudo()._gendan_feasible_date()
        current = action["context"].get("default_new_date")
        if feasible and (not current or feasible > current):
            action["context"] = dict(action["context"], default_new_date=feasible)
        return action

    # -- risk -----------------------------------------------------------------

    @api.depends(
        "gendan_task_order_ids.state",
        "gendan_task_order_ids.date_production_start",
        "gendan_task_order_ids.date_deadline",
        "gendan_task_order_ids.line_ids.product_id",
        "gendan_task_order_ids.material_check_ids.state",
        "gendan_task_order_ids.material_check_ids.line_ids.eta_date",
        "gendan_first_article_ids.state",
        "gendan_task_order_ids.inspection_ids.state",
        "production_ids.state", "production_ids.date_planned_start",
        "production_ids.date_planned_finished")
    def _compute_risk(self):
        return super(SaleOrder, self)._compute_risk()

    def _gendan_risks(self):
        risks = super(SaleOrder, self)._gendan_risks()
        task = self._gendan_milestone_task()
        if task:
            today = fields.Date.context_today(self)
            risks += self._gendan_risk_material(task)
            risks += self._gendan_risk_productions(today)
            risks += self._gendan_risk_first_article(task, today)
            risks += self._gendan_risk_inspection(task)
        return risks

    def _gendan_start(self, task):
        return task.date_production_start or task.date_deadline

    def _gendan_risk_material(self, task):
        start = self._gendan_start(task)
        # recomputed at every MO button: count first (two queries), rather
        # than read every check and line of the task order
        if not start or not self.env["gendan.material.check.line"].search_count([
                ("check_id.task_order_id", "=", task.id),
                ("check_id.state", "!=", "cancel"), ("eta_date", ">", start)]):
            return []
        lines = task.material_check_ids.filtered(
            lambda c: c.state != "cancel").mapped("line_ids").filtered(
                lambda ln: ln.eta_date and start and ln.eta_date > start)
        if not lines:
            return []
        return [("material", _(
            "Materials arrive after the mass production start %(start)s: "
            "%(items)s.") % {"start": start, "items": ", ".join(
                "%s (%s)" % (ln.product_id.display_name, ln.eta_date)
                for ln in lines)})]

    def _gendan_risk_productions(self, today):
        behind = self.production_ids.filtered(
            lambda mo: mo.state not in ("done", "cancel") and (
                (mo.date_planned_finished or "9999")[:10] < today
                or (mo.state in ("confirmed", "planned")
                    and (mo.date_planned_start or "9999")[:10] < today)))
        if not behind:
            return []
        return [("production", _(
            "Manufacturing behind its planned dates: %s.") % ", ".join(
                "%s (%s - %s)" % (mo.name, mo.date_planned_start[:10],
                                  mo.date_planned_finished[:10])
                for mo in behind))]

    def _gendan_risk_first_article(self, task, today):
        """Fewer than FIRST_ARTICLE_LEAD_DAYS working days before the start
        and a product without a passed first article."""
        start = self._gendan_start(task)
        if not start:
            return []
        limit = fields.Date.to_string(self.env["gendan.sla"].add_working_days(
            today, FIRST_ARTICLE_LEAD_DAYS, self.company_id))
        if limit < start:
            return []
        passed = task.first_article_ids.filtered(
            lambda fa: fa.state == "passed").mapped("product_id")
        missing = task.line_ids.mapped("product_id") - passed
        if not missing:
            return []
        return [("first_article", _(
            "First article not passed %(days)d working days before the mass "
            "production start %(start)s: %(products)s.") % {
                "days": FIRST_ARTICLE_LEAD_DAYS, "start": start,
                "products": ", ".join(missing.mapped("display_name"))})]

    def _gendan_risk_inspection(self, task):
        failed = task._gendan_failed_inspection()
        if not failed:
            return []
        return [("inspection", _(
            "Customer inspection %(name)s failed on %(date)s; the goods wait "
            "for a passed re-inspection.") % {
                "name": failed.name, "date": failed.date_result
                or failed.date_scheduled})]

    @api.depends(
        "state",
        "gendan_task_order_ids.state", "gendan_task_order_ids.date_approved",
        "gendan_task_order_ids.date_deadline",
        "gendan_task_order_ids.date_production_start",
        "gendan_task_order_ids.line_ids.bom_id.control_state",
        "gendan_task_order_ids.line_ids.bom_id.sla_deadline",
        "gendan_task_order_ids.material_check_ids.state",
        "gendan_task_order_ids.material_check_ids.is_material_risk",
        "gendan_task_order_ids.inspection_ids.state")
    def _compute_gendan_milestones(self):
        today = fields.Date.context_today(self)
        self._gendan_read_task_lists()
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

    @api.depends("state", "gendan_task_order_ids.state",
                 "gendan_task_order_ids.date_deadline",
                 "gendan_task_order_ids.date_production_start",
                 "gendan_first_article_ids.state")
    def _compute_milestone_first_article(self):
        self._gendan_read_task_lists(["first_article_ids"])
        for order in self:
            task = order._gendan_milestone_task()
            state, date = "na", False
            if task:
                articles = task.first_article_ids.filtered(
                    lambda fa: fa.state != "failed")
                passed = articles.filtered(lambda fa: fa.state == "passed")
                done = articles and articles == passed and max(
                    passed.mapped("date_passed"))
                state, date = order._milestone_from(
                    bool(done), order._gendan_start(task), done and done[:10])
            order.milestone_first_article_state = state
            order.milestone_first_article_date = date

    def _gendan_milestone_task(self):
        """The task order the milestones follow (none: not applicable)."""
        task = self.gendan_task_order_ids[:1]
        if self.state in ("sale", "done") and task.state != "cancel":
            return task
        return task.browse()

    def _gendan_read_task_lists(self, names=("line_ids", "material_check_ids",
                                             "first_article_ids", "inspection_ids")):
        """The lists of the task orders that the milestones and the risk
        look at, read in one go (a query for the task orders and a search
        per list, not a read of the task order for each list)."""
        tasks = self.env["gendan.task.order"]
        for order in self:
            tasks |= order._gendan_milestone_task()
        cache = self.env.cache
        missing = tasks.filtered(lambda task: not all(
            cache.contains(task, task._fields[name]) for name in names))
        if len(missing) > 1:  # one task order reads its lists as it goes
            missing.read(list(names), load="_classic_write")

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

    # -- time and action ------------------------------------------------------

    def _gendan_task_records(self, field, name):
        return self._gendan_open_records(
            self.sudo().gendan_task_order_ids.mapped(field).with_env(self.env),
            name)

    @api.multi
    def action_gendan_view_material_checks(self):
        self.ensure_one()
        return self._gendan_task_records("material_check_ids", _("Material Checks"))

    @api.multi
    def action_gendan_view_first_articles(self):
        self.ensure_one()
        return self._gendan_task_records("first_article_ids", _("First Articles"))

    @api.multi
    def action_gendan_view_inspections(self):
        self.ensure_one()
        return self._gendan_task_records("inspection_ids", _("Customer Inspections"))

    @api.multi
    def action_gendan_view_exceptions(self):
        self.ensure_one()
        return self._gendan_task_records("exception_ids", _("Production Exceptions"))

    def _tna_open_task_order(self):
        return self.gendan_task_order_ids and self._gendan_open_records(
            self.gendan_task_order_ids, _("Task Order"))

    def _tna_open_bom(self):
        boms = self.sudo().gendan_task_order_ids.mapped("line_ids.bom_id")
        return boms and self._gendan_open_records(
            boms.with_env(self.env), _("Bills of Materials"))

    def _tna_open_material(self):
        return self.sudo().gendan_task_order_ids.mapped("material_check_ids") \
            and self.action_gendan_view_material_checks()

    def _tna_open_first_article(self):
        return self.sudo().gendan_task_order_ids.mapped("first_article_ids") \
            and self.action_gendan_view_first_articles()

    def _tna_open_produced(self):
        return self.production_ids and self.action_gendan_view_productions()

    def _tna_open_inspected(self):
        return self.sudo().gendan_task_order_ids.mapped("inspection_ids") \
            and self.action_gendan_view_inspections()

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
