from odoo.addons.gendan_base.tests.common import render_pdf, shift_date

from .common import ShippingCase


class TestReports(ShippingCase):

    @classmethod
    def setUpClass(cls):
        super(TestReports, cls).setUpClass()
        cls.order = cls._create_confirmed_order(qty=100.0, price=10.0)
        cls.order.sudo().write({"order_line": [(0, 0, {
            "product_id": cls.product_cn.id, "product_uom_qty": 96,
            "price_unit": 4.5})]})
        picking = cls.order.picking_ids
        cls.shipment = cls._create_shipment(
            picking, port_discharge="Hamburg", marks_text="HARBOR\nC/NO. 1-UP",
            port_loading="Ningbo, China",
            incoterm_id=cls.env.ref("stock.incoterm_FOB").id)
        cls._add_container(cls.shipment, "CSQU3054383", "RPT-1",
                           lines=[(cls.product, 60), (cls.product_cn, 96)])
        cls._add_container(cls.shipment, "MSKU9070323", "RPT-2", ctype=cls.type_20gp,
                           lines=[(cls.product, 40)])

    def test_packing_list(self):
        """Packing list: Chinese names, carton ranges, containers, seals, PDF."""
        report = self.env.ref("gendan_shipping.action_report_packing_list")
        html = report.sudo(self.clerk).render_qweb_html(self.shipment.ids)[0].decode()
        self.assertIn("不锈钢保温杯", html)
        self.assertIn("CSQU3054383", html)
        self.assertIn("RPT-2", html)
        self.assertIn("1-6", html)      # 60 lamps, 10 per carton
        self.assertIn("7-8", html)      # 96 flasks, 48 per carton
        self.assertIn("9-12", html)     # 40 lamps in the second container
        self.assertIn("FOB", html)
        self.assertTrue(render_pdf(report, self.shipment.ids).startswith(b"%PDF"))

    def test_commercial_invoice(self):
        """Commercial invoice: order prices, totals, Chinese names, PDF."""
        report = self.env.ref("gendan_shipping.action_report_commercial_invoice")
        html = report.sudo(self.clerk).render_qweb_html(self.shipment.ids)[0].decode()
        self.assertIn("不锈钢保温杯", html)
        self.assertIn("1432.00", html)  # 100 x 10.00 + 96 x 4.50
        self.assertIn("Ningbo, China", html)   # FOB: named loading port
        self.assertIn("PROFORMA", html)
        self.assertTrue(render_pdf(report, self.shipment.ids).startswith(b"%PDF"))

    def test_commercial_invoice_from_the_books(self):
        """Once the customer invoice is posted, the commercial invoice shows
        its number and amounts, the HS code and origin of each product and
        our bank details."""
        hs_lamp = self.env["hs.code"].create(
            {"local_code": "94052000", "description": "Electric table lamps"})
        self.product.hs_code_id = hs_lamp
        self.product.origin_country_id = self.env.ref("base.vn")
        hs_flask = self.env["hs.code"].create(
            {"local_code": "96170000", "description": "Vacuum flasks"})
        self.product_cn.categ_id.hs_code_id = hs_flask
        company = self.env.user.company_id
        company.country_id = self.env.ref("base.cn")
        bank = self.env["res.bank"].create(
            {"name": "Bank of Ningbo", "bic": "BKNBCN2N"})
        self.env["res.partner.bank"].create({
            "acc_number": "CN-7788-0099", "bank_id": bank.id,
            "partner_id": company.partner_id.id})
        invoice = self._invoice(self.order)
        rows = self.shipment._invoice_rows()
        self.assertEqual(sum(r["amount"] for r in rows), invoice.amount_untaxed)
        self.assertEqual({r["hs_code"] for r in rows}, {"94052000", "96170000"})
        origin = {r["product"]: r["origin"] for r in rows}
        self.assertEqual(origin[self.product], "Vietnam")
        self.assertEqual(origin[self.product_cn], "China")
        report = self.env.ref("gendan_shipping.action_report_commercial_invoice")
        html = report.sudo(self.clerk).render_qweb_html(self.shipment.ids)[0].decode()
        self.assertIn(invoice.number, html)
        self.assertNotIn("PROFORMA", html)
        self.assertIn("94052000", html)
        self.assertIn("Vietnam", html)
        self.assertIn("BKNBCN2N", html)
        self.assertIn("CN-7788-0099", html)
        self.assertIn("1432.00", html)

    def test_shipping_notice(self):
        """The shipping notice prints with its marks and Chinese names."""
        notice = self.env["gendan.shipping.notice"].create({
            "sale_order_id": self.order.id, "shipping_date": shift_date(months=2),
            "marks_text": "HARBOR HOME"})
        report = self.env.ref("gendan_shipping.action_report_shipping_notice")
        html = report.render_qweb_html(notice.ids)[0].decode()
        self.assertIn("不锈钢保温杯", html)
        self.assertIn("HARBOR HOME", html)
        self.assertTrue(render_pdf(report, notice.ids).startswith(b"%PDF"))

    def test_outbound_register_xlsx(self):
        """The outbound register renders as XLSX for finance."""
        report = self.env.ref("gendan_shipping.action_report_outbound_register_xlsx")
        pickings = self.order.picking_ids
        content, fmt = report.sudo(self.finance).with_context(
            active_model="stock.picking").render(pickings.ids)
        self.assertEqual(fmt, "xlsx")
        self.assertTrue(content.startswith(b"PK"))

    def test_commercial_invoice_without_order(self):
        """The demo's shipment for Pacific Living has no sales order: its
        commercial invoice is in the customer's currency (USD, its pricelist)
        at the list prices converted from yuan (flask 29.82 CNY = 4.20 USD
        at the demo's 7.10)."""
        shipment = self.env.ref("gendan_shipping.shipment_pacific_demo",
                                raise_if_not_found=False)
        if not shipment or shipment.company_id.currency_id.name != "CNY":
            self.skipTest("demo data of a CNY company not loaded")
        self.assertFalse(shipment.sale_order_ids)
        self.assertEqual(shipment.currency_id, self.env.ref("base.USD"))
        flask = self.env.ref("gendan_shipping.product_flask_demo")
        row = [row for row in shipment._invoice_rows() if row["product"] == flask]
        self.assertEqual(len(row), 1)
        self.assertAlmostEqual(row[0]["price_unit"], 4.20, places=2)
        self.assertAlmostEqual(row[0]["amount"], row[0]["quantity"] * 4.20, places=2)
        report = self.env.ref("gendan_shipping.action_report_commercial_invoice")
        html = report.sudo(self.clerk).render_qweb_html(shipment.ids)[0].decode()
        self.assertIn("USD", html)
        self.assertNotIn("CNY", html)
