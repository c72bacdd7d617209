from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import transition

TRANSPORT_MODES = [
    ("sea", "Sea"), ("air", "Air"), ("rail", "Rail"), ("road", "Road"),
    ("express", "Express"),
]


class GendanShippingNotice(models.Model):
    """Shipping notice (出货通知) from sales to the warehouse and production."""

    _name = "gendan.shipping.notice"
    _description = "Shipping Notice"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin",
                "gendan.distribution.mixin"]
    _order = "shipping_date desc, id desc"
    _mail_post_access = "read"

    _distribution_list_xmlid = "gendan_shipping.distribution_list_shipping_notice"
    _distribution_live_states = ("sent",)

    name = fields.Char("Number", readonly=True, copy=False, default="/")
    sale_order_id = fields.Many2one(
        "sale.order", "Sales Order", required=True, index=True,
        track_visibility="onchange")
    partner_id = fields.Many2one(
        related="sale_order_id.partner_id", store=True, readonly=True)
    customer_po = fields.Char(related="sale_order_id.customer_po", readonly=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)
    user_id = fields.Many2one(
        "res.users", "Issued By", default=lambda self: self.env.user,
        track_visibility="onchange")
    marks_text = fields.Text(
        "Shipping Marks", help="Main and side marks (唛头) printed on the cartons.")
    marks_image = fields.Binary("Marks Artwork", attachment=True)
    line_ids = fields.One2many(
        "gendan.shipping.notice.line", "notice_id", "Products", copy=True)
    shipping_date = fields.Date(required=True, track_visibility="onchange")
    destination_port = fields.Char(track_visibility="onchange")
    country_id = fields.Many2one(
        "res.country", "Destination Country", track_visibility="onchange")
    transport_mode = fields.Selection(
        TRANSPORT_MODES, default="sea", required=True, track_visibility="onchange")
    carrier_id = fields.Many2one(
        "res.partner", "Designated Carrier", track_visibility="onchange",
        help="Forwarder or carrier nominated by the customer.")
    note = fields.Text()
    total_quantity = fields.Float(compute="_compute_totals")
    total_cartons = fields.Integer(compute="_compute_totals")
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")

    @api.depends("line_ids.quantity", "line_ids.carton_count")
    def _compute_totals(self):
        for notice in self:
            notice.total_quantity = sum(notice.line_ids.mapped("quantity"))
            notice.total_cartons = sum(notice.line_ids.mapped("carton_count"))

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id(self):
        order = self.sale_order_id
        if order:
            self.country_id = order.partner_shipping_id.country_id
            self.carrier_id = self.carrier_id or \
                order.partner_id.commercial_partner_id.gendan_carrier_id
            self.line_ids = [(5, 0, 0)] + [
                (0, 0, vals) for vals in self._prepare_line_vals(order)]

    @api.model
    def _prepare_line_vals(self, order):
        return [{
            "product_id": line.product_id.id,
            "name": line.name,
            "quantity": line.product_uom_qty,
            "product_uom_id": line.product_uom.id,
        } for line in order.order_line
            if line.product_id.type in ("product", "consu")]

    @api.model
    def create(self, vals):
        if not vals.get("carrier_id") and vals.get("sale_order_id"):
            customer = self.env["sale.order"].browse(
                vals["sale_order_id"]).partner_id.commercial_partner_id
            vals["carrier_id"] = customer.gendan_carrier_id.id
        notice = super(GendanShippingNotice, self).create(vals)
        if not notice.line_ids and notice.sale_order_id:
            notice.write({"line_ids": [
                (0, 0, line) for line in self._prepare_line_vals(
                    notice.sale_order_id)]})
        return notice

    @api.multi
    def write(self, vals):
        locked = self.filtered(lambda n: n.state == "cancel")
        if locked and set(vals) - {"message_follower_ids", "activity_ids", "state"}:
            raise UserError(_("A cancelled shipping notice cannot be changed."))
        return super(GendanShippingNotice, self).write(vals)

    @api.multi
    @transition(["draft", "sent"], "sent")
    def action_send(self):
        """Send the notice to the warehouse and production (numbered copies)."""
        if self.filtered(lambda n: not n.line_ids):
            raise UserError(_("Add the products to ship before sending the notice."))
        self.action_distribute()
        return self.write({"state": "sent"})

    @api.multi
    @transition(["draft", "sent"], "cancel")
    def action_cancel(self):
        return self.write({"state": "cancel"})

    @api.multi
    @transition(["cancel"], "draft")
    def action_draft(self):
        return self.write({"state": "draft"})
