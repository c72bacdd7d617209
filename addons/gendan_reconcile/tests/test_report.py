import xlrd

from odoo.addons.gendan_base.tests.common import render_pdf

from .common import ReconcileCase


class TestReport(ReconcileCase):
    """The PDF (partner's language) and the XLSX of a statement."""

    @classmethod
    def setUpClass(cls):
        super(TestReport, cls).setUpClass()
        cls.statement = cls._prepare(partners=cls.harbor)

    def test_pdf(self):
        """The PDF shows the lines, the uninvoiced delivery and the balance."""
        report = self.env.ref("gendan_reconcile.action_report_statement").sudo(
            self.merchandiser)
        html = report.render_qweb_html(self.statement.ids)[0].decode()
        self.assertIn("对账单", html)
        self.assertIn("Harbor Home Goods Ltd.", html)
        self.assertIn("HB-2025-031", html)
        self.assertIn("Not invoiced", html)
        self.assertIn(self.invoice_a.number, html)
        self.assertIn("500.00", html)
        self.assertTrue(render_pdf(report, self.statement.ids).startswith(b"%PDF"))

    def test_pdf_in_chinese(self):
        """A Chinese-speaking customer gets the labels in Chinese."""
        lang = self.env["res.lang"].search([("code", "=", "zh_CN")])
        if not lang:
            self.skipTest("zh_CN is not loaded in this database")
        self.harbor.lang = "zh_CN"
        report = self.env.ref("gendan_reconcile.action_report_statement")
        html = report.render_qweb_html(self.statement.ids)[0].decode()
        self.assertIn("期末余额", html)
        self.assertIn("未开票", html)
        self.assertTrue(render_pdf(report, self.statement.ids).startswith(b"%PDF"))

    def test_xlsx(self):
        """The spreadsheet carries the balance and one row per delivery and
        per credit note."""
        report = self.env.ref("gendan_reconcile.action_report_statement_xlsx").sudo(
            self.merchandiser)
        content, kind = report.render_xlsx(self.statement.ids, {})
        self.assertEqual(kind, "xlsx")
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        self.assertEqual(sheet.cell_value(10, 0), "Closing Balance")
        self.assertEqual(sheet.cell_value(10, 2), 500.0)
        self.assertEqual(sheet.cell_value(13, 3), "HB-2025-031")
        self.assertEqual([sheet.cell_value(row, 9) for row in (13, 14)],
                         [750.0, 500.0])
        # the credit note of 03-28 is a row too, negative
        self.assertEqual(sheet.cell_value(15, 4), "Credit Note")
        self.assertEqual(sheet.cell_value(15, 9), -50.0)
        self.assertEqual(sheet.nrows, 16)
        # deliveries and the period as real dates, the invoicing as a label
        self.assertEqual(sheet.cell_type(13, 0), xlrd.XL_CELL_DATE)
        self.assertEqual(sheet.cell_type(3, 2), xlrd.XL_CELL_DATE)
