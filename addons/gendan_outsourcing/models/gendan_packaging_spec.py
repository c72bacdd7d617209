from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition

MERCHANDISER = ["gendan_base.group_merchandiser", "gendan_base.group_manager"]
RELEASERS = MERCHANDISER + ["gendan_base.group_purchasing"]
PURCHASING = ["gendan_base.group_purchasing", "gendan_base.group_manager"]
# what may change on a released specification (the rest: revise it first)
FREE_FIELDS = {"message_follower_ids", "activity_ids", "message_ids",
               "message_last_post", "distribution_revision", "purchase_id",
               "contact_id", "ack_attachment_ids", "note"}
# the requirement pack's items a packaging subcontractor prints
REQUIREMENT_TYPES = {"shipping_mark": "shipping_mark", "color_box": "color_box",
                     "manual": "manual", "outer_carton": "outer_carton",
                     "silk_screen": "silk_screen", "barcode": "label"}


class GendanPackagingSpec(models.Model):
    """Packaging specification (包装规格书) of an order for the packaging
    subcontractor: marks, labels, colour box, manual, carton, silk-screen.

    A controlled document: released as numbered copies to purchasing (the
    subcontractor's copy), the packing warehouse and QA; a change is a new
    revision that recalls the old copies. Purchasing records the
    subcontractor's acknowledgement (its contact, the signed-back copy).
    """

    _name = "gendan.packaging.spec"
    _description = "Packaging Specification"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin",
                "gendan.distribution.mixin"]
    _order = "id desc"

    _distribution_list_xmlid = \
        "gendan_outsourcing.distribution_list_packaging_spec"
    _distribution_live_states = ("released", "acknowledged")
    _mail_post_access = "read"
    _state_button_fields = ("date_released", "date_acknowledged",
                            "ack_user_id")

    name = fields.Char("Number", default="/", readonly=True, copy=False,
                       required=True, index=True)
    state = fields.Selection(
        [("draft", "Draft"), ("released", "Released"),
         ("acknowledged", "Acknowledged by Subcontractor"),
         ("cancel", "Cancelled")], "Status",
        default="draft", required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange")
    sale_order_id = fields.Many2one(
        "sale.order", "Customer Order", required=True, index=True,
        ondelete="restrict", domain=[("state", "in", ("sale", "done"))])
    customer_id = fields.Many2one(related="sale_order_id.partner_id", store=True,
                                  readonly=True, string="Customer")
    customer_po = fields.Char(related="sale_order_id.customer_po", readonly=True)
    merchandiser_id = fields.Many2one(
        related="sale_order_id.merchandiser_id", store=True, readonly=True)
    company_id = fields.Many2one(related="sale_order_id.company_id", store=True,
                                 readonly=True)
    purchase_id = fields.Many2one(
        "purchase.order", "Packaging Purchase Order", index=True,
        ondelete="restrict", track_visibility="onchange",
        domain="[('state', 'in', ('draft', 'sent', 'to approve', 'purchase'))]")
    partner_id = fields.Many2one(
        related="purchase_id.partner_id", store=True, readonly=True,
        string="Packaging Subcontractor")
    contact_id = fields.Many2one(
        "res.partner", "Subcontractor Contact", track_visibility="onchange",
        domain="[('parent_id', '=', partner_id)]")
    date_required = fields.Date("Packaging Needed By", required=True,
                                track_visibility="onchange")
    line_ids = fields.One2many("gendan.packaging.spec.line", "spec_id",
                               "Items", copy=True)
    date_released = fields.Datetime("Released On", readonly=True, copy=False)
    date_acknowledged = fields.Datetime("Acknowledged On", readonly=True,
                                        copy=False)
    ack_user_id = fields.Many2one("res.users", "Acknowledgement Recorded By",
                                  readonly=True, copy=False)
    ack_attachment_ids = fields.Many2many(
        "ir.attachment", string="Signed-back Copy", copy=False)
    note = fields.Text()

    @api.constrains("purchase_id", "sale_order_id")
    def _check_company(self):
        for spec in self:
            if spec.purchase_id and \
                    spec.purchase_id.company_id != spec.sale_order_id.company_id:
                raise ValidationError(_(
                    "%s: the packaging purchase order belongs to another "
                    "company.") % spec.name)

    @api.model
    def create(self, vals):
        spec = super(GendanPackagingSpec, self).create(vals)
        spec._link_purchase_order()
        return spec

    @api.multi
    def write(self, vals):
        self._check_editable(set(vals))
        res = super(GendanPackagingSpec, self).write(vals)
        if "purchase_id" in vals:
            self._link_purchase_order()
        return res

    def _link_purchase_order(self):
        """The packaging purchase order names the customer order it serves."""
        for spec in self.filtered("purchase_id"):
            purchase = spec.purchase_id.sudo()
            if not purchase.gendan_sale_order_id:
                purchase.write({"gendan_sale_order_id": spec.sale_order_id.id})

    def _check_editable(self, names):
        """A released specification changes only through a new revision."""
        if not (names - FREE_FIELDS - {"state"} - set(self._state_button_fields)):
            return
        fixed = self.filtered(lambda spec: spec.state != "draft")
        if fixed:
            raise UserError(_(
                "%s is released: press Revise to change it (the subcontractor "
                "gets a new revision).") % ", ".join(fixed.mapped("name")))

    @api.multi
    def unlink(self):
        if self.filtered(lambda spec: spec.state != "draft"
                         or spec.distribution_revision):
            raise UserError(_("Only draft packaging specifications never "
                              "released can be deleted."))
        return super(GendanPackagingSpec, self).unlink()

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id(self):
        order = self.sale_order_id
        if order and not self.line_ids:
            self.date_required = order.promised_date or self.date_required
            self.line_ids = [(0, 0, vals) for vals in self._prepare_lines(order)]

    @api.model
    def _prepare_lines(self, order):
        """The packing items of the order's customer requirement pack."""
        rows = []
        for item in order.sudo().requirement_item_ids.filtered(
                lambda i: i.is_current and i.item_type in REQUIREMENT_TYPES):
            rows.append({"item_type": REQUIREMENT_TYPES[item.item_type],
                         "name": item.name, "requirement_item_id": item.id})
        return rows

    # -- buttons ----------------------------------------------------------------------

    @api.multi
    @transition(["draft"], "released", groups=RELEASERS)
    def action_release(self):
        """Release to the subcontractor: numbered copies, a new revision
        recalling the old ones after a revise."""
        for spec in self:
            if not spec.line_ids:
                raise UserError(_("%s has no items to release.") % spec.name)
            if not spec.purchase_id:
                raise UserError(_("%s: link the purchase order of the packaging "
                                  "first (purchasing).") % spec.name)
        self.write({"state": "released", "date_released": fields.Datetime.now()})
        fresh = self.filtered(lambda spec: not spec.distribution_revision)
        if fresh:
            fresh.action_distribute()
        revised = self - fresh
        if revised:
            revised._distribution_new_revision(_("packaging specification revised"))
        purchasers = self.env.ref("gendan_base.group_purchasing").sudo().users
        self.env["mail.activity"]._todo_ensure(
            self, "packaging_ack", purchasers,
            lambda self: _("Send %(spec)s to %(partner)s and record its "
                           "acknowledgement") % {
                               "spec": self.name, "partner": self.partner_id.name})
        return True

    @api.multi
    @transition(["released"], "acknowledged", groups=PURCHASING)
    def action_subcontractor_acknowledge(self):
        """The subcontractor's contact acknowledged this revision."""
        for spec in self:
            if not spec.contact_id:
                raise UserError(_("%s: name the subcontractor's contact who "
                                  "acknowledged it.") % spec.name)
        self.write({"state": "acknowledged", "ack_user_id": self.env.uid,
                    "date_acknowledged": fields.Datetime.now()})
        mine = self.filtered(lambda spec: spec.distribution_can_acknowledge)
        if mine:
            mine.action_distribution_acknowledge()
        for spec in self:
            spec.message_post(body=_("Acknowledged by %(contact)s of %(partner)s "
                                     "(revision %(rev)s).") % {
                                         "contact": spec.contact_id.name,
                                         "partner": spec.partner_id.name,
                                         "rev": spec.distribution_revision})
        self.env["mail.activity"]._todo_done(self, "packaging_ack")
        return True

    @api.multi
    @transition(["released", "acknowledged"], "draft", groups=MERCHANDISER)
    def action_revise(self):
        """Back to draft to change it; released again as a new revision."""
        self.env["mail.activity"]._todo_cancel(self, "packaging_ack")
        return self.write({"state": "draft"})

    @api.multi
    @transition(["draft", "released", "acknowledged"], "cancel",
                groups=MERCHANDISER)
    def action_cancel(self):
        self._distribution_recall()
        self.env["mail.activity"]._todo_cancel(self, "packaging_ack")
        return self.write({"state": "cancel"})

    @api.multi
    @transition(["cancel"], "draft", groups=MERCHANDISER)
    def action_draft(self):
        return self.write({"state": "draft"})
