from odoo import _, fields, models


class OutboundRegisterXlsx(models.AbstractModel):
    """Daily outbound register: the day's delivery slips, pick tickets and
    receipts, for finance."""

    _name = "report.gendan_shipping.outbound_register_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, pickings):
        sheet = workbook.add_worksheet(_("Outbound Register"))
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7",
                                    "border": 1})
        cell = workbook.add_format({"border": 1})
        number = workbook.add_format({"border": 1, "num_format": "#,##0.00"})
        moment = workbook.add_format({"border": 1, "num_format": "yyyy-mm-dd hh:mm"})
        headers = [_("Reference"), _("Type"), _("Partner"), _("Source Document"),
                   _("Scheduled Date"), _("Date Done"), _("Product"),
                   _("Quantity"), _("Unit"), _("Shipment"), _("Payment Gate"),
                   _("Status")]
        sheet.write(0, 0, _("Daily outbound register %s") %
                    fields.Date.context_today(self), workbook.add_format(
                        {"bold": True, "font_size": 14}))
        for col, header in enumerate(headers):
            sheet.write(2, col, header, bold)
            sheet.set_column(col, col, 16)
        gate = dict(pickings._fields["gendan_payment_state"]._description_selection(
            self.env))
        state = dict(pickings._fields["state"]._description_selection(self.env))
        row = 3
        for picking in pickings.sorted(lambda p: (p.picking_type_id.id, p.name)):
            for move in picking.move_lines:
                values = [picking.name, picking.picking_type_id.name,
                          picking.partner_id.display_name or "",
                          picking.origin or "", picking.scheduled_date,
                          picking.date_done, move.product_id.display_name]
                for col, value in enumerate(values):
                    if col in (4, 5):  # date-times where the reader is
                        if value:
                            sheet.write_datetime(
                                row, col, fields.Datetime.context_timestamp(
                                    self, fields.Datetime.from_string(value)
                                ).replace(tzinfo=None), moment)
                        else:
                            sheet.write_blank(row, col, None, cell)
                        continue
                    sheet.write(row, col, value, cell)
                sheet.write_number(row, 7, move.quantity_done or move.product_uom_qty,
                                   number)
                sheet.write(row, 8, move.product_uom.name, cell)
                sheet.write(row, 9, picking.gendan_shipment_id.name or "", cell)
                sheet.write(row, 10, gate.get(picking.gendan_payment_state, ""), cell)
                sheet.write(row, 11, state.get(picking.state, ""), cell)
                row += 1
