from datetime import timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import button, transition
from odoo.addons.gendan_base.tools_actions import window_action

SALES = ["gendan_base.group_salesperson", "gendan_base.group_merchandiser"]


class GendanEnquiry(models.Model):
    """A customer enquiry (询价): the product's requirements, answered the same
    working day in the customer's time zone, then quoted."""

    _name = "gendan.enquiry"
    _description = "Customer Enquiry"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin",
                "gendan.sla.mixin"]
    _order = "date_received desc, id desc"

    _sla_working_days = 0
    _sla_done_states = ["replied", "quoted", "lost", "cancel"]
    _sla_responsible_field = "merchandiser_id"
    _state_button_fields = ("date_replied",)

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/")
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True,
        domain=[("customer", "=", True)], track_visibility="onchange")
    contact_name = fields.Char("Customer Contact")
    channel = fields.Selection(
        [("email", "E-mail"), ("fax", "Fax"), ("phone", "Phone"),
         ("visit", "Visit")], required=True, default="email")
    date_received = fields.Datetime(
        "Received", required=True, default=fields.Datetime.now)
    customer_tz = fields.Char(
        "Customer Time Zone", compute="_compute_customer_tz",
        help="The reply clock runs on the customer's calendar (the "
             "customer's time zone, else ours).")
    target_market = fields.Char(
        help="Where the customer sells the product (country, region, chain).")
    target_country_ids = fields.Many2many(
        "res.country", string="Target Countries")
    user_id = fields.Many2one(
        "res.users", "Salesperson", default=lambda self: self.env.user,
        track_visibility="onchange")
    merchandiser_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user,
        track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)
    line_ids = fields.One2many(
        "gendan.enquiry.line", "enquiry_id", "Product Requirements", copy=True)
    note = fields.Text("Enquiry")
    reply_note = fields.Text("Our Reply")
    date_replied = fields.Datetime("Replied", readonly=True, copy=False)
    order_ids = fields.One2many("sale.order", "enquiry_id", "Quotations")
    order_count = fields.Integer(compute="_compute_order_count")
    sample_ids = fields.One2many("gendan.sample", "enquiry_id", "Samples")
    lost_reason = fields.Char(track_visibility="onchange")
    supplier_ids = fields.Many2many(
        "res.partner", "gendan_enquiry_supplier_rel", "enquiry_id",
        "partner_id", "Factories / Suppliers",
        domain=[("supplier", "=", True)],
        help="Who is asked for a price (询价单): one request for quotation "
             "each.")
    purchase_ids = fields.One2many(
        "purchase.order", "gendan_enquiry_id", "Price Enquiries",
        readonly=True)
    purchase_count = fields.Integer(compute="_compute_purchase_count",
                                    compute_sudo=True)
    state = fields.Selection(
        [("new", "New"), ("replied", "Replied"), ("quoted", "Quoted"),
         ("lost", "Lost"), ("cancel", "Cancelled")],
        default="new", required=True, readonly=True, index=True, copy=False,
        track_visibility="onchange")

    @api.depends("order_ids")
    def _compute_order_count(self):
        for enquiry in self:
            enquiry.order_count = len(enquiry.order_ids)

    @api.depends("purchase_ids")
    def _compute_purchase_count(self):
        for enquiry in self:
            enquiry.purchase_count = len(enquiry.purchase_ids)

    @api.depends("partner_id.tz", "company_id", "merchandiser_id")
    def _compute_customer_tz(self):
        for enquiry in self:
            enquiry.customer_tz = enquiry._customer_tz_name()

    def _customer_tz_name(self):
        return (self.partner_id.tz or self.company_id.partner_id.tz
                or self.merchandiser_id.tz or "UTC")

    @api.depends("date_received", "partner_id.tz", "company_id",
                 "merchandiser_id")
    def _compute_sla_deadline(self):
        """Same working day in the customer's time zone (seed: 当天内回复,
        根据客户所在地确定回复时间); a mail of a weekend or holiday is
        answered on the next working day."""
        sla = self.env["gendan.sla"]
        for enquiry in self:
            day = enquiry._customer_day()
            enquiry.sla_deadline = day and sla.add_working_days(
                day - timedelta(days=1), 1, enquiry.company_id or None)

    def _customer_day(self):
        """The date of reception on the customer's calendar."""
        self.ensure_one()
        if not self.date_received:
            return False
        received = pytz.utc.localize(
            fields.Datetime.from_string(self.date_received))
        return received.astimezone(
            pytz.timezone(self._customer_tz_name())).date()

    @api.constrains("line_ids")
    def _check_lines(self):
        for line in self.mapped("line_ids"):
            if line.quantity < 0:
                raise ValidationError(_("An enquired quantity cannot be "
                                        "negative."))

    @api.model
    def create(self, vals):
        enquiry = super(GendanEnquiry, self).create(vals)
        enquiry._todo_reply()
        return enquiry

    def _todo_reply(self):
        self.env["mail.activity"]._todo_ensure(
            self, "enquiry_reply", lambda rec: rec.merchandiser_id,
            lambda self: _("Reply to the enquiry %s today") % self.name,
            deadline=lambda rec: rec.sla_deadline)

    @api.multi
    @transition(["new"], "replied", groups=SALES)
    def action_reply(self):
        """The customer was answered (received, prices follow)."""
        if self.filtered(lambda rec: not (rec.reply_note or "").strip()):
            raise UserError(_("Write what was replied to the customer."))
        self.write({"state": "replied", "date_replied": fields.Datetime.now()})
        self.env["mail.activity"]._todo_done(self, "enquiry_reply")
        return True

    @api.multi
    @transition(["new", "replied", "quoted"], "quoted", groups=SALES)
    def action_create_quotation(self):
        """A quotation carrying the requirements of the enquiry."""
        self.ensure_one()
        if not self.line_ids:
            raise UserError(_("The enquiry %s has no product requirement to "
                              "quote.") % self.name)
        missing = self.line_ids.filtered(lambda line: not line.product_id)
        if missing:
            raise UserError(_("Choose the product of every requirement line "
                              "first: %s") % ", ".join(missing.mapped("name")))
        order = self.env["sale.order"].create(self._prepare_order_vals())
        vals = {"state": "quoted"}
        if not self.date_replied:
            vals["date_replied"] = fields.Datetime.now()
        self.write(vals)
        self.env["mail.activity"]._todo_done(self, "enquiry_reply")
        self.message_post(body=_("Quotation %s created.") % order.name)
        return self._open_orders(order)

    def _prepare_order_vals(self):
        company = self.company_id or self.env.user.company_id
        validity = fields.Date.from_string(fields.Date.context_today(self)) + \
            timedelta(days=company.gendan_quote_validity_days or 30)
        return {
            "partner_id": self.partner_id.id,
            "enquiry_id": self.id,
            "user_id": self.user_id.id,
            "merchandiser_id": self.merchandiser_id.id,
            "validity_date": fields.Date.to_string(validity),
            "order_line": [(0, 0, line._prepare_order_line_vals())
                           for line in self.line_ids],
        }

    @api.multi
    @button(groups=SALES)
    def action_request_factory_prices(self):
        """Send the price enquiry (询价单) to the factory or suppliers: a
        request for quotation (draft purchase order) per supplier not yet
        asked, with a line per product requirement; purchasing gets a to-do
        to send it and record the quoted prices."""
        created = self.env["purchase.order"]
        for enquiry in self:
            if enquiry.state in ("lost", "cancel"):
                raise UserError(_("The enquiry %s is closed.") % enquiry.name)
            if not enquiry.supplier_ids:
                raise UserError(_("Choose the factories or suppliers to ask "
                                  "for a price first."))
            lines = enquiry.line_ids
            if not lines or lines.filtered(lambda line: not line.product_id):
                raise UserError(_("Choose the product of every requirement "
                                  "line first."))
            asked = enquiry.sudo().purchase_ids.filtered(
                lambda po: po.state != "cancel").mapped(
                    "partner_id.commercial_partner_id")
            for supplier in enquiry.supplier_ids.filtered(
                    lambda p: p.commercial_partner_id not in asked):
                created |= enquiry._create_price_enquiry(supplier)
        buyers = self.env.ref("gendan_base.group_purchasing").users
        self.env["mail.activity"]._todo_ensure(
            created, "gendan_sales.price_enquiry", buyers,
            lambda self: _("Send the price enquiry %(rfq)s to %(supplier)s and "
                           "record the quoted prices") % {
                               "rfq": self.name,
                               "supplier": self.partner_id.display_name})
        for enquiry in self:
            news = created.filtered(lambda po: po.gendan_enquiry_id == enquiry)
            if news:
                enquiry.message_post(body=_("Price enquiries sent: %s.")
                                     % ", ".join(news.mapped("name")))
        return True

    def _create_price_enquiry(self, supplier):
        """The RFQ of ``supplier`` (created for the merchandiser, who does not
        buy: purchasing sends it and records the prices)."""
        self.ensure_one()
        Purchase = self.env["purchase.order"].sudo()
        order = Purchase.create({
            "partner_id": supplier.id, "origin": self.name,
            "gendan_enquiry_id": self.id,
            "company_id": (self.company_id or self.env.user.company_id).id,
        })
        for line in self.line_ids:
            Purchase.env["purchase.order.line"].create(
                line._prepare_purchase_line_vals(order))
        return order

    @api.multi
    def action_view_price_enquiries(self):
        self.ensure_one()
        action = window_action(self.env, "purchase.purchase_rfq")
        action.update(domain=[("gendan_enquiry_id", "=", self.id)],
                      context={"create": False})
        return action

    @api.multi
    @transition(["new", "replied", "quoted"], "lost", groups=SALES)
    def action_lost(self):
        if self.filtered(lambda rec: not rec.lost_reason):
            raise UserError(_("Give the reason why the enquiry is lost."))
        self.env["mail.activity"]._todo_cancel(self, "enquiry_reply")
        return self.write({"state": "lost"})

    @api.multi
    @transition(["new", "replied"], "cancel", groups=SALES)
    def action_cancel(self):
        self.env["mail.activity"]._todo_cancel(self, "enquiry_reply")
        return self.write({"state": "cancel"})

    @api.multi
    def action_view_orders(self):
        self.ensure_one()
        return self._open_orders(self.order_ids)

    def _open_orders(self, orders):
        action = window_action(self.env, "sale.action_quotations")
        if len(orders) == 1:
            action.update(views=[(False, "form")], res_id=orders.id)
        else:
            action["domain"] = [("id", "in", orders.ids)]
        return action

    # -- demo ---------------------------------------------------------------

    @api.model
    def _gendan_demo_chain(self, enquiry_id, factory_id, incoterm_id):
        """Demo: enquiry -> quotation -> signed prices -> sent -> contract
        countersigned -> reviewed and confirmed order. Each step acts only
        on what is still to do (safe to run twice)."""
        def user(login):
            return self.env.ref("gendan_base.user_%s_demo" % login)
        enquiry = self.browse(enquiry_id).sudo(user("merchandiser"))
        if enquiry.state == "new":
            enquiry.action_reply()
        if enquiry.state == "replied":
            enquiry.action_create_quotation()
        order = enquiry.order_ids[:1].sudo(user("merchandiser"))
        if order.state == "draft" and order.price_approval_status == "missing":
            order.write({
                "incoterm": incoterm_id,
                "payment_term_id": self.env.ref(
                    "gendan_order.payment_term_deposit_demo").id,
                "packing_note": "Export cartons, 5-ply, shipping marks as "
                                "per the customer's artwork.",
                "customer_po": "HHG-7850"})
            order.order_line.write({"factory_id": factory_id,
                                    "factory_price": 9.10, "price_unit": 12.60})
            order.action_request_price_approval()
        approval = order.price_approval_ids.filtered(
            lambda rec: rec.state == "to_approve").sudo(user("sales_manager"))
        if approval:
            approval.line_ids.write({"price_unit": 12.40})
            approval.action_signoff_sign(comment="Best price for a new account.")
        self._gendan_demo_contract(order.sudo(user("salesperson")))

    def _gendan_demo_contract(self, order):
        if order.state == "draft" and order.price_approval_status == "approved":
            order.print_quotation()
        if order.state == "sent" and not order.contract_number:
            order.action_issue_contract()
        if order.contract_number and not order.contract_signed_date:
            order.write({
                "contract_signed_file": "JVBERi0xLjQKJSBHZW5kYW4gZGVtbyBjb250cmFjdAo=",
                "contract_signed_filename": "%s countersigned.pdf"
                                            % order.contract_number})
        if order.state != "sent":
            return
        lines = order.review_line_ids.filtered(lambda line: not line.is_confirmed)
        lines.sudo(self.env.ref("gendan_base.user_merchandiser_demo")
                   ).action_confirm_check()
        if order.signoff_state == "none":
            order.sudo(self.env.ref("gendan_base.user_merchandiser_demo")
                       ).action_signoff_request()
        self.env["gendan.demo"]._sign("sale.order", order.ids, [
            "salesperson", "engineer", "purchaser", "production", "qa",
            "merchandiser"])
        if order.signoff_state == "approved":
            order.action_confirm()
