import math

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GendanShippingNoticeLine(models.Model):
    _name = "gendan.shipping.notice.line"
    _description = "Shipping Notice Line"
    _order = "notice_id, sequence, id"

    notice_id = fields.Many2one(
        "gendan.shipping.notice", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product", required=True)
    name = fields.Char("Description")
    quantity = fields.Float(digits=(16, 2), required=True)
    product_uom_id = fields.Many2one("product.uom", "Unit")
    carton_count = fields.Integer(
        "Cartons", compute="_compute_carton_count", store=True)

    @api.depends("quantity", "product_id.carton_qty")
    def _compute_carton_count(self):
        for line in self:
            per_carton = line.product_id.carton_qty
            line.carton_count = per_carton and int(
                math.ceil(line.quantity / per_carton - 1e-9)) or 0

    @api.constrains("quantity")
    def _check_quantity(self):
        if self.filtered(lambda line: line.quantity <= 0):
            raise ValidationError(
                _("Quantities on a shipping notice must be positive."))

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.product_id.display_name
            self.product_uom_id = self.product_id.uom_id
