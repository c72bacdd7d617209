from collections import defaultdict

from odoo import _, api, fields, models
from odoo.tools.misc import formatLang


class StockPicking(models.Model):
    """The payment gate of gendan_shipping also waits for the customer's
    invoices past their due date (the payment-due check of the statements)."""
    _inherit = "stock.picking"

    gendan_overdue_invoice_ids = fields.Many2many(
        "account.invoice", string="Overdue Invoices",
        compute="_compute_gendan_overdue_invoice_ids",
        help="Posted invoices of the customer past their due date and not paid: "
             "the delivery waits for their payment (payment gate).")

    @api.multi
    def _compute_gendan_overdue_invoice_ids(self):
        """One search for all the pickings computed together."""
        customers = {picking.id: picking._gendan_gate_customer() for picking in self}
        partners = self.env["res.partner"].sudo().browse(
            {customer.id for customer in customers.values()})
        overdue = defaultdict(list)
        for invoice in partners._gendan_overdue_invoice_ids():
            overdue[invoice.commercial_partner_id.id].append(invoice.id)
        for picking in self:
            picking.gendan_overdue_invoice_ids = [
                (6, 0, overdue.get(customers[picking.id].id, []))]

    def _gendan_overdue_rule(self):
        """The company holds deliveries for overdue invoices (opt-in)."""
        self.ensure_one()
        return self.sudo().company_id.gendan_overdue_blocks_delivery

    def _gendan_gate_customer(self):
        self.ensure_one()
        return self.sudo().sale_id.partner_id.commercial_partner_id

    @api.multi
    def _compute_gendan_payment_gate(self):
        # invoices may have been paid since the last look: search them again
        self.invalidate_cache(["gendan_overdue_invoice_ids"], self.ids)
        result = super(StockPicking, self)._compute_gendan_payment_gate()
        # let through by a signed release despite overdue invoices: say so
        for picking in self.filtered(
                lambda p: p.gendan_payment_state in ("paid", "na")
                and p._gendan_is_gated() and p._gendan_overdue_rule()
                and p._gendan_has_release() and p.gendan_overdue_invoice_ids):
            picking.gendan_payment_state = "released"
        return result

    @api.multi
    def _gendan_payment_gate_blockers(self):
        """A customer delivery waits while the customer has invoices past
        their due date, unless a shipping release of the order is signed."""
        blockers = super(StockPicking, self)._gendan_payment_gate_blockers()
        if not self._gendan_is_gated() or self._gendan_has_release():
            return blockers
        blockers = blockers + self._gendan_dunning_blockers()
        if not self._gendan_overdue_rule():
            return blockers
        # sudo: the warehouse names the invoices without reading invoices
        overdue = self.gendan_overdue_invoice_ids.sudo()
        if not overdue:
            return blockers
        return blockers + [_(
            "%(customer)s has invoices past their due date: %(invoices)s. Register "
            "the payments or have a shipping release of %(order)s signed.") % {
                "customer": self._gendan_gate_customer().display_name,
                "order": self.sudo().sale_id.name,
                "invoices": "; ".join(
                    _("%(number)s due %(date)s, %(amount)s open") % {
                        "number": invoice.number, "date": invoice.date_due,
                        "amount": formatLang(self.env, invoice.residual,
                                             currency_obj=invoice.currency_id)}
                    for invoice in overdue.sorted("date_due"))}]

    @api.multi
    def _gendan_check_payment_gate(self):
        self.invalidate_cache(["gendan_overdue_invoice_ids"], self.ids)
        return super(StockPicking, self)._gendan_check_payment_gate()

    def _gendan_dunning_blockers(self):
        """The customer's invoices at a dunning level that holds shipments."""
        customer = self._gendan_gate_customer()
        if not customer:
            return []
        held = self.env["account.invoice"].sudo().search([
            ("commercial_partner_id", "=", customer.id),
            ("type", "=", "out_invoice"), ("state", "=", "open"),
            ("gendan_dunning_level_id.hold_shipments", "=", True)])
        if not held:
            return []
        return [_("Shipments to %(customer)s are held by the dunning of %(invoices)s: "
                  "register the payment or have a shipping release of %(order)s "
                  "signed.") % {
                      "customer": customer.display_name,
                      "order": self.sudo().sale_id.name,
                      "invoices": ", ".join(held.mapped("number"))}]
