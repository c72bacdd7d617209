"""Customer documents speak the customer's language, data included, whoever
prints them: a Chinese merchandiser printing for an English-speaking customer in
Australia gets Australia, an English date and English selection values."""
from odoo.tests.common import TransactionCase

CUSTOMER_DOCUMENTS = [
    ("gendan_shipping.action_report_packing_list", "gendan.shipment"),
    ("gendan_shipping.action_report_commercial_invoice", "gendan.shipment"),
    ("gendan_complaint.action_report_complaint_8d", "gendan.complaint"),
    ("gendan_reconcile.action_report_statement", "gendan.statement"),
    ("gendan_order.action_report_proforma", "sale.order"),
    ("gendan_sales.action_report_quotation", "sale.order"),
    ("gendan_sales.action_report_sales_contract", "sale.order"),
]


class TestCustomerLanguage(TransactionCase):

    def setUp(self):
        super().setUp()
        self.merchandiser = self.env.ref("gendan_base.user_merchandiser_demo")
        self.merchandiser.lang = "zh_CN"
        self.australia = self.env.ref("base.au")

    def _print_as_merchandiser(self, report_xmlid, model):
        record = self.env[model].search([], limit=1)
        self.assertTrue(record, "demo data has a %s" % model)
        partner = record.partner_id.commercial_partner_id | record.partner_id
        partner.write({"lang": "en_US", "country_id": self.australia.id})
        report = self.env.ref(report_xmlid).sudo(self.merchandiser)
        html = report.with_context(lang="zh_CN").render_qweb_html(record.ids)[0]
        return record, html.decode("utf-8")

    def test_country_and_dates_in_english(self):
        for report_xmlid, model in CUSTOMER_DOCUMENTS:
            record, html = self._print_as_merchandiser(report_xmlid, model)
            self.assertNotIn("澳大利亚", html, report_xmlid)
            # zh_CN dates read 2026年12月07日
            self.assertNotIn("年", html, report_xmlid)
            if model != "gendan.complaint":  # the 8D names no country
                self.assertIn("Australia", html, report_xmlid)

    def test_selection_values_in_english(self):
        """The 8D's severity reads Critical/Major/Minor, not 严重/重大/轻微."""
        complaint, html = self._print_as_merchandiser(
            "gendan_complaint.action_report_complaint_8d", "gendan.complaint")
        label = dict(complaint.with_context(lang="en_US")._fields["severity"]
                     ._description_selection(complaint.with_context(lang="en_US").env))
        self.assertIn(label[complaint.severity], html)
        chinese = dict(complaint._fields["severity"]._description_selection(
            complaint.with_context(lang="zh_CN").env))
        self.assertNotIn(chinese[complaint.severity], html)
