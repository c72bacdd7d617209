from odoo import _, api, models
from odoo.exceptions import UserError

from .sale_order import deferred_cockpit


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    @api.multi
    def name_get(self):
        """A draft without a number is named by its origin and customer
        ("Draft Invoice SO012 · Harbor Trading"), not by its type alone:
        its to-dos in "My work", its breadcrumb and the fields linking it
        tell the drafts apart. Numbered invoices keep core's name."""
        drafts = self.filtered(lambda inv: inv.state == "draft" and not inv.number)
        names = dict(super(AccountInvoice, self - drafts).name_get())
        kinds = {"out_invoice": _("Draft Invoice"), "in_invoice": _("Draft Bill"),
                 "out_refund": _("Draft Credit Note"),
                 "in_refund": _("Draft Vendor Credit Note")}
        for inv in drafts:
            label = " ".join(filter(None, [kinds[inv.type],
                                           inv._gendan_draft_reference()]))
            customer = inv.partner_id.commercial_partner_id.name
            names[inv.id] = "%s · %s" % (label, customer) if customer else label
        return [(inv.id, names[inv.id]) for inv in self]

    @api.multi
    def _gendan_draft_reference(self):
        """What a draft without a number is for, in its name (hook)."""
        self.ensure_one()
        return self.origin or self.name

    @api.multi
    def _gendan_is_deposit_invoice(self):
        """A customer invoice of an order's down payment (not the final
        invoice that deducts it)."""
        self.ensure_one()
        return self.type == "out_invoice" and any(
            line.quantity > 0 and line.sale_line_ids.filtered("is_downpayment")
            for line in self.invoice_line_ids)

    @api.multi
    def _gendan_check_deposit_currency(self, currency):
        """A deposit is paid in the order's currency: refuse another one."""
        wrong = self.filtered(lambda inv: inv.currency_id != currency
                              and inv._gendan_is_deposit_invoice())
        if wrong:
            raise UserError(_(
                "The deposit invoice %(invoice)s is due in %(due)s; a payment in "
                "%(paid)s does not pay the deposit. Register the payment in "
                "%(due)s.") % {"invoice": wrong[0].number or wrong[0].display_name,
                               "due": wrong[0].currency_id.name,
                               "paid": currency.name})

    @api.multi
    def action_invoice_open(self):
        """The orders' cockpit fields are recomputed once, at the end."""
        with deferred_cockpit():
            return super(AccountInvoice, self).action_invoice_open()

    @api.multi
    def _prepare_payment_vals(self, pay_journal, pay_amount=None, date=None,
                              writeoff_acc=None, communication=None):
        """pay_and_reconcile pays in the invoice's currency, as the Register
        Payment wizard does: Odoo 11 leaves the payment in the company
        currency, so a USD invoice of a CNY company would be "paid" with the
        same number of yuan."""
        vals = super(AccountInvoice, self)._prepare_payment_vals(
            pay_journal, pay_amount=pay_amount, date=date, writeoff_acc=writeoff_acc,
            communication=communication)
        vals.setdefault("currency_id", self.currency_id.id)
        return vals

    @api.multi
    def assign_outstanding_credit(self, credit_aml_id):
        line = self.env["account.move.line"].browse(credit_aml_id)
        if line.payment_id:
            self._gendan_check_deposit_currency(line.payment_id.currency_id)
        return super(AccountInvoice, self).assign_outstanding_credit(credit_aml_id)
