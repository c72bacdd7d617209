from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition

SALES = ["gendan_base.group_salesperson", "gendan_base.group_merchandiser"]


class GendanGoodsPhoto(models.Model):
    """Photos of the finished goods for the customer's confirmation before
    they leave (生产将要做好的产品贴好标签点亮通知业务拍照；把货物拍照给客户确认):
    production asks, the salesperson attaches the photos and mails them,
    the customer's answer is recorded."""

    _name = "gendan.goods.photo"
    _description = "Goods Photos for Customer Confirmation"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin"]
    _order = "id desc"
    _state_button_fields = ("date_sent", "date_answered")

    name = fields.Char("Number", default="/", readonly=True, copy=False)
    sale_order_id = fields.Many2one(
        "sale.order", required=True, index=True,
        ondelete="cascade", domain=[("state", "in", ("sale", "done"))],
        readonly=True, states={"requested": [("readonly", False)]})
    picking_id = fields.Many2one(
        "stock.picking", "Delivery", index=True, ondelete="set null",
        domain="[('sale_id', '=', sale_order_id), "
               "('picking_type_code', '=', 'outgoing')]")
    partner_id = fields.Many2one(related="sale_order_id.partner_id", store=True,
                                 readonly=True, string="Customer")
    user_id = fields.Many2one(related="sale_order_id.user_id", store=True,
                              readonly=True, string="Salesperson")
    company_id = fields.Many2one(related="sale_order_id.company_id", store=True,
                                 readonly=True)
    request_note = fields.Text(
        "Request", default=lambda self: _(
            "The goods are labelled and lit: please take the photos."))
    attachment_ids = fields.Many2many(
        "ir.attachment", "gendan_goods_photo_attachment_rel", "photo_id",
        "attachment_id", "Photos")
    state = fields.Selection(
        [("requested", "Requested"), ("ready", "Photos Attached"),
         ("sent", "Sent to Customer"), ("confirmed", "Confirmed by Customer"),
         ("rejected", "Rejected by Customer")],
        default="requested", required=True, readonly=True, copy=False,
        track_visibility="onchange")
    customer_reply = fields.Text("Customer's Answer")
    date_sent = fields.Date("Sent On", readonly=True, copy=False)
    date_answered = fields.Date("Answered On", readonly=True, copy=False)

    @api.constrains("picking_id", "sale_order_id")
    def _check_picking(self):
        for photo in self.filtered("picking_id"):
            if photo.picking_id.sale_id != photo.sale_order_id:
                raise ValidationError(_("%(picking)s is not a delivery of %(order)s.")
                                      % {"picking": photo.picking_id.name,
                                         "order": photo.sale_order_id.name})

    @api.model
    def create(self, vals):
        photo = super(GendanGoodsPhoto, self).create(vals)
        photo._notify_salesperson()
        return photo

    def _notify_salesperson(self):
        self.env["mail.activity"]._todo_ensure(
            self, "goods_photo", lambda p: p.user_id or p.sale_order_id.merchandiser_id,
            lambda self: _("%(order)s: goods labelled and lit, take the photos "
                           "for the customer") % {"order": self.sale_order_id.name})

    def _photos(self):
        self.ensure_one()
        return self.attachment_ids.filtered(
            lambda a: (a.mimetype or "").startswith("image/"))

    @api.multi
    @transition(["requested", "rejected"], "ready", groups=SALES)
    def action_photos_ready(self):
        for photo in self:
            if not photo._photos():
                raise UserError(_("%s: attach the photos of the goods first.")
                                % photo.name)
        self.write({"state": "ready"})
        self.env["mail.activity"]._todo_done(self, "goods_photo")
        return True

    @api.multi
    def action_send(self):
        """Mail composer to the customer with the photos, in the customer's
        language; the record is sent once the mail went out."""
        self.ensure_one()
        if self.state not in ("ready", "sent"):
            raise UserError(_("Attach the photos and mark them ready first."))
        template = self.env.ref("gendan_dispatch.mail_template_goods_photo")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": self._name, "default_res_id": self.id,
                "default_use_template": True,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_partner_ids": [(6, 0, self.partner_id.ids)],
                "default_attachment_ids": [(6, 0, self._photos().ids)],
            },
        }

    @api.multi
    @api.returns("self", lambda value: value.id)
    def message_post(self, **kwargs):
        """Photos mailed to the customer (with images attached): sent."""
        message = super(GendanGoodsPhoto, self).message_post(**kwargs)
        if len(self) == 1 and self.state == "ready" and message.attachment_ids \
                and message.partner_ids.mapped("commercial_partner_id") \
                & self.partner_id.commercial_partner_id \
                and any(self.env.user.has_group(group) for group in SALES):
            self._on_photos_mailed()
        return message

    @transition(["ready"], "sent", groups=SALES)
    def _on_photos_mailed(self):
        return self.write({"state": "sent",
                           "date_sent": fields.Date.context_today(self)})

    def _record_answer(self, state):
        if state == "rejected" and self.filtered(
                lambda p: not (p.customer_reply or "").strip()):
            raise UserError(_("Write down what the customer wants changed."))
        return self.write({"state": state,
                           "date_answered": fields.Date.context_today(self)})

    @api.multi
    @transition(["sent"], "confirmed", groups=SALES)
    def action_customer_confirm(self):
        return self._record_answer("confirmed")

    @api.multi
    @transition(["sent"], "rejected", groups=SALES)
    def action_customer_reject(self):
        self._record_answer("rejected")
        self._notify_salesperson()
        return True
