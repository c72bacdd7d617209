from datetime import timedelta

from odoo import fields

from .common import ShippingCase


def _in_days(days):
    return fields.Date.to_string(
        fields.Date.from_string(fields.Date.today()) + timedelta(days=days))


class TestBalanceRisk(ShippingCase):

    def _codes(self, order):
        order.invalidate_cache()
        return set((order.risk_codes or "").split(",")) - {""}

    def test_balance_unpaid_before_ship_date(self):
        """Unpaid a week before the ship date: at risk, with the reason;
        paid: the risk is gone."""
        order = self._create_confirmed_order(qty=10.0, price=10.0)
        # no ship date promised yet: the delivery's planned date is no promise
        self.assertNotIn("balance", self._codes(order))
        order.sudo(self.users["merchandiser"]).write({"promised_date": _in_days(30)})
        self.assertEqual(order.milestone_paid_state, "todo")
        self.assertNotIn("balance", self._codes(order))
        order.sudo(self.users["merchandiser"]).write({"promised_date": _in_days(5)})
        self.assertIn("balance", self._codes(order))
        self.assertTrue(order.is_at_risk)
        self.assertIn(_in_days(5), order.sudo(self.users["salesperson"]).risk_reasons)
        invoice = self._invoice(order)
        self._pay(invoice, invoice.amount_total, user=self.finance)
        self.assertEqual(order.milestone_paid_state, "done")
        self.assertNotIn("balance", self._codes(order))

    def test_shipment_buttons(self):
        """The follow-up form counts the order's shipping notices."""
        order = self._create_confirmed_order(qty=10.0, price=10.0)
        order = order.sudo(self.users["documents_clerk"])
        self.assertEqual(order.gendan_shipping_notice_count, 0)
        self.assertEqual(order.gendan_shipment_count, 0)
        self.assertEqual(order.action_gendan_view_shipments()["domain"],
                         [("id", "in", [])])
