from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class StockInventoryLine(models.Model):
    _inherit = "stock.inventory.line"

    gendan_difference = fields.Float(
        "Difference", compute="_compute_gendan_difference", store=True,
        digits=(16, 3), help="Counted minus theoretical quantity.")
    gendan_has_difference = fields.Boolean(
        "Has Difference", compute="_compute_gendan_difference", store=True)

    @api.depends("product_qty", "theoretical_qty")
    def _compute_gendan_difference(self):
        for line in self:
            diff = line.product_qty - line.theoretical_qty
            rounding = line.product_uom_id.rounding or 0.001
            line.gendan_difference = diff
            line.gendan_has_difference = abs(diff) >= rounding / 2.0

    @api.model
    def create(self, vals):
        qty = vals.get("product_qty") or 0.0
        if qty < 0 and qty != vals.get("theoretical_qty"):
            raise ValidationError(_("A counted quantity cannot be negative."))
        return super(StockInventoryLine, self).create(vals)

    @api.multi
    def write(self, vals):
        """Refuse a negative count before anything is written."""
        qty = vals.get("product_qty") or 0.0
        if qty < 0 and self.filtered(lambda line: line.theoretical_qty != qty):
            raise ValidationError(_("A counted quantity cannot be negative."))
        return super(StockInventoryLine, self).write(vals)

    @api.constrains("product_qty")
    def _check_gendan_counted_qty(self):
        # core fills the count with the theoretical quantity, which may be
        # negative; a quantity the counter enters never is
        if self.filtered(lambda line: line.product_qty < 0
                         and line.product_qty != line.theoretical_qty):
            raise ValidationError(_("A counted quantity cannot be negative."))
