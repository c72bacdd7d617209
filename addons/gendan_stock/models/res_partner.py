from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    gendan_sibling_shop = fields.Boolean(
        "Sibling Shop",
        help="A sibling shop (兄弟店铺) the company supplies: its deliveries "
             "print on the sibling-shop delivery note and are settled monthly "
             "on days 1-5.")
