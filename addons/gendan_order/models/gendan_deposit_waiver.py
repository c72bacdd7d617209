from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GendanDepositWaiver(models.Model):
    """Signed decision to release production before the deposit is paid.

    The signers are the sign-off rules of this model (the company sets the
    roles); once approved, the order shows the deposit as waived.
    """

    _name = "gendan.deposit.waiver"
    _description = "Deposit Exception"
    _inherit = ["gendan.payment.exception"]

    _signoff_gated_states = ["approved"]
    _exception_signed_state = "approved"
    _state_button_fields = ("approved_date",)

    deposit_amount = fields.Monetary(
        related="sale_order_id.deposit_amount", readonly=True)
    deposit_received_amount = fields.Monetary(
        related="sale_order_id.deposit_received_amount", readonly=True)
    reason = fields.Text(help="Why production may start before the deposit is paid.")
    approved_date = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("to_sign", "Signing"), ("approved", "Approved"),
         ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")

    @api.constrains("sale_order_id")
    def _check_sale_order(self):
        if self.filtered(lambda waiver: not waiver.sale_order_id.deposit_amount):
            raise ValidationError(_("This order asks no deposit."))

    def _signoff_approve_vals(self):
        return {"approved_date": fields.Date.context_today(self)}
