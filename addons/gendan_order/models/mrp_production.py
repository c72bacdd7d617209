from odoo import fields, models


class MrpProduction(models.Model):
    _inherit = "mrp.production"

    sale_order_id = fields.Many2one(
        "sale.order", "Sales Order", related="procurement_group_id.sale_id",
        store=True, readonly=True, index=True)
