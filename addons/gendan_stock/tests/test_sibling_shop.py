from datetime import date, timedelta

from mock import patch

from odoo import fields

from odoo.addons.gendan_base.tests.common import render_pdf

from .common import StockCase

TODO = "gendan_stock.sibling_settlement"


class TestSiblingShop(StockCase):

    @classmethod
    def setUpClass(cls):
        super(TestSiblingShop, cls).setUpClass()
        env = cls.env
        cls.shop = env["res.partner"].create({
            "name": "Test Sibling Shop", "is_company": True, "customer": True,
            "gendan_sibling_shop": True})
        cls.stranger = env["res.partner"].create({"name": "Not a Sibling"})
        cls._put(cls.product, 500.0)
        cls.feb = cls._deliver(cls.shop, cls.product, 60.0)
        cls.feb2 = cls._deliver(cls.shop, cls.product, 40.0)
        cls.march = cls._deliver(cls.shop, cls.product, 5.0)
        cls.other = cls._deliver(cls.stranger, cls.product, 7.0)
        (cls.feb | cls.feb2 | cls.other).write({"date_done": "2025-02-14 09:00:00"})
        cls.march.write({"date_done": "2025-03-02 09:00:00"})
        cls.Invoice = env["account.invoice"]

    def _run(self, day):
        with patch.object(type(self.Invoice), "_gendan_today", lambda s: day):
            return self.Invoice._cron_gendan_sibling_settlement()

    def test_monthly_settlement_days_1_to_5(self):
        """On March 3rd: one draft invoice of February's two deliveries
        (100 x 3.50), a to-do for the merchandisers; again: nothing; on the
        6th: nothing."""
        self.assertTrue(self.feb.gendan_sibling_shop)
        self.assertFalse(self.other.gendan_sibling_shop)
        settlement = self._run(date(2025, 3, 3))
        self.assertEqual(settlement.partner_id, self.shop)
        self.assertEqual(settlement.gendan_sibling_period, "2025-02-01")
        self.assertEqual(settlement.type, "out_invoice")
        self.assertAlmostEqual(settlement.amount_untaxed, 350.0)
        self.assertEqual(settlement.gendan_settled_picking_ids, self.feb | self.feb2)
        self.assertFalse(self.march.gendan_settlement_id)
        self.assertIn(self.users["merchandiser"],
                      self._todos(settlement, TODO).mapped("user_id"))
        self.assertFalse(self._run(date(2025, 3, 4)))
        self.assertEqual(self.Invoice.search_count(
            [("gendan_sibling_period", "=", "2025-02-01")]), 1)

    def test_settlement_todo_names_the_shop(self):
        """The merchandiser's "My work" (Chinese) names the settlement's to-do
        by the shop and month, not "发票" (a draft invoice has no number)."""
        merchandiser = self.users["merchandiser"]
        merchandiser.lang = "zh_CN"
        settlement = self._run(date(2025, 3, 3))
        my_work = self.env["mail.activity"].sudo(merchandiser).search_read(
            [("user_id", "=", merchandiser.id), ("res_model", "=", "account.invoice"),
             ("res_id", "=", settlement.id)], ["res_name"])
        self.assertEqual([todo["res_name"] for todo in my_work],
                         ["草稿发票 兄弟店铺结算 2025-02 · Test Sibling Shop"])

    def test_outside_window_nothing(self):
        self.assertFalse(self._run(date(2025, 3, 6)))
        self.assertFalse(self._run(date(2025, 3, 28)))
        self.assertFalse(self.feb.gendan_settlement_id)

    def test_delivery_note_pdf(self):
        """The shop's own delivery note: title, priced lines, total and the
        three signature boxes, printed by the warehouse."""
        report = self.env.ref("gendan_stock.action_report_sibling_delivery")
        html = report.sudo(self.users["fg_wh"]).render_qweb_html(
            self.feb.ids)[0].decode("utf-8")
        self.assertIn("兄弟店铺发货单", html)
        self.assertIn(self.feb.name, html)
        self.assertIn("210.00", html)  # 60 x 3.50
        self.assertIn("收货人签收", html)
        self.assertTrue(render_pdf(report, self.feb.ids).startswith(b"%PDF"))

    def test_demo_sibling_deliveries(self):
        """Demo data: both deliveries to the Yiwu shop were validated; last
        month's is on its settlement (40 x 24.85 CNY); this month's prints on the
        shop's delivery note and next month's run on day 3 settles it."""
        current = self.env.ref("gendan_stock.picking_sibling_yiwu_demo")
        last = self.env.ref(
            "gendan_stock.picking_sibling_yiwu_last_month_demo",
            raise_if_not_found=False)
        if not last:
            self.skipTest("gendan_stock demo data not loaded")
        self.assertEqual((last.state, current.state), ("done", "done"))
        self.assertTrue(last.gendan_sibling_shop)
        done = fields.Datetime.from_string(current.date_done).date()
        self.assertEqual(fields.Datetime.from_string(last.date_done).date(),
                         (done.replace(day=1) - timedelta(days=1)).replace(
                             day=15))
        settlement = last.gendan_settlement_id
        self.assertEqual(settlement.partner_id, last.partner_id)
        self.assertEqual(settlement.gendan_sibling_period,
                         last.date_done[:8] + "01")
        self.assertAlmostEqual(settlement.amount_untaxed, 994.0)
        report = self.env.ref("gendan_stock.action_report_sibling_delivery")
        html = report.sudo(self.users["fg_wh"]).render_qweb_html(
            current.ids)[0].decode("utf-8")
        self.assertIn(current.name, html)
        self.assertIn("1491.00", html)  # 60 x 24.85
        next_month = (done.replace(day=28) + timedelta(days=4)).replace(day=3)
        created = self.Invoice._cron_gendan_sibling_settlement(
            today=fields.Date.to_string(next_month))
        self.assertIn(current, created.mapped("gendan_settled_picking_ids"))
        self.assertAlmostEqual(current.gendan_settlement_id.amount_untaxed,
                               1491.0)
