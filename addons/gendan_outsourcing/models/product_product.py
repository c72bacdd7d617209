from odoo import api, models

PACKING_WORDS = ("pack", "包装", "包裝", "carton", "box")


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.multi
    def _gendan_is_packing(self):
        """A packing material: its category names packing (包装, carton...)."""
        self.ensure_one()
        name = (self.categ_id.complete_name or "").lower()
        return any(word in name for word in PACKING_WORDS)
