from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models

TODO_SETTLE = "gendan_stock.sibling_settlement"


def last_month(today):
    """(first day, last day) of the calendar month before ``today``."""
    first = today.replace(day=1) - relativedelta(months=1)
    return first, today.replace(day=1) - timedelta(days=1)


class AccountInvoice(models.Model):
    """The monthly settlement of a sibling shop (兄弟店铺每月1-5日对账结算) is a
    draft customer invoice of last month's deliveries, one per shop."""

    _inherit = "account.invoice"

    gendan_sibling_period = fields.Date(
        "Settlement Month", readonly=True, copy=False, index=True,
        help="First day of the month of deliveries this sibling-shop "
             "settlement covers.")
    gendan_settled_picking_ids = fields.One2many(
        "stock.picking", "gendan_settlement_id", "Settled Deliveries",
        readonly=True)

    @api.multi
    def _gendan_draft_reference(self):
        """A settlement is named by its shop's month in the reader's language
        (its origin keeps the language of the day it was prepared)."""
        if self.gendan_sibling_period:
            return _("Sibling shop settlement %s") % self.gendan_sibling_period[:7]
        return super(AccountInvoice, self)._gendan_draft_reference()

    @api.model
    def _gendan_today(self):
        return fields.Date.from_string(fields.Date.context_today(self))

    @api.model
    def _cron_gendan_sibling_settlement(self, today=None):
        """Daily; on days 1 to 5, prepares last month's settlement of each
        sibling shop with unsettled deliveries, once. Returns those created.
        ``today``: the day it runs as (demo data, tests)."""
        today = fields.Date.from_string(today) if today else self._gendan_today()
        if today.day > 5:
            return self.browse()
        date_from, date_to = last_month(today)
        pickings = self.env["stock.picking"].search([
            ("gendan_sibling_shop", "=", True), ("state", "=", "done"),
            ("picking_type_code", "=", "outgoing"),
            ("gendan_settlement_id", "=", False),
            ("date_done", ">=", fields.Date.to_string(date_from)),
            ("date_done", "<", fields.Date.to_string(date_to + timedelta(days=1)))])
        created = self.browse()
        by_shop = {}
        for picking in pickings:
            key = (picking.partner_id.commercial_partner_id, picking.company_id)
            by_shop.setdefault(key, self.env["stock.picking"])
            by_shop[key] |= picking
        for (shop, company), shop_pickings in sorted(
                by_shop.items(), key=lambda item: item[0][0].id):
            created |= self._gendan_settle(shop, company, date_from, shop_pickings)
        return created

    @api.model
    def _gendan_settle(self, shop, company, date_from, pickings):
        period = fields.Date.to_string(date_from)
        invoice = self.search([
            ("partner_id", "=", shop.id), ("company_id", "=", company.id),
            ("gendan_sibling_period", "=", period), ("type", "=", "out_invoice")],
            limit=1)
        created = self.browse()
        if not invoice:
            invoice = created = self.with_context(
                type="out_invoice", company_id=company.id).create({
                    "type": "out_invoice", "partner_id": shop.id,
                    "account_id": shop.property_account_receivable_id.id,
                    "company_id": company.id,
                    "origin": _("Sibling shop settlement %s") % date_from.strftime(
                        "%Y-%m"),
                    "gendan_sibling_period": period})
        if invoice.state != "draft":
            return created
        for picking in pickings:
            self._gendan_settlement_lines(invoice, picking)
        pickings.write({"gendan_settlement_id": invoice.id})
        invoice.compute_taxes()
        if created:
            merchandisers = self.env.ref("gendan_base.group_merchandiser").users
            self.env["mail.activity"]._todo_ensure(
                created, TODO_SETTLE, merchandisers,
                lambda self: _("Reconcile and settle the deliveries of %(shop)s "
                               "of %(month)s") % {
                                   "shop": self.partner_id.name,
                                   "month": date_from.strftime("%Y-%m")},
                deadline=fields.Date.to_string(
                    date_from + relativedelta(months=1, day=5)))
        return created

    @api.model
    def _gendan_settlement_lines(self, invoice, picking):
        Line = self.env["account.invoice.line"]
        for move in picking.move_lines.filtered(lambda m: m.state == "done"):
            product = move.product_id
            account = Line.get_invoice_line_account(
                "out_invoice", product, invoice.fiscal_position_id,
                invoice.company_id)
            taxes = product.taxes_id.filtered(
                lambda t: t.company_id == invoice.company_id)
            Line.create({
                "invoice_id": invoice.id, "product_id": product.id,
                "name": "%s: %s" % (picking.name, product.display_name),
                "account_id": account.id, "quantity": move.quantity_done,
                "uom_id": move.product_uom.id,
                "price_unit": picking._gendan_settlement_price(move),
                "invoice_line_tax_ids": [
                    (6, 0, invoice.fiscal_position_id.map_tax(taxes).ids)]})

    @api.model
    def _demo_sibling_last_month(self, picking_ids):
        """Demo data: the validated deliveries ``picking_ids`` happened on the
        15th of last month, and their settlement is prepared as the cron does
        on the 3rd of this month. Only deliveries done and not settled yet
        are moved, so a second load changes nothing."""
        pickings = self.env["stock.picking"].browse(picking_ids).filtered(
            lambda p: p.state == "done" and not p.gendan_settlement_id)
        if not pickings:
            return False
        today = self._gendan_today()
        date_from, _date_to = last_month(today)
        pickings.write({"date_done": fields.Datetime.to_string(
            datetime.combine(date_from.replace(day=15), time(9)))})
        return bool(self._cron_gendan_sibling_settlement(
            today=fields.Date.to_string(today.replace(day=3))))
