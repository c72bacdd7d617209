from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError

from .common import ProductionCase


class TestBadInput(ProductionCase):
    """Bad input on task orders is refused with a clear message and nothing
    is written (docs/reliability.md), as the merchandiser who types it."""

    @classmethod
    def setUpClass(cls):
        super(TestBadInput, cls).setUpClass()
        cls.task = cls._create_task_order()

    def _row(self, table, res_id, columns):
        # table and columns: literals of this file
        self.env.cr.execute('SELECT %s FROM "%s" WHERE id = %%s' % (columns, table),
                            (res_id,))
        return self.env.cr.fetchone()

    def _day(self, date, days):
        return fields.Date.to_string(fields.Date.from_string(date)
                                     + timedelta(days=days))

    def test_production_start_after_delivery(self):
        """Mass production cannot start after the delivery date."""
        task = self.task.sudo(self.user_merchandiser)
        late = self._day(task.date_deadline, 1)
        with self.assertRefused(ValidationError):
            task.write({"date_production_start": late})
        with self.assertRefused(ValidationError):
            task.write({"date_deadline": self._day(task.date_deadline, -30),
                        "date_production_start": self._day(task.date_deadline, -10)})
        self.assertEqual(self._row("gendan_task_order", task.id,
                                   "date_production_start, date_deadline"),
                         (None, self.task.date_deadline))
        task.write({"date_production_start": self._day(task.date_deadline, -20)})
        self.assertTrue(task.date_production_start)

    def test_task_order_line_quantities(self):
        """Production quantity positive, customer quantity not negative."""
        line = self.task.line_ids.sudo(self.user_merchandiser)
        for vals in ({"product_qty": 0}, {"product_qty": -5}, {"customer_qty": -1}):
            with self.assertRefused(ValidationError):
                line.write(vals)
        self.assertEqual(self._row("gendan_task_order_line", line.id,
                                   "product_qty, customer_qty"), (100.0, 100.0))
        lines = len(self.task.line_ids)
        with self.assertRefused(ValidationError):
            self.task.sudo(self.user_merchandiser).write({"line_ids": [(0, 0, {
                "product_id": self.product.id, "customer_qty": 0,
                "product_qty": 0, "bom_id": self.bom.id})]})
        self.env.cr.execute("SELECT count(*) FROM gendan_task_order_line "
                            "WHERE task_order_id = %s", (self.task.id,))
        self.assertEqual(self.env.cr.fetchone()[0], lines)
