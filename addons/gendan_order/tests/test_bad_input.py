from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import ValidationError

from .common import GendanOrderCase


def _day(offset):
    return fields.Date.to_string(date.today() + timedelta(days=offset))


class TestBadInput(GendanOrderCase):
    """Bad input is refused with a clear message and nothing is written
    (docs/reliability.md lists these constraints), as the user who types it."""

    def _count(self, table):
        # table: a literal of this file
        self.env.cr.execute('SELECT count(*) FROM "%s"' % table)
        return self.env.cr.fetchone()[0]

    def test_order_line_zero_quantity(self):
        """An order line of quantity 0 is refused (create and write)."""
        lines = self._count("sale_order_line")
        with self.assertRefused(ValidationError):
            self._create_order(qty=0)
        self.assertEqual(self._count("sale_order_line"), lines)
        order = self._create_order()
        with self.assertRefused(ValidationError):
            order.order_line.sudo(self.users["merchandiser"]).write(
                {"product_uom_qty": 0})
        self.env.cr.execute("SELECT product_uom_qty FROM sale_order_line "
                            "WHERE id = %s", (order.order_line.id,))
        self.assertEqual(self.env.cr.fetchone()[0], 100.0)

    def test_promise_before_order_date(self):
        """The promised delivery cannot be before the order date."""
        order = self._create_order(date_order=fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now()) + timedelta(days=30)))
        with self.assertRefused(ValidationError):
            order.sudo(self.users["merchandiser"]).write({"promised_date": _day(10)})
        self.env.cr.execute("SELECT promised_date FROM sale_order WHERE id = %s",
                            (order.id,))
        self.assertIsNone(self.env.cr.fetchone()[0])
        order.sudo(self.users["merchandiser"]).write({"promised_date": _day(40)})
        self.assertEqual(order.promised_date, _day(40))

    def test_sample_quantity(self):
        """A sample request needs a positive quantity."""
        samples = self._count("gendan_sample")
        for qty in (0, -2):
            with self.assertRefused(ValidationError):
                self.env["gendan.sample"].sudo(self.users["merchandiser"]).create({
                    "order_id": self._create_order().id, "material": "DL-20",
                    "quantity": qty, "purpose": "Approval", "date_due": _day(5)})
        self.assertEqual(self._count("gendan_sample"), samples)

    def test_sample_register_quantity(self):
        """A line of the sample room register needs a positive quantity."""
        lines = self._count("gendan_sample_register")
        with self.assertRefused(ValidationError):
            self.env["gendan.sample.register"].sudo(self.users["merchandiser"]).create(
                {"description": "DL-20 golden sample", "quantity": 0})
        self.assertEqual(self._count("gendan_sample_register"), lines)

    def test_sales_report_period(self):
        """A monthly report cannot end before it starts."""
        reports = self._count("gendan_sales_report")
        with self.assertRefused(ValidationError):
            self.env["gendan.sales.report"].sudo(self.users["salesperson"]).create({
                "name": "bad", "date_from": _day(30), "date_to": _day(0)})
        self.assertEqual(self._count("gendan_sales_report"), reports)
