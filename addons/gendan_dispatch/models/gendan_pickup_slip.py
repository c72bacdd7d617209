import base64

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition

MERCHANDISER = ["gendan_base.group_merchandiser"]
# requirement items checked on the goods, by the checklist line they feed
ITEM_CHECK_TYPES = {"shipping_mark": "marks", "color_box": "colour_label",
                    "barcode": "colour_label", "silk_screen": "colour_label"}


class GendanPickupSlip(models.Model):
    """Pick-up slip (提货单): the merchandiser checks the goods against the
    task order and the customer requirement pack (marks, materials, colour
    labels; cards, catalogues and gifts packed) and issues the slip; the
    delivery of a controlled order leaves only on it."""

    _name = "gendan.pickup.slip"
    _description = "Pick-up Slip"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin"]
    _order = "id desc"
    _state_button_fields = ("date_issued", "issued_by_id")

    name = fields.Char("Number", default="/", readonly=True, copy=False)
    picking_id = fields.Many2one(
        "stock.picking", "Delivery", required=True, index=True,
        ondelete="cascade", readonly=True, states={"draft": [("readonly", False)]},
        domain=[("picking_type_code", "=", "outgoing"), ("sale_id", "!=", False),
                ("state", "not in", ("done", "cancel"))])
    sale_order_id = fields.Many2one(
        related="picking_id.sale_id", store=True, readonly=True,
        string="Sale Order")
    partner_id = fields.Many2one(related="sale_order_id.partner_id", store=True,
                                 readonly=True, string="Customer")
    customer_po = fields.Char(related="sale_order_id.customer_po", readonly=True)
    company_id = fields.Many2one(related="picking_id.company_id", store=True,
                                 readonly=True)
    merchandiser_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user,
        readonly=True, states={"draft": [("readonly", False)]})
    task_order_id = fields.Many2one(
        "gendan.task.order", compute="_compute_task_order_id")
    photo_id = fields.Many2one(
        "gendan.goods.photo", "Photos Confirmed", compute="_compute_photo_id")
    move_ids = fields.One2many(related="picking_id.move_lines", readonly=True,
                               string="Goods")
    check_ids = fields.One2many("gendan.pickup.slip.check", "slip_id",
                                "Conformity Checks", copy=True)
    check_progress = fields.Char("Checked", compute="_compute_check_progress")
    state = fields.Selection(
        [("draft", "Checking"), ("issued", "Issued"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")
    date_issued = fields.Datetime("Issued On", readonly=True, copy=False)
    issued_by_id = fields.Many2one("res.users", readonly=True,
                                   copy=False)
    note = fields.Text("Remarks")

    @api.depends("sale_order_id")
    def _compute_task_order_id(self):
        for slip in self:
            slip.task_order_id = self.env["gendan.task.order"].sudo().search(
                [("sale_order_id", "=", slip.sale_order_id.id),
                 ("state", "!=", "cancel")], limit=1)

    @api.depends("sale_order_id")
    def _compute_photo_id(self):
        for slip in self:
            slip.photo_id = self.env["gendan.goods.photo"].sudo().search(
                [("sale_order_id", "=", slip.sale_order_id.id),
                 ("state", "=", "confirmed")], limit=1)

    @api.depends("check_ids.is_ok")
    def _compute_check_progress(self):
        for slip in self:
            slip.check_progress = "%d/%d" % (
                len(slip.check_ids.filtered("is_ok")), len(slip.check_ids))

    @api.constrains("picking_id", "state")
    def _check_picking(self):
        for slip in self:
            picking = slip.picking_id
            if picking.picking_type_code != "outgoing" or not picking.sale_id:
                raise ValidationError(_(
                    "A pick-up slip is for a delivery of a sale order."))
            if slip.state != "cancel" and self.search_count([
                    ("picking_id", "=", picking.id), ("state", "!=", "cancel"),
                    ("id", "!=", slip.id)]):
                raise ValidationError(_("%s already has a pick-up slip.")
                                      % picking.name)

    @api.model
    def create(self, vals):
        slip = super(GendanPickupSlip, self).create(vals)
        if slip.picking_id.state in ("done", "cancel"):
            raise UserError(_("%s is closed: it needs no pick-up slip.")
                            % slip.picking_id.name)
        if not slip.check_ids:
            slip._generate_checks()
        return slip

    def _generate_checks(self):
        """The checklist from the task order and the requirement pack."""
        self.ensure_one()
        lines = []
        task = self.task_order_id
        for line in task.sudo().line_ids:
            lines.append({
                "check_type": "materials",
                "name": _("Materials and finish of %s") % line.product_id.display_name,
                "reference": " ".join(filter(None, [
                    task.name, line.bom_id.display_name,
                    line.process_requirement]))})
        items = self.env["gendan.requirement.item"].sudo().search([
            ("order_id", "=", self.sale_order_id.id), ("is_current", "=", True)])
        for item in items:
            lines.append({
                "check_type": ITEM_CHECK_TYPES.get(item.item_type, "requirement"),
                "name": item.name, "requirement_item_id": item.id,
                "reference": _("requirement pack, version %d") % item.version})
        types = {line["check_type"] for line in lines}
        if "marks" not in types:
            lines.append({"check_type": "marks",
                          "name": _("Shipping marks (唛头) on the cartons"),
                          "reference": task.name or self.sale_order_id.name})
        if "colour_label" not in types:
            lines.append({"check_type": "colour_label",
                          "name": _("Colour labels and barcodes"),
                          "reference": task.name or self.sale_order_id.name})
        lines.append({"check_type": "enclosures",
                      "name": _("Business cards, catalogues and gifts packed "
                                "in the goods")})
        self.write({"check_ids": [(0, 0, vals) for vals in lines]})

    def _report_lang(self):
        """The slip is an internal document: Chinese when it is installed."""
        installed = dict(self.env["res.lang"].get_installed())
        return "zh_CN" if "zh_CN" in installed else self.env.lang or "en_US"

    def _open_form(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": self._name,
                "res_id": self.id, "view_mode": "form"}

    def _issue_blockers(self):
        self.ensure_one()
        reasons = []
        open_checks = self.check_ids.filtered(lambda c: not c.is_ok)
        if not self.check_ids or open_checks:
            reasons.append(_("not every line of the conformity check is ticked: "
                             "%s") % ", ".join(open_checks.mapped("name")))
        if not self.photo_id:
            reasons.append(_("the customer has not confirmed the photos of the "
                             "goods"))
        if self.picking_id.state in ("done", "cancel"):
            reasons.append(_("the delivery %s is closed") % self.picking_id.name)
        return reasons

    @api.multi
    @transition(["draft"], "issued", groups=MERCHANDISER)
    def action_issue(self):
        for slip in self:
            reasons = slip._issue_blockers()
            if reasons:
                raise UserError(_("%(slip)s cannot be issued: %(reasons)s.") % {
                    "slip": slip.name, "reasons": "; ".join(reasons)})
        self.write({"state": "issued", "date_issued": fields.Datetime.now(),
                    "issued_by_id": self.env.uid})
        users = self.env.ref("gendan_base.group_warehouse_fg").sudo().users
        self.env["mail.activity"]._todo_ensure(
            self.mapped("picking_id"), "pickup_slip", users,
            lambda self: _("%(picking)s: pick-up slip %(slip)s issued, the "
                           "goods may be delivered") % {
                               "picking": self.name,
                               "slip": self.gendan_pickup_slip_id.name})
        return True

    @api.multi
    @transition(["draft", "issued"], "cancel", groups=MERCHANDISER)
    def action_cancel(self):
        if self.filtered(lambda s: s.picking_id.state == "done"):
            raise UserError(_("The goods left on this pick-up slip: it is kept."))
        self.write({"state": "cancel"})
        self.env["mail.activity"]._todo_cancel(self.mapped("picking_id"),
                                               "pickup_slip")
        return True

    @api.multi
    @transition(["cancel"], "draft", groups=MERCHANDISER)
    def action_draft(self):
        return self.write({"state": "draft"})

    @api.model
    def _demo_last_checks(self, order_id):
        """Demo data only: QA passes the order's MO, the customer confirms the
        photos and the merchandiser issues the pick-up slip (once)."""
        order = self.env["sale.order"].browse(order_id)
        picking = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
            and p.state not in ("done", "cancel"))[:1]
        if not picking or self.search([("sale_order_id", "=", order.id)]):
            return False
        production = order.production_ids.filtered(
            lambda mo: mo.state not in ("done", "cancel"))[:1]
        if production:
            checks = self.env["gendan.qa.check"].sudo(_demo_user(self, "production"))
            check = checks.create({"production_id": production.id,
                                   "quantity": production.product_qty})
            qa = check.sudo(_demo_user(self, "qa"))
            qa.write({"result_note": _(
                "Appearance, function test and labels checked on 32 pieces: OK.")})
            qa.action_pass()
        return picking._gendan_demo_clear_gates()

    @api.model
    def _demo_confirm_photos(self, picking):
        """Demo data only: production photographs the goods of the delivery's
        order, the salesperson mails them and records the customer's
        confirmation (once per order)."""
        order = picking.sale_id
        Photo = self.env["gendan.goods.photo"]
        if Photo.search([("sale_order_id", "=", order.id),
                         ("state", "=", "confirmed")]):
            return False
        photo = Photo.sudo(_demo_user(self, "production")).create(
            {"sale_order_id": order.id, "picking_id": picking.id})
        image = tools.file_open("gendan_dispatch/demo/goods_photo.png", "rb").read()
        attachment = self.env["ir.attachment"].create({
            "name": "goods_photo.png", "datas_fname": "goods_photo.png",
            "datas": base64.b64encode(image), "res_model": photo._name,
            "res_id": photo.id, "mimetype": "image/png"})
        seller = photo.sudo(_demo_user(self, "salesperson"))
        seller.write({"attachment_ids": [(6, 0, attachment.ids)]})
        seller.action_photos_ready()
        seller.message_post(body=_("Photos of your goods for confirmation."),
                            partner_ids=order.partner_id.ids,
                            attachment_ids=attachment.ids,
                            message_type="comment", subtype="mail.mt_note")
        seller.write({"customer_reply": _("Photos OK, please ship.")})
        seller.action_customer_confirm()
        return True

    @api.model
    def _demo_issue(self, picking):
        """Demo data only: the merchandiser ticks the conformity check of the
        delivery and issues its pick-up slip."""
        slip = self.sudo(_demo_user(self, "merchandiser")).create(
            {"picking_id": picking.id})
        slip.check_ids.filtered(lambda c: c.check_type == "enclosures").write(
            {"note": _("20 business cards, 2 catalogues")})
        slip.check_ids.write({"is_ok": True})
        slip.action_issue()
        return slip


def _demo_user(model, login):
    return model.env.ref("gendan_base.user_%s_demo" % login)
