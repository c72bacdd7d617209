from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.gendan_base.engine import button, transition

from .gendan_shipment_container_line import read_cargo_totals
from .gendan_shipping_notice import TRANSPORT_MODES

DOCUMENT_TYPES = ["bl", "insurance", "co", "form_a", "packing_declaration"]
LOCKED_STATES = ("shipped", "done")
# fields that stay editable once the goods are on their way
OPEN_AFTER_SHIPPING = {
    "state", "eta", "tracking_ref", "tracking_status", "vessel", "voyage",
    "received_date", "balance_confirmed", "balance_confirmed_by_id",
    "balance_confirmed_date", "document_ids", "charge_ids", "note",
    "message_follower_ids", "activity_ids", "message_main_attachment_id",
}
# written by the buttons only (their checks), never directly
ACTION_FIELDS = ("shipped_date", "received_date", "balance_confirmed",
                 "balance_confirmed_by_id", "balance_confirmed_date")


class GendanShipment(models.Model):
    """An export shipment: delivery orders, containers, documents, freight."""

    _name = "gendan.shipment"
    _description = "Shipment"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin"]
    _order = "etd desc, id desc"
    _state_button_fields = ACTION_FIELDS

    name = fields.Char("Number", readonly=True, copy=False, default="/")
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.user.company_id)
    user_id = fields.Many2one(
        "res.users", "Responsible", default=lambda self: self.env.user,
        track_visibility="onchange")
    picking_ids = fields.One2many(
        "stock.picking", "gendan_shipment_id", "Delivery Orders",
        domain=[("picking_type_code", "=", "outgoing")])
    sale_order_ids = fields.Many2many(
        "sale.order", string="Sales Orders", compute="_compute_sale_order_ids")
    container_ids = fields.One2many(
        "gendan.shipment.container", "shipment_id", "Containers")
    loaded_line_ids = fields.One2many(
        "gendan.shipment.container.line", "shipment_id", "Loaded Lines")
    document_ids = fields.One2many(
        "gendan.shipment.document", "shipment_id", "Documents")
    charge_ids = fields.One2many(
        "gendan.shipment.charge", "shipment_id", "Freight and Charges")
    transport_mode = fields.Selection(TRANSPORT_MODES, default="sea", required=True)
    incoterm_id = fields.Many2one("stock.incoterms")
    port_loading = fields.Char("Port of Loading")
    port_discharge = fields.Char(
        "Port of Discharge", track_visibility="onchange")
    country_id = fields.Many2one("res.country", "Destination Country")
    carrier_id = fields.Many2one(
        "res.partner", track_visibility="onchange",
        help="Shipping line, forwarder or express company.")
    vessel = fields.Char("Vessel / Flight")
    voyage = fields.Char()
    etd = fields.Date("ETD", track_visibility="onchange")
    eta = fields.Date("ETA", track_visibility="onchange")
    shipped_date = fields.Date(readonly=True, copy=False)
    received_date = fields.Date(
        "Received by Customer", readonly=True, copy=False)
    tracking_ref = fields.Char("Tracking Reference", track_visibility="onchange")
    tracking_status = fields.Char(
        track_visibility="onchange",
        help="Latest status reported by the carrier; followers see each update.")
    marks_text = fields.Text("Shipping Marks")
    note = fields.Text()
    balance_due = fields.Monetary(
        compute="_compute_balance_due", currency_field="currency_id",
        help="Open amount on the posted invoices of the shipment's orders.")
    currency_id = fields.Many2one(
        "res.currency", compute="_compute_balance_due")
    balance_confirmed = fields.Boolean(
        readonly=True, copy=False, track_visibility="onchange",
        help="Finance confirmed the balance payment: original documents may be "
             "released to the customer.")
    balance_confirmed_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False)
    balance_confirmed_date = fields.Date(readonly=True, copy=False)
    # totals: computed with read_group over the lines, never stored
    carton_count = fields.Integer("Cartons", compute="_compute_totals")
    volume = fields.Float("CBM", digits=(16, 3), compute="_compute_totals")
    gross_weight = fields.Float(
        "Gross Weight (kg)", digits=(16, 2), compute="_compute_totals")
    net_weight = fields.Float(
        "Net Weight (kg)", digits=(16, 2), compute="_compute_totals")
    container_count = fields.Integer(compute="_compute_totals")
    container_mix_suggestion = fields.Char(
        "Suggested Containers", compute="_compute_container_mix_suggestion")
    state = fields.Selection(
        [("draft", "Planning"), ("loaded", "Loaded"), ("shipped", "Shipped"),
         ("done", "Received"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange", index=True)

    @api.depends("picking_ids.sale_id")
    def _compute_sale_order_ids(self):
        for shipment in self:
            shipment.sale_order_ids = shipment.picking_ids.mapped("sale_id")

    def _gendan_pricelist(self):
        """The customer's pricelist: the documents of a shipment without a
        sales order are in its currency at its prices."""
        self.ensure_one()
        return self.sudo().partner_id.property_product_pricelist

    def _compute_balance_due(self):
        for shipment in self:
            orders = shipment.sudo().picking_ids.mapped("sale_id")
            shipment.currency_id = (orders[:1].currency_id
                                    or shipment._gendan_pricelist().currency_id
                                    or shipment.company_id.currency_id)
            shipment.balance_due = sum(
                inv.residual * (1 if inv.type == "out_invoice" else -1)
                for order in orders for inv in order._gendan_posted_invoices())

    @api.depends("loaded_line_ids.volume", "loaded_line_ids.gross_weight",
                 "loaded_line_ids.net_weight", "loaded_line_ids.carton_count",
                 "container_ids")
    def _compute_totals(self):
        totals = read_cargo_totals(
            self, self.env["gendan.shipment.container.line"], "shipment_id")
        counts = read_cargo_totals(
            self, self.env["gendan.shipment.container"], "shipment_id", count=True)
        for shipment in self:
            vals = totals.get(shipment.id, {})
            shipment.carton_count = vals.get("carton_count", 0)
            shipment.volume = vals.get("volume", 0.0)
            shipment.gross_weight = vals.get("gross_weight", 0.0)
            shipment.net_weight = vals.get("net_weight", 0.0)
            shipment.container_count = counts.get(shipment.id, 0)

    @api.depends("picking_ids")
    def _compute_container_mix_suggestion(self):
        ctype = self.env["gendan.container.type"]
        for shipment in self:
            volume, weight = shipment._delivered_cargo()
            shipment.container_mix_suggestion = ctype._format_mix(
                ctype._suggest_mix(volume, weight))

    def _delivered_cargo(self):
        """(CBM, gross kg) of the goods on the delivery orders."""
        self.ensure_one()
        volume = weight = 0.0
        for product, qty in self._delivered_by_product().items():
            tmpl = product.product_tmpl_id
            cartons = tmpl.carton_qty and -(-qty // tmpl.carton_qty) or 0
            volume += cartons * tmpl.carton_volume
            weight += cartons * tmpl.carton_gross_weight
        return volume, weight

    def _delivered_by_product(self):
        """{product: quantity in product unit} on the delivery orders."""
        self.ensure_one()
        if not self.picking_ids:
            return {}
        groups = self.env["stock.move"].sudo().read_group(
            [("picking_id", "in", self.picking_ids.ids), ("state", "!=", "cancel")],
            ["product_id", "product_qty"], ["product_id"])
        products = self.env["product.product"].browse(
            [g["product_id"][0] for g in groups])
        return {product: group["product_qty"]
                for product, group in zip(products, groups)}

    def _loaded_by_product(self):
        """{product id: quantity} loaded in the containers."""
        self.ensure_one()
        groups = self.env["gendan.shipment.container.line"].read_group(
            [("container_id.shipment_id", "=", self.id)], ["product_id", "quantity"],
            ["product_id"])
        return {g["product_id"][0]: g["quantity"] for g in groups}

    # -- checks ------------------------------------------------------------------

    def _check_loaded_quantities(self, complete=False):
        """Loaded <= delivered per product; with ``complete``, loaded == delivered."""
        precision = self.env["decimal.precision"].precision_get(
            "Product Unit of Measure")
        for shipment in self:
            delivered = {product.id: qty for product, qty
                         in shipment._delivered_by_product().items()}
            loaded = shipment._loaded_by_product()
            names = dict(self.env["product.product"].browse(
                set(delivered) | set(loaded)).name_get())
            for product_id in set(delivered) | set(loaded):
                cmp = float_compare(loaded.get(product_id, 0.0),
                                    delivered.get(product_id, 0.0),
                                    precision_digits=precision)
                if cmp > 0:
                    raise ValidationError(_(
                        "%(shipment)s: %(loaded)s of %(product)s loaded but only "
                        "%(delivered)s on the delivery orders.") % {
                            "shipment": shipment.name, "product": names[product_id],
                            "loaded": loaded.get(product_id, 0.0),
                            "delivered": delivered.get(product_id, 0.0)})
                if complete and cmp < 0:
                    raise ValidationError(_(
                        "%(shipment)s: only %(loaded)s of %(delivered)s %(product)s "
                        "are loaded; load everything before marking it loaded.") % {
                            "shipment": shipment.name, "product": names[product_id],
                            "loaded": loaded.get(product_id, 0.0),
                            "delivered": delivered.get(product_id, 0.0)})

    @api.constrains("etd", "eta")
    def _check_eta_after_etd(self):
        for shipment in self:
            if shipment.etd and shipment.eta and shipment.eta < shipment.etd:
                raise ValidationError(_(
                    "%(shipment)s: the ETA (%(eta)s) cannot be before the ETD "
                    "(%(etd)s).") % {"shipment": shipment.name,
                                     "eta": shipment.eta, "etd": shipment.etd})

    # -- CRUD ----------------------------------------------------------------------

    @api.model
    def create(self, vals):
        if "document_ids" not in vals:
            vals["document_ids"] = [(0, 0, {"document_type": doc})
                                    for doc in DOCUMENT_TYPES]
        if not vals.get("carrier_id") and vals.get("partner_id"):
            vals["carrier_id"] = self.env["res.partner"].browse(
                vals["partner_id"]).commercial_partner_id.gendan_carrier_id.id
        shipment = super(GendanShipment, self).create(vals)
        shipment._subscribe_salespeople()
        return shipment

    @api.multi
    def write(self, vals):
        locked = self.filtered(lambda s: s.state in LOCKED_STATES + ("cancel",))
        if locked and set(vals) - OPEN_AFTER_SHIPPING:
            raise UserError(_(
                "Shipment %s is shipped or cancelled: its delivery orders, containers "
                "and cargo cannot be changed.") % ", ".join(locked.mapped("name")))
        if "picking_ids" in vals and self.filtered(lambda s: s.state != "draft"):
            raise UserError(_("Delivery orders can be added or removed only while the "
                              "shipment is being planned."))
        res = super(GendanShipment, self).write(vals)
        if "picking_ids" in vals:
            self._subscribe_salespeople()
        return res

    @api.multi
    def unlink(self):
        if self.filtered(lambda s: s.state != "draft"):
            raise UserError(_("Only planned shipments can be deleted; cancel it."))
        return super(GendanShipment, self).unlink()

    def _subscribe_salespeople(self):
        """Salespeople follow the shipment: they see tracking updates."""
        for shipment in self:
            partners = shipment.sudo().picking_ids.mapped("sale_id.user_id.partner_id")
            if partners:
                shipment.message_subscribe(partner_ids=partners.ids)

    # -- actions -------------------------------------------------------------------

    @api.multi
    def action_fill_containers(self):
        """Load the delivered goods not yet loaded into the containers, in
        order, by whole cartons, up to each container's volume."""
        for shipment in self:
            if shipment.state != "draft" or not shipment.container_ids:
                raise UserError(_("Add containers to a planned shipment first."))
            shipment._fill_containers()
        return True

    def _fill_containers(self):
        self.ensure_one()
        loaded = self._loaded_by_product()
        containers = self.container_ids.sorted(lambda c: (c.sequence, c.id))
        free = {c: c.container_type_id.volume - c.volume for c in containers}
        rows = []
        index = 0
        for product, qty in sorted(self._delivered_by_product().items(),
                                   key=lambda item: item[0].id):
            left = qty - loaded.get(product.id, 0.0)
            tmpl = product.product_tmpl_id
            while left > 0:
                container = containers[index]
                last = index == len(containers) - 1
                take = left
                if tmpl.carton_qty and tmpl.carton_volume and not last:
                    cartons_fit = int(free[container] // tmpl.carton_volume)
                    take = min(left, cartons_fit * tmpl.carton_qty)
                if take > 0:
                    rows.append({"container_id": container.id,
                                 "product_id": product.id, "quantity": take})
                    if tmpl.carton_qty:
                        free[container] -= -(-take // tmpl.carton_qty) * \
                            tmpl.carton_volume
                    left -= take
                if left > 0:
                    index += 1
        line_model = self.env["gendan.shipment.container.line"]
        for row in rows:
            line_model.create(row)

    @api.multi
    @transition(["draft"], "loaded")
    def action_mark_loaded(self):
        """Containers loaded and sealed, every delivered unit is in one."""
        for shipment in self:
            if not shipment.picking_ids:
                raise UserError(_("%s has no delivery order.") % shipment.name)
            if not shipment.container_ids and shipment.transport_mode == "sea":
                raise UserError(_("%s has no container.") % shipment.name)
            incomplete = shipment.container_ids.filtered(
                lambda c: not (c.container_number and c.seal_number
                               and c.container_type_id))
            if incomplete:
                raise UserError(_(
                    "Container type, number and seal are required before loading "
                    "is confirmed: %s.") % ", ".join(incomplete.mapped("display_name")))
        self._check_loaded_quantities(complete=True)
        return self.write({"state": "loaded"})

    @api.multi
    @transition(["loaded"], "shipped")
    def action_ship(self):
        """Goods left: delivery orders done (payment gate passed), follow-ups
        planned for the salespeople."""
        for shipment in self:
            open_pickings = shipment.picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel"))
            if open_pickings:
                raise UserError(_(
                    "Validate the delivery orders first (the payment gate applies): "
                    "%s.") % ", ".join(open_pickings.mapped("name")))
        self.write({"state": "shipped",
                    "shipped_date": fields.Date.context_today(self)})
        self._schedule_follow_ups()
        return True

    @api.multi
    @transition(["shipped"], "done")
    def action_confirm_receipt(self):
        """The customer confirmed receipt of the goods."""
        return self.write({"state": "done",
                           "received_date": fields.Date.context_today(self)})

    @api.multi
    @transition(["draft", "loaded"], "cancel")
    def action_cancel(self):
        return self.write({"state": "cancel"})

    @api.multi
    @transition(["loaded", "cancel"], "draft")
    def action_draft(self):
        cancelled = self.filtered(lambda s: s.state == "cancel")
        cancelled.mapped("container_ids").with_context(
            gendan_check_cancelled_seals=True)._check_seal_number()
        return self.write({"state": "draft"})

    @api.multi
    @button(groups=["gendan_base.group_finance"])
    def action_confirm_balance(self):
        """Finance confirms the balance is received: originals may be released."""
        for shipment in self:
            if float_compare(shipment.balance_due, 0.0,
                             precision_rounding=shipment.currency_id.rounding) > 0:
                raise UserError(_(
                    "%(shipment)s: %(amount).2f %(cur)s is still open on the "
                    "invoices; register the payment first.") % {
                        "shipment": shipment.name, "amount": shipment.balance_due,
                        "cur": shipment.currency_id.name})
        return self.write({
            "balance_confirmed": True, "balance_confirmed_by_id": self.env.uid,
            "balance_confirmed_date": fields.Date.context_today(self)})

    @api.multi
    @api.returns("self", lambda value: value.id)
    def message_post(self, **kwargs):
        """A B/L copy mailed from its document (composer context): once the
        customer received it with the copy attached, the copy is sent."""
        message = super(GendanShipment, self).message_post(**kwargs)
        doc_id = self.env.context.get("gendan_copy_document_id")
        if doc_id and len(self) == 1:
            doc = self.env["gendan.shipment.document"].browse(doc_id)
            customer = self.partner_id.commercial_partner_id
            if doc.shipment_id == self and message.attachment_ids and (
                    message.partner_ids.mapped("commercial_partner_id") & customer):
                doc._on_copy_mailed()
        return message

    @api.multi
    def action_send_photos(self):
        """Mail composer to the customer with the photos of the packed goods."""
        self.ensure_one()
        photos = self.env["ir.attachment"].search([
            ("res_model", "=", self._name), ("res_id", "=", self.id),
            ("mimetype", "like", "image/")])
        if not photos:
            raise UserError(_("Attach photos of the packed goods to the shipment "
                              "first."))
        return self._gendan_composer_action(
            attachments=photos, default_partner_ids=[(6, 0, self.partner_id.ids)],
            default_subject=_("Photos of your goods - %s") % self.name)

    # -- follow-up -------------------------------------------------------------------

    def _schedule_follow_ups(self):
        """Satisfaction call 7 days after ETA, reorder enquiry 14-28 days after."""
        activity = self.env["mail.activity"]
        satisfaction = self.env.ref("gendan_shipping.mail_activity_type_satisfaction")
        reorder = self.env.ref("gendan_shipping.mail_activity_type_reorder")
        for shipment in self:
            arrival = fields.Date.from_string(
                shipment.eta or shipment.shipped_date
                or fields.Date.context_today(self))
            for kind, act_type, days in (("satisfaction", satisfaction, 7),
                                         ("reorder", reorder, 14)):
                activity._todo_ensure(
                    shipment.picking_ids.mapped("sale_id"),
                    "shipment_%s_%s" % (kind, shipment.id),
                    lambda order, s=shipment: order.user_id or s.user_id,
                    # the order in its salesperson's language
                    lambda self, s=shipment, k=kind: s.with_env(
                        self.env)._follow_up_summary(k),
                    deadline=fields.Date.to_string(arrival + timedelta(days=days)),
                    activity_type=act_type)

    def _follow_up_summary(self, kind):
        """The to-do of the follow-up ``kind`` after shipping, in the
        language of ``self``."""
        return {"satisfaction": _("Satisfaction check %s"),
                "reorder": _("Reorder enquiry (2-4 weeks after arrival) %s"),
                }[kind] % self.name

    # -- documents -------------------------------------------------------------------

    def _incoterm_place(self):
        """Named place of the incoterm: loading port for E/F terms (EXW, FOB...),
        destination for C/D terms (CIF, DAP...)."""
        self.ensure_one()
        code = (self.incoterm_id.code or "").upper()
        if code[:1] in ("E", "F"):
            return self.port_loading or ""
        return self.port_discharge or ""

    def _packing_list_rows(self):
        """Packing list lines with running carton numbers across containers."""
        self.ensure_one()
        rows, last = [], 0
        lines = self.loaded_line_ids.sorted(
            lambda line: (line.container_id.sequence, line.container_id.id,
                          line.sequence, line.id))
        for line in lines:
            first = last + 1 if line.carton_count else 0
            last += line.carton_count
            rows.append({"line": line, "container": line.container_id,
                         "carton_from": first, "carton_to": line.carton_count and last})
        return rows

    def _customer_invoices(self):
        """Posted customer invoices of the shipment's orders."""
        self.ensure_one()
        return self.sudo().picking_ids.mapped(
            "sale_id.order_line.invoice_lines.invoice_id").filtered(
                lambda inv: inv.type == "out_invoice"
                and inv.state in ("open", "paid"))

    def _customer_invoice_dates(self):
        return ", ".join(sorted(set(
            self._customer_invoices().mapped("date_invoice"))))

    def _invoice_rows(self):
        """Commercial invoice lines: the goods lines of the posted customer
        invoices (number, quantities, prices from accounting); before the
        invoice is posted, the loaded quantity priced at the order price
        (without an order: at the customer's pricelist, in its currency)."""
        self.ensure_one()
        invoices = self._customer_invoices()
        if invoices:
            lines = invoices.mapped("invoice_line_ids").filtered(
                lambda line: line.product_id and line.product_id.type != "service")
            return [self._invoice_row(line.product_id, line.quantity,
                                      line.price_unit, line.name,
                                      line.price_subtotal)
                    for line in lines]
        moves = self.sudo().picking_ids.mapped("move_lines").filtered(
            lambda m: m.state != "cancel" and m.sale_line_id)
        prices = {m.product_id.id: m.sale_line_id for m in moves}
        loaded = sorted(self._loaded_by_product().items())
        listed = self._pricelist_prices(
            [(pid, qty) for pid, qty in loaded if pid not in prices])
        rows = []
        for product_id, qty in loaded:
            product = self.env["product.product"].browse(product_id)
            sale_line = prices.get(product_id)
            if sale_line:
                price = sale_line.price_unit
            else:
                price = listed.get(product_id, product.lst_price)
            rows.append(self._invoice_row(
                product, qty, price,
                sale_line.name if sale_line else product.display_name,
                self.currency_id.round(qty * price)))
        return rows

    def _pricelist_prices(self, quantities):
        """{product id: unit price} at the customer's pricelist, rounded in
        the shipment's currency, for the (product id, quantity) pairs of
        goods loaded without an order line; one price computation for all.
        Empty when the pricelist is in another currency."""
        pricelist = self._gendan_pricelist()
        if not quantities or pricelist.currency_id != self.currency_id:
            return {}
        products = self.env["product.product"].browse([pid for pid, _qty in quantities])
        prices = pricelist.get_products_price(
            products, [qty for _pid, qty in quantities],
            [self.partner_id] * len(quantities))
        return {pid: self.currency_id.round(price) for pid, price in prices.items()}

    def _invoice_row(self, product, qty, price, name, amount):
        """One row, with the product's HS code and country of origin (the
        company's country when the product names none)."""
        hs_code = product.get_hs_code_recursively()
        origin = product.origin_country_id or self.company_id.country_id
        return {"product": product, "quantity": qty, "price_unit": price,
                "name": name, "amount": amount,
                "hs_code": hs_code.local_code or "", "origin": origin.name or ""}
