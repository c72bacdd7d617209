from odoo.addons.gendan_base.tests.common import (
    pdf_page_count, pdf_text_layer, render_pdf)

from .common import DispatchCase


class TestPickupSlipReport(DispatchCase):

    def test_pdf_two_copies_with_key_figures(self):
        """One PDF, two pages: the stub and the finance copy, each with the
        slip, order, delivery, task order, quantity and the checklist."""
        self.env["res.lang"].load_lang("zh_CN")
        self._confirmed_photos()
        slip = self._issued_slip()
        report = self.env.ref("gendan_dispatch.action_report_pickup_slip")
        pdf = render_pdf(report.sudo(self.user_merchandiser), slip.ids)
        self.assertEqual(pdf_page_count(pdf), 2)
        text = pdf_text_layer(pdf)
        for needle in ("提货单", "存根", "财务联", slip.name, self.order.name,
                       self.picking.name, self.task.name, "PO-TEST",
                       "Harbor Home Goods", "100", "4/4", "唛头"):
            self.assertIn(needle, text)
        self.assertEqual(text.count(slip.name), 2)
        self.assertEqual(text.count("✔"), 8)
