from odoo import fields, models


class AccountPaymentTerm(models.Model):
    _inherit = "account.payment.term"

    deposit_percent = fields.Float(
        "Deposit (%)",
        help="Advance the customer pays before production is released.")
