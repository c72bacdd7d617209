from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.gendan_base.engine import (
    audit, audit_value, button, transition)

SIGNED_STATES = ("approved", "confirmed", "produced", "done")
OPEN_STATES = ("draft", "pending", "approved", "confirmed", "produced")
MERCHANDISER = ["gendan_base.group_merchandiser", "gendan_base.group_manager"]
PURCHASING = ["gendan_base.group_purchasing", "gendan_base.group_manager"]
FOLLOW_UP = MERCHANDISER + ["gendan_base.group_purchasing"]
# fields the factory's confirmation fixes: changed later only by cancelling
LOCKED_AFTER_CONFIRMATION = {"date_delivery", "quality_requirement",
                             "packing_requirement", "purchase_id",
                             "sale_order_id"}


class GendanOutsourcingOrder(models.Model):
    """Outsourcing list (外协采购清单): the signed order to an outside factory.

    Wraps one purchase order (the factory's price, quantities and receipts
    stay Odoo's) with what the seed asks the list to say: delivery date,
    quality and packing requirements and the attached material list. Signed
    like the task order; the purchase order is confirmed only after it.
    """

    _name = "gendan.outsourcing.order"
    _description = "Outsourcing List"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin",
                "gendan.signoff.mixin"]
    _order = "id desc"

    _signoff_state_field = "state"
    _signoff_gated_states = list(SIGNED_STATES)
    _signoff_reject_state = "draft"
    _signoff_request_move = (["draft", "pending", "approved"], "pending")
    _signoff_approve_move = (["pending"], "approved")
    _signoff_reset_fields = ["date_delivery", "quality_requirement",
                             "packing_requirement"]
    _mail_post_access = "read"
    _state_button_fields = ("date_approved", "date_factory_confirmed",
                            "date_factory_finished")

    name = fields.Char("Number", default="/", readonly=True, copy=False,
                       required=True, index=True)
    state = fields.Selection(
        [("draft", "Draft"), ("pending", "Waiting for Signatures"),
         ("approved", "Approved"), ("confirmed", "Factory Confirmed"),
         ("produced", "Factory Finished"), ("done", "Received"),
         ("cancel", "Cancelled")], "Status",
        default="draft", required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange", group_expand="_group_expand_states")
    purchase_id = fields.Many2one(
        "purchase.order", "Purchase Order", required=True, index=True,
        ondelete="restrict", copy=False)
    sale_order_id = fields.Many2one(
        "sale.order", "Customer Order", required=True, index=True,
        ondelete="restrict", domain=[("state", "in", ("sale", "done"))])
    partner_id = fields.Many2one(
        related="purchase_id.partner_id", store=True, readonly=True,
        string="Factory")
    customer_id = fields.Many2one(
        related="sale_order_id.partner_id", store=True, readonly=True,
        string="Customer")
    customer_po = fields.Char(related="sale_order_id.customer_po", readonly=True)
    merchandiser_id = fields.Many2one(
        related="sale_order_id.merchandiser_id", store=True, readonly=True)
    user_id = fields.Many2one(related="sale_order_id.user_id", store=True,
                              readonly=True, string="Salesperson")
    company_id = fields.Many2one(related="sale_order_id.company_id", store=True,
                                 readonly=True)
    currency_id = fields.Many2one(related="purchase_id.currency_id",
                                  readonly=True)
    purchase_line_ids = fields.One2many(
        related="purchase_id.order_line", readonly=True, string="Products")
    amount_total = fields.Monetary(related="purchase_id.amount_total",
                                   readonly=True, string="Domestic Total")
    purchase_state = fields.Selection(related="purchase_id.state", readonly=True,
                                      string="Purchase Order Status")
    date_order = fields.Date("Order Date", required=True,
                             default=fields.Date.context_today)
    date_delivery = fields.Date("Delivery Date", required=True,
                                track_visibility="onchange")
    quality_requirement = fields.Text("Quality Requirements")
    packing_requirement = fields.Text("Packing Requirements")
    material_ids = fields.One2many(
        "gendan.outsourcing.material", "outsourcing_id", "Material List",
        copy=True)
    date_approved = fields.Datetime("Signed Off On", readonly=True, copy=False)
    date_factory_start = fields.Date(
        "Factory Production Start", track_visibility="onchange",
        help="The factory's planned start, from its confirmation.")
    date_factory_finish = fields.Date(
        "Factory Finish (Planned)", track_visibility="onchange",
        help="The factory's promised end of production.")
    date_factory_confirmed = fields.Date("Factory Confirmed On", readonly=True,
                                         copy=False)
    date_factory_finished = fields.Date("Factory Finished On", readonly=True,
                                        copy=False)
    progress_note = fields.Text("Production Progress",
                                track_visibility="onchange")
    receipt_ids = fields.Many2many(
        "stock.picking", compute="_compute_receipts", string="Receipts")
    date_qa_passed = fields.Date(
        "QA Passed On", compute="_compute_receipts",
        help="All received goods passed QA (their receipts are validated "
             "only after QA passes them, see gendan_dispatch).")
    date_received = fields.Date(
        "Fully Received On", compute="_compute_receipts",
        help="The whole quantity is in our stock.")
    is_late_factory = fields.Boolean(
        "Factory Finish After Delivery Date", compute="_compute_is_late_factory",
        store=True)
    note = fields.Text()

    _sql_constraints = [
        ("purchase_uniq", "unique(purchase_id)",
         "A purchase order has one outsourcing list."),
    ]

    @api.model
    def _group_expand_states(self, states, domain, order):
        return [key for key, _label in self._fields["state"].selection]

    @api.depends("purchase_id.picking_ids.state",
                 "purchase_id.order_line.qty_received")
    def _compute_receipts(self):
        for rec in self:
            receipts = rec.sudo().purchase_id.picking_ids.filtered(
                lambda p: p.picking_type_code == "incoming"
                and p.state != "cancel")
            rec.receipt_ids = receipts
            rec.date_qa_passed = rec._gendan_qa_passed_date(receipts)
            rec.date_received = rec._gendan_received_date(receipts)

    def _gendan_qa_passed_date(self, receipts):
        """Day the last received goods passed QA (False: not yet): their
        passed QA checks (gendan_dispatch), else the validation day of the
        receipts (validated after QA passed them)."""
        if not receipts or receipts.filtered(lambda p: p.state != "done"
                                             and not self._gendan_qa_checked(p)):
            return False
        dates = [self._gendan_qa_checked(p) or p.date_done for p in receipts]
        dates = [d for d in dates if d]
        return dates and max(dates)[:10] or False

    @staticmethod
    def _gendan_qa_checked(picking):
        """When QA passed the goods of ``picking`` (a passed QA check)."""
        passed = picking.gendan_qa_check_ids.filtered(
            lambda c: c.state == "passed")
        dates = [d for d in passed.mapped("date_checked") if d]
        return dates and max(dates) or False

    def _gendan_received_date(self, receipts):
        lines = self.sudo().purchase_id.order_line.filtered(
            lambda ln: ln.product_id.type in ("product", "consu"))
        if not lines or any(float_compare(
                ln.qty_received, ln.product_qty,
                precision_rounding=ln.product_uom.rounding) < 0 for ln in lines):
            return False
        dates = [d for d in receipts.filtered(
            lambda p: p.state == "done").mapped("date_done") if d]
        return dates and max(dates)[:10] or fields.Date.context_today(self)

    @api.depends("date_factory_finish", "date_delivery")
    def _compute_is_late_factory(self):
        for rec in self:
            rec.is_late_factory = bool(
                rec.date_factory_finish and rec.date_delivery
                and rec.date_factory_finish > rec.date_delivery)

    @api.constrains("date_factory_start", "date_factory_finish")
    def _check_factory_dates(self):
        for rec in self:
            if rec.date_factory_start and rec.date_factory_finish and \
                    rec.date_factory_start > rec.date_factory_finish:
                raise ValidationError(_(
                    "%s: the factory cannot finish before it starts.") % rec.name)

    @api.constrains("purchase_id", "sale_order_id")
    def _check_company(self):
        for rec in self:
            if rec.purchase_id.company_id != rec.sale_order_id.company_id:
                raise ValidationError(_(
                    "%s: the purchase order and the customer order belong to "
                    "different companies.") % rec.name)

    # -- CRUD -------------------------------------------------------------------

    @api.multi
    def write(self, vals):
        locked = self.filtered(lambda rec: rec.state in ("confirmed", "produced",
                                                         "done", "cancel"))
        if locked and LOCKED_AFTER_CONFIRMATION & set(vals):
            raise UserError(_(
                "%s: confirmed by the factory (or closed); the delivery date and "
                "the requirements no longer change here. Cancel the list and "
                "issue a new one.") % ", ".join(locked.mapped("name")))
        changed = set(vals) & set(self._signoff_reset_fields)
        if changed and not audit_value("reason"):
            with audit(reason=_("Changed: %s") % ", ".join(
                    self._fields[name].string for name in sorted(changed))):
                return super(GendanOutsourcingOrder, self).write(vals)
        return super(GendanOutsourcingOrder, self).write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda rec: rec.state != "draft"):
            raise UserError(_("Only draft outsourcing lists can be deleted."))
        return super(GendanOutsourcingOrder, self).unlink()

    # -- material list ------------------------------------------------------------

    @api.multi
    def action_load_bom_materials(self):
        """Add the parts and packing materials of the products' BOMs."""
        self._check_materials_editable()
        for rec in self:
            rec.write({"material_ids": [
                (0, 0, vals) for vals in rec._prepare_bom_materials()]})
        return True

    def _prepare_bom_materials(self):
        """One row per BOM component of each product line not listed yet."""
        self.ensure_one()
        rows = []
        listed = self.material_ids.mapped("purchase_line_id")
        Bom = self.env["mrp.bom"].sudo()
        for line in self.sudo().purchase_id.order_line - listed:
            bom = Bom._bom_find(product=line.product_id,
                                company_id=self.company_id.id)
            factor = line.product_qty / (bom.product_qty or 1.0)
            for bom_line in bom.bom_line_ids:
                product = bom_line.product_id
                rows.append({
                    "purchase_line_id": line.id,
                    "product_id": product.id,
                    "name": product.display_name,
                    "specification": product.description_purchase or False,
                    "material": product.gendan_material or False,
                    "kind": "packing" if product._gendan_is_packing() else "part",
                    "product_qty": bom_line.product_qty * factor,
                    "product_uom_id": bom_line.product_uom_id.id,
                })
        return rows

    def _check_materials_editable(self):
        fixed = self.filtered(lambda rec: rec.state not in (
            "draft", "pending", "approved"))
        if fixed:
            raise UserError(_("%s: the material list is fixed once the factory "
                              "confirmed.") % ", ".join(fixed.mapped("name")))

    def _change_notice(self, reason):
        """A material line changed after the request: sign again."""
        to_reset = self.filtered(
            lambda rec: rec.signoff_state in ("pending", "approved"))
        if to_reset:
            with audit(reason=reason):
                to_reset._signoff_reset(reason)

    # -- buttons --------------------------------------------------------------------

    @api.multi
    def action_signoff_request(self):
        """Submit for signatures: the factory's prices and the material list
        must be there."""
        for rec in self:
            if rec.state not in ("draft", "pending", "approved"):
                raise UserError(_("%s cannot be submitted in its state.")
                                % rec.name)
            lines = rec.sudo().purchase_id.order_line
            if not lines:
                raise UserError(_("%s: the purchase order has no products.")
                                % rec.name)
            unpriced = lines.filtered(lambda ln: not ln.price_unit)
            if unpriced:
                raise UserError(_(
                    "%(name)s: purchasing enters the factory's price of: "
                    "%(products)s.") % {"name": rec.name, "products": ", ".join(
                        unpriced.mapped("product_id.display_name"))})
            if not rec.material_ids:
                raise UserError(_(
                    "%s: attach the material list (every part and packing "
                    "material with its specification and quantity).") % rec.name)
        return super(GendanOutsourcingOrder, self).action_signoff_request()

    @api.multi
    @button(groups=PURCHASING)
    def action_confirm_purchase(self):
        """Confirm the purchase order to the factory (signed lists only)."""
        unsigned = self.filtered(lambda rec: rec.state != "approved")
        if unsigned:
            raise UserError(_("%s: only a signed-off list is confirmed to the "
                              "factory.") % ", ".join(unsigned.mapped("name")))
        self.mapped("purchase_id").filtered(
            lambda po: po.state in ("draft", "sent")).button_confirm()
        return True

    @api.multi
    @transition(["approved"], "confirmed", groups=PURCHASING)
    def action_factory_confirm(self):
        """The factory confirmed the order with its production dates."""
        for rec in self:
            if rec.sudo().purchase_id.state not in ("purchase", "done"):
                raise UserError(_("%s: confirm the purchase order to the factory "
                                  "first.") % rec.name)
            if not rec.date_factory_finish:
                raise UserError(_("%s: enter the factory's planned finish date "
                                  "from its confirmation.") % rec.name)
        self.write({"state": "confirmed",
                    "date_factory_confirmed": fields.Date.context_today(self)})
        self.env["mail.activity"]._todo_done(self, "outsourcing_confirm")
        self.env["mail.activity"]._todo_ensure(
            self, "outsourcing_progress", lambda rec: rec.merchandiser_id,
            lambda self: _("Follow the production of %(name)s at %(factory)s") % {
                "name": self.name, "factory": self.partner_id.name},
            deadline=lambda rec: rec.date_factory_finish)
        return True

    @api.multi
    @transition(["confirmed"], "produced", groups=FOLLOW_UP)
    def action_factory_finished(self):
        """The factory reports the production finished: goods to receive."""
        self.write({"state": "produced",
                    "date_factory_finished": fields.Date.context_today(self)})
        self.env["mail.activity"]._todo_done(self, "outsourcing_progress")
        return True

    @api.multi
    @transition(["confirmed", "produced"], "done", groups=FOLLOW_UP)
    def action_done(self):
        """Close the list once the whole quantity passed QA and is in stock."""
        missing = self.filtered(lambda rec: not rec.date_received)
        if missing:
            raise UserError(_("%s: the goods are not all received yet.")
                            % ", ".join(missing.mapped("name")))
        for rec in self:
            rec.write({"state": "done", "date_factory_finished":
                       rec.date_factory_finished
                       or fields.Date.context_today(self)})
        self.env["mail.activity"]._todo_done(self, "outsourcing_progress")
        return True

    @api.multi
    @transition(["draft", "pending", "approved"], "cancel", groups=MERCHANDISER)
    def action_cancel(self):
        confirmed = self.mapped("purchase_id").filtered(
            lambda po: po.state in ("purchase", "done"))
        if confirmed:
            raise UserError(_("The purchase order %s is confirmed: purchasing "
                              "cancels it first.") % ", ".join(
                                  confirmed.mapped("name")))
        self._signoff_withdraw()
        return self.write({"state": "cancel"})

    @api.multi
    @transition(["cancel"], "draft", groups=MERCHANDISER)
    def action_draft(self):
        return self.write({"state": "draft"})

    @api.multi
    def action_view_purchase(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": "purchase.order",
                "res_id": self.purchase_id.id, "view_mode": "form"}

    # -- sign-off hooks -------------------------------------------------------------

    def _signoff_approve_vals(self):
        return {"date_approved": fields.Datetime.now()}

    def _signoff_on_approved(self):
        lists = self.sudo()
        purchasers = self.env.ref("gendan_base.group_purchasing").sudo().users
        self.env["mail.activity"]._todo_ensure(
            lists, "outsourcing_confirm", purchasers,
            lambda self: _("Confirm %(po)s to %(factory)s and record the "
                           "factory's confirmation") % {
                               "po": self.purchase_id.name,
                               "factory": self.partner_id.name})

    @api.model
    def _demo_sign_order_lists(self, order_id, logins):
        """Demo data only: sign the order's lists as the demo users."""
        lists = self.search([("sale_order_id", "=", order_id)])
        return self.env["gendan.demo"]._sign(
            self._name, lists.ids, logins)

    @api.model
    def _demo_factory_confirm(self, order_id, start_days, finish_days, note):
        """Demo data only: purchasing records the factory's confirmation
        (dates relative to today) of the order's signed lists."""
        purchaser = self.env.ref("gendan_base.user_purchaser_demo")
        today = fields.Date.from_string(fields.Date.context_today(self))
        lists = self.search([("sale_order_id", "=", order_id),
                             ("state", "=", "approved")]).sudo(purchaser)
        if not lists:
            return False
        lists.write({
            "date_factory_start": fields.Date.to_string(
                today + timedelta(days=start_days)),
            "date_factory_finish": fields.Date.to_string(
                today + timedelta(days=finish_days)),
            "progress_note": note})
        return lists.action_factory_confirm()
