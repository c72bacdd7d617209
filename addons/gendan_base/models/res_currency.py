from odoo import fields, models


class ResCurrency(models.Model):
    """The current rate with all its digits: conversions read it (see
    ``res.currency.rate``)."""
    _inherit = "res.currency"

    rate = fields.Float(digits=0)
