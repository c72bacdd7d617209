from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import ValidationError

from .common import VALID_NUMBERS, ShippingCase


def _day(offset):
    return fields.Date.to_string(date.today() + timedelta(days=offset))


class TestBadInput(ShippingCase):
    """Bad input on shipments is refused with a clear message and nothing is
    written (docs/reliability.md), as the user who types it."""

    @classmethod
    def setUpClass(cls):
        super(TestBadInput, cls).setUpClass()
        cls.picking = cls._create_picking([(cls.product, 100)])
        cls.shipment = cls._create_shipment(cls.picking, etd=_day(10), eta=_day(40))

    def _row(self, table, res_id, columns):
        # table and columns: literals of this file
        self.env.cr.execute('SELECT %s FROM "%s" WHERE id = %%s' % (columns, table),
                            (res_id,))
        return self.env.cr.fetchone()

    def test_eta_before_etd(self):
        """The ship cannot arrive before it leaves."""
        for user in (self.merchandiser, self.clerk):
            with self.assertRefused(ValidationError):
                self.shipment.sudo(user).write({"eta": _day(5)})
            with self.assertRefused(ValidationError):
                self.shipment.sudo(user).write({"etd": _day(41)})
        self.assertEqual(self._row("gendan_shipment", self.shipment.id, "etd, eta"),
                         (_day(10), _day(40)))
        self.env.cr.execute("SELECT count(*) FROM gendan_shipment")
        shipments = self.env.cr.fetchone()
        with self.assertRefused(ValidationError):
            self._create_shipment(self.picking, etd=_day(10), eta=_day(9),
                                  user=self.clerk)
        self.env.cr.execute("SELECT count(*) FROM gendan_shipment")
        self.assertEqual(self.env.cr.fetchone(), shipments)

    def test_container_quantity(self):
        """A loaded quantity must be positive."""
        container = self._add_container(self.shipment, VALID_NUMBERS[0], "S1",
                                        lines=[(self.product, 50)],
                                        user=self.fg_wh)
        line = container.line_ids
        for qty in (0, -10):
            with self.assertRefused(ValidationError):
                line.sudo(self.fg_wh).write({"quantity": qty})
        self.assertEqual(float(self._row("gendan_shipment_container_line", line.id,
                                         "quantity")[0]), 50.0)

    def test_shipping_notice_quantity(self):
        """A shipping notice line needs a positive quantity."""
        order = self._create_confirmed_order(qty=20.0, price=10.0)
        with self.assertRefused(ValidationError):
            self.env["gendan.shipping.notice"].sudo(self.users["salesperson"]).create({
                "sale_order_id": order.id, "shipping_date": _day(20),
                "destination_port": "Hamburg", "line_ids": [(0, 0, {
                    "product_id": self.product.id, "quantity": 0})]})
        self.env.cr.execute("SELECT count(*) FROM gendan_shipping_notice "
                            "WHERE sale_order_id = %s", (order.id,))
        self.assertEqual(self.env.cr.fetchone()[0], 0)
