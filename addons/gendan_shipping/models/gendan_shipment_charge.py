from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import button
from odoo.addons.gendan_base.tools_actions import window_action

# what a change of these fields does to the charge's vendor bill line
BILL_FIELDS = {"amount", "currency_id", "carrier_id", "charge_type", "note",
               "shipment_id"}


class GendanShipmentCharge(models.Model):
    """Freight, delivery or other charge of a shipment, owed to a carrier.

    Each charge is billed on a draft vendor bill of its carrier (one bill per
    carrier, shipment and currency), split over the orders of the shipment by
    their shipped value: one line per analytic account, so each order's
    margin and analytic account bear their share; the charge is paid when
    that bill is.
    """

    _name = "gendan.shipment.charge"
    _description = "Shipment Charge"
    _inherit = ["gendan.state.machine"]
    _order = "shipment_id, id"
    _state_field = None
    # kept by the charge itself from its vendor bill, never written directly
    _state_button_fields = ("invoice_line_ids", "invoice_id", "bill_state",
                            "is_paid", "paid_date")

    shipment_id = fields.Many2one(
        "gendan.shipment", required=True, ondelete="cascade", index=True)
    charge_type = fields.Selection(
        [("freight", "Ocean/Air Freight"), ("delivery", "Inland Delivery"),
         ("customs", "Customs Clearance"), ("insurance", "Insurance"),
         ("other", "Other")], required=True, default="freight")
    carrier_id = fields.Many2one(
        "res.partner", required=True,
        help="The carrier or forwarder who bills the charge (vendor bill).")
    amount = fields.Monetary(required=True, currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: self.env.user.company_id.currency_id)
    invoice_line_ids = fields.One2many(
        "account.invoice.line", "gendan_charge_id", "Vendor Bill Lines",
        readonly=True, copy=False)
    invoice_id = fields.Many2one(
        "account.invoice", "Vendor Bill", compute="_compute_invoice_id",
        compute_sudo=True, store=True, readonly=True, index=True)
    bill_state = fields.Selection(
        related="invoice_id.state", string="Bill Status", readonly=True)
    is_paid = fields.Boolean(
        "Paid", compute="_compute_paid", compute_sudo=True, store=True,
        help="The carrier's vendor bill is paid.")
    paid_date = fields.Date(
        compute="_compute_paid", compute_sudo=True, store=True)
    note = fields.Char()

    @api.depends("invoice_line_ids.invoice_id")
    def _compute_invoice_id(self):
        for charge in self:
            charge.invoice_id = charge.invoice_line_ids.mapped("invoice_id")[:1]

    @api.depends("invoice_id.state", "invoice_id.payment_move_line_ids")
    def _compute_paid(self):
        for charge in self:
            bill = charge.invoice_id
            charge.is_paid = bill.state == "paid"
            dates = bill.payment_move_line_ids.mapped("date") if charge.is_paid else []
            charge.paid_date = dates and max(dates) or False

    @api.constrains("amount")
    def _check_amount(self):
        if self.filtered(lambda c: c.amount < 0):
            raise ValidationError(_("A charge cannot be negative."))

    def _gendan_order_share(self, order):
        """The share of the charge borne by ``order`` (see
        ``_gendan_order_shares``)."""
        self.ensure_one()
        return self._gendan_order_shares().get(order, 0.0)

    def _gendan_order_shares(self):
        """{order: share} of the orders of the shipment, by their shipped
        value: the quantity of each order's moves on the shipment times the
        order line's net unit price, in the company currency; equal shares
        when nothing shipped has a value."""
        self.ensure_one()
        company = self.shipment_id.company_id or self.env.user.company_id
        values = {}
        moves = self.shipment_id.picking_ids.mapped("move_lines").filtered(
            lambda move: move.state != "cancel" and move.sale_line_id)
        for move in moves:
            line = move.sale_line_id
            qty = move.product_uom._compute_quantity(
                move.quantity_done or move.product_uom_qty, line.product_uom)
            value = line.currency_id.compute(qty * line.price_reduce,
                                             company.currency_id)
            values[line.order_id] = values.get(line.order_id, 0.0) + value
        for order in self.shipment_id.picking_ids.mapped("sale_id"):
            values.setdefault(order, 0.0)
        total = sum(values.values())
        if not values:
            return {}
        if not total:
            return {order: 1.0 / len(values) for order in values}
        return {order: value / total for order, value in values.items()}

    # -- vendor bill ----------------------------------------------------------------

    def _bill_split(self):
        """[(analytic account, orders, amount)]: the charge split over the
        orders' analytic accounts by their shares, rounded in the charge's
        currency, the last part taking the rounding difference."""
        self.ensure_one()
        parts = {}
        for order, share in self._gendan_order_shares().items():
            part = parts.setdefault(order.analytic_account_id,
                                    [self.env["sale.order"], 0.0])
            part[0] |= order
            part[1] += share
        if not parts:
            return [(self.env["account.analytic.account"],
                     self.env["sale.order"], self.amount)]
        split, left = [], self.amount
        ordered = sorted(parts.items(), key=lambda item: min(item[1][0].ids))
        for index, (analytic, (orders, share)) in enumerate(ordered):
            amount = left if index == len(ordered) - 1 else \
                self.currency_id.round(self.amount * share)
            left -= amount
            split.append((analytic, orders, amount))
        return split

    def _bill_product(self):
        return self.env.ref("gendan_shipping.product_shipment_charge")

    def _bill_find_or_create(self):
        """The carrier's draft bill of this shipment in this currency."""
        self.ensure_one()
        invoices = self.env["account.invoice"].sudo()
        carrier = self.carrier_id.commercial_partner_id
        company = self.shipment_id.company_id or self.env.user.company_id
        bill = invoices.search([
            ("type", "=", "in_invoice"), ("state", "=", "draft"),
            ("partner_id", "=", carrier.id), ("currency_id", "=", self.currency_id.id),
            ("company_id", "=", company.id), ("origin", "=", self.shipment_id.name)],
            limit=1)
        if bill:
            return bill
        return invoices.with_context(type="in_invoice").create({
            "type": "in_invoice", "partner_id": carrier.id,
            "account_id": carrier.property_account_payable_id.id,
            "currency_id": self.currency_id.id, "company_id": company.id,
            "origin": self.shipment_id.name})

    def _bill_lines_vals(self, bill):
        """The charge's lines on ``bill``: one per analytic account of the
        orders shipped (its share), named after the orders when split."""
        self.ensure_one()
        label = dict(self._fields["charge_type"]._description_selection(self.env))
        product = self._bill_product()
        account = self.env["account.invoice.line"].get_invoice_line_account(
            "in_invoice", product, bill.fiscal_position_id, bill.company_id)
        name = "%s %s" % (self.shipment_id.name, label[self.charge_type])
        name = self.note and "%s: %s" % (name, self.note) or name
        split = self._bill_split()
        return [{"invoice_id": bill.id, "product_id": product.id,
                 "name": "%s (%s)" % (name, ", ".join(orders.mapped("name")))
                         if len(split) > 1 else name,
                 "account_id": account.id, "quantity": 1.0,
                 "price_unit": amount, "uom_id": product.uom_id.id,
                 "account_analytic_id": analytic.id, "gendan_charge_id": self.id}
                for analytic, orders, amount in split]

    @button()
    def _bill(self):
        """Create the charges' lines on their carriers' draft bills."""
        lines = self.env["account.invoice.line"].sudo()
        for charge in self.sudo().filtered(lambda c: not c.invoice_line_ids):
            bill = charge._bill_find_or_create()
            for vals in charge._bill_lines_vals(bill):
                lines.create(vals)
            bill.compute_taxes()

    def _check_bill_draft(self):
        posted = self.filtered(lambda c: c.invoice_id.state not in (False, "draft"))
        if posted:
            raise UserError(_(
                "The vendor bill %(bill)s of this charge is already validated by "
                "finance: the charge cannot be changed or deleted (ask finance "
                "for a refund or a new bill).") % {
                    "bill": posted[0].invoice_id.number
                    or posted[0].invoice_id.display_name})

    def _unbill(self, keep_bills=False):
        """Remove the charges' lines from their draft bills (and the bills
        left empty, unless ``keep_bills``: the lines are made again)."""
        lines = self.mapped("invoice_line_ids").sudo()
        bills = lines.mapped("invoice_id")
        lines.unlink()
        self.invalidate_cache(["invoice_line_ids", "invoice_id"], self.ids)
        if not keep_bills:
            bills.filtered(lambda bill: not bill.invoice_line_ids).unlink()
        bills.exists().compute_taxes()

    # -- CRUD -----------------------------------------------------------------------

    @api.model
    def create(self, vals):
        if not vals.get("carrier_id"):
            raise UserError(_("A charge needs the carrier or forwarder who bills "
                              "it (its vendor bill is made out to them)."))
        charge = super(GendanShipmentCharge, self).create(vals)
        charge._bill()
        return charge

    @api.multi
    def write(self, vals):
        if "carrier_id" in vals and not vals["carrier_id"]:
            raise UserError(_("A charge needs the carrier or forwarder who bills "
                              "it (its vendor bill is made out to them)."))
        changed = BILL_FIELDS & set(vals)
        if changed:
            self._check_bill_draft()
        res = super(GendanShipmentCharge, self).write(vals)
        if changed:
            # the lines again (on the same draft bill unless it changes)
            self.filtered("invoice_line_ids")._unbill(keep_bills=not changed & {
                "carrier_id", "currency_id", "shipment_id"})
            self._bill()
        return res

    @api.multi
    def unlink(self):
        self._check_bill_draft()
        self._unbill()
        return super(GendanShipmentCharge, self).unlink()

    @api.multi
    def action_open_bill(self):
        self.ensure_one()
        action = window_action(self.env, "account.action_invoice_tree2")
        action.update({"views": [(self.env.ref("account.invoice_supplier_form").id,
                                  "form")],
                       "res_id": self.invoice_id.id})
        return action
