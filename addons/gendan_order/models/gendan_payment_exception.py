from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import moving

# fields a signed (or cancelled) exception keeps as they were signed
LOCKED_FIELDS = {"reason", "sale_order_id"}


class GendanPaymentException(models.AbstractModel):
    """A signed exception to a payment gate of a sales order.

    Production before the deposit (``gendan.deposit.waiver``), shipment
    before the payment due (``gendan.shipping.release``): a reason, signed
    through the sign-off engine; once signed or cancelled it is not changed
    (a new one is made). The model sets ``_exception_signed_state`` (its
    state once signed) and its own ``state`` selection with draft, to_sign,
    that state and cancel.
    """

    _name = "gendan.payment.exception"
    _description = "Payment Exception"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin",
                "gendan.signoff.mixin"]
    _order = "id desc"

    _signoff_reject_state = "draft"
    _signoff_reset_fields = ["reason", "sale_order_id"]
    _exception_signed_state = "approved"

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
    reason = fields.Text(
        required=True, track_visibility="onchange", readonly=True,
        states={"draft": [("readonly", False)]})
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True)

    @api.constrains("reason")
    def _check_reason(self):
        if self.filtered(lambda rec: not (rec.reason or "").strip()):
            raise ValidationError(_("%s needs a reason.") % self._description)

    @api.multi
    def write(self, vals):
        if LOCKED_FIELDS & set(vals) and self.filtered(lambda rec: rec.state in (
                self._exception_signed_state, "cancel")):
            raise UserError(_("%s: once signed or cancelled it cannot be changed; "
                              "create a new one.") % self._description)
        return super(GendanPaymentException, self).write(vals)

    # -- moves (the signed state is the model's: declared here, not decorated) --

    @api.model
    def _signoff_moves(self):
        """The sign-off engine's moves, to the model's signed state."""
        signed = self._exception_signed_state
        moves = super(GendanPaymentException, self)._signoff_moves()
        moves.update({
            "_signoff_on_request": ((("draft", "to_sign"), "to_sign", ()),),
            "_signoff_on_approved": ((("to_sign",), signed, ()),),
            "_signoff_on_reset": ((("to_sign", signed), "to_sign", ()),),
        })
        return moves

    def _cancel_moves(self):
        return ((("draft", "to_sign", self._exception_signed_state), "cancel", ()),)

    @api.model
    def _state_transitions(self):
        buttons = super(GendanPaymentException, self)._state_transitions()
        buttons["action_cancel"] = self._cancel_moves()
        return buttons

    # -- buttons and sign-off hooks -----------------------------------------------

    @api.multi
    def action_submit(self):
        if self.filtered(lambda rec: rec.state != "draft"):
            raise UserError(_("Only a draft %s can be sent for signature.")
                            % self._description)
        return self.action_signoff_request()

    @api.multi
    def action_cancel(self):
        moves = self._cancel_moves()
        self._state_check_button("action_cancel", moves)
        with moving(self, moves):
            self._signoff_withdraw()
            return self.write({"state": "cancel"})
