from odoo.addons.gendan_base.tests.common import render_pdf

from .common import OutsourcingCase


class TestReports(OutsourcingCase):

    @classmethod
    def setUpClass(cls):
        super(TestReports, cls).setUpClass()
        cls.env["res.lang"].load_lang("zh_CN")
        cls.outsourcing = cls._create_list()
        cls.outsourcing.write({"quality_requirement": "AQL 2.5 抽检"})

    def _html(self, xmlid, records, lang):
        records.sudo().mapped("partner_id").write({"lang": lang})
        report = self.env.ref(xmlid).sudo(self.user_merchandiser)
        return report.render_qweb_html(records.ids)[0].decode("utf-8")

    def test_outsourcing_list_zh_cn(self):
        html = self._html("gendan_outsourcing.action_report_outsourcing_order",
                          self.outsourcing, "zh_CN")
        for text in ("外协采购清单", "物料清单", self.outsourcing.name, "SG-T1",
                     "ABS + steel", "Brushed", "28.50", "28,500.00", "2,000.000",
                     "AQL 2.5", "包装物"):
            self.assertIn(text, html)
        self.assertNotIn("Packing Material<", html)

    def test_outsourcing_list_english(self):
        html = self._html("gendan_outsourcing.action_report_outsourcing_order",
                          self.outsourcing, "en_US")
        for text in ("Outsourcing Purchase List", "Material List", "SG-T1",
                     "28,500.00", "Packing Material", "Factory"):
            self.assertIn(text, html)
        self.assertNotIn("包装物", html)

    def test_outsourcing_list_pdf(self):
        report = self.env.ref("gendan_outsourcing.action_report_outsourcing_order")
        self.assertTrue(render_pdf(report, self.outsourcing.ids).startswith(b"%PDF"))

    def test_packaging_spec(self):
        spec = self.env["gendan.packaging.spec"].sudo(self.user_merchandiser).create({
            "sale_order_id": self.order.id, "date_required": "2030-01-01",
            "purchase_id": self.outsourcing.purchase_id.id,
            "line_ids": [(0, 0, {"item_type": "outer_carton", "name": "12 pcs",
                                 "size": "39.5 x 28.5 x 40 cm",
                                 "product_qty": 84})]})
        spec.action_release()
        html = self._html("gendan_outsourcing.action_report_packaging_spec",
                          spec, "zh_CN")
        for text in ("包装规格书", spec.name, "外箱", "39.5 x 28.5 x 40 cm", ">84"):
            self.assertIn(text, html)
        # one controlled copy per recipient
        self.assertEqual(html.count("包装规格书 / Packaging Specification"), 3)
        html = self._html("gendan_outsourcing.action_report_packaging_spec",
                          spec, "en_US")
        self.assertIn("Outer Carton", html)
        self.assertNotIn("外箱<", html)
        self.assertTrue(render_pdf(
            self.env.ref("gendan_outsourcing.action_report_packaging_spec"),
            spec.ids).startswith(b"%PDF"))
