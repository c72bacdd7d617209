from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition

# what must be known before a request may reach a state
STATE_REQUIREMENTS = {
    "ordered": ["supply_reference", "date_expected"],
    "received": ["date_received"],
    "shipped": ["date_shipped", "tracking_ref"],
}


class GendanPartRequest(models.Model):
    """After-sales replacement parts (补件) for a customer."""

    _name = "gendan.part.request"
    _description = "Replacement Parts Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine"]
    _order = "id desc"

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
        help="Purchase order or production order placed for the parts.")
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

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code(
                "gendan.part.request") or "/"
        return super().create(vals)

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

    @api.model
    def _demo_order(self, ids):
        """Demo data only: order the requests still requested (idempotent)."""
        self.browse(ids).filtered(lambda r: r.state == "draft").action_order()
        return True

    @api.multi
    @transition(["draft"], "ordered")
    def action_order(self):
        return self.write({"state": "ordered"})

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
        self.ensure_one()
        self.env["mail.activity"].create({
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            "user_id": self.user_id.id or self.env.uid,
            "summary": _("Chase the replacement parts again"),
            "date_deadline": self.date_expected or fields.Date.context_today(self),
        })

    @api.multi
    @transition(["ordered"], "received")
    def action_receive(self):
        today = fields.Date.context_today(self)
        for request in self:
            request.write({"state": "received",
                           "date_received": request.date_received or today})
        return True

    @api.multi
    @transition(["received"], "shipped")
    def action_ship(self):
        today = fields.Date.context_today(self)
        for request in self:
            request.write({"state": "shipped",
                           "date_shipped": request.date_shipped or today})
        return True

    @api.multi
    @transition(["draft", "ordered", "received"], "cancel")
    def action_cancel(self):
        return self.write({"state": "cancel"})
