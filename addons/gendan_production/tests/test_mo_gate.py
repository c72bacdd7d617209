from odoo.exceptions import AccessError, UserError
from odoo.addons.gendan_base.tests.common import recorded_calls, shift_date

from .common import ProductionCase


class TestMoGate(ProductionCase):

    @classmethod
    def setUpClass(cls):
        super(TestMoGate, cls).setUpClass()
        cls.task = cls._approve(cls._create_task_order())
        cls.task.sudo(cls.user_merchandiser).action_create_productions()
        cls.mo = cls.task.production_ids

    def test_productions_created_from_task_order(self):
        """Approved task order: one MO per line, linked to order and line."""
        self.assertEqual(len(self.mo), 1)
        self.assertEqual(self.task.state, "production")
        self.assertEqual(self.mo.gendan_sale_order_id, self.order)
        self.assertEqual(self.mo.bom_id, self.bom)
        self.assertEqual(self.mo.product_qty, 100.0)

    def test_task_order_mo_feeds_the_delivery_date(self):
        """The task order's MO (no procurement) is one of the order's MOs:
        its planned end is the order's expected delivery."""
        self.assertFalse(self.mo.sale_order_id)
        self.assertEqual(self.order.production_ids, self.mo)
        finished = shift_date(years=4, months=3)
        self.mo.date_planned_finished = finished + " 08:00:00"
        self.assertEqual(self.order.expected_date, finished)

    def test_unapproved_task_order_cannot_create_mo(self):
        """No MO from a task order that is not approved."""
        order = self._create_confirmed_order()
        task = self._create_task_order(order=order)
        with self.assertRefused(UserError):
            task.sudo(self.user_merchandiser).action_create_productions()
        self.assertFalse(task.production_ids)

    def test_gate_before_first_article(self):
        """Produce, done and a state write by RPC are refused until the first
        article passed; nothing changes. Reserving and planning are allowed:
        the first article is built from those materials."""
        mo = self.mo.sudo(self.user_production)
        for method in ("open_produce_product", "button_mark_done"):
            with self.assertRefused(UserError):
                getattr(mo, method)()
        for state in ("progress", "done"):
            with self.assertRefused(UserError):
                mo.write({"state": state})
        self.assertEqual(self.mo.state, "confirmed")
        mo.action_assign()
        mo.write({"state": "planned"})
        self.assertEqual(self.mo.state, "planned")
        # planned is not started: production still waits for the article
        with self.assertRefused(UserError):
            mo.write({"state": "progress"})
        with self.assertRefused(UserError):
            mo.button_mark_done()
        self.assertEqual(self.mo.state, "planned")
        self._pass_first_article(self.task)
        mo.write({"state": "progress"})
        self.assertEqual(self.mo.state, "progress")

    def test_gate_opens_after_first_article(self):
        """Approved, no deposit asked, first article passed: the MO starts."""
        self._pass_first_article(self.task)
        self.mo.sudo(self.user_production).action_assign()
        self.mo.sudo(self.user_production).write({"state": "progress"})
        self.assertEqual(self.mo.state, "progress")

    def test_started_mo_not_held_again(self):
        """The gate holds an MO until it starts: finishing a started MO does
        not check it again."""
        self._pass_first_article(self.task)
        mo = self.mo.sudo(self.user_production)
        mo.action_assign()
        mo.write({"state": "progress"})
        with recorded_calls(self.env["mrp.production"],
                            "_gendan_gate_blockers") as checked:
            mo.button_mark_done()
        self.assertEqual(self.mo.state, "done")
        self.assertEqual(checked, [])

    def test_produce_wizard_as_production_user(self):
        """The web client sends the wizard's product tracking back with
        "Record Production": a production user, who may not edit products,
        records the production."""
        self._pass_first_article(self.task)
        mo = self.mo.sudo(self.user_production)
        mo.action_assign()
        wizard = self.env["mrp.product.produce"].sudo(
            self.user_production).with_context(
                active_id=mo.id, active_ids=mo.ids).create(
                    {"product_qty": 100.0, "product_tracking": "none"})
        wizard.do_produce()
        self.assertEqual(self.mo.state, "progress")
        self.assertEqual(self.product.tracking, "none")

    def test_gate_blocks_after_change_notice(self):
        """A change notice (re-approval pending) closes the gate again."""
        self._pass_first_article(self.task)
        self.task.sudo(self.user_merchandiser).write(
            {"date_deadline": shift_date(years=4, months=2)})
        with self.assertRefused(UserError):
            self.mo.sudo(self.user_production).action_assign()

    def test_gate_deposit(self):
        """An order asking a deposit: the MO waits for finance."""
        order = self._create_confirmed_order(deposit_percent=30.0)
        task = self._approve(self._create_task_order(order=order))
        task.sudo(self.user_merchandiser).action_create_productions()
        self._pass_first_article(task)
        with self.assertRefused(UserError):
            task.production_ids.sudo(self.user_production).action_assign()
        self._pay_deposit(order)
        task.production_ids.sudo(self.user_production).action_assign()

    def test_mo_without_order_not_gated(self):
        """Stock replenishment MOs (no sale order) are not gated."""
        mo = self.env["mrp.production"].sudo(self.user_production).create({
            "product_id": self.product.id, "product_qty": 5.0,
            "product_uom_id": self.product.uom_id.id, "bom_id": self.bom.id})
        mo.action_assign()
        mo.write({"state": "progress"})
        self.assertEqual(mo.state, "progress")

    def test_mo_of_uncontrolled_order_not_gated(self):
        """The MO of an order of an uncontrolled sales channel starts without
        task order, deposit or first article; the MO of a controlled order
        made the same way waits."""
        orders = {}
        for team, create in ((self.team_direct, self._create_order),
                             (self.team, self._create_reviewed_order)):
            order = create(team_id=team.id, deposit_percent=30.0)
            order.sudo(self.user_salesperson).action_confirm()
            group = self.env["procurement.group"].create(
                {"name": order.name, "sale_id": order.id})
            orders[team] = self.env["mrp.production"].sudo(
                self.user_production).create({
                    "product_id": self.product.id, "product_qty": 5.0,
                    "product_uom_id": self.product.uom_id.id,
                    "bom_id": self.bom.id, "procurement_group_id": group.id})
            self.assertEqual(orders[team].gendan_sale_order_id, order)
        with self.assertRefused(UserError):
            orders[self.team].action_assign()
        mo = orders[self.team_direct]
        mo.action_assign()
        mo.write({"state": "progress"})
        self.assertEqual(mo.state, "progress")

    def test_cockpit_milestones(self):
        """The order's cockpit shows the production milestones."""
        order = self.order
        self.assertEqual(order.milestone_task_order_state, "done")
        self.assertEqual(order.milestone_bom_state, "done")
        self.assertEqual(order.milestone_first_article_state, "todo")
        self.assertEqual(order.milestone_produced_state, "todo")
        self.assertEqual(order.milestone_inspected_state, "na")
        self._pass_first_article(self.task)
        self.assertEqual(order.milestone_first_article_state, "done")

    def _produced_sql(self):
        """Quantity recorded on the MO's finished moves, read by SQL."""
        self.env.cr.execute(
            "SELECT coalesce(sum(l.qty_done), 0), min(p.state) FROM "
            "mrp_production p LEFT JOIN stock_move m ON m.production_id = p.id "
            "LEFT JOIN stock_move_line l ON l.move_id = m.id WHERE p.id = %s",
            (self.mo.id,))
        return self.env.cr.fetchone()

    def _produce(self, qty):
        return self.env["mrp.product.produce"].sudo(
            self.user_production).with_context(
                active_id=self.mo.id, active_ids=self.mo.ids).create(
                    {"product_qty": qty, "product_tracking": "none"}).do_produce()

    def test_first_article_quantity(self):
        """Reserved before the first article passed, production
        records the first article's pieces (2) and no more, whatever the
        way (the wizard, the finished move, a move line); the MO is not
        finished; once the article passed, the rest is produced."""
        article = self.env["gendan.first.article"].sudo(
            self.user_merchandiser).create({
                "task_order_id": self.task.id, "product_id": self.product.id,
                "product_qty": 2.0})
        mo = self.mo.sudo(self.user_production)
        mo.action_assign()
        self.assertTrue(mo.open_produce_product())
        with self.assertRefused(UserError):
            self._produce(3.0)
        self.assertEqual(self._produced_sql(), (0.0, "confirmed"))
        self._produce(2.0)
        self.assertEqual(self._produced_sql(), (2.0, "progress"))
        finished = self.mo.move_finished_ids.filtered(
            lambda move: move.product_id == self.product)
        with self.assertRefused(UserError):
            mo.open_produce_product()
        with self.assertRefused(UserError):
            self._produce(1.0)
        with self.assertRefused((UserError, AccessError)):
            finished.sudo(self.user_production).write({"quantity_done": 5.0})
        with self.assertRefused((UserError, AccessError)):
            finished.move_line_ids.sudo(self.user_production).write(
                {"qty_done": 3.0})
        with self.assertRefused((UserError, AccessError)):
            self.env["stock.move.line"].sudo(self.user_production).create({
                "move_id": finished.id, "product_id": self.product.id,
                "product_uom_id": finished.product_uom.id, "qty_done": 1.0,
                "location_id": finished.location_id.id,
                "location_dest_id": finished.location_dest_id.id})
        with self.assertRefused(UserError):
            mo.button_mark_done()
        with self.assertRefused(UserError):
            mo.write({"state": "done"})
        self.assertEqual(self._produced_sql(), (2.0, "progress"))
        # the merchandiser cannot widen it once submitted
        article.item_ids.sudo(self.user_qa).write({"is_checked": True})
        article.sudo(self.user_merchandiser).action_signoff_request()
        with self.assertRefused(UserError):
            article.sudo(self.user_merchandiser).write({"product_qty": 50.0})
        with self.assertRefused((UserError, AccessError)):
            article.sudo(self.user_production).write({"product_qty": 50.0})
        article.sudo(self.user_merchandiser).action_signoff_sign()
        article.sudo(self.user_qa).action_signoff_sign()
        self.assertEqual(article.state, "passed")
        self._produce(98.0)
        mo.button_mark_done()
        self.assertEqual(self._produced_sql(), (100.0, "done"))

    def test_first_article_quantity_without_article(self):
        """No first article created: nothing is recorded."""
        mo = self.mo.sudo(self.user_production)
        mo.action_assign()
        with self.assertRefused(UserError):
            self._produce(1.0)
        self.assertEqual(self._produced_sql(), (0.0, "confirmed"))
