from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AccountPaymentTerm(models.Model):
    _inherit = "account.payment.term"

    gendan_balance_before_shipment = fields.Boolean(
        "Balance Before Shipment",
        help="The payment gate holds the customer's deliveries until the share "
             "below is received. Off (the default, also for the terms that "
             "existed before): deliveries on these terms are not held, e.g. "
             "open account or L/C.")
    gendan_prepaid_percent = fields.Float(
        string="Paid Before Shipment (%)", default=100.0,
        help="Share of the order total the customer must have paid before the "
             "goods leave the factory, when the balance is due before "
             "shipment. 100 = full payment before shipment.")

    @api.constrains("gendan_prepaid_percent")
    def _check_gendan_prepaid_percent(self):
        if self.filtered(lambda t: not 0 <= t.gendan_prepaid_percent <= 100):
            raise ValidationError(
                _("The share paid before shipment must be between 0 and 100%."))
