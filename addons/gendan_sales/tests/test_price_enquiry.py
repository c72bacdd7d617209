from odoo.exceptions import AccessError, UserError

from .common import GendanSalesCase

TODO = "gendan_sales.price_enquiry"


class TestPriceEnquiry(GendanSalesCase):
    """询价单: the merchandiser asks the factory and a supplier for a price
    from the customer enquiry; purchasing records the quoted prices; they
    become the enquiry's factory prices and the quotation starts from them."""

    @classmethod
    def setUpClass(cls):
        super(TestPriceEnquiry, cls).setUpClass()
        cls.supplier = cls.env["res.partner"].create({
            "name": "Test Arm Supplier", "supplier": True, "customer": False})

    def _rfqs(self, enquiry):
        return self.env["purchase.order"].search(
            [("gendan_enquiry_id", "=", enquiry.id)])

    def test_rfq_per_supplier_and_price_back(self):
        enquiry = self._enquiry(
            supplier_ids=[(6, 0, (self.factory | self.supplier).ids)])
        merchandiser = enquiry.sudo(self.users["merchandiser"])
        merchandiser.action_request_factory_prices()
        rfqs = self._rfqs(enquiry)
        self.assertEqual(rfqs.mapped("partner_id"), self.factory | self.supplier)
        self.assertEqual(set(rfqs.mapped("state")), {"draft"})
        line = rfqs[0].order_line
        self.assertEqual((len(line), line.product_id, line.product_qty,
                          line.gendan_enquiry_line_id),
                         (1, self.product, 2000.0, enquiry.line_ids))
        self.assertIn("Aluminium", line.name)
        self.assertEqual(merchandiser.purchase_count, 2)
        # once per supplier
        merchandiser.action_request_factory_prices()
        self.assertEqual(len(self._rfqs(enquiry)), 2)
        purchaser = self.users["purchaser"]
        todos = self.env["mail.activity"].search([
            ("res_model", "=", "purchase.order"), ("res_id", "in", rfqs.ids),
            ("gendan_key", "=", TODO)])
        self.assertIn(purchaser, todos.mapped("user_id"))
        # the merchandiser reads the RFQ but does not buy
        self.assertTrue(rfqs.sudo(self.users["merchandiser"]).read(["name"]))
        with self.assertRefused(AccessError):
            rfqs[0].order_line.sudo(self.users["merchandiser"]).write(
                {"price_unit": 1.0})
        with self.assertRefused(AccessError):
            self.env["purchase.order"].sudo(self.users["merchandiser"]).create(
                {"partner_id": self.factory.id})
        with self.assertRefused(AccessError):
            merchandiser.sudo(self.users["engineer"]).action_request_factory_prices()
        # purchasing records the factory's price: it flows back
        factory_rfq = rfqs.filtered(lambda po: po.partner_id == self.factory)
        factory_rfq.order_line.sudo(purchaser).write({"price_unit": 8.6})
        with self.assertRefused(AccessError):
            factory_rfq.sudo(self.users["salesperson"]) \
                .action_gendan_use_quoted_prices()
        factory_rfq.sudo(purchaser).action_gendan_use_quoted_prices()
        self.assertEqual((enquiry.line_ids.factory_price,
                          enquiry.line_ids.factory_partner_id,
                          enquiry.line_ids.factory_purchase_id),
                         (8.6, self.factory, factory_rfq))
        self.assertFalse(self.env["mail.activity"].search([
            ("res_model", "=", "purchase.order"),
            ("res_id", "=", factory_rfq.id), ("gendan_key", "=", TODO)]))
        # the supplier's RFQ confirmed: its price is the factory price
        supplier_rfq = rfqs - factory_rfq
        unpriced = supplier_rfq.sudo(purchaser)
        with self.assertRefused(UserError):
            unpriced.action_gendan_use_quoted_prices()
        unpriced.order_line.write({"price_unit": 8.2})
        unpriced.button_confirm()
        self.assertEqual((enquiry.line_ids.factory_price,
                          enquiry.line_ids.factory_partner_id),
                         (8.2, self.supplier))
        # the quotation starts from it
        merchandiser.action_create_quotation()
        self.assertEqual((enquiry.order_ids.order_line.factory_price,
                          enquiry.order_ids.order_line.factory_id),
                         (8.2, self.supplier))

    def test_bad_input(self):
        merchandiser = self._enquiry().sudo(self.users["merchandiser"])
        with self.assertRefused(UserError):
            merchandiser.action_request_factory_prices()  # nobody to ask
        merchandiser.write({"supplier_ids": [(6, 0, self.factory.ids)],
                            "line_ids": [(0, 0, {"name": "no product"})]})
        with self.assertRefused(UserError):
            merchandiser.action_request_factory_prices()
        self.assertFalse(self._rfqs(merchandiser))
