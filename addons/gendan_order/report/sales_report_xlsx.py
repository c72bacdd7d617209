from odoo import _, models


class SalesReportXlsx(models.AbstractModel):
    """Monthly sales and shipments by customer, product and merchandiser."""

    _name = "report.gendan_order.sales_report_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, reports):
        bold = workbook.add_format({"bold": True, "bg_color": "#DDDDDD",
                                    "border": 1})
        money = workbook.add_format({"num_format": "#,##0.00"})
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
            for title, line_key, move_key in keys:
                sheet = workbook.add_worksheet("%s %s" % (report.name, title))
                self._write_sheet(sheet, report, title, bold, money, [
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

    def _write_sheet(self, sheet, report, title, bold, money, groups):
        """One row per key and currency: quantities, the amounts in the
        order currency and in the company currency (converted at the invoice
        date); totals of the quantities and company-currency amounts only."""
        sales, shipments = (dict(rows) for rows in groups)
        company_currency = report.company_id.currency_id.name
        sheet.write(0, 0, "%s %s (%s - %s)" % (
            _("Monthly Sales"), title, report.date_from, report.date_to), bold)
        headers = [title, _("Currency"), _("Ordered Qty"), _("Sales Amount"),
                   _("Sales Amount (%s)") % company_currency, _("Shipped Qty"),
                   _("Shipped Amount"), _("Shipped Amount (%s)") % company_currency]
        for col, header in enumerate(headers):
            sheet.write(2, col, header, bold)
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 7, 16)
        row = 3
        for key in sorted(set(sales) | set(shipments)):
            sale = sales.get(key, [0.0, 0.0, 0.0])
            ship = shipments.get(key, [0.0, 0.0, 0.0])
            sheet.write(row, 0, key[0])
            sheet.write(row, 1, key[1])
            sheet.write(row, 2, sale[0])
            sheet.write(row, 3, sale[1], money)
            sheet.write(row, 4, sale[2], money)
            sheet.write(row, 5, ship[0])
            sheet.write(row, 6, ship[1], money)
            sheet.write(row, 7, ship[2], money)
            row += 1
        sheet.write(row, 0, _("Total"), bold)
        sheet.write(row, 1, company_currency, bold)
        # amounts of different currencies are never added: only the
        # quantities and the company-currency columns are totalled
        for col in (2, 4, 5, 7):
            letter = "ABCDEFGH"[col]
            sheet.write_formula(row, col, "=SUM(%s4:%s%d)" % (letter, letter, row),
                                bold)
