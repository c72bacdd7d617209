from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.addons.gendan_base.engine import gate_checked, unchecked
from odoo.addons.gendan_order.models.sale_order import deferred_cockpit


class StockPicking(models.Model):
    _inherit = "stock.picking"

    gendan_shipment_id = fields.Many2one(
        "gendan.shipment", "Shipment", index=True, copy=False,
        ondelete="set null")
    gendan_payment_state = fields.Selection(
        [("na", "Not Applicable"), ("blocked", "Payment Missing"),
         ("paid", "Paid"), ("released", "Released by Signature")],
        "Payment Gate", compute="_compute_gendan_payment_gate")
    gendan_payment_blockers = fields.Text(
        "Why Shipping Is Blocked", compute="_compute_gendan_payment_gate")
    gendan_amount_due = fields.Monetary(
        "Due Before Shipment", compute="_compute_gendan_payment_gate",
        currency_field="gendan_currency_id")
    gendan_amount_paid = fields.Monetary(
        "Received", compute="_compute_gendan_payment_gate",
        currency_field="gendan_currency_id")
    gendan_currency_id = fields.Many2one(
        related="sale_id.currency_id", readonly=True)

    def _gendan_is_customer_delivery(self):
        """A delivery of an order of a Gendan-controlled sales channel."""
        self.ensure_one()
        return bool(self.sale_id and self.picking_type_code == "outgoing"
                    and self.sale_id.sudo().gendan_controlled)

    def _gendan_is_gated(self):
        """Open customer deliveries of a controlled order pass the payment gate."""
        self.ensure_one()
        return bool(self._gendan_is_customer_delivery()
                    and self.state not in ("done", "cancel"))

    def _gendan_has_release(self):
        self.ensure_one()
        return any(rel.state == "released"
                   for rel in self.sale_id.sudo().gendan_release_ids)

    @api.multi
    def _compute_gendan_payment_gate(self):
        for picking in self:
            state, blockers = "na", []
            if picking._gendan_is_customer_delivery():
                order = picking.sale_id.sudo()
                picking.gendan_amount_due = order._gendan_amount_due_before_shipment()
                picking.gendan_amount_paid = order._gendan_amount_paid()
                blockers = picking._gendan_payment_gate_blockers()
                if blockers:
                    state = "blocked"
                elif not order._gendan_balance_before_shipment():
                    state = "na"
                elif order._gendan_is_prepaid():
                    state = "paid"
                elif picking._gendan_has_release():
                    state = "released"
            picking.gendan_payment_state = state
            picking.gendan_payment_blockers = "\n".join(blockers)

    @api.multi
    def _gendan_payment_gate_blockers(self):
        """Translated reasons why the delivery may not be validated (empty:
        allowed). Other modules extend the list with super()."""
        self.ensure_one()
        if not self._gendan_is_gated():
            return []
        order = self.sale_id.sudo()
        if order._gendan_is_prepaid() or self._gendan_has_release():
            return []
        currency = order.currency_id
        return [_("%(order)s: %(due)s %(cur)s must be received before shipment "
                  "(payment terms: %(terms)s), %(paid)s %(cur)s received on posted "
                  "invoices. Register the payment or have a shipping release "
                  "signed.") % {
                      "order": order.name,
                      "due": "%.2f" % order._gendan_amount_due_before_shipment(),
                      "paid": "%.2f" % currency.round(order._gendan_amount_paid()),
                      "cur": currency.name,
                      "terms": order.payment_term_id.name}]

    @api.multi
    def _gendan_check_payment_gate(self):
        messages = []
        for picking in self:
            messages += picking._gendan_payment_gate_blockers()
        if messages:
            raise UserError("\n".join(messages))

    @api.multi
    def _gendan_demo_clear_gates(self):
        """Demo data only: the departments' steps, as their demo users, that
        let these customer deliveries leave. Modules adding a gate add their
        steps; the payment gate asks for nothing here (the demo registers
        payments on its invoices, or its terms ask none before shipment)."""
        return True

    @api.multi
    def button_validate(self):
        """The payment gate is checked once, not again by the moves it does."""
        self._gendan_check_payment_gate()
        with gate_checked(self), deferred_cockpit():
            return super(StockPicking, self).button_validate()

    @api.multi
    def action_done(self):
        unchecked(self)._gendan_check_payment_gate()
        with gate_checked(self), deferred_cockpit():
            return super(StockPicking, self).action_done()

    @api.multi
    def write(self, vals):
        if vals.get("state") == "done":
            unchecked(self)._gendan_check_payment_gate()
        if "gendan_shipment_id" in vals:
            locked = self.mapped("gendan_shipment_id").filtered(
                lambda s: s.state != "draft")
            target = self.env["gendan.shipment"].browse(vals["gendan_shipment_id"])
            if locked or target.state not in (False, "draft"):
                raise UserError(_("Delivery orders can be added to or removed from a "
                                  "shipment only while it is being planned."))
        return super(StockPicking, self).write(vals)
