from odoo import _, fields, models


class OutboundRegisterXlsx(models.AbstractModel):
    """The daily outbound register to finance as a spreadsheet: one row per
    movement."""

    _name = "report.gendan_dispatch.outbound_register_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, registers):
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7",
                                    "border": 1})
        title = workbook.add_format({"bold": True, "font_size": 14})
        cell = workbook.add_format({"border": 1})
        number = workbook.add_format({"border": 1, "num_format": "#,##0.##"})
        headers = [_("Out/In"), _("Delivery/Receipt"), _("Pick-up Slip"),
                   _("Source Document"), _("Customer/Supplier"), _("Product"),
                   _("Quantity"), _("Unit"), _("Done On")]
        direction = dict(self.env["gendan.outbound.register.line"]._fields[
            "direction"]._description_selection(self.env))
        for register in registers:
            sheet = workbook.add_worksheet(register.name[:31])
            sheet.write(0, 0, _("Daily outbound register %(name)s of %(day)s") % {
                "name": register.name, "day": register.date}, title)
            for col, header in enumerate(headers):
                sheet.write(2, col, header, bold)
                sheet.set_column(col, col, 18)
            for row, line in enumerate(register.line_ids, start=3):
                done = fields.Datetime.context_timestamp(
                    self, fields.Datetime.from_string(line.date_done))
                values = [direction.get(line.direction, ""), line.picking_id.name,
                          line.pickup_slip_id.name or "", line.origin or "",
                          line.partner_id.display_name or "",
                          line.product_id.display_name]
                for col, value in enumerate(values):
                    sheet.write(row, col, value, cell)
                sheet.write_number(row, 6, line.quantity, number)
                sheet.write(row, 7, line.product_uom_id.name, cell)
                sheet.write(row, 8, fields.Datetime.to_string(done)[:16], cell)
