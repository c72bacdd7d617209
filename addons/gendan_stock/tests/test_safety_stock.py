from odoo.exceptions import AccessError, UserError

from .common import StockCase

TODO = "gendan_stock.safety_stock_shortfall"


class TestSafetyStock(StockCase):

    @classmethod
    def setUpClass(cls):
        super(TestSafetyStock, cls).setUpClass()
        cls.shop = cls.env["res.partner"].create({"name": "Often Buyer"})
        cls._put(cls.product, 100.0)
        for qty in (10.0, 20.0, 30.0):
            cls._deliver(cls.shop, cls.product, qty)
        cls.rarely = cls.env["product.product"].create({
            "name": "Rarely Shipped", "type": "product"})
        cls._put(cls.rarely, 10.0)
        cls._deliver(cls.shop, cls.rarely, 5.0)
        cls.purchaser = cls.users["purchaser"]

    def _propose(self, user):
        wizard = self.env["gendan.orderpoint.proposal"].sudo(user).create({
            "warehouse_id": self.warehouse.id, "months": 3, "min_deliveries": 3})
        return wizard.action_propose()

    def test_proposal_from_deliveries(self):
        """Shipped in three deliveries: a rule of one month of deliveries
        (60 / 3 months = 20, max 40); shipped once: none; a second proposal
        adds nothing."""
        action = self._propose(self.purchaser)
        rules = self.env["stock.warehouse.orderpoint"].search(action["domain"])
        mine = rules.filtered(lambda r: r.product_id == self.product)
        self.assertEqual((mine.product_min_qty, mine.product_max_qty), (20.0, 40.0))
        self.assertTrue(mine.gendan_proposed)
        self.assertNotIn(self.rarely, rules.mapped("product_id"))
        with self.assertRaises(UserError):
            self._propose(self.purchaser)
        self.assertEqual(self.env["stock.warehouse.orderpoint"].search_count(
            [("product_id", "=", self.product.id)]), 1)

    def test_proposal_refused_to_warehouse(self):
        """A warehouse user reads the rules but does not create them."""
        with self.assertRaises(AccessError):
            self._propose(self.users["fg_wh"])

    def test_shortfall_notifies_purchasing_once(self):
        """40 on hand below a minimum of 50: purchasing gets one to-do, a
        re-run adds none; back above the minimum, the to-do is done."""
        rule = self.env["stock.warehouse.orderpoint"].create({
            "warehouse_id": self.warehouse.id, "location_id": self.stock.id,
            "product_id": self.product.id, "product_min_qty": 50.0,
            "product_max_qty": 100.0})
        Rule = self.env["stock.warehouse.orderpoint"]
        self.assertIn(rule, Rule._cron_gendan_shortfall())
        todos = self._todos(rule, TODO)
        self.assertIn(self.purchaser, todos.mapped("user_id"))
        self.assertFalse(todos.filtered(lambda t: t.user_id == self.users["fg_wh"]))
        Rule._cron_gendan_shortfall()
        self.assertEqual(self._todos(rule, TODO), todos)
        visible = Rule.sudo(self.purchaser).search([("gendan_shortfall", "=", True)])
        self.assertIn(rule, visible)
        self._put(self.product, 20.0)
        self.assertNotIn(rule, Rule._cron_gendan_shortfall())
        self.assertFalse(self._todos(rule, TODO))
