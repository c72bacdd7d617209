from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

QUOTE_KEYS = ("gendan_sales.price_enquiry",)
PRICE_RECORDERS = ["gendan_base.group_purchasing",
                   "gendan_base.group_merchandiser"]


class PurchaseOrder(models.Model):
    """A price enquiry to a factory or supplier (询价单) is a core RFQ (draft
    purchase order) made from the customer enquiry; the price the supplier
    quotes flows back into the enquiry's factory price."""

    _inherit = "purchase.order"

    gendan_enquiry_id = fields.Many2one(
        "gendan.enquiry", "Customer Enquiry", readonly=True, copy=False,
        index=True)

    @api.multi
    def action_gendan_use_quoted_prices(self):
        """The supplier's quoted prices become the factory prices of the
        enquiry's products (purchasing or the merchandiser)."""
        if not any(self.env.user.has_group(group) for group in PRICE_RECORDERS):
            raise AccessError(_("Only purchasing or a merchandiser records "
                                "the factory prices of an enquiry."))
        lines = self.mapped("order_line").filtered("gendan_enquiry_line_id")
        if not lines:
            raise UserError(_("This request for quotation was not made from "
                              "a customer enquiry."))
        unpriced = lines.filtered(lambda line: line.price_unit <= 0)
        if unpriced and unpriced == lines:
            raise UserError(_("Record the prices the supplier quoted on the "
                              "lines first."))
        (lines - unpriced)._gendan_record_factory_price()
        return True

    @api.multi
    def button_confirm(self):
        res = super(PurchaseOrder, self).button_confirm()
        self.mapped("order_line").filtered(
            lambda line: line.gendan_enquiry_line_id and line.price_unit > 0
        )._gendan_record_factory_price()
        return res


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    gendan_enquiry_line_id = fields.Many2one(
        "gendan.enquiry.line", "Enquiry Requirement", readonly=True,
        copy=False, index=True, ondelete="set null")

    def _gendan_record_factory_price(self):
        """Write the quoted price (in the enquiry line's product unit) as the
        factory price of the enquiry line, and tell the enquiry."""
        for line in self.sudo():
            enquiry_line = line.gendan_enquiry_line_id
            price = line.price_unit
            if line.product_uom and line.product_id and \
                    line.product_uom != line.product_id.uom_id:
                price = line.product_uom._compute_price(
                    price, line.product_id.uom_id)
            if line.order_id.currency_id != line.company_id.currency_id:
                price = line.order_id.currency_id.compute(
                    price, line.company_id.currency_id)
            enquiry_line.write({
                "factory_price": price,
                "factory_partner_id": line.partner_id.commercial_partner_id.id,
                "factory_purchase_id": line.order_id.id})
        orders = self.mapped("order_id")
        for order in orders:
            enquiry = order.sudo().gendan_enquiry_id
            enquiry.message_post(body=_(
                "Factory prices recorded from %(rfq)s of %(supplier)s.") % {
                    "rfq": order.name,
                    "supplier": order.partner_id.display_name})
        self.env["mail.activity"]._todo_done(orders, QUOTE_KEYS[0])
