from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import transition


class GendanShippingRelease(models.Model):
    """Signed permission to ship an order before the payment due is received."""

    _name = "gendan.shipping.release"
    _description = "Shipping Release"
    _inherit = ["gendan.payment.exception"]

    _signoff_gated_states = ["released"]
    _exception_signed_state = "released"

    sale_order_id = fields.Many2one(domain=[("state", "in", ("sale", "done"))])
    amount_due = fields.Monetary(
        "Due Before Shipment", compute="_compute_amounts",
        currency_field="currency_id")
    amount_paid = fields.Monetary(
        "Received", compute="_compute_amounts", currency_field="currency_id")
    reason = fields.Text(
        help="Why the goods may leave before the payment due is received "
             "(L/C at sight, long-standing customer, guarantee...).")
    state = fields.Selection(
        [("draft", "Draft"), ("to_sign", "Signing"), ("released", "Released"),
         ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")

    @api.depends("sale_order_id.amount_total")
    def _compute_amounts(self):
        for release in self.filtered("sale_order_id"):
            order = release.sale_order_id
            release.amount_due = order._gendan_amount_due_before_shipment()
            release.amount_paid = order._gendan_amount_paid()

    @api.multi
    @transition(["cancel"], "draft")
    def action_draft(self):
        if self.filtered(lambda rel: rel.state != "cancel"
                         or rel.signoff_state == "approved"):
            raise UserError(_("Only cancelled, unsigned releases can be reset to "
                              "draft; create a new release instead."))
        return self.write({"state": "draft"})
