from odoo.addons.gendan_base.tests.common import pdf_text_layer, render_pdf

from .common import ProductionCase


class TestReports(ProductionCase):

    def test_task_order_pdf(self):
        """The task order prints its lines, signatures and copy numbers."""
        task = self._approve(self._create_task_order())
        report = self.env.ref("gendan_production.action_report_task_order")
        html = report.render_qweb_html(task.ids)[0].decode("utf-8")
        self.assertIn("生产任务单", html)
        self.assertIn(task.name, html)
        self.assertIn(self.user_general_manager.name, html)
        self.assertIn("受控文件", html)
        self.assertIn("Copy No. %d" % len(task.sudo().distribution_copy_ids), html)
        self.assertTrue(render_pdf(report, task.ids).startswith(b"%PDF"))

    def test_controlled_bom_pdf(self):
        """The controlled BOM carries the CONTROLLED COPY stamp and revision."""
        report = self.env.ref("gendan_production.action_report_controlled_bom")
        html = report.render_qweb_html(self.bom.ids)[0].decode("utf-8")
        self.assertIn("CONTROLLED COPY", html)
        self.assertIn("受控文件", html)
        self.assertIn(self.components[0].display_name, html)
        self.assertIn("Copy No. 1", html)
        self.assertTrue(render_pdf(report, self.bom.ids).startswith(b"%PDF"))

    def test_task_order_pdf_text_is_searchable(self):
        """Chinese copied or searched in the PDF is the real text (生, not the
        Kangxi radical U+2F63 that Noto Sans CJK's glyphs map to)."""
        task = self._create_task_order()
        report = self.env.ref("gendan_production.action_report_task_order")
        text = pdf_text_layer(render_pdf(report, task.ids))
        self.assertIn("生产任务单", text)
        self.assertIn("草稿", text)  # not approved: no 受控文件 stamp
        self.assertNotIn("受控文件", text)
        self.assertFalse([c for c in text if "\u2f00" <= c <= "\u2fdf"],
                         "Kangxi radicals in the text layer")
