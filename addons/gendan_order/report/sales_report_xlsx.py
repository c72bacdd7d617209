from odoo import _, fields, models


class SalesReportXlsx(models.AbstractModel):
    """Monthly sales and shipments by customer, product and merchandiser,
    each amount in its order's currency (a USD and a EUR order are never
    added up), with a chart of the sales by customer per currency."""

    _name = "report.gendan_order.sales_report_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, reports):
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 13}),
            "head": workbook.add_format({"bold": True, "bg_color": "#DDDDDD",
                                         "border": 1}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "total": workbook.add_format({"bold": True, "num_format": "#,##0.00"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        }
        for report in reports:
            lines = report._sales_lines()
            moves = report._shipment_moves()

            def line_currency(line):
                return line.order_id.currency_id.name or ""

            def move_currency(move):
                return move.sale_line_id.order_id.currency_id.name or ""
            keys = [
                (_("By Customer"), lambda line: line.order_id.partner_id.name,
                 lambda m: m.sale_line_id.order_id.partner_id.name),
                (_("By Product"), lambda line: line.product_id.display_name,
                 lambda m: m.product_id.display_name),
                (_("By Merchandiser"), lambda line: line.order_id.merchandiser_id.name,
                 lambda m: m.sale_line_id.order_id.merchandiser_id.name),
            ]
            for index, (title, line_key, move_key) in enumerate(keys):
                sheet = workbook.add_worksheet(("%s %s" % (report.name, title))[:31])
                rows = self._write_sheet(sheet, report, title, styles, [
                    report._group_rows(
                        lines,
                        lambda line, key=line_key: (key(line), line_currency(line)),
                        lambda line: line.product_uom_qty,
                        lambda line: line.price_subtotal),
                    report._group_rows(
                        moves, lambda m, key=move_key: (key(m), move_currency(m)),
                        lambda m: m.product_uom_qty,
                        lambda m: m.product_uom_qty * m.sale_line_id.price_unit),
                ])
                if index == 0:
                    self._add_charts(workbook, sheet, title, rows)

    def _write_sheet(self, sheet, report, title, styles, groups):
        """Write the rows sorted by currency then label; return
        {currency: (first row, last row)} (0-based)."""
        sales, shipments = (dict(rows) for rows in groups)
        sheet.write(0, 0, "%s %s" % (_("Monthly Sales"), title), styles["title"])
        sheet.write(1, 0, _("From"))
        sheet.write_datetime(1, 1, self._date(report.date_from), styles["date"])
        sheet.write(1, 2, _("To"))
        sheet.write_datetime(1, 3, self._date(report.date_to), styles["date"])
        headers = [title, _("Currency"), _("Ordered Qty"), _("Sales Amount"),
                   _("Shipped Qty"), _("Shipped Amount")]
        for col, header in enumerate(headers):
            sheet.write(2, col, header, styles["head"])
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 1, 10)
        sheet.set_column(2, 5, 16)
        row, spans = 3, {}
        for key in sorted(set(sales) | set(shipments),
                          key=lambda key: (key[1] or "", key[0] or "")):
            label, currency = key
            sale = sales.get(key, [0.0, 0.0])
            ship = shipments.get(key, [0.0, 0.0])
            sheet.write(row, 0, label)
            sheet.write(row, 1, currency)
            sheet.write_number(row, 2, sale[0])
            sheet.write_number(row, 3, sale[1], styles["money"])
            sheet.write_number(row, 4, ship[0])
            sheet.write_number(row, 5, ship[1], styles["money"])
            first = spans.get(currency, (row, row))[0]
            spans[currency] = (first, row)
            row += 1
        last = row
        for currency in sorted(spans):
            sheet.write(row, 0, _("Total"), styles["head"])
            sheet.write(row, 1, currency, styles["head"])
            for col in range(2, 6):
                letter = "ABCDEF"[col]
                sheet.write_formula(row, col, '=SUMIF(B4:B%d,"%s",%s4:%s%d)' % (
                    last, currency, letter, letter, last), styles["total"])
            row += 1
        return spans

    def _add_charts(self, workbook, sheet, title, spans):
        """One column chart of the sales and shipments per customer for
        each currency, right of the table."""
        name = sheet.get_name()
        for index, currency in enumerate(sorted(spans)):
            first, last = spans[currency]
            chart = workbook.add_chart({"type": "column"})
            for col, label in ((3, _("Sales Amount")), (5, _("Shipped Amount"))):
                chart.add_series({
                    "name": label,
                    "categories": [name, first, 0, last, 0],
                    "values": [name, first, col, last, col]})
            chart.set_title({"name": "%s (%s)" % (title, currency)})
            chart.set_y_axis({"name": currency})
            chart.set_legend({"position": "bottom"})
            sheet.insert_chart(2 + index * 18, 7, chart)

    @staticmethod
    def _date(value):
        return fields.Date.from_string(value)
