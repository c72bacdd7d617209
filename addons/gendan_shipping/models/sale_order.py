from datetime import timedelta

from odoo import _, api, fields, models
from odoo.tools import float_compare

from odoo.addons.gendan_order.models.sale_order import milestone_fields

# days before the ship date an unpaid balance makes the order at risk
BALANCE_RISK_DAYS = 7


class SaleOrder(models.Model):
    _inherit = "sale.order"

    gendan_shipment_ids = fields.Many2many(
        "gendan.shipment", string="Shipments",
        compute="_compute_gendan_shipment_ids")
    gendan_release_ids = fields.One2many(
        "gendan.shipping.release", "sale_order_id", string="Shipping Releases")
    milestone_paid_state, milestone_paid_date = milestone_fields(
        "Paid", "Paid On", "_compute_milestone_paid")
    milestone_shipped_state, milestone_shipped_date = milestone_fields(
        "Shipped", "Shipped On", "_compute_milestone_shipped")

    gendan_product_cost = fields.Monetary(
        "Product Cost", compute="_compute_gendan_margin", compute_sudo=True,
        help="Cost of the products of the order lines (their cost price), in "
             "the order currency.")
    gendan_charge_amount = fields.Monetary(
        "Freight and Charges", compute="_compute_gendan_margin",
        compute_sudo=True,
        help="The order's share of the freight and other charges of its "
             "shipments (vendor bills of the carriers), in the order currency; "
             "a shipment of several orders is shared by their untaxed amounts.")
    gendan_margin = fields.Monetary(
        "Margin after Charges", compute="_compute_gendan_margin",
        compute_sudo=True,
        help="Untaxed amount less the product cost and the freight and charges.")

    @api.multi
    def _compute_gendan_shipment_ids(self):
        for order in self:
            order.gendan_shipment_ids = order.picking_ids.mapped("gendan_shipment_id")

    @api.multi
    def _compute_gendan_margin(self):
        for order in self:
            company = order.company_id or self.env.user.company_id
            currency = order.currency_id or company.currency_id
            day = order.confirmation_date or order.date_order
            cost = 0.0
            for line in order.order_line:
                unit_cost = line.product_id.standard_price
                qty = line.product_uom._compute_quantity(
                    line.product_uom_qty, line.product_id.uom_id)
                cost += unit_cost * qty
            cost = company.currency_id.with_context(date=day).compute(cost, currency)
            charges = 0.0
            for charge in order.picking_ids.mapped("gendan_shipment_id.charge_ids"):
                share = charge._gendan_order_share(order)
                if share:
                    charges += charge.currency_id.with_context(
                        date=charge.invoice_id.date_invoice or day).compute(
                            charge.amount * share, currency)
            order.gendan_product_cost = cost
            order.gendan_charge_amount = charges
            order.gendan_margin = order.amount_untaxed - cost - charges

    def _gendan_posted_invoices(self):
        """Open or paid customer invoices and refunds linked to the order lines."""
        self.ensure_one()
        return self.sudo().order_line.mapped("invoice_lines.invoice_id").filtered(
            lambda inv: inv.state in ("open", "paid")
            and inv.type in ("out_invoice", "out_refund"))

    def _gendan_amount_paid(self):
        """Amount received on the order's posted invoices, net of refunds,
        in the order currency."""
        self.ensure_one()
        paid = 0.0
        for inv in self._gendan_posted_invoices():
            amount = inv.amount_total - inv.residual
            if inv.currency_id != self.currency_id:
                amount = inv.currency_id.compute(amount, self.currency_id)
            paid += amount if inv.type == "out_invoice" else -amount
        return paid

    def _gendan_balance_before_shipment(self):
        """The payment terms hold the deliveries until the balance is paid
        (opt-in per payment term)."""
        self.ensure_one()
        return self.payment_term_id.gendan_balance_before_shipment

    def _gendan_amount_due_before_shipment(self):
        """Share of the order total to be received before the goods leave,
        from the payment terms (nothing unless they ask it)."""
        self.ensure_one()
        if not self._gendan_balance_before_shipment():
            return 0.0
        percent = self.payment_term_id.gendan_prepaid_percent
        return self.currency_id.round(self.amount_total * percent / 100.0)

    def _gendan_is_prepaid(self):
        self.ensure_one()
        return float_compare(
            self._gendan_amount_paid(), self._gendan_amount_due_before_shipment(),
            precision_rounding=self.currency_id.rounding) >= 0

    def _gendan_open_deliveries(self):
        self.ensure_one()
        return self.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
            and p.state not in ("done", "cancel"))

    def _gendan_first_ship_date(self):
        """Deadline of the shipping milestones: promised date, else the
        earliest scheduled open delivery."""
        self.ensure_one()
        if self.promised_date:
            return self.promised_date
        dates = self._gendan_open_deliveries().mapped("scheduled_date")
        # the day of the scheduled time where the user is (as "today" is)
        return dates and fields.Date.to_string(fields.Datetime.context_timestamp(
            self, fields.Datetime.from_string(min(dates))).date()) or False

    @api.depends(
        "state", "amount_total", "promised_date", "payment_term_id",
        "payment_term_id.gendan_balance_before_shipment",
        "payment_term_id.gendan_prepaid_percent",
        "picking_ids.state", "picking_ids.scheduled_date",
        "order_line.invoice_lines.invoice_id.state",
        "order_line.invoice_lines.invoice_id.payment_move_line_ids")
    def _compute_milestone_paid(self):
        """Paid = the amount due before shipment is received (what changes
        it: an invoice posted or cancelled, a payment or refund reconciled;
        not each recomputation of an invoice's residual)."""
        for order in self:
            if order.state not in ("sale", "done") or not order.amount_total \
                    or not order._gendan_balance_before_shipment():
                order.milestone_paid_state = "na"
                order.milestone_paid_date = False
                continue
            payments = order._gendan_posted_invoices().mapped("payment_move_line_ids")
            paid_dates = payments.mapped("date")
            state, date = order._milestone_from(
                order._gendan_is_prepaid(), order._gendan_first_ship_date(),
                paid_dates and max(paid_dates) or False)
            order.milestone_paid_state = state
            order.milestone_paid_date = date

    @api.depends(
        "state", "promised_date", "picking_ids.state", "picking_ids.date_done",
        "picking_ids.scheduled_date")
    def _compute_milestone_shipped(self):
        """Shipped = every customer delivery of the order is done."""
        for order in self:
            deliveries = order.picking_ids.filtered(
                lambda p: p.picking_type_code == "outgoing" and p.state != "cancel")
            if order.state not in ("sale", "done") or not deliveries:
                order.milestone_shipped_state = "na"
                order.milestone_shipped_date = False
                continue
            done_dates = [d[:10] for d in deliveries.mapped("date_done") if d]
            state, date = order._milestone_from(
                not order._gendan_open_deliveries(), order._gendan_first_ship_date(),
                done_dates and max(done_dates) or False)
            order.milestone_shipped_state = state
            order.milestone_shipped_date = date

    @api.depends("milestone_paid_state", "milestone_paid_date",
                 "milestone_shipped_state", "milestone_shipped_date")
    def _compute_cockpit_summary(self):
        return super(SaleOrder, self)._compute_cockpit_summary()

    # -- risk -------------------------------------------------------------------

    @api.depends("milestone_paid_state", "milestone_paid_date", "promised_date")
    def _compute_risk(self):
        return super(SaleOrder, self)._compute_risk()

    def _gendan_risks(self):
        """The balance due before shipment still unpaid BALANCE_RISK_DAYS
        days before the ship date promised to the customer."""
        risks = super(SaleOrder, self)._gendan_risks()
        ship = self.milestone_paid_state in ("todo", "late") \
            and self.promised_date and self.milestone_paid_date
        if ship:
            limit = fields.Date.to_string(fields.Date.from_string(
                fields.Date.context_today(self)) + timedelta(days=BALANCE_RISK_DAYS))
            if ship <= limit:
                risks.append(("balance", _(
                    "The balance due before shipment is unpaid %(days)d days "
                    "before the ship date %(date)s.") % {
                        "days": BALANCE_RISK_DAYS, "date": ship}))
        return risks

    # -- follow-up form: the shipping documents ---------------------------------

    gendan_shipping_notice_count = fields.Integer(
        "Shipping Notices", compute="_compute_gendan_shipping_counts")
    gendan_shipment_count = fields.Integer(
        "Number of Shipments", compute="_compute_gendan_shipping_counts")

    def _gendan_shipping_notices(self):
        return self.env["gendan.shipping.notice"].sudo().search(
            [("sale_order_id", "=", self.id)])

    def _compute_gendan_shipping_counts(self):
        for order in self:
            order.gendan_shipping_notice_count = len(order._gendan_shipping_notices())
            order.gendan_shipment_count = len(order.sudo().gendan_shipment_ids)

    @api.multi
    def action_gendan_view_shipping_notices(self):
        self.ensure_one()
        return self._gendan_open_records(
            self._gendan_shipping_notices().with_env(self.env), _("Shipping Notices"))

    @api.multi
    def action_gendan_view_shipments(self):
        self.ensure_one()
        return self._gendan_open_records(
            self.sudo().gendan_shipment_ids.with_env(self.env), _("Shipments"))
