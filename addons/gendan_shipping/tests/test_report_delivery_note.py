from odoo.addons.gendan_base.tests.common import render_pdf

from .common import ShippingCase


class TestReportDeliveryNote(ShippingCase):

    def test_delivery_note_pdf(self):
        """发货单: the customer's lines and total quantity, the payment gate
        and the finance signature box; the customer's data in English."""
        order = self._create_confirmed_order(qty=100.0, price=10.0).sudo()
        order.partner_id.lang = "en_US"
        picking = order.picking_ids
        report = self.env.ref("gendan_shipping.action_report_delivery_note")
        html = report.sudo(self.finance).with_context(lang="zh_CN").render_qweb_html(
            picking.ids)[0].decode("utf-8")
        self.assertIn("发货单 / DELIVERY NOTE", html)
        self.assertIn(picking.name, html)
        self.assertIn(order.name, html)
        self.assertIn("<strong>100</strong>", html)
        self.assertIn("Finance approved / 财务审核", html)
        self.assertNotIn("年", html)  # dates in the customer's language
        self.assertTrue(render_pdf(report, picking.ids).startswith(b"%PDF"))
