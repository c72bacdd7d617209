import datetime
import io
import zipfile
from unittest.mock import patch

import xlrd

from odoo.exceptions import AccessError

from odoo.addons.gendan_base.tests.common import QueryCounter

from ..report import repair_quarter_xlsx
from .common import ComplaintCase


class TestRepairAnalysis(ComplaintCase):
    """Quarterly analysis: Pareto, XLSX, reminder; constant query count."""

    @classmethod
    def setUpClass(cls):
        super(TestRepairAnalysis, cls).setUpClass()
        cls.Quarter = cls.env["gendan.repair.quarter"]
        cls.causes = [cls.env.ref("gendan_complaint.repair_cause_" + code)
                      for code in ("pro_01", "mat_01", "han_01")]
        # 2019-Q1: 6 / 3 / 1 returns; 2019-Q2 and 2019-Q3: same mix x1 and x4
        cls._make_returns("2019-01-10", [6, 3, 1])
        cls._make_returns("2019-04-10", [2, 2, 2])
        cls._make_returns("2019-07-10", [8, 8, 8])

    @classmethod
    def _make_returns(cls, date, counts):
        stock = cls.env.ref("stock.stock_location_stock")
        partners = [cls.customer, cls.env.ref("base.res_partner_2")]
        for cause, count in zip(cls.causes, counts):
            for index in range(count):
                cls.env["mrp.repair"].create({
                    "product_id": (cls.product if index % 2 else cls.part).id,
                    "product_uom": cls.product.uom_id.id,
                    "partner_id": partners[index % 2].id,
                    "location_id": stock.id, "location_dest_id": stock.id,
                    "is_customer_return": True, "return_date": date,
                    "repair_cause_id": cause.id, "repair_action": "Fixed",
                    "return_stage": "repaired"})

    def _quarter(self, quarter):
        return self.Quarter.sudo(self.users["qa"]).create(
            {"year": 2019, "quarter": quarter})

    def test_pareto_sorted_with_cumulative_percent(self):
        """Causes sorted by count with share and cumulative share."""
        quarter = self._quarter("1")
        quarter.action_refresh()
        self.assertEqual(quarter.date_from, "2019-01-01")
        self.assertEqual(quarter.date_to, "2019-03-31")
        self.assertEqual(quarter.repair_count, 10)
        lines = quarter.line_ids
        self.assertEqual(lines.mapped("cause_id"), self.causes[0] | self.causes[1]
                         | self.causes[2])
        self.assertEqual(lines.mapped("repair_count"), [6, 3, 1])
        self.assertEqual([round(p) for p in lines.mapped("cumulative_percent")],
                         [60, 90, 100])

    def test_xlsx_summary_and_detail(self):
        """The XLSX holds the Pareto summary and one detail row per return."""
        quarter = self._quarter("1")
        report = self.env.ref("gendan_complaint.action_report_repair_quarter_xlsx")
        content = report.sudo(self.users["qa"]).render(quarter.ids, {})[0]
        book = xlrd.open_workbook(file_contents=content)
        summary, detail = book.sheet_by_index(0), book.sheet_by_index(1)
        self.assertEqual(summary.cell(1, 1).value, 10)
        self.assertEqual(summary.cell(4, 0).value, self.causes[0].name)
        self.assertEqual(summary.cell(4, 1).value, 6)
        self.assertEqual(detail.nrows, 11)
        self.assertIn(self.causes[0].code, detail.col_values(6))
        # the return date is a date cell, not text; the Pareto is a chart
        self.assertEqual(detail.cell_type(1, 1), xlrd.XL_CELL_DATE)
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            self.assertIn("xl/charts/chart1.xml", archive.namelist())

    def test_xlsx_detail_paged(self):
        """Streamed page by page, the detail still lists every return once,
        in date order."""
        quarter = self._quarter("1")
        report = self.env.ref("gendan_complaint.action_report_repair_quarter_xlsx")
        with patch.object(repair_quarter_xlsx, "DETAIL_PAGE", 3):
            content = report.sudo(self.users["qa"]).render(quarter.ids, {})[0]
        detail = xlrd.open_workbook(file_contents=content).sheet_by_index(1)
        names = detail.col_values(0)[1:]
        self.assertEqual(len(names), 10)
        self.assertEqual(len(set(names)), 10)
        dates = detail.col_values(1)[1:]
        self.assertEqual(dates, sorted(dates))

    def test_query_count_independent_of_size(self):
        """Refresh + XLSX of a quarter: same queries for 6 and 24 returns."""
        report = self.env.ref("gendan_complaint.action_report_repair_quarter_xlsx")
        small, large = self._quarter("2"), self._quarter("3")
        warm = self._quarter("1")  # same causes, products, customers
        counts = []
        for quarter in (warm, small, large):
            quarter.invalidate_cache()
            with QueryCounter(self.env.cr) as counter:
                quarter.action_refresh()
                report.sudo(self.users["qa"]).render(quarter.ids, {})
            counts.append(counter.count)
        self.assertEqual(small.repair_count, 6)
        self.assertEqual(large.repair_count, 24)
        self.assertEqual(counts[1], counts[2])

    def test_quarterly_reminder_cron(self):
        """The cron prepares last quarter and reminds each GM once."""
        self.env.ref("gendan_base.group_general_manager").write(
            {"users": [(4, self.users["general_manager"].id)]})
        analysis = self.Quarter._cron_quarterly_reminder(
            today=datetime.date(2019, 4, 2))
        self.assertEqual(analysis.name, "2019-Q1")
        self.assertEqual(analysis.repair_count, 10)
        activities = analysis.activity_ids
        self.assertIn(self.users["general_manager"], activities.mapped("user_id"))
        self.Quarter._cron_quarterly_reminder(today=datetime.date(2019, 4, 20))
        self.assertEqual(analysis.activity_ids, activities)
        analysis.sudo(self.users["general_manager"]).action_mark_sent()
        self.assertEqual(analysis.state, "sent")
        self.assertFalse(analysis.activity_ids)

    def test_analysis_read_only_for_plain_users(self):
        """A finance user reads the analysis but cannot create one."""
        quarter = self._quarter("1")
        self.assertEqual(quarter.sudo(self.users["finance"]).name, "2019-Q1")
        with self.assertRaises(AccessError):
            self.Quarter.sudo(self.users["finance"]).create(
                {"year": 2018, "quarter": "1"})
