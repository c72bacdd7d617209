import io

from PyPDF2 import PdfFileReader

from odoo.addons.gendan_base.tests.common import render_pdf

from .common import ComplaintCase


class TestReport8D(ComplaintCase):
    """The English 8D report for the customer."""

    def test_8d_report_renders(self):
        """HTML holds the disciplines, Chinese text and signature boxes; PDF renders."""
        complaint = self._advance_to(self._complaint_in_analysis("major"), "d6")
        complaint.sudo(self.users["qa"]).write({"symptom": "外壳开裂 housing cracked"})
        report = self.env.ref("gendan_complaint.action_report_complaint_8d")
        html = report.sudo(self.users["qa"]).render_qweb_html(complaint.ids)[0]
        html = html.decode() if isinstance(html, bytes) else html
        for text in ("8D Report", complaint.name, "D4 Root Cause", "Torque too low",
                     "No torque audit", "Set torque to 0.6 Nm", "外壳开裂",
                     "Customer acceptance", self.customer.name):
            self.assertIn(text, html)
        pdf = render_pdf(report, complaint.ids)
        self.assertTrue(pdf.startswith(b"%PDF"))
        pages = PdfFileReader(io.BytesIO(pdf)).getNumPages()
        self.assertGreaterEqual(pages, 2)

    def test_demo_8d_reports(self):
        """The demo holds a closed and an open 8D; both print."""
        closed = self.env.ref("gendan_complaint.gendan_complaint_closed_demo")
        opened = self.env.ref("gendan_complaint.gendan_complaint_open_demo")
        self.assertEqual(closed.eightd_step, "closed")
        self.assertEqual(closed.state, "closed")
        self.assertNotEqual(opened.eightd_step, "closed")
        report = self.env.ref("gendan_complaint.action_report_complaint_8d")
        html = report.render_qweb_html((closed | opened).ids)[0]
        self.assertIn(b"Worn soldering tips", html)
        pdf = render_pdf(report, (closed | opened).ids)
        pages = PdfFileReader(io.BytesIO(pdf)).getNumPages()
        self.assertGreaterEqual(pages, 3)
