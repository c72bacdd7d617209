from odoo import _, api, models
from odoo.exceptions import ValidationError


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.constrains("product_uom_qty", "price_unit")
    def _check_positive_qty_price(self):
        for line in self:
            if line.is_downpayment:
                continue
            if line.product_uom_qty < 0 or line.price_unit < 0:
                raise ValidationError(_(
                    "Order %(order)s: quantities and unit prices cannot be "
                    "negative (%(line)s).") % {"order": line.order_id.name,
                                               "line": line.name})
            if not line.product_uom_qty:
                raise ValidationError(_(
                    "Order %(order)s: a line needs a quantity (%(line)s); "
                    "delete the line instead.") % {"order": line.order_id.name,
                                                   "line": line.name})
