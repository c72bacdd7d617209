from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.gendan_base.engine import button, transition


class GendanComplaintCompensation(models.Model):
    """Compensation granted to the customer; approved through the sign-off engine."""

    _name = "gendan.complaint.compensation"
    _description = "Complaint Compensation"
    _inherit = ["mail.thread", "gendan.state.machine", "gendan.signoff.mixin"]
    _order = "id desc"

    _signoff_state_field = "state"
    _signoff_gated_states = ["approved", "done"]
    _signoff_reject_state = "draft"
    _signoff_approve_move = (["draft"], "approved")
    # the documents the approval makes, never written directly
    _state_button_fields = ("refund_id", "picking_id")
    _signoff_reset_fields = ["compensation_type", "amount", "invoice_id",
                             "product_id", "product_qty"]

    complaint_id = fields.Many2one(
        "gendan.complaint", required=True, ondelete="cascade", index=True)
    name = fields.Char(related="complaint_id.name", readonly=True, store=True)
    partner_id = fields.Many2one(
        related="complaint_id.partner_id", readonly=True, store=True)
    company_id = fields.Many2one(
        related="complaint_id.company_id", readonly=True, store=True)
    compensation_type = fields.Selection(
        [("credit_note", "Credit Note"), ("replacement", "Replacement"),
         ("discount", "Discount on Next Order"), ("none", "No Compensation")],
        "Type", required=True, default="credit_note", track_visibility="onchange")
    amount = fields.Monetary(track_visibility="onchange")
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: self.env.user.company_id.currency_id)
    note = fields.Text("Justification")
    order_id = fields.Many2one(
        related="complaint_id.order_id", readonly=True, store=True)
    invoice_id = fields.Many2one(
        "account.invoice", "Credited Invoice", track_visibility="onchange",
        domain="[('type', '=', 'out_invoice'), ('state', 'in', ('open', 'paid')),"
               " ('commercial_partner_id', '=', partner_id)]",
        help="The customer invoice the credit note reduces; the credit note "
             "cannot exceed it.")
    refund_id = fields.Many2one(
        "account.invoice", "Credit Note", readonly=True, copy=False)
    product_id = fields.Many2one(
        "product.product", "Replacement Product",
        help="Goods sent again free of charge (replacement).")
    product_qty = fields.Float("Replacement Quantity")
    picking_id = fields.Many2one(
        "stock.picking", "Replacement Delivery", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("done", "Granted"),
         ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")

    @api.constrains("compensation_type", "amount")
    def _check_amount(self):
        for comp in self:
            if comp.amount < 0:
                raise ValidationError(_("A compensation amount cannot be negative."))
            needs_amount = comp.compensation_type in ("credit_note", "discount")
            if needs_amount and not comp.amount:
                raise ValidationError(_("A credit note or discount needs an amount."))
            if comp.compensation_type == "none" and comp.amount:
                raise ValidationError(_("'No compensation' has no amount."))

    @api.constrains("compensation_type", "amount", "invoice_id", "currency_id")
    def _check_invoice(self):
        for comp in self.filtered(lambda c: c.compensation_type == "credit_note"
                                  and c.invoice_id):
            invoice = comp.invoice_id.sudo()
            if invoice.currency_id != comp.currency_id:
                raise ValidationError(_(
                    "The credit note is in %(comp)s, the invoice %(invoice)s in "
                    "%(cur)s: use the invoice's currency.") % {
                        "comp": comp.currency_id.name, "invoice": invoice.number,
                        "cur": invoice.currency_id.name})
            if float_compare(comp.amount, invoice.amount_total,
                             precision_rounding=invoice.currency_id.rounding) > 0:
                raise ValidationError(_(
                    "A credit note of %(amount).2f %(cur)s exceeds the invoice "
                    "%(invoice)s (%(total).2f %(cur)s).") % {
                        "amount": comp.amount, "cur": invoice.currency_id.name,
                        "invoice": invoice.number, "total": invoice.amount_total})

    @api.constrains("product_qty")
    def _check_product_qty(self):
        if self.filtered(lambda c: c.product_qty < 0):
            raise ValidationError(_("A replacement quantity cannot be negative."))

    @api.model
    def create(self, vals):
        self.env["gendan.complaint"].browse(vals.get("complaint_id"))._check_open()
        return super().create(vals)

    @api.multi
    def action_request_approval(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(_("Only draft compensations are sent for approval."))
        for comp in self:
            if comp.compensation_type == "credit_note" and not comp.invoice_id:
                raise UserError(_("%s: a credit note needs the customer invoice it "
                                  "credits.") % comp.name)
            if comp.compensation_type == "replacement" and not (
                    comp.product_id and comp.product_qty > 0):
                raise UserError(_("%s: a replacement needs the product and the "
                                  "quantity to send.") % comp.name)
        return self.action_signoff_request()

    @button()
    def _signoff_on_approved(self):
        """Approved: the credit note (draft, for finance) or the free
        replacement delivery is made."""
        for comp in self:
            if comp.compensation_type == "credit_note" and not comp.refund_id:
                comp.refund_id = comp._create_refund()
            elif comp.compensation_type == "replacement" and not comp.picking_id:
                comp.picking_id = comp._create_replacement_picking()

    def _create_refund(self):
        """Draft customer credit note of the amount, against the invoice."""
        self.ensure_one()
        invoice = self.invoice_id.sudo()
        account = invoice.invoice_line_ids[:1].account_id or \
            self.env["ir.property"].get(
                "property_account_income_categ_id", "product.category")
        origin = ", ".join(name for name in (
            self.order_id.name, self.complaint_id.name) if name)
        return self.env["account.invoice"].sudo().create({
            "type": "out_refund", "partner_id": invoice.partner_id.id,
            "account_id": invoice.account_id.id, "journal_id": invoice.journal_id.id,
            "currency_id": invoice.currency_id.id,
            "company_id": invoice.company_id.id, "refund_invoice_id": invoice.id,
            "origin": origin, "name": _("Compensation %s") % self.complaint_id.name,
            "gendan_complaint_id": self.complaint_id.id,
            "invoice_line_ids": [(0, 0, {
                "name": _("Compensation for complaint %(complaint)s (invoice "
                          "%(invoice)s)") % {"complaint": self.complaint_id.name,
                                             "invoice": invoice.number},
                "account_id": account.id, "quantity": 1.0,
                "price_unit": self.amount})]})

    def _create_replacement_picking(self):
        """Delivery of the replacement goods, free of charge (no order
        line, nothing to invoice)."""
        self.ensure_one()
        warehouse = self.env["stock.warehouse"].sudo().search(
            [("company_id", "=", self.company_id.id)], limit=1)
        picking_type = warehouse.out_type_id
        partner = self.complaint_id.partner_id
        location, destination = (picking_type.default_location_src_id,
                                 partner.property_stock_customer)
        picking = self.env["stock.picking"].sudo().create({
            "partner_id": partner.id, "picking_type_id": picking_type.id,
            "location_id": location.id, "location_dest_id": destination.id,
            "origin": self.complaint_id.name,
            "move_lines": [(0, 0, {
                "name": _("Replacement %s") % self.complaint_id.name,
                "product_id": self.product_id.id,
                "product_uom": self.product_id.uom_id.id,
                "product_uom_qty": self.product_qty, "price_unit": 0.0,
                "location_id": location.id, "location_dest_id": destination.id})]})
        picking.action_confirm()
        return picking

    @api.multi
    @transition(["approved"], "done")
    def action_done(self):
        for comp in self:
            if comp.refund_id and comp.refund_id.sudo().state not in ("open", "paid"):
                raise UserError(_("%s: finance validates the credit note first.")
                                % comp.name)
            if comp.picking_id and comp.picking_id.sudo().state != "done":
                raise UserError(_("%s: the replacement delivery is not done yet.")
                                % comp.name)
        return self.write({"state": "done"})

    @api.multi
    @transition(["draft", "approved"], "cancel")
    def action_cancel(self):
        if self.mapped("refund_id").sudo().filtered(
                lambda inv: inv.state in ("open", "paid")):
            raise UserError(_("The credit note is validated: ask finance to "
                              "reverse it first."))
        self.mapped("refund_id").sudo().filtered(
            lambda inv: inv.state == "draft").action_invoice_cancel()
        self.mapped("picking_id").sudo().filtered(
            lambda p: p.state not in ("done", "cancel")).action_cancel()
        self._signoff_withdraw()
        return self.write({"state": "cancel"})

    @api.multi
    def _gendan_demo_invoice(self):
        """Demo data only: a posted invoice of the complaint's products for
        the credit notes that have none (skipped once set)."""
        lines = self.env["account.invoice.line"]
        for comp in self.filtered(lambda c: c.compensation_type == "credit_note"
                                  and not c.invoice_id and c.state == "draft"):
            product = comp.complaint_id.product_ids[:1]
            account = lines.get_invoice_line_account(
                "out_invoice", product, False, comp.company_id)
            invoice = self.env["account.invoice"].create({
                "partner_id": comp.partner_id.id, "type": "out_invoice",
                "currency_id": comp.currency_id.id,
                "origin": comp.complaint_id.order_id.name,
                "invoice_line_ids": [(0, 0, {
                    "name": product.display_name, "product_id": product.id,
                    "account_id": account.id, "quantity": 1000.0,
                    "price_unit": comp.amount / 100.0})]})
            invoice.action_invoice_open()
            comp.invoice_id = invoice
        return True
