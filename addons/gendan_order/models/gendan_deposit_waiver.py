from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.gendan_base.engine import engine, in_engine, transition


class GendanDepositWaiver(models.Model):
    """Signed decision to release production before the deposit is paid.

    The signers are the sign-off rules of this model (the company sets the
    roles); once approved, the order shows the deposit as waived.
    """

    _name = "gendan.deposit.waiver"
    _description = "Deposit Exception"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.signoff.mixin"]
    _order = "id desc"

    _signoff_gated_states = ["approved"]
    _signoff_reject_state = "draft"
    _signoff_reset_fields = ["reason", "sale_order_id"]

    name = fields.Char("Number", readonly=True, copy=False, default="/")
    sale_order_id = fields.Many2one(
        "sale.order", "Sales Order", required=True, index=True,
        track_visibility="onchange", readonly=True,
        states={"draft": [("readonly", False)]})
    partner_id = fields.Many2one(
        related="sale_order_id.partner_id", store=True, readonly=True)
    company_id = fields.Many2one(
        related="sale_order_id.company_id", store=True, readonly=True)
    currency_id = fields.Many2one(
        related="sale_order_id.currency_id", readonly=True)
    deposit_amount = fields.Monetary(
        related="sale_order_id.deposit_amount", readonly=True)
    deposit_received_amount = fields.Monetary(
        related="sale_order_id.deposit_received_amount", readonly=True)
    reason = fields.Text(
        required=True, track_visibility="onchange", readonly=True,
        states={"draft": [("readonly", False)]},
        help="Why production may start before the deposit is paid.")
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True)
    approved_date = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("to_sign", "Signing"), ("approved", "Approved"),
         ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")

    @api.constrains("reason")
    def _check_reason(self):
        if self.filtered(lambda waiver: not (waiver.reason or "").strip()):
            raise ValidationError(_("A deposit exception needs a reason."))

    @api.constrains("sale_order_id")
    def _check_sale_order(self):
        if self.filtered(lambda waiver: not waiver.sale_order_id.deposit_amount):
            raise ValidationError(_("This order asks no deposit."))

    @api.model
    def create(self, vals):
        if "approved_date" in vals:
            raise AccessError(_("The approval date is set by the signatures."))
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code(
                "gendan.deposit.waiver") or "/"
        return super(GendanDepositWaiver, self).create(vals)

    @api.multi
    def write(self, vals):
        if "approved_date" in vals and not in_engine():
            raise AccessError(_("The approval date is set by the signatures."))
        if self.filtered(lambda waiver: waiver.state in ("approved", "cancel")) \
                and set(vals) & {"reason", "sale_order_id", "approved_date"}:
            raise UserError(_("An approved or cancelled deposit exception cannot "
                              "be changed; create a new one."))
        return super(GendanDepositWaiver, self).write(vals)

    @api.multi
    def action_submit(self):
        if self.filtered(lambda waiver: waiver.state != "draft"):
            raise UserError(_("Only draft deposit exceptions can be sent for "
                              "signature."))
        return self.action_signoff_request()

    @api.multi
    @transition(["draft", "to_sign", "approved"], "cancel")
    def action_cancel(self):
        self._signoff_withdraw()
        return self.write({"state": "cancel"})

    @transition(["draft", "to_sign"], "to_sign")
    def _signoff_on_request(self):
        self.write({"state": "to_sign"})

    @transition(["to_sign"], "approved")
    def _signoff_on_approved(self):
        with engine():
            self.write({"state": "approved",
                        "approved_date": fields.Date.context_today(self)})

    @transition(["to_sign", "approved"], "to_sign")
    def _signoff_on_reset(self):
        self.write({"state": "to_sign"})
