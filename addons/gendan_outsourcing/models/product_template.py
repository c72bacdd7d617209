from odoo import api, fields, models


class ProductTemplate(models.Model):
    """What the outsourcing list prints of a product made outside."""

    _inherit = "product.template"

    gendan_outsourced = fields.Boolean(
        "Made by an Outside Factory",
        help="Ordered from an outside factory on an outsourcing list "
             "(外协采购清单); a product with the Buy route is also made outside.")
    gendan_material = fields.Char("Material")
    gendan_finish = fields.Char("Surface Finish")

    @api.multi
    def _gendan_is_outsourced(self):
        """Flagged, or bought (the warehouse's Buy route on the product or
        its category)."""
        self.ensure_one()
        buy = self.env.ref("purchase.route_warehouse0_buy",
                           raise_if_not_found=False)
        routes = self.route_ids | self.categ_id.total_route_ids
        return self.gendan_outsourced or bool(buy and buy in routes)
