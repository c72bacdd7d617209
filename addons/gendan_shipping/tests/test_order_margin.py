"""Freight and charges in the order's margin and its analytic account.

Order A: 300 x 10.00 (untaxed 3,000.00), order B: 100 x 10.00 (1,000.00),
product cost 4.00; both ship on one shipment whose freight is 1,200.00,
split by the value shipped: A bears 900.00 (3/4), B 300.00. A's margin:
3,000 - 1,200 - 900 = 900.00. The carrier's bill has one line per order's
analytic account with that share.
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
        cls.analytic_b = cls.env["account.analytic.account"].create(
            {"name": cls.order_b.name})
        cls.order_b.analytic_account_id = cls.analytic_b
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

    def test_bill_split_by_order(self):
        """The carrier's draft bill carries the freight in one line per
        order's analytic account, by the value each order shipped."""
        lines = self.charge.invoice_line_ids.sorted("price_subtotal")
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines.mapped("invoice_id"), self.charge.invoice_id)
        self.assertEqual(lines.mapped("account_analytic_id"),
                         self.analytic_b | self.analytic)
        self.assertEqual([(line.account_analytic_id, line.price_subtotal)
                          for line in lines],
                         [(self.analytic_b, 300.0), (self.analytic, 900.0)])
        self.assertIn(self.order_a.name, lines[1].name)
        self.assertAlmostEqual(self.charge.invoice_id.amount_total, 1200.0)
        # a new amount is split again on the same bill; thirds round, the
        # last line takes the difference
        bill = self.charge.invoice_id
        self.charge.sudo(self.clerk).write({"amount": 1000.01})
        self.assertEqual(self.charge.invoice_id, bill)
        self.assertEqual(sorted(self.charge.invoice_line_ids.mapped(
            "price_subtotal")), [250.0, 750.01])
        self.assertAlmostEqual(bill.amount_total, 1000.01)

    def test_bill_split_by_shipped_value(self):
        """The split follows what each order shipped on this shipment, not
        its ordered amount: B ships only 50 of its 100 pieces."""
        order_c = self._create_confirmed_order(qty=300.0, price=10.0)
        order_d = self._create_confirmed_order(qty=100.0, price=10.0)
        for order in order_c | order_d:
            order.analytic_account_id = self.env["account.analytic.account"].create(
                {"name": order.name})
        picking_d = self._prepare_delivery(order_d.picking_ids)
        picking_d.move_line_ids.write({"qty_done": 50.0})
        self.assertEqual(picking_d.move_lines.quantity_done, 50.0)
        shipment = self._create_shipment(
            self._prepare_delivery(order_c.picking_ids) | picking_d)
        charge = self.env["gendan.shipment.charge"].sudo(self.clerk).create({
            "shipment_id": shipment.id, "carrier_id": self.carrier.id,
            "charge_type": "freight", "amount": 700.0,
            "currency_id": order_c.currency_id.id})
        self.assertAlmostEqual(charge._gendan_order_share(order_c), 6.0 / 7)
        self.assertAlmostEqual(order_d.gendan_charge_amount, 100.0)
        self.assertEqual(sorted(charge.invoice_line_ids.mapped("price_subtotal")),
                         [100.0, 600.0])

    def test_posted_bill_reaches_analytic(self):
        """Finance validates the carrier's bill: each order's analytic
        account bears its share of the freight as a cost, and the carrier
        has one payable."""
        bill = self.charge.invoice_id.sudo(self.finance)
        bill.action_invoice_open()
        self.assertEqual(bill.state, "open")
        for analytic, amount in ((self.analytic, -900.0), (self.analytic_b, -300.0)):
            lines = self.env["account.analytic.line"].search(
                [("account_id", "=", analytic.id)])
            self.assertAlmostEqual(sum(lines.mapped("amount")), amount)
        payable = bill.move_id.line_ids.filtered(
            lambda line: line.account_id.internal_type == "payable")
        self.assertEqual(payable.partner_id, self.carrier)
        self.assertAlmostEqual(payable.credit, 1200.0)
