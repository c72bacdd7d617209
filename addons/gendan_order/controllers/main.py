"""Spreadsheets named after what they hold and when, also when several
records are printed at once (report_xlsx names those after the report's
technical file name)."""
import time

from odoo.http import content_disposition, request, route
from odoo.tools.safe_eval import safe_eval

from odoo.addons.report_xlsx.controllers.main import ReportController


class GendanXlsxReportController(ReportController):

    @route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        response = super().report_routes(reportname, docids, converter, **data)
        if converter == "xlsx" and docids and "," in docids:
            report = request.env["ir.actions.report"]._get_report_from_name(reportname)
            if report.print_report_name:
                records = request.env[report.model].browse(
                    [int(docid) for docid in docids.split(",")])
                name = safe_eval(report.print_report_name,
                                 {"object": records, "objects": records, "time": time})
                response.headers["Content-Disposition"] = content_disposition(
                    name + ".xlsx")
        return response
