"""Freight and charges in the order's margin and its analytic account.

Order A: 300 x 10.00 (untaxed 3,000.00), order B: 100 x 10.00 (1,000.00),
product cost 4.00; both ship on one shipment whose freight is 1,200.00:
A bears 900.00 (3/4), B 300.00. A's margin: 3,000 - 1,200 - 900 = 900.00.
"""
from .common import ShippingCase


class TestOrderMargin(ShippingCase):

    @classmethod
    def setUpClass(cls):
        super(TestOrderMargin, cls).setUpClass()
        cls.product.standard_price = 4.0
        cls.order_a = cls._create_confirmed_order(qty=300.0, price=10.0)
        cls.order_b = cls._create_confirmed_order(qty=100.0, price=10.0)
        cls.analytic = cls.env["account.analytic.account"].create(
            {"name": cls.order_a.name})
        cls.order_a.analytic_account_id = cls.analytic
        pickings = cls._prepare_delivery(cls.order_a.picking_ids) | \
            cls._prepare_delivery(cls.order_b.picking_ids)
        cls.shipment = cls._create_shipment(pickings)
        cls.carrier = cls.env["res.partner"].create({"name": "Ocean Link Margin"})
        cls.charge = cls.env["gendan.shipment.charge"].sudo(cls.clerk).create({
            "shipment_id": cls.shipment.id, "carrier_id": cls.carrier.id,
            "charge_type": "freight", "amount": 1200.0,
            "currency_id": cls.order_a.currency_id.id})

    def test_charges_in_margin(self):
        """The sales manager reads each order's share of the freight and the
        margin after charges."""
        manager = self.users["sales_manager"]
        order_a = self.order_a.sudo(manager)
        order_b = self.order_b.sudo(manager)
        self.assertAlmostEqual(order_a.amount_untaxed, 3000.0)
        self.assertAlmostEqual(order_a.gendan_product_cost, 1200.0)
        self.assertAlmostEqual(order_a.gendan_charge_amount, 900.0)
        self.assertAlmostEqual(order_a.gendan_margin, 900.0)
        self.assertAlmostEqual(order_b.gendan_charge_amount, 300.0)
        self.assertAlmostEqual(order_b.gendan_margin, 1000.0 - 400.0 - 300.0)

    def test_posted_bill_reaches_analytic(self):
        """Finance validates the carrier's bill: the freight is an analytic
        cost of the order's analytic account, and a payable of the carrier."""
        bill = self.charge.invoice_id.sudo(self.finance)
        bill.action_invoice_open()
        self.assertEqual(bill.state, "open")
        lines = self.env["account.analytic.line"].search(
            [("account_id", "=", self.analytic.id)])
        self.assertAlmostEqual(sum(lines.mapped("amount")), -1200.0)
        payable = bill.move_id.line_ids.filtered(
            lambda line: line.account_id.internal_type == "payable")
        self.assertEqual(payable.partner_id, self.carrier)
        self.assertAlmostEqual(payable.credit, 1200.0)
