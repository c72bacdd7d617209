from odoo import fields

from odoo.addons.gendan_base.tests.common import render_pdf

from .common import GendanOrderCase


class TestReportSampleRequest(GendanOrderCase):

    def test_sample_request_pdf(self):
        """物料打样申请单: material, quantity, the VP's approval and the
        sign-off checklist, printed by the merchandiser."""
        order = self._create_order()
        merchandiser = self.users["merchandiser"]
        sample = self.env["gendan.sample"].sudo(merchandiser).create({
            "order_id": order.id, "product_id": self.product.id,
            "material": "DL-20 warm white lens", "quantity": 7,
            "purpose": "Colour approval",
            "date_due": fields.Date.context_today(self.env.user)})
        sample.action_submit()
        sample.sudo(self.users["general_manager"]).action_vp_approve()
        sample.action_deliver()
        report = self.env.ref("gendan_order.action_report_sample_request")
        html = report.sudo(merchandiser).render_qweb_html(
            sample.ids)[0].decode("utf-8")
        self.assertIn("物料打样申请单", html)
        self.assertIn("DL-20 warm white lens", html)
        self.assertIn("<span>7</span>", html)
        self.assertIn(self.users["general_manager"].name, html)
        self.assertIn(sample.check_ids[0].name, html)
        self.assertIn("副总审批", html)
        self.assertTrue(render_pdf(report, sample.ids).startswith(b"%PDF"))
