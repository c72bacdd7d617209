from odoo import _, fields, models


class StatementXlsx(models.AbstractModel):
    """The statement as a spreadsheet the partner can check line by line."""
    _name = "report.gendan_reconcile.statement_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, statements):
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        header = workbook.add_format({"bold": True, "bg_color": "#DDDDDD",
                                      "border": 1})
        for statement in statements:
            sheet = workbook.add_worksheet((statement.name or "Statement")
                                           .replace("/", "-")[:31])
            self._write_summary(sheet, statement, bold, money, date)
            columns = [_("Date"), _("Delivery"), _("Order"), _("Customer PO"),
                       _("Product"), _("Quantity"), _("Unit Price"), _("Currency"),
                       _("Amount"), _("Amount (Statement Currency)"),
                       _("Invoices"), _("Invoicing"), _("Dispute")]
            row = 12
            for col, title in enumerate(columns):
                sheet.write(row, col, title, header)
            lines = statement.line_ids
            states = dict(lines._fields["invoice_state"]._description_selection(
                lines.env))
            types = dict(lines._fields["line_type"]._description_selection(
                lines.env))
            for line in lines:
                row += 1
                if line.date:  # the line's day where the reader is
                    sheet.write_datetime(row, 0, fields.Datetime.context_timestamp(
                        self, fields.Datetime.from_string(line.date)).date(), date)
                sheet.write_row(row, 1, [
                    line.reference or "", line.order_ref or "",
                    line.partner_ref or "",
                    line.product_id.display_name or types.get(line.line_type, ""),
                    line.quantity])
                sheet.write(row, 6, line.price_unit, money)
                sheet.write(row, 7, line.line_currency_id.name or "")
                sheet.write(row, 8, line.amount_currency, money)
                sheet.write(row, 9, line.amount_statement, money)
                sheet.write_row(row, 10, [
                    line.invoice_ref or "", states.get(line.invoice_state, ""),
                    line.is_disputed and line.dispute_reason or ""])
            sheet.set_column(0, 0, 18)
            sheet.set_column(1, 4, 16)
            sheet.set_column(8, 10, 16)

    def _write_summary(self, sheet, statement, bold, money, date):
        sheet.write(0, 0, _("Statement of Account"), bold)
        sheet.write(0, 2, statement.name or "")
        facts = [
            (_("Company"), statement.company_id.name),
            (_("Partner"), statement.partner_id.display_name),
            (_("Period"), None),
            (_("Currency"), statement.statement_currency_id.name),
        ]
        for row, (label, value) in enumerate(facts, 1):
            sheet.write(row, 0, label, bold)
            sheet.write(row, 2, value or "")
        # the period as two real dates (from, to)
        for col, day in ((2, statement.date_from), (3, statement.date_to)):
            if day:
                sheet.write_datetime(3, col, fields.Date.from_string(day), date)
        amounts = [
            (_("Opening Balance"), statement.opening_balance_currency),
            (_("Invoiced"), statement.invoiced_amount_currency),
            (_("Credit Notes"), statement.credit_note_amount_currency),
            (_("Payments"), statement.payment_amount_currency),
            (_("Other Entries"), statement.other_amount_currency),
            (_("Closing Balance"), statement.closing_balance_currency),
        ]
        for row, (label, value) in enumerate(amounts, 5):
            sheet.write(row, 0, label, bold)
            sheet.write(row, 2, value, money)
