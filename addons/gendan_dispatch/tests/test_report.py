from unittest.mock import patch

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

    def _slip_text(self, slip):
        report = self.env.ref("gendan_dispatch.action_report_pickup_slip")
        return pdf_text_layer(render_pdf(
            report.sudo(self.user_merchandiser), slip.ids))

    def test_pdf_in_both_languages(self):
        """Chinese with English labels where zh_CN is installed; English
        where it is not: the bilingual labels, the same key figures (the
        slip's quantities and its total, the order, the delivery) and the
        checklist in the body's language."""
        self.env["res.lang"].load_lang("zh_CN")
        self._confirmed_photos()
        slip = self._issued_slip()
        total = "%g" % sum(slip.move_ids.mapped("product_uom_qty"))
        labels = ("提货单 / Pick-up Slip", "存根 / Stub", "财务联 / Finance Copy",
                  "数量 / Quantity", "合计 / Total", "出库单 / Delivery",
                  "提货人 / Collected by", "财务 / Finance")
        figures = (slip.name, self.order.name, self.picking.name,
                   self.task.name, total)
        chinese = self._slip_text(slip)
        for needle in labels + figures + ("唛头:", "彩标:"):
            self.assertIn(needle, chinese)
        self.assertNotIn("Shipping Marks", chinese)
        self.assertNotIn("Colour Labels", chinese)
        english_only = [("en_US", "English")]
        with patch.object(type(self.env["res.lang"]), "get_installed",
                          lambda *args: english_only):
            self.assertEqual(slip._report_lang(), "en_US")
            english = self._slip_text(slip)
        for needle in labels + figures + ("Shipping Marks:", "Colour Labels:"):
            self.assertIn(needle, english)
        self.assertNotIn("彩标", english)
        self.assertEqual(english.count(total), chinese.count(total))
        self.assertGreaterEqual(chinese.count(total), 4)  # line + total, 2 copies
