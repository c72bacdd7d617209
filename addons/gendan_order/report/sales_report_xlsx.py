from odoo import _, fields, models


class SalesReportXlsx(models.AbstractModel):
    """Monthly sales and shipments by customer, product and merchandiser:
    each amount in its order's currency (a USD and a EUR order are never
    added up) and converted to the company currency at the invoice date,
    with a chart of the sales by customer per currency."""

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
                spans = self._write_sheet(sheet, report, title, styles, [
                    report._group_rows(
                        lines, line_key, lambda line: line.product_uom_qty,
                        lambda line: (line.price_subtotal, line.currency_id,
                                      report._conversion_date(line))),
                    report._group_rows(
                        moves, move_key, lambda m: m.product_uom_qty,
                        lambda m: (m.product_uom_qty * m.sale_line_id.price_reduce,
                                   m.sale_line_id.currency_id,
                                   report._conversion_date(m.sale_line_id))),
                ])
                if index == 0:
                    self._add_charts(workbook, sheet, title, spans)

    def _write_sheet(self, sheet, report, title, styles, groups):
        """One row per key and currency (sorted by currency, then label):
        quantities, amounts in the order currency and in the company
        currency; a total per currency and a grand total of the quantities
        and company-currency amounts. Return {currency: (first, last row)}."""
        sales, shipments = (dict(rows) for rows in groups)
        company_currency = report.company_id.currency_id.name
        sheet.write(0, 0, "%s %s" % (_("Monthly Sales"), title), styles["title"])
        sheet.write(1, 0, _("From"))
        sheet.write_datetime(1, 1, fields.Date.from_string(report.date_from),
                             styles["date"])
        sheet.write(1, 2, _("To"))
        sheet.write_datetime(1, 3, fields.Date.from_string(report.date_to),
                             styles["date"])
        headers = [title, _("Currency"), _("Ordered Qty"), _("Sales Amount"),
                   _("Sales Amount (%s)") % company_currency, _("Shipped Qty"),
                   _("Shipped Amount"), _("Shipped Amount (%s)") % company_currency]
        for col, header in enumerate(headers):
            sheet.write(2, col, header, styles["head"])
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 1, 10)
        sheet.set_column(2, 7, 16)
        row, spans = 3, {}
        for key in sorted(set(sales) | set(shipments),
                          key=lambda key: (key[1] or "", key[0] or "")):
            label, currency = key
            sale = sales.get(key, [0.0, 0.0, 0.0])
            ship = shipments.get(key, [0.0, 0.0, 0.0])
            sheet.write(row, 0, label)
            sheet.write(row, 1, currency)
            for col, value in enumerate(sale + ship, start=2):
                sheet.write_number(row, col, value,
                                   None if col in (2, 5) else styles["money"])
            spans[currency] = (spans.get(currency, (row, row))[0], row)
            row += 1
        last = row
        for currency in sorted(spans):
            sheet.write(row, 0, _("Total"), styles["head"])
            sheet.write(row, 1, currency, styles["head"])
            for col in range(2, 8):
                letter = "ABCDEFGH"[col]
                sheet.write_formula(row, col, '=SUMIF(B4:B%d,"%s",%s4:%s%d)' % (
                    last, currency, letter, letter, last), styles["total"])
            row += 1
        # amounts of different currencies are never added: the grand total
        # holds the quantities and the company-currency columns only
        sheet.write(row, 0, _("Total"), styles["head"])
        sheet.write(row, 1, company_currency, styles["head"])
        for col in (2, 4, 5, 7):
            letter = "ABCDEFGH"[col]
            sheet.write_formula(row, col, "=SUM(%s4:%s%d)" % (letter, letter, last),
                                styles["total"])
        return spans

    def _add_charts(self, workbook, sheet, title, spans):
        """One column chart of the sales and shipments per key for each
        currency, right of the table."""
        name = sheet.get_name()
        for index, currency in enumerate(sorted(spans)):
            first, last = spans[currency]
            chart = workbook.add_chart({"type": "column"})
            for col, label in ((3, _("Sales Amount")), (6, _("Shipped Amount"))):
                chart.add_series({
                    "name": label,
                    "categories": [name, first, 0, last, 0],
                    "values": [name, first, col, last, col]})
            chart.set_title({"name": "%s (%s)" % (title, currency)})
            chart.set_y_axis({"name": currency})
            chart.set_legend({"position": "bottom"})
            sheet.insert_chart(2 + index * 18, 9, chart)
