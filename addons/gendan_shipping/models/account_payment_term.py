from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AccountPaymentTerm(models.Model):
    _inherit = "account.payment.term"

    gendan_prepaid_percent = fields.Float(
        string="Paid Before Shipment (%)", default=100.0,
        help="Share of the order total the customer must have paid before the "
             "goods leave the factory. 100 = full payment before shipment.")

    @api.constrains("gendan_prepaid_percent")
    def _check_gendan_prepaid_percent(self):
        if self.filtered(lambda t: not 0 <= t.gendan_prepaid_percent <= 100):
            raise ValidationError(
                _("The share paid before shipment must be between 0 and 100%."))
