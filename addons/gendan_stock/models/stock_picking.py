from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    gendan_sibling_shop = fields.Boolean(
        "To a Sibling Shop", related="partner_id.commercial_partner_id."
        "gendan_sibling_shop", store=True, readonly=True)
    gendan_settlement_id = fields.Many2one(
        "account.invoice", "Monthly Settlement", readonly=True, copy=False,
        help="The sibling shop's monthly settlement invoice of this delivery.")

    def _gendan_settlement_price(self, move):
        """Unit price of a delivered move: its sale line, else the list price."""
        if "sale_line_id" in move._fields and move.sale_line_id:
            return move.sale_line_id.price_unit
        pricelist = self.partner_id.property_product_pricelist
        if pricelist:
            return pricelist.get_product_price(
                move.product_id, move.product_uom_qty, self.partner_id)
        return move.product_id.lst_price
