from datetime import date

from mock import patch

from odoo.exceptions import ValidationError

from .common import StockCase

TODO = "gendan_stock.month_end_count"


class TestMonthEndCount(StockCase):

    @classmethod
    def setUpClass(cls):
        super(TestMonthEndCount, cls).setUpClass()
        cls._put(cls.product, 40.0, cls.shelf)
        cls.Inventory = cls.env["stock.inventory"]

    def _run(self, day):
        with patch.object(type(self.Inventory), "_gendan_today", lambda s: day):
            return self.Inventory._cron_gendan_month_end()

    def test_last_day_prepares_once(self):
        """On the last day of the month one count per location, prepared with
        the theoretical quantities; a re-run creates none."""
        counts = self._run(date(2025, 1, 31))
        self.assertEqual(len(counts), 1)
        self.assertEqual(counts.location_id, self.shelf)
        self.assertEqual(counts.gendan_count_date, "2025-01-31")
        self.assertEqual(counts.state, "confirm")
        line = counts.line_ids
        self.assertEqual(line.product_id, self.product)
        self.assertEqual(line.theoretical_qty, 40.0)
        todo = self._todos(counts, TODO)
        self.assertEqual(todo.user_id, self.users["fg_wh"])
        self.assertFalse(self._run(date(2025, 1, 31)))
        self.assertEqual(len(self._todos(counts, TODO)), 1)

    def test_todo_in_counter_language(self):
        """The cron runs in English; the Chinese warehouse user reads the
        to-do and the count's name in Chinese, the location's name included
        (WH/库存/...)."""
        self.env["res.lang"].load_lang("zh_CN")
        counter = self.users["fg_wh"]
        counter.lang = "zh_CN"
        self.Inventory = self.Inventory.with_context(lang="en_US")
        counts = self._run(date(2025, 1, 31))
        todo = self._todos(counts, TODO).sudo(counter)
        self.assertEqual(todo.summary, "盘点 %s 的实际库存并登记盘点数量"
                         % self.shelf.with_context(lang="zh_CN").display_name)
        self.assertIn("/库存/", todo.summary)
        self.assertEqual(counts.name, "2025-01 月末盘点 %s"
                         % self.shelf.with_context(lang="zh_CN").display_name)

    def test_prepared_ahead_started_on_the_day(self):
        """A count prepared ahead of its day (the demo's) stays a draft: the
        month's other adjustments of the same products are not refused; the
        cron on the last day starts it rather than adding a second one."""
        with patch.object(type(self.Inventory), "_gendan_today",
                          lambda s: date(2025, 4, 3)):
            ahead = self.Inventory._gendan_prepare_this_month(self.company)
        self.assertEqual(len(ahead), 1)
        self.assertEqual((ahead.state, ahead.gendan_count_date),
                         ("draft", "2025-04-30"))
        other = self.Inventory.create({
            "name": "spot check", "location_id": self.shelf.id,
            "filter": "product", "product_id": self.product.id})
        other.action_start()  # not refused: the prepared count is not in progress
        other.action_cancel_draft()
        self.assertFalse(self._run(date(2025, 4, 30)))  # no second count
        self.assertEqual(ahead.state, "confirm")
        self.assertEqual(ahead.line_ids.theoretical_qty, 40.0)

    def test_other_days_nothing(self):
        """Neither the 30th of January nor the 27th of February (not the last
        day) prepares a count; the 28th of February does."""
        self.assertFalse(self._run(date(2025, 1, 30)))
        self.assertFalse(self._run(date(2025, 2, 27)))
        self.assertTrue(self._run(date(2025, 2, 28)))

    def test_count_differences_and_validation(self):
        """The warehouse enters what it counted: the difference shows, a
        negative count is refused, validation closes the to-do."""
        count = self._run(date(2025, 3, 31))
        wh = self.users["fg_wh"]
        line = count.line_ids.sudo(wh)
        line.write({"product_qty": 37.0})
        self.assertEqual(line.gendan_difference, -3.0)
        self.assertEqual(count.gendan_difference_count, 1)
        action = count.sudo(wh).action_gendan_differences()
        self.assertEqual(self.env["stock.inventory.line"].search(action["domain"]),
                         count.line_ids)
        with self.assertRaises(ValidationError):
            line.write({"product_qty": -2.0})
        line.invalidate_cache()
        self.assertEqual(line.product_qty, 37.0)
        count.sudo(wh).action_done()
        self.assertEqual(count.state, "done")
        self.assertEqual(self.product.with_context(
            location=self.shelf.id).qty_available, 37.0)
        self.assertFalse(self._todos(count, TODO))
