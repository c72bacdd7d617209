from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import button, button_running, transition

ITEM_TYPES = [
    ("color_box", "Colour Box"),
    ("manual", "Manual"),
    ("shipping_mark", "Shipping Mark"),
    ("outer_carton", "Outer Carton"),
    ("silk_screen", "Silk-screen"),
    ("barcode", "Barcode"),
    ("software", "Software"),
    ("other", "Other"),
]


class GendanRequirementItem(models.Model):
    """One piece of the customer requirement pack (colour box, manual, ...)."""

    _name = "gendan.requirement.item"
    _description = "Customer Requirement Item"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.sla.mixin"]
    _order = "order_id, item_type, version desc"

    _sla_start_field = "order_date"
    _sla_working_days = 7
    _sla_done_states = ["approved"]
    _sla_responsible_field = "merchandiser_id"
    # the versions are made by the New Version button
    _state_button_fields = ("received_date", "approved_date", "is_current",
                            "version", "previous_id", "next_id")

    name = fields.Char("Description", required=True, track_visibility="onchange")
    order_id = fields.Many2one(
        "sale.order", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one(
        related="order_id.partner_id", store=True, readonly=True)
    merchandiser_id = fields.Many2one(
        related="order_id.merchandiser_id", store=True, readonly=True)
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, readonly=True)
    order_date = fields.Datetime(
        related="order_id.date_order", store=True, readonly=True)
    item_type = fields.Selection(ITEM_TYPES, "Type", required=True)
    state = fields.Selection(
        [("waiting", "Waiting for Data"), ("received", "Received"),
         ("approved", "Customer Approved")],
        default="waiting", required=True, readonly=True, index=True,
        track_visibility="onchange")
    version = fields.Integer(default=1, readonly=True)
    is_current = fields.Boolean("Current Version", default=True, readonly=True,
                                index=True)
    previous_id = fields.Many2one(
        "gendan.requirement.item", "Previous Version", readonly=True)
    next_id = fields.Many2one(
        "gendan.requirement.item", "Superseded By", readonly=True)
    attachment_ids = fields.Many2many(
        "ir.attachment", "gendan_requirement_item_attachment_rel", "item_id",
        "attachment_id", "Files")
    received_date = fields.Date("Received On", readonly=True)
    approved_date = fields.Date("Approved On", readonly=True)
    archive_path = fields.Char(
        compute="_compute_archive_path", store=True,
        help="Folder of the archive: year/month/order number/type.")
    note = fields.Text()

    @api.depends("order_id.name", "order_date", "item_type", "version")
    def _compute_archive_path(self):
        for item in self:
            date = item.order_date or fields.Datetime.now()
            item.archive_path = "%s/%s/%s/%s-v%s" % (
                date[:4], date[5:7], item.order_id.name or "",
                item.item_type or "", item.version)

    @api.constrains("state", "attachment_ids")
    def _check_attachment(self):
        self.filtered(lambda i: i.state != "waiting" and not i.attachment_ids
                      )._raise_no_attachment()

    def _raise_no_attachment(self):
        if self:
            raise ValidationError(_(
                "%s cannot be received or approved without its file(s): "
                "attach the customer's data first.") % self[0].name)

    @api.multi
    def write(self, vals):
        linking = button_running(self) and set(vals) <= set(self._state_button_fields)
        if not linking and self.filtered(lambda i: not i.is_current):
            raise UserError(_("A superseded version is kept as history and "
                              "cannot be changed."))
        return super(GendanRequirementItem, self).write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda i: i.state != "waiting" or i.version > 1):
            raise UserError(_("Received data and its history cannot be deleted."))
        return super(GendanRequirementItem, self).unlink()

    @api.multi
    @transition(["waiting"], "received")
    def action_receive(self):
        self.filtered(lambda i: not i.attachment_ids)._raise_no_attachment()
        self.write({"state": "received",
                    "received_date": fields.Date.context_today(self)})
        for item in self:
            item.message_post(body=_(
                "Customer data received, archived under %s. Purchasing, QA, "
                "production and engineering can see it in Customer Data.")
                % item.archive_path)
        return True

    @api.multi
    @transition(["received"], "approved")
    def action_approve(self):
        self.write({"state": "approved",
                    "approved_date": fields.Date.context_today(self)})
        return True

    @api.multi
    @button()
    def action_new_version(self):
        """Supersede this version by a new one waiting for data."""
        self.ensure_one()
        if not self.is_current:
            raise UserError(_("Only the current version can be superseded."))
        new = self.copy({"state": "waiting", "attachment_ids": []})
        new._follow_version(self)
        self.write({"is_current": False, "next_id": new.id})
        self.message_post(body=_("Superseded by version %s.") % new.version)
        return {
            "type": "ir.actions.act_window", "res_model": self._name,
            "res_id": new.id, "view_mode": "form", "target": "current"}

    @button()
    def _follow_version(self, previous):
        self.write({"version": previous.version + 1, "previous_id": previous.id,
                    "is_current": True})

    @api.multi
    def copy(self, default=None):
        if not button_running(self):
            raise UserError(_("Use New Version to supersede a requirement item."))
        return super(GendanRequirementItem, self).copy(default)
