from datetime import date

from odoo import _, fields, models

DETAIL_QUERY = """
    SELECT r.name, r.return_date, partner.name, tmpl.name, prod.default_code,
           lot.name, cause.code, cause.name, r.qa_result, r.return_stage,
           r.fault_reported, r.repair_action, r.id
      FROM mrp_repair r
      JOIN product_product prod ON prod.id = r.product_id
      JOIN product_template tmpl ON tmpl.id = prod.product_tmpl_id
 LEFT JOIN res_partner partner ON partner.id = r.partner_id
 LEFT JOIN stock_production_lot lot ON lot.id = r.lot_id
 LEFT JOIN gendan_repair_cause cause ON cause.id = r.repair_cause_id
     WHERE r.is_customer_return
       AND r.return_date BETWEEN %s AND %s
       AND r.company_id = %s
       AND (r.return_date, r.id) > (%s, %s)
  ORDER BY r.return_date, r.id
     LIMIT %s
"""
# rows fetched per query: the detail is streamed into the sheet in pages
# (keyset on return date and id) so memory does not grow with the quarter
DETAIL_PAGE = 5000


class RepairQuarterXlsx(models.AbstractModel):
    """The quarter's repair returns: summary (Pareto, products, customers), detail."""

    _name = "report.gendan_complaint.repair_quarter_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, quarters):
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "head": workbook.add_format({"bold": True, "bg_color": "#D9E1F2",
                                         "border": 1}),
            "pct": workbook.add_format({"num_format": "0.0"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        }
        for quarter in quarters:
            self._write_summary(workbook, styles, quarter)
            self._write_detail(workbook, styles, quarter)

    def _write_table(self, sheet, row, styles, headers, rows):
        for col, header in enumerate(headers):
            sheet.write(row, col, header, styles["head"])
        for values in rows:
            row += 1
            for col, value in enumerate(values):
                if isinstance(value, float):
                    sheet.write_number(row, col, value, styles["pct"])
                elif isinstance(value, date):
                    sheet.write_datetime(row, col, value, styles["date"])
                else:
                    sheet.write(row, col, value)
        return row + 2

    def _write_summary(self, workbook, styles, quarter):
        sheet = workbook.add_worksheet(_("Summary %s") % quarter.name)
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 3, 14)
        sheet.write(0, 0, _("Repair returns %(quarter)s (%(start)s to %(end)s)") % {
            "quarter": quarter.name, "start": quarter.date_from,
            "end": quarter.date_to}, styles["title"])
        pareto = quarter._pareto_rows()
        sheet.write(1, 0, _("Total returns"))
        sheet.write(1, 1, sum(row["repair_count"] for row in pareto))
        row = self._write_table(
            sheet, 3, styles, [_("Cause"), _("Returns"), _("Share (%)"),
                               _("Cumulative (%)")],
            [(line["cause_name"], line["repair_count"], line["percent"],
              line["cumulative_percent"]) for line in pareto])
        if pareto:
            self._add_pareto_chart(workbook, sheet, len(pareto))
        row = self._write_table(sheet, row, styles, [_("Product"), _("Returns")],
                                quarter._group_counts("product_id"))
        self._write_table(sheet, row, styles, [_("Customer"), _("Returns")],
                          quarter._group_counts("partner_id"))

    def _add_pareto_chart(self, workbook, sheet, count):
        """Pareto of the causes: returns as columns, the cumulative share
        as a line on a 0-100 % axis (the table starts on row 4)."""
        name = sheet.get_name()
        chart = workbook.add_chart({"type": "column"})
        chart.add_series({
            "name": _("Returns"), "categories": [name, 4, 0, 3 + count, 0],
            "values": [name, 4, 1, 3 + count, 1]})
        line = workbook.add_chart({"type": "line"})
        line.add_series({
            "name": _("Cumulative (%)"), "categories": [name, 4, 0, 3 + count, 0],
            "values": [name, 4, 3, 3 + count, 3], "y2_axis": True,
            "marker": {"type": "circle"}})
        chart.combine(line)
        chart.set_title({"name": _("Repair causes (Pareto)")})
        chart.set_y_axis({"name": _("Returns")})
        line.set_y2_axis({"name": _("Cumulative (%)"), "min": 0, "max": 100})
        chart.set_legend({"position": "bottom"})
        sheet.insert_chart(3, 5, chart, {"x_scale": 1.4, "y_scale": 1.3})

    def _write_detail(self, workbook, styles, quarter):
        self.env["mrp.repair"].check_access_rights("read")
        sheet = workbook.add_worksheet(_("Detail %s") % quarter.name)
        headers = [_("Repair"), _("Returned"), _("Customer"), _("Product"),
                   _("Internal Ref."), _("Lot/Serial"), _("Cause Code"), _("Cause"),
                   _("QA Result"), _("Step"), _("Fault Reported"), _("Repair Action")]
        sheet.set_column(0, len(headers) - 1, 16)
        self._write_table(sheet, 0, styles, headers, self._detail_rows(quarter))

    def _detail_rows(self, quarter):
        """The quarter's returns in (return date, id) order, page by page;
        QA result and step as their labels in the reader's language."""
        fields_ = self.env["mrp.repair"]._fields
        results = dict(fields_["qa_result"]._description_selection(self.env))
        stages = dict(fields_["return_stage"]._description_selection(self.env))
        last = ("0001-01-01", 0)
        while True:
            self.env.cr.execute(DETAIL_QUERY, (
                quarter.date_from, quarter.date_to, quarter.company_id.id)
                + last + (DETAIL_PAGE,))
            page = self.env.cr.fetchall()
            for row in page:
                row = list(row[:-1])
                row[1] = row[1] and fields.Date.from_string(row[1])  # a real date
                row[8] = results.get(row[8], row[8])
                row[9] = stages.get(row[9], row[9])
                yield tuple(value if value is not None else "" for value in row)
            if len(page) < DETAIL_PAGE:
                return
            last = (page[-1][1], page[-1][-1])
