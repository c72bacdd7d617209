from odoo import fields, models


class ResCurrencyRate(models.Model):
    """Rates kept with all their digits, as Odoo 13 keeps them.

    Odoo 11 reads a rate as units of the currency for one unit of the company
    currency and rounds it to six decimals: a bank's 7.10 yuan to the dollar
    is stored as 0.140845, and 1,000,000 USD is then booked as 7,100,003.55
    CNY. Unrounded, 1 / 7.1 gives back 7,100,000.00."""
    _inherit = "res.currency.rate"

    rate = fields.Float(digits=0)
