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
                    report._group_rows(lines, line_key,
                                       lambda line: line.product_uom_qty,
                                       lambda line: line.price_subtotal),
                    report._group_rows(
                        moves, move_key, lambda m: m.product_uom_qty,
                        lambda m: m.product_uom_qty * m.sale_line_id.price_unit),
                ])

    def _write_sheet(self, sheet, report, title, bold, money, groups):
        sales, shipments = (dict(rows) for rows in groups)
        sheet.write(0, 0, "%s %s (%s - %s)" % (
            _("Monthly Sales"), title, report.date_from, report.date_to), bold)
        headers = [title, _("Ordered Qty"), _("Sales Amount"),
                   _("Shipped Qty"), _("Shipped Amount")]
        for col, header in enumerate(headers):
            sheet.write(2, col, header, bold)
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 4, 16)
        row = 3
        for key in sorted(set(sales) | set(shipments)):
            sale = sales.get(key, [0.0, 0.0])
            ship = shipments.get(key, [0.0, 0.0])
            sheet.write(row, 0, key)
            sheet.write(row, 1, sale[0])
            sheet.write(row, 2, sale[1], money)
            sheet.write(row, 3, ship[0])
            sheet.write(row, 4, ship[1], money)
            row += 1
        sheet.write(row, 0, _("Total"), bold)
        for col in range(1, 5):
            sheet.write_formula(row, col, "=SUM(%s4:%s%d)" % (
                "ABCDE"[col], "ABCDE"[col], row), bold)
