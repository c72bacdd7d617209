from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition


class GendanShippingRelease(models.Model):
    """Signed permission to ship an order before the payment due is received."""

    _name = "gendan.shipping.release"
    _description = "Shipping Release"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.signoff.mixin"]
    _order = "id desc"

    _signoff_gated_states = ["released"]
    _signoff_reject_state = "draft"
    _signoff_reset_fields = ["reason", "sale_order_id"]

    name = fields.Char("Number", readonly=True, copy=False, default="/")
    sale_order_id = fields.Many2one(
        "sale.order", "Sales Order", required=True, index=True,
        domain=[("state", "in", ("sale", "done"))], track_visibility="onchange",
        readonly=True, states={"draft": [("readonly", False)]})
    partner_id = fields.Many2one(
        related="sale_order_id.partner_id", store=True, readonly=True)
    company_id = fields.Many2one(
        related="sale_order_id.company_id", store=True, readonly=True)
    currency_id = fields.Many2one(
        related="sale_order_id.currency_id", readonly=True)
    amount_due = fields.Monetary(
        "Due Before Shipment", compute="_compute_amounts",
        currency_field="currency_id")
    amount_paid = fields.Monetary(
        "Received", compute="_compute_amounts", currency_field="currency_id")
    reason = fields.Text(
        required=True, track_visibility="onchange",
        readonly=True, states={"draft": [("readonly", False)]},
        help="Why the goods may leave before the payment due is received "
             "(L/C at sight, long-standing customer, guarantee...).")
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user,
        readonly=True)
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

    @api.constrains("reason")
    def _check_reason(self):
        if self.filtered(lambda rel: not (rel.reason or "").strip()):
            raise ValidationError(_("A shipping release needs a reason."))

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code(
                "gendan.shipping.release") or "/"
        return super(GendanShippingRelease, self).create(vals)

    @api.multi
    def write(self, vals):
        if self.filtered(lambda rel: rel.state in ("released", "cancel")) and \
                set(vals) & {"reason", "sale_order_id"}:
            raise UserError(_("A released or cancelled shipping release cannot be "
                              "changed; create a new one."))
        return super(GendanShippingRelease, self).write(vals)

    @api.multi
    def action_submit(self):
        if self.filtered(lambda rel: rel.state != "draft"):
            raise UserError(_("Only draft releases can be sent for signature."))
        return self.action_signoff_request()

    @api.multi
    @transition(["draft", "to_sign", "released"], "cancel")
    def action_cancel(self):
        self._signoff_withdraw()
        return self.write({"state": "cancel"})

    @api.multi
    @transition(["cancel"], "draft")
    def action_draft(self):
        if self.filtered(lambda rel: rel.state != "cancel"
                         or rel.signoff_state == "approved"):
            raise UserError(_("Only cancelled, unsigned releases can be reset to "
                              "draft; create a new release instead."))
        return self.write({"state": "draft"})

    @transition(["draft", "to_sign"], "to_sign")
    def _signoff_on_request(self):
        self.write({"state": "to_sign"})

    @transition(["to_sign"], "released")
    def _signoff_on_approved(self):
        self.write({"state": "released"})

    @transition(["to_sign", "released"], "to_sign")
    def _signoff_on_reset(self):
        self.write({"state": "to_sign"})
