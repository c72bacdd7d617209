from odoo.addons.gendan_base.tests.common import render_pdf, shift_date

from .common import ProductionCase

START = shift_date(years=3)


class TestReportsForms(ProductionCase):
    """到料时间表 and 生产异常书面报告."""

    @classmethod
    def setUpClass(cls):
        super(TestReportsForms, cls).setUpClass()
        cls.task = cls._approve(cls._create_task_order())

    def test_material_arrival_table_pdf(self):
        """Every component with its arrival time and the BOM's 备注 column."""
        self.task.sudo(self.user_merchandiser).write({"date_production_start": START})
        self.task.sudo(self.user_merchandiser).action_create_material_check()
        check = self.task.material_check_ids
        line = check.line_ids[0]
        line.sudo(self.user_merchandiser).write({
            "eta_date": shift_date(START, days=-5),
            "remark": "仓库确认: 分两批到料"})
        report = self.env.ref("gendan_production.action_report_material_arrival")
        html = report.sudo(self.user_merchandiser).render_qweb_html(
            check.ids)[0].decode("utf-8")
        self.assertIn("到料时间表", html)
        self.assertIn("备注 / Remarks", html)
        self.assertIn("仓库确认: 分两批到料", html)
        for component in self.components:
            self.assertIn(component.display_name, html)
        self.assertIn("<span>200</span>", html)  # required quantity
        self.assertTrue(render_pdf(report, check.ids).startswith(b"%PDF"))

    def test_production_exception_report_pdf(self):
        exc = self.env["gendan.production.exception"].sudo(
            self.user_production).create({
                "task_order_id": self.task.id, "process_step": "SMT reflow",
                "description": "Cold joints on 120 boards", "impact": "both",
                "department_group_id": self.env.ref(
                    "gendan_base.group_production").id})
        report = self.env.ref(
            "gendan_production.action_report_production_exception")
        html = report.sudo(self.user_production).render_qweb_html(
            exc.ids)[0].decode("utf-8")
        self.assertIn("生产异常书面报告", html)
        self.assertIn(exc.name, html)
        self.assertIn("Cold joints on 120 boards", html)
        self.assertIn(self.task.name, html)
        self.assertIn(self.user_production.name, html)
        self.assertTrue(render_pdf(report, exc.ids).startswith(b"%PDF"))
