from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError

from odoo.addons.gendan_base.tests.common import (
    QueryCounter, pdf_page_count, render_pdf)

from .common import ProductionCase


def _in_days(days):
    return fields.Date.to_string(
        fields.Date.from_string(fields.Date.today()) + timedelta(days=days))


class TestTimeAndAction(ProductionCase):

    @classmethod
    def setUpClass(cls):
        super(TestTimeAndAction, cls).setUpClass()
        cls.task = cls._approve(cls._create_task_order())
        cls.task.sudo(cls.user_merchandiser).action_create_productions()

    def _codes(self, order=None):
        order = order or self.order
        order.invalidate_cache()
        return set((order.risk_codes or "").split(",")) - {""}

    def test_tna_table_every_milestone(self):
        """One row per applicable milestone of the installed modules, each
        opening its document, for a department user."""
        order = self.order.sudo(self.user_qa)
        lines = order.tna_line_ids
        names = lines.mapped("milestone")
        for name in ("review", "task_order", "bom", "material",
                     "first_article", "produced"):
            self.assertIn(name, names)
        self.assertEqual(lines.mapped("sequence"), sorted(lines.mapped("sequence")))
        by_name = {line.milestone: line for line in lines}
        self.assertEqual(by_name["review"].state, "done")
        self.assertEqual(by_name["review"].date_done, self.order.review_date)
        self.assertFalse(by_name["review"].date_planned)
        self.assertEqual(by_name["task_order"].owner_id, self.user_merchandiser)
        action = by_name["task_order"].action_open_document()
        self.assertEqual((action["res_model"], action["res_id"]),
                         ("gendan.task.order", self.task.id))
        action = by_name["produced"].action_open_document()
        self.assertEqual(action["res_model"], "mrp.production")
        self.assertEqual(action["res_id"], self.task.production_ids.id)
        action = by_name["bom"].action_open_document()
        self.assertEqual((action["res_model"], action["res_id"]),
                         ("mrp.bom", self.bom.id))

    def test_tna_late_working_days(self):
        """A late milestone counts the working days since its deadline."""
        self.env.cr.execute(
            "UPDATE sale_order SET milestone_material_state = 'late', "
            "milestone_material_date = %s WHERE id = %s",
            (_in_days(-14), self.order.id))
        self.order.invalidate_cache()
        line = self.order.sudo(self.user_merchandiser).tna_line_ids.filtered(
            lambda ln: ln.milestone == "material")
        expected = 0
        day = fields.Date.from_string(_in_days(-14))
        today = fields.Date.from_string(fields.Date.today())
        weekdays, holidays = self.env["gendan.sla"]._calendar_days(
            self.order.company_id, day, today)
        while day < today:
            day += timedelta(days=1)
            expected += day.weekday() in weekdays and day not in holidays
        self.assertEqual(line.late_days, expected)
        self.assertGreaterEqual(line.late_days, 8)

    def _tna_queries(self, order):
        order = order.sudo(self.user_merchandiser)
        order.invalidate_cache()
        with QueryCounter(self.env.cr) as counter:
            order.read(["tna_line_ids"])
            order.tna_line_ids.read(["milestone", "owner_id", "state",
                                     "date_planned", "date_done", "late_days"])
        return counter.count

    def test_tna_constant_queries(self):
        """Reading the plan costs the same for 1 milestone or 6."""
        fresh = self._create_order()
        self.assertEqual(len(fresh.tna_line_ids), 1)
        self.assertGreaterEqual(len(self.order.tna_line_ids), 6)
        self._tna_queries(self.order)
        self.assertEqual(self._tna_queries(fresh), self._tna_queries(self.order))

    def test_tna_sheet_and_calendar(self):
        """The T&A sheet prints every milestone; the calendar lists the
        deadlines of the orders a department user may read."""
        report = self.env.ref("gendan_order.action_report_tna").sudo(
            self.user_merchandiser)
        html = report.render_qweb_html(self.order.ids)[0].decode()
        self.assertIn(self.order.name, html)
        labels = dict(self.env["sale.order"]._selection_milestone_next())
        for line in self.order.tna_line_ids:
            self.assertIn(labels[line.milestone], html)
        self.assertEqual(pdf_page_count(render_pdf(report, self.order.ids)), 1)
        Line = self.env["gendan.tna.line"].sudo(self.user_production)
        view = self.env.ref("gendan_order.gendan_tna_line_view_calendar")
        self.assertIn("date_deadline", Line.fields_view_get(
            view.id, "calendar")["arch"])
        rows = Line.search_read([("order_id", "=", self.order.id),
                                 ("state", "in", ("todo", "late"))],
                                ["milestone", "date_deadline"])
        self.assertTrue(rows)
        self.assertTrue(all(row["date_deadline"] for row in rows))

    def test_smart_buttons(self):
        """The follow-up form links to the task order and its documents."""
        order = self.order.sudo(self.user_engineer)
        self.assertEqual(order.gendan_task_order_count, 1)
        self.assertEqual(order.gendan_production_count, 1)
        action = order.action_gendan_view_productions()
        self.assertEqual(action["res_id"], self.task.production_ids.id)
        self.env["gendan.customer.inspection"].sudo(self.user_merchandiser).create({
            "task_order_id": self.task.id, "date_scheduled": _in_days(5)})
        order.invalidate_cache()
        self.assertEqual(order.gendan_inspection_count, 1)
        self.assertEqual(order.action_gendan_view_inspections()["res_model"],
                         "gendan.customer.inspection")

    # -- risk, one reason each -----------------------------------------------

    def test_risk_promise(self):
        """Expected delivery after the promise."""
        self.order.sudo(self.user_merchandiser).write(
            {"promised_date": _in_days(30)})
        self.assertIn("promise", self._codes())
        self.assertTrue(self.order.is_at_risk)
        self.assertEqual(self.order.cockpit_state, "at_risk")
        reasons = self.order.sudo(self.user_merchandiser).risk_reasons
        self.assertIn(_in_days(30), reasons)

    def test_risk_material(self):
        """A component arriving after the mass production start."""
        self.task.sudo(self.user_merchandiser).write(
            {"date_production_start": _in_days(40)})
        self.assertNotIn("material", self._codes())
        # the check started by itself when the task order was approved
        check = self.task.material_check_ids
        self.assertEqual(len(check), 1)
        self.assertEqual(check.date_required, _in_days(40))
        check.line_ids.sudo(self.user_merchandiser).write({"eta_date": _in_days(10)})
        self.assertNotIn("material", self._codes())
        late = check.line_ids[0]
        late.sudo(self.user_merchandiser).write({"eta_date": _in_days(45)})
        self.assertIn("material", self._codes())
        reasons = self.order.sudo(self.user_merchandiser).risk_reasons
        self.assertIn(late.product_id.display_name, reasons)
        self.assertNotIn((check.line_ids - late)[0].product_id.display_name,
                         reasons)

    def test_risk_production_behind(self):
        """An MO not started on its planned start."""
        mo = self.task.production_ids
        self.assertNotIn("production", self._codes())
        mo.write({"date_planned_start": "%s 08:00:00" % _in_days(-3)})
        self.assertIn("production", self._codes())
        self.assertIn(mo.name, self.order.sudo(self.user_qa).risk_reasons)

    def test_risk_first_article(self):
        """No passed first article 3 working days before the start."""
        self.task.sudo(self.user_merchandiser).write(
            {"date_production_start": _in_days(60)})
        self.assertNotIn("first_article", self._codes())
        self.task.sudo(self.user_merchandiser).write(
            {"date_production_start": _in_days(1)})
        self.assertIn("first_article", self._codes())
        self._pass_first_article(self.task)
        self.assertNotIn("first_article", self._codes())

    def test_pass_leaves_other_risks(self):
        """The first article passing with no first-article risk on the order
        completes its milestone and leaves the other reasons as they were
        (the risk is not recomputed then: a pass can only lift that one)."""
        self.task.sudo(self.user_merchandiser).write(
            {"date_production_start": _in_days(60)})
        self.task.production_ids.write(
            {"date_planned_start": "%s 08:00:00" % _in_days(-3)})
        before = self._codes()
        self.assertIn("production", before)
        self.assertNotIn("first_article", before)
        self._pass_first_article(self.task)
        self.assertEqual(self._codes(), before)
        self.assertEqual(self.order.milestone_first_article_state, "done")

    def test_risk_customer_data(self):
        """Customer data still missing after its due date."""
        old = fields.Datetime.to_string(fields.Datetime.from_string(
            fields.Datetime.now()) - timedelta(days=20))
        order = self._create_order(date_order=old)
        self.env["gendan.requirement.item"].sudo(self.user_merchandiser).create({
            "order_id": order.id, "item_type": "manual", "name": "Manual EN"})
        self.assertEqual(order.milestone_data_state, "late")
        self.assertIn("data", self._codes(order))
        self.assertIn("Manual EN", order.sudo(self.user_salesperson).risk_reasons)

    def test_risk_failed_inspection_blocks_delivery(self):
        """A failed customer inspection: a risk, and the delivery waits for
        a passed re-inspection (buttons and the RPC method alike)."""
        Inspection = self.env["gendan.customer.inspection"].sudo(self.user_qa)
        insp = Inspection.create({"task_order_id": self.task.id,
                                  "date_scheduled": fields.Date.today()})
        insp.write({"result_note": "AQL 2.5 exceeded"})
        insp.action_fail()
        self.assertIn("inspection", self._codes())
        picking = self.order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing")
        self.assertTrue(picking)
        for method in ("button_validate", "action_done"):
            with self.assertRefused(UserError):
                getattr(picking.sudo(self.user_fg_wh), method)()
        self.assertNotEqual(picking.state, "done")
        action = insp.action_reinspect()
        again = Inspection.browse(action["res_id"])
        self.assertIn("inspection", self._codes())
        self.assertTrue(picking._gendan_inspection_blockers())
        again.action_pass()
        self.assertNotIn("inspection", self._codes())
        self.assertFalse(picking._gendan_inspection_blockers())


class TestProductionEvents(ProductionCase):

    def test_goods_received_tell_sales_to_ship(self):
        """The last MO of an order done: salesperson and merchandiser get
        one to-do to ship."""
        task = self._approve(self._create_task_order())
        task.sudo(self.user_merchandiser).action_create_productions()
        self._pass_first_article(task)
        mo = task.production_ids.sudo(self.user_production)
        mo.action_assign()
        mo.write({"state": "progress"})
        mo.button_mark_done()
        todos = self.env["mail.activity"].search([
            ("res_model", "=", "sale.order"), ("res_id", "=", self.order.id),
            ("gendan_key", "=", "ship")])
        self.assertEqual(todos.mapped("user_id"),
                         self.user_salesperson | self.user_merchandiser)

    def test_no_mo_on_superseded_bom(self):
        """A new revision retires the old BOM: no MO is made on it."""
        action = self.bom.sudo(self.user_engineer).action_new_revision()
        rev2 = self.env["mrp.bom"].browse(action["res_id"])
        rev2.sudo(self.user_engineer).action_control()
        self.assertEqual(self.bom.control_state, "superseded")
        Production = self.env["mrp.production"].sudo(self.user_production)
        count = Production.search_count([])
        with self.assertRefused(UserError):
            Production.create({
                "product_id": self.product.id, "product_qty": 5.0,
                "product_uom_id": self.product.uom_id.id,
                "bom_id": self.bom.id})
        self.assertEqual(Production.search_count([]), count)
        Production.create({
            "product_id": self.product.id, "product_qty": 5.0,
            "product_uom_id": self.product.uom_id.id, "bom_id": rev2.id})

    def test_material_check_starts_with_the_task_order(self):
        """Approved on controlled BOMs: the material check exists, due 3
        working days after the BOMs (seed: 出BOM后3天内), needed by the start."""
        task = self._approve(self._create_task_order())
        check = task.material_check_ids
        self.assertEqual(len(check), 1)
        self.assertEqual(check.state, "draft")
        controlled = self.bom.controlled_date[:10]
        self.assertEqual(check.date_bom_controlled, controlled)
        self.assertEqual(check.sla_deadline, fields.Date.to_string(
            self.env["gendan.sla"].add_working_days(
                controlled, 3, self.order.company_id)))
        task.sudo(self.user_merchandiser).write(
            {"date_production_start": _in_days(20)})
        self.assertEqual(check.date_required, _in_days(20))
        # opening it again does not make a second one
        task.sudo(self.user_merchandiser).action_create_material_check()
        self.assertEqual(task.material_check_ids, check)

    def test_bom_revision_flags_approved_task_order(self):
        """A new BOM revision: the task order approved on the old one gets a
        to-do for its merchandiser; moving the line to the new revision is a
        change notice (re-approval) and closes the to-do."""
        task = self._approve(self._create_task_order())
        action = self.bom.sudo(self.user_engineer).action_new_revision()
        rev2 = self.env["mrp.bom"].browse(action["res_id"])
        rev2.sudo(self.user_engineer).action_control()
        Activity = self.env["mail.activity"]
        todo = Activity.search([("res_model", "=", task._name),
                                ("res_id", "=", task.id),
                                ("gendan_key", "=", "bom_revision")])
        self.assertEqual(todo.user_id, self.user_merchandiser)
        self.assertEqual(task.signoff_state, "approved")
        task.line_ids.sudo(self.user_merchandiser).write({"bom_id": rev2.id})
        self.assertEqual(task.signoff_state, "pending")
        self.assertFalse(todo.exists())


class TestPromiseFeasibility(ProductionCase):
    """The promise checked against the load already committed."""

    @classmethod
    def setUpClass(cls):
        super(TestPromiseFeasibility, cls).setUpClass()
        env = cls.env
        cls.centre = env["mrp.workcenter"].create({
            "name": "Assembly line (test)", "capacity": 1.0,
            "resource_calendar_id": env.user.company_id.resource_calendar_id.id})
        routing = env["mrp.routing"].create({
            "name": "Assembly (test)", "operation_ids": [(0, 0, {
                "name": "Assemble", "workcenter_id": cls.centre.id,
                "time_mode": "manual", "time_cycle_manual": 6.0})]})
        cls.lamp = env["product.product"].create(
            {"name": "Floor lamp FL-1", "type": "consu"})
        cls.part = env["product.product"].create(
            {"name": "Lamp shade", "type": "product"})
        cls.lamp_bom = env["mrp.bom"].create({
            "product_tmpl_id": cls.lamp.product_tmpl_id.id, "product_qty": 1.0,
            "routing_id": routing.id,
            "bom_line_ids": [(0, 0, {"product_id": cls.part.id, "product_qty": 1})]})
        cls.per_day = cls.env["sale.order"]._gendan_minutes_per_day(cls.centre)

    def _mos(self, count, qty=80.0):
        Production = self.env["mrp.production"]
        for _i in range(count):
            Production.create({"product_id": self.lamp.id, "product_qty": qty,
                               "product_uom_id": self.lamp.uom_id.id,
                               "bom_id": self.lamp_bom.id})

    def _order(self, qty=80.0):
        return self._create_order(order_line=[(0, 0, {
            "product_id": self.lamp.id, "product_uom_qty": qty, "price_unit": 9})])

    def _feasible(self, start_days, minutes):
        start = fields.Date.from_string(fields.Date.today()) + timedelta(
            days=start_days)
        return fields.Date.to_string(self.env["gendan.sla"].add_working_days(
            start, -(-minutes // self.per_day), self.order.company_id))

    def test_feasible_after_committed_load(self):
        """Open MOs on the work centre push the feasible date."""
        order = self._order()
        self.assertEqual(order.sudo(self.user_salesperson).gendan_feasible_date,
                         self._feasible(0, 480.0))
        self._mos(6)
        order.invalidate_cache()
        self.assertEqual(order.sudo(self.user_salesperson).gendan_feasible_date,
                         self._feasible(0, 7 * 480.0))
        # a part not in stock: its supplier's lead time comes first
        vendor = self.env["res.partner"].create({"name": "Shade maker"})
        self.env["product.supplierinfo"].create({
            "name": vendor.id, "product_tmpl_id": self.part.product_tmpl_id.id,
            "delay": 10})
        order.invalidate_cache()
        self.assertEqual(order.sudo(self.user_salesperson).gendan_feasible_date,
                         self._feasible(10, 7 * 480.0))

    def test_committed_load_constant_queries(self):
        Order = self.env["sale.order"]
        self._mos(2)
        with QueryCounter(self.env.cr) as few:
            small = Order._gendan_committed_load(self.centre)
        self._mos(30)
        with QueryCounter(self.env.cr) as many:
            large = Order._gendan_committed_load(self.centre)
        self.assertEqual(few.count, many.count)
        self.assertEqual(large[self.centre.id] - small[self.centre.id],
                         30 * 480.0)

    def test_feasible_date_at_review_only(self):
        """Once confirmed, the order's own MOs are in the committed load:
        its plan (expected date) replaces the feasible date."""
        self._mos(6)
        order = self._create_confirmed_order(order_line=[(0, 0, {
            "product_id": self.lamp.id, "product_uom_qty": 80.0, "price_unit": 9})])
        order = order.sudo(self.user_salesperson)
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.gendan_feasible_date)
        self.assertFalse(order.is_promise_infeasible)
        # the delay notice still proposes the date the plan allows
        action = order.action_open_delay_notice()
        self.assertGreaterEqual(action["context"]["default_new_date"],
                                self._feasible(0, 7 * 480.0))

    def test_infeasible_promise_at_review(self):
        """A promise earlier than feasible: a to-do for the general manager
        and the salesperson at the review, and the delay notice proposes
        the feasible date."""
        self._mos(10)
        order = self._order()
        order.sudo(self.user_salesperson).write({"promised_date": _in_days(1)})
        self.assertTrue(order.is_promise_infeasible)
        order.review_line_ids.sudo(self.user_merchandiser).action_confirm_check()
        order.sudo(self.user_merchandiser).action_signoff_request()
        todos = self.env["mail.activity"].search([
            ("res_model", "=", "sale.order"), ("res_id", "=", order.id),
            ("gendan_key", "=", "promise_feasibility")])
        self.assertIn(self.user_salesperson, todos.mapped("user_id"))
        self.assertIn(self.user_general_manager, todos.mapped("user_id"))
        action = order.sudo(self.user_merchandiser).action_open_delay_notice()
        self.assertEqual(action["context"]["default_new_date"],
                         order.gendan_feasible_date)
