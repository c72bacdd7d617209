import base64

from odoo.addons.gendan_base.tests.common import pdf_text_layer, render_pdf

from .common import GendanSalesCase


class TestReports(GendanSalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestReports, cls).setUpClass()
        cls.product.write({"name": "LED Desk Lamp DL-20", "default_code": "DL-20"})
        cls.order = cls._approved_quotation()
        cls.order.sudo(cls.users["salesperson"]).print_quotation()
        cls.order.sudo(cls.users["salesperson"]).action_issue_contract()
        cls.company = cls.order.company_id
        if not cls.company.partner_id.bank_ids:
            cls.env["res.partner.bank"].create({
                "acc_number": "NB-0011-2233", "partner_id": cls.company.partner_id.id})
        cls.bank = cls.company.partner_id.bank_ids[:1]

    def _html(self, xmlid, login="salesperson"):
        report = self.env.ref(xmlid).sudo(self.users[login])
        return report.render_qweb_html(self.order.ids)[0].decode("utf-8")

    def test_quotation_english(self):
        html = self._html("gendan_sales.action_report_quotation")
        for text in ("QUOTATION", self.order.name, "LED Desk Lamp DL-20",
                     "Aluminium", "Brushed", "420 x 160 mm", "Two-joint arm",
                     "8 pcs per carton", "12.40", "24,800.00", "FOB",
                     "5-ply export cartons", "Valid until"):
            self.assertIn(text, html)

    def test_quotation_picture(self):
        self.product.image_medium = base64.b64encode(_png())
        html = self._html("gendan_sales.action_report_quotation")
        self.assertIn("data:image/png;base64,", html)

    def test_contract_english(self):
        html = self._html("gendan_sales.action_report_sales_contract")
        for text in ("SALES CONTRACT", self.order.contract_number,
                     self.customer.name, self.company.name, "12.40",
                     "2,000.00", "24,800.00", "FOB", self.bank.acc_number,
                     "The Buyer (signature and stamp)"):
            self.assertIn(text, html)

    def test_chinese_customer(self):
        """A Chinese customer reads the quotation and contract in Chinese,
        whoever prints them."""
        self.customer.lang = "zh_CN"
        self.env["ir.translation"].load_module_terms(["gendan_sales"], ["zh_CN"])
        quote = self._html("gendan_sales.action_report_quotation")
        self.assertIn("报价单", quote)
        self.assertIn("有效期", quote)
        self.assertIn("材质", quote)
        contract = self._html("gendan_sales.action_report_sales_contract")
        self.assertIn("购销合同", contract)
        self.assertIn("24,800.00", contract)
        self.assertNotIn("SALES CONTRACT", contract)

    def test_pdf(self):
        report = self.env.ref("gendan_sales.action_report_sales_contract").sudo(
            self.users["salesperson"])
        text = pdf_text_layer(render_pdf(report, self.order.ids))
        self.assertIn(self.order.contract_number, text)
        self.assertIn("24,800.00", text)


def _png():
    """A 1x1 PNG."""
    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAF"
        "BQIAX8jx0gAAAABJRU5ErkJggg==")
