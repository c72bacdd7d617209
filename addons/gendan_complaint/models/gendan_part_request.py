from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition

# what must be known before a request may reach a state
STATE_REQUIREMENTS = {
    "ordered": ["date_expected"],
    "received": ["date_received"],
    "shipped": ["date_shipped", "tracking_ref"],
}


class GendanPartRequest(models.Model):
    """After-sales replacement parts (补件) for a customer."""

    _name = "gendan.part.request"
    _description = "Replacement Parts Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin"]
    _order = "id desc"
    # the supply and delivery documents, made by the Order button only
    _state_button_fields = ("purchase_id", "production_id", "picking_id",
                            "supply_reference")

    name = fields.Char("Reference", required=True, copy=False, readonly=True,
                       default="/")
    partner_id = fields.Many2one("res.partner", "Customer", required=True,
                                 track_visibility="onchange")
    complaint_id = fields.Many2one("gendan.complaint", index=True)
    order_id = fields.Many2one("sale.order", "Sale Order")
    product_id = fields.Many2one("product.product", "Part", required=True)
    product_qty = fields.Float("Quantity", required=True, default=1.0)
    reason = fields.Text()
    source = fields.Selection(
        [("factory", "Factory Production"), ("supplier", "Supplier Purchase"),
         ("stock", "From Stock")], required=True, default="factory")
    supplier_id = fields.Many2one("res.partner")
    supply_reference = fields.Char(
        readonly=True, copy=False,
        help="Purchase order or manufacturing order placed for the parts.")
    purchase_id = fields.Many2one(
        "purchase.order", "Purchase Order", readonly=True, copy=False)
    production_id = fields.Many2one(
        "mrp.production", "Manufacturing Order", readonly=True, copy=False)
    picking_id = fields.Many2one(
        "stock.picking", "Delivery to Customer", readonly=True, copy=False)
    date_expected = fields.Date("Expected Date", track_visibility="onchange")
    date_received = fields.Date(track_visibility="onchange")
    date_shipped = fields.Date(track_visibility="onchange")
    tracking_ref = fields.Char("Shipment / Tracking Ref.")
    chase_count = fields.Integer("Times Chased", readonly=True)
    date_last_chase = fields.Date("Last Chased", readonly=True)
    user_id = fields.Many2one("res.users", "Merchandiser",
                              default=lambda self: self.env.user)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("draft", "Requested"), ("ordered", "Ordered"), ("received", "Received"),
         ("shipped", "Shipped to Customer"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")

    @api.constrains("product_qty")
    def _check_product_qty(self):
        if self.filtered(lambda request: request.product_qty <= 0):
            raise ValidationError(_("The quantity of replacement parts must be "
                                    "positive."))

    @api.onchange("complaint_id")
    def _onchange_complaint_id(self):
        if self.complaint_id:
            self.partner_id = self.complaint_id.partner_id
            self.order_id = self.complaint_id.order_id

    @api.multi
    def write(self, vals):
        if vals.get("state") in STATE_REQUIREMENTS:
            self._check_state_requirements(vals["state"], vals)
        return super().write(vals)

    def _check_state_requirements(self, state, vals):
        for request in self:
            missing = [name for name in STATE_REQUIREMENTS[state]
                       if not vals.get(name, request[name])]
            source = vals.get("source", request.source)
            if state == "ordered" and source == "supplier" and not vals.get(
                    "supplier_id", request.supplier_id):
                missing.append("supplier_id")
            if missing:
                raise UserError(_("%(name)s: fill in %(fields)s first.") % {
                    "name": request.name, "fields": ", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in missing)})

    @api.multi
    @transition(["draft"], "ordered")
    def action_order(self):
        """Order the parts for real: a confirmed purchase order (supplier) or
        manufacturing order (factory), and the delivery to the customer."""
        for request in self:
            request._check_state_requirements(
                "ordered", {})
            vals = request._order_supply()
            vals["picking_id"] = request._create_delivery().id
            vals.setdefault("supply_reference", self.env["stock.picking"].browse(
                vals["picking_id"]).sudo().name)
            vals["state"] = "ordered"
            request.write(vals)
        return True

    def _order_supply(self):
        """Create the supply document; its values for the request."""
        self.ensure_one()
        if self.source == "supplier":
            order = self._create_purchase()
            return {"purchase_id": order.id, "supply_reference": order.name}
        if self.source == "factory":
            production = self._create_production()
            return {"production_id": production.id,
                    "supply_reference": production.name}
        return {}

    def _create_purchase(self):
        product = self.product_id
        seller = product._select_seller(
            partner_id=self.supplier_id, quantity=self.product_qty,
            uom_id=product.uom_po_id)
        order = self.env["purchase.order"].sudo().create({
            "partner_id": self.supplier_id.id, "origin": self.name,
            "company_id": self.company_id.id,
            "order_line": [(0, 0, {
                "product_id": product.id, "name": product.display_name,
                "product_qty": self.product_qty, "product_uom": product.uom_id.id,
                "price_unit": seller.price if seller else product.standard_price,
                "date_planned": self.date_expected})]})
        order.button_confirm()
        return order

    def _create_production(self):
        product = self.product_id
        bom = self.env["mrp.bom"].sudo()._bom_find(
            product=product, company_id=self.company_id.id)
        if not bom:
            raise UserError(_(
                "%(name)s: %(part)s has no bill of materials, the factory cannot "
                "make it; order it from a supplier or send it from stock.") % {
                    "name": self.name, "part": product.display_name})
        production = self.env["mrp.production"].sudo().create({
            "product_id": product.id, "product_qty": self.product_qty,
            "product_uom_id": product.uom_id.id, "bom_id": bom.id,
            "origin": self.name, "company_id": self.company_id.id,
            "date_planned_start": self.date_expected})
        return production

    def _create_delivery(self):
        """The delivery of the parts to the customer (free of charge)."""
        warehouse = self.env["stock.warehouse"].sudo().search(
            [("company_id", "=", self.company_id.id)], limit=1)
        picking_type = warehouse.out_type_id
        source = picking_type.default_location_src_id
        destination = self.partner_id.property_stock_customer
        picking = self.env["stock.picking"].sudo().create({
            "partner_id": self.partner_id.id, "picking_type_id": picking_type.id,
            "location_id": source.id, "location_dest_id": destination.id,
            "origin": self.name,
            "move_lines": [(0, 0, {
                "name": self.name, "product_id": self.product_id.id,
                "product_uom": self.product_id.uom_id.id,
                "product_uom_qty": self.product_qty, "price_unit": 0.0,
                "location_id": source.id, "location_dest_id": destination.id})]})
        picking.action_confirm()
        return picking

    def _supply_done(self):
        """The parts are in: receipt of the purchase done, MO done, or (from
        stock) reserved or shipped."""
        self.ensure_one()
        request = self.sudo()
        if request.purchase_id:
            receipts = request.purchase_id.picking_ids.filtered(
                lambda p: p.state != "cancel")
            return bool(receipts) and all(p.state == "done" for p in receipts)
        if request.production_id:
            return request.production_id.state == "done"
        return request.picking_id.state in ("assigned", "done")

    def _supply_label(self):
        request = self.sudo()
        return (request.purchase_id or request.production_id
                or request.picking_id).display_name or "-"

    @api.model
    def _follow_documents(self, requests):
        """Move ``requests`` as far as their documents went (receipt or MO
        done, delivery done); customer service hears of the shipment."""
        for request in requests.sudo():
            if request.state == "ordered" and request._supply_done():
                request.action_receive()
            if request.state == "received" and request.picking_id.state == "done":
                request.action_ship()
                request.message_post(
                    body=_("Parts shipped to %(customer)s: %(picking)s.") % {
                        "customer": request.partner_id.display_name,
                        "picking": request.picking_id.name},
                    partner_ids=request.user_id.partner_id.ids,
                    subtype="mail.mt_comment")

    @api.multi
    def action_chase(self):
        """Record a reminder to the supplier / factory and plan the next one."""
        wrong = self.filtered(lambda r: r.state != "ordered")
        if wrong:
            raise UserError(_("%s: wrong status for this step.")
                            % ", ".join(wrong.mapped("name")))
        today = fields.Date.context_today(self)
        for request in self:
            request.write({"chase_count": request.chase_count + 1,
                           "date_last_chase": today})
            request.message_post(body=_("Chased %(who)s (expected %(date)s).") % {
                "who": request.supplier_id.name or _("the factory"),
                "date": request.date_expected or "-"})
            request._schedule_chase_activity()
        return True

    def _schedule_chase_activity(self):
        """One to-do to chase again, due when the parts are expected."""
        self.ensure_one()
        activity = self.env["mail.activity"]
        activity._todo_cancel(self, "parts_chase")
        activity._todo_ensure(
            self, "parts_chase", self.user_id or self.env.user,
            lambda self: _("Chase the replacement parts again"),
            deadline=self.date_expected or fields.Date.context_today(self))

    @api.multi
    @transition(["ordered"], "received")
    def action_receive(self):
        today = fields.Date.context_today(self)
        for request in self:
            if not request._supply_done():
                raise UserError(_("%(name)s: the parts are not in yet (%(doc)s).")
                                % {"name": request.name,
                                   "doc": request._supply_label()})
            request.write({"state": "received",
                           "date_received": request.date_received or today})
        return True

    @api.multi
    @transition(["received"], "shipped")
    def action_ship(self):
        for request in self:
            picking = request.sudo().picking_id
            if picking.state != "done":
                raise UserError(_("%(name)s: validate the delivery %(picking)s "
                                  "first.") % {"name": request.name,
                                               "picking": picking.name})
            request.write({"state": "shipped",
                           "date_shipped": request.date_shipped
                           or picking.date_done[:10],
                           "tracking_ref": request.tracking_ref
                           or picking.name})
        return True

    @api.multi
    @transition(["draft", "ordered", "received"], "cancel")
    def action_cancel(self):
        if self.filtered(lambda r: r.state == "shipped"):
            raise UserError(_("Shipped parts cannot be cancelled."))
        requests = self.sudo()
        requests.mapped("picking_id").filtered(
            lambda p: p.state not in ("done", "cancel")).action_cancel()
        requests.mapped("purchase_id").filtered(
            lambda o: o.state not in ("done", "cancel")).button_cancel()
        requests.mapped("production_id").filtered(
            lambda mo: mo.state not in ("done", "cancel")).action_cancel()
        return self.write({"state": "cancel"})
