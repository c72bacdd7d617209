from odoo.addons.gendan_base.tests.common import render_pdf

from .common import ComplaintCase


class TestReportRepairForms(ComplaintCase):
    """补件单, 返修机品质报告 and 工程维修报告."""

    def _html(self, xmlid, records, user):
        report = self.env.ref(xmlid)
        html = report.sudo(user).render_qweb_html(records.ids)[0].decode("utf-8")
        self.assertTrue(render_pdf(report, records.ids).startswith(b"%PDF"))
        return html

    def test_part_request_pdf(self):
        merchandiser = self.users["merchandiser"]
        request = self.env["gendan.part.request"].sudo(merchandiser).create({
            "partner_id": self.customer.id, "product_id": self.part.id,
            "product_qty": 24, "reason": "Tweeters broken in transit"})
        html = self._html("gendan_complaint.action_report_part_request",
                          request, merchandiser)
        self.assertIn("补件单", html)
        self.assertIn(request.name, html)
        self.assertIn("<span>24</span>", html)
        self.assertIn("Tweeters broken in transit", html)
        self.assertIn("工厂/供应商确认", html)

    def test_repair_reports_pdf(self):
        """QA's findings on the QA report, the cause, action and parts on
        the engineering report; the customer's data in English."""
        stock = self.env.ref("stock.stock_location_stock")
        self.customer.lang = "en_US"
        repair = self.env["mrp.repair"].sudo(self.users["merchandiser"]).create({
            "product_id": self.product.id, "product_uom": self.product.uom_id.id,
            "partner_id": self.customer.id, "is_customer_return": True,
            "location_id": stock.id, "location_dest_id": stock.id,
            "fault_reported": "No sound",
            "merchandiser_id": self.users["merchandiser"].id})
        qa = repair.sudo(self.users["qa"])
        qa.write({"qa_findings": "Driver wire loose", "qa_result": "confirmed"})
        qa.action_return_inspected()
        eng = repair.sudo(self.users["engineer"])
        eng.write({"repair_cause_id": self.cause.id, "repair_action": "Resoldered",
                   "operations": [(0, 0, {
                       "name": "Tweeter", "type": "add", "product_id": self.part.id,
                       "product_uom_qty": 2, "product_uom": self.part.uom_id.id,
                       "price_unit": 0.0, "location_id": stock.id,
                       "location_dest_id": stock.id})]})
        eng.action_return_repaired()
        html = self._html("gendan_complaint.action_report_repair_qa", repair,
                          self.users["qa"])
        self.assertIn("返修机品质报告", html)
        self.assertIn("Driver wire loose", html)
        self.assertIn("Fault Confirmed", html)
        self.assertIn(self.users["qa"].name, html)
        html = self._html("gendan_complaint.action_report_repair_engineering",
                          repair, self.users["engineer"])
        self.assertIn("工程维修报告", html)
        self.assertIn("Resoldered", html)
        self.assertIn(self.part.display_name, html)
        self.assertIn(self.users["engineer"].name, html)
