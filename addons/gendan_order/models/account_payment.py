from odoo import api, models


class AccountPayment(models.Model):
    _inherit = "account.payment"

    @api.multi
    def post(self):
        """A deposit invoice is paid only in its own currency."""
        for payment in self:
            payment.invoice_ids._gendan_check_deposit_currency(payment.currency_id)
        return super(AccountPayment, self).post()
