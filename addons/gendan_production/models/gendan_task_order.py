from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import (
    audit, audit_value, engine, transition)
from odoo.addons.gendan_base.tools_actions import window_action

OPEN_STATES = ("approved", "production")


class GendanTaskOrder(models.Model):
    """Production task order (生产任务单): the signed order to the factory.

    One per sale order. Signed by sales, then distributed as controlled copies
    to the departments; a change of a key field after signing is a change
    notice: new revision, re-approval, old copies recalled. Only the
    merchandiser (and the Gendan manager) may write it: the other departments
    read it (their form has no Edit) and sign or acknowledge through the
    engines, which write as superuser.
    """

    _name = "gendan.task.order"
    _description = "Production Task Order"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin",
                "gendan.signoff.mixin", "gendan.distribution.mixin"]
    _order = "id desc"

    _signoff_state_field = "state"
    _signoff_gated_states = ["approved", "production", "done"]
    _signoff_reject_state = "draft"
    _signoff_request_move = (["draft", "pending", "approved", "production"],
                             "pending")
    _signoff_approve_move = (["pending"], "approved")
    _signoff_reset_fields = ["date_deadline", "requirement_item_ids", "sample_id",
                             "process_requirement", "packing_requirement"]
    _distribution_list_xmlid = "gendan_production.distribution_list_task_order"
    _distribution_live_states = ("approved", "production", "done")
    _mail_post_access = "read"
    # the chatter is a flat list of notes: no search of a parent per post
    _mail_flat_thread = False
    _state_button_fields = ("date_approved",)

    name = fields.Char("Number", default="/", readonly=True, copy=False,
                       required=True, index=True)
    state = fields.Selection(
        [("draft", "Draft"), ("pending", "Waiting for Signatures"),
         ("approved", "Approved"), ("production", "In Production"),
         ("done", "Done"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange",
        group_expand="_group_expand_states")
    sale_order_id = fields.Many2one(
        "sale.order", required=True, index=True, ondelete="restrict",
        readonly=True, states={"draft": [("readonly", False)]},
        domain=[("state", "in", ("sale", "done"))])
    partner_id = fields.Many2one(related="sale_order_id.partner_id", store=True,
                                 readonly=True, string="Customer")
    customer_po = fields.Char(related="sale_order_id.customer_po", readonly=True)
    user_id = fields.Many2one(related="sale_order_id.user_id", store=True,
                              readonly=True, string="Salesperson")
    merchandiser_id = fields.Many2one(
        related="sale_order_id.merchandiser_id", store=True, readonly=True)
    company_id = fields.Many2one(related="sale_order_id.company_id", store=True,
                                 readonly=True)
    date_deadline = fields.Date(
        "Delivery Date", required=True, track_visibility="onchange",
        states={"done": [("readonly", True)], "cancel": [("readonly", True)]})
    date_production_start = fields.Date(
        "Mass Production Start", track_visibility="onchange",
        help="Materials must be in by this date; the first article passed before.")
    date_approved = fields.Datetime("Approved On", readonly=True, copy=False)
    line_ids = fields.One2many(
        "gendan.task.order.line", "task_order_id", "Products", copy=True,
        states={"done": [("readonly", True)], "cancel": [("readonly", True)]})
    process_requirement = fields.Text("Process / Technical Requirements")
    packing_requirement = fields.Text("Packing and Marking")
    sample_id = fields.Many2one(
        "gendan.sample", "Confirmed Sample",
        domain="[('order_id', '=', sale_order_id)]")
    requirement_item_ids = fields.Many2many(
        "gendan.requirement.item", string="Customer Requirement Pack",
        domain="[('order_id', '=', sale_order_id), ('is_current', '=', True)]")
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Electronic Documents", copy=False)
    production_ids = fields.One2many("mrp.production", "gendan_task_order_id",
                                     "Manufacturing Orders", readonly=True)
    production_count = fields.Integer(compute="_compute_production_count")
    change_ids = fields.One2many("gendan.task.order.change", "task_order_id",
                                 "Change Notices", readonly=True)
    date_change_ids = fields.One2many("gendan.production.date.change",
                                      "task_order_id", "Date Changes", readonly=True)
    material_check_ids = fields.One2many("gendan.material.check", "task_order_id",
                                         "Material Checks", readonly=True)
    # the same list in every context (first articles have no active flag):
    # read once per user, not once per context
    first_article_ids = fields.One2many("gendan.first.article", "task_order_id",
                                        "First Articles", readonly=True,
                                        context_dependent=False)
    exception_ids = fields.One2many("gendan.production.exception",
                                    "task_order_id", "Exceptions", readonly=True)
    inspection_ids = fields.One2many("gendan.customer.inspection",
                                     "task_order_id", "Inspections", readonly=True)
    is_material_risk = fields.Boolean(
        "Material Risk", compute="_compute_is_material_risk", store=True)
    note = fields.Text()

    _sql_constraints = [
        ("sale_order_uniq", "unique(sale_order_id)",
         "A sale order has one production task order."),
    ]

    @api.model
    def _group_expand_states(self, states, domain, order):
        """Kanban columns in workflow order, empty ones included."""
        return [key for key, _label in self._fields["state"].selection]

    @api.depends("production_ids")
    def _compute_production_count(self):
        for order in self:
            order.production_count = len(order.production_ids)

    @api.depends("material_check_ids.is_material_risk",
                 "material_check_ids.state")
    def _compute_is_material_risk(self):
        for order in self:
            checks = order.material_check_ids.filtered(
                lambda chk: chk.state != "cancel")
            order.is_material_risk = any(checks.mapped("is_material_risk"))

    def _gendan_failed_inspection(self):
        """The failed customer inspection still waiting for a passed
        re-inspection (the latest inspection failed, or re-inspects a failed
        lot and has no result yet)."""
        self.ensure_one()
        inspections = self.inspection_ids.filtered(lambda i: i.state != "cancel")
        last = inspections.sorted("id")[-1:]
        if last.state == "failed":
            return last
        if last.state == "scheduled" and last.parent_id.state == "failed":
            return last.parent_id
        return last.browse()

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id(self):
        order = self.sale_order_id
        if not order:
            return
        self.date_deadline = self._default_delivery_date(order)
        self.line_ids = [(5, 0, 0)] + [
            (0, 0, vals) for vals in self._prepare_line_vals(order)]

    @api.constrains("date_production_start", "date_deadline")
    def _check_production_start(self):
        for order in self:
            if order.date_production_start and order.date_deadline and \
                    order.date_production_start > order.date_deadline:
                raise ValidationError(_(
                    "%(order)s: mass production cannot start (%(start)s) after "
                    "the delivery date (%(delivery)s).") % {
                        "order": order.name, "start": order.date_production_start,
                        "delivery": order.date_deadline})

    # -- CRUD -------------------------------------------------------------------

    @api.model
    def create(self, vals):
        order = self.env["sale.order"].browse(vals.get("sale_order_id"))
        self._check_sale_order_ready(order)
        record = super(GendanTaskOrder, self).create(vals)
        record._link_productions()
        return record

    @api.multi
    def write(self, vals):
        if "sale_order_id" in vals and self.filtered(lambda o: o.state != "draft"):
            raise UserError(_("The sale order of a submitted task order cannot "
                              "change."))
        locked = self.filtered(lambda o: o.state in ("done", "cancel"))
        if locked and set(vals) - {"message_follower_ids", "activity_ids"}:
            raise UserError(_("%s is done or cancelled and cannot be changed.")
                            % ", ".join(locked.mapped("name")))
        if "date_deadline" in vals:
            self._log_date_change("delivery", "date_deadline", vals["date_deadline"])
        changed = set(vals) & set(self._signoff_reset_fields)
        if changed and not audit_value("reason"):
            with audit(reason=_("Changed: %s") % ", ".join(
                    self._fields[name].string for name in sorted(changed))):
                res = super(GendanTaskOrder, self).write(vals)
        else:
            res = super(GendanTaskOrder, self).write(vals)
        if {"date_production_start", "date_deadline"} & set(vals):
            self._gendan_sync_material_date()
        return res

    def _gendan_sync_material_date(self):
        """Open material checks need the materials by the production start."""
        for order in self:
            checks = order.material_check_ids.filtered(lambda c: c.state == "draft")
            date = order.date_production_start or order.date_deadline
            checks.filtered(lambda c, d=date: c.date_required != d).sudo().write(
                {"date_required": date})

    @api.multi
    def unlink(self):
        if self.filtered(lambda o: o.state != "draft"):
            raise UserError(_("Only draft task orders can be deleted."))
        return super(GendanTaskOrder, self).unlink()

    # -- actions ----------------------------------------------------------------

    @api.multi
    def action_signoff_request(self):
        """Submit for signatures: lines and controlled BOMs must be complete."""
        for order in self:
            if order.state not in ("draft", "pending", "approved", "production"):
                raise UserError(_("%s cannot be submitted in its state.")
                                % order.name)
            if not order.line_ids:
                raise UserError(_("%s has no product lines.") % order.name)
            missing = order.line_ids.filtered(lambda line: not line.bom_id)
            if missing:
                raise UserError(_(
                    "Select a controlled BOM revision for: %s.") % ", ".join(
                        missing.mapped("product_id.display_name")))
            order.line_ids._check_bom_controlled()
        return super(GendanTaskOrder, self).action_signoff_request()

    @api.multi
    @transition(OPEN_STATES, "production")
    def action_create_productions(self):
        """Create the manufacturing orders of the lines that have none."""
        productions = self.env["mrp.production"]
        for order in self:
            for line in order.line_ids.filtered(lambda ln: not ln.production_ids):
                productions |= productions.create(line._prepare_production_vals())
        self.filtered(lambda o: o.state == "approved").write(
            {"state": "production"})
        return self.action_view_productions()

    @api.multi
    def action_view_productions(self):
        action = window_action(self.env, "mrp.mrp_production_action")
        action["domain"] = [("gendan_task_order_id", "in", self.ids)]
        action["context"] = {}
        return action

    @api.multi
    @transition(OPEN_STATES, "done")
    def action_done(self):
        return self.write({"state": "done"})

    @api.multi
    @transition(["draft", "pending", "approved", "production"], "cancel")
    def action_cancel(self):
        started = self.mapped("production_ids").filtered(
            lambda mo: mo.state in ("progress", "done"))
        if started or self.filtered(lambda o: o.state == "done"):
            raise UserError(_("A task order whose production has started or is "
                              "done cannot be cancelled."))
        self.mapped("production_ids").filtered(
            lambda mo: mo.state != "cancel").action_cancel()
        self._signoff_withdraw()
        return self.write({"state": "cancel"})

    @api.multi
    @transition(["cancel"], "draft")
    def action_draft(self):
        return self.write({"state": "draft"})

    @api.multi
    def action_create_material_check(self):
        """Open (or create) the material arrival check of the task order."""
        self.ensure_one()
        check = self.material_check_ids.filtered(lambda chk: chk.state != "cancel")
        if not check:
            check = self.env["gendan.material.check"].create(
                {"task_order_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "gendan.material.check",
            "res_id": check[:1].id,
            "view_mode": "form",
        }

    @api.multi
    def action_create_first_article(self):
        """Create the first-article confirmations (one per product)."""
        self.ensure_one()
        existing = self.first_article_ids.filtered(
            lambda fa: fa.state != "failed").mapped("product_id")
        # one batch: the order's milestones and risk computed once at the end,
        # not per article (not at all when new drafts change neither); one
        # note on the task order names the articles instead of a "created"
        # line and a tracked state on each
        model = self.env["gendan.first.article"].with_context(
            mail_create_nolog=True, mail_notrack=True,
            gendan_orders_unaffected=self._first_article_drafts_unaffecting())
        articles = model.browse()
        with self.env.norecompute():
            for product in self.line_ids.mapped("product_id") - existing:
                articles |= model.create({"task_order_id": self.id,
                                          "product_id": product.id, "item_ids": []})
            # a new article has no to-do: its next-to-do deadline stays empty
            self.env.remove_todo(model._fields["activity_date_deadline"], articles)
        model.recompute()
        articles._insert_default_items()
        if articles:
            self.sudo().message_post(
                body=_("First articles created: %s.") % ", ".join(
                    articles.mapped("name")),
                author_id=self.env.user.partner_id.id, subtype="mail.mt_note")
        action = window_action(
            self.env, "gendan_production.gendan_first_article_action")
        action["domain"] = [("task_order_id", "=", self.id)]
        return action

    def _first_article_drafts_unaffecting(self):
        """Whether new draft first articles leave the order's stored fields
        as they are: its first-article milestone is open already (no article
        but failed ones, or one not passed) and its risk looks at the passed
        articles only."""
        articles = self.first_article_ids.filtered(lambda fa: fa.state != "failed")
        return bool(not articles or articles.filtered(lambda fa: fa.state != "passed"))

    # -- sign-off hooks -----------------------------------------------------------

    def _signoff_approve_vals(self):
        return {"date_approved": fields.Datetime.now()}

    def _signoff_on_approved(self):
        # the last signer holds a role, not the right to edit the order
        orders = self.sudo()
        fresh = orders.filtered(lambda o: not o.distribution_copy_ids)
        if fresh:
            fresh.action_distribute()
        revised = orders - fresh
        if revised:
            revised._distribution_new_revision(_("change notice approved"))
        orders._gendan_ensure_material_check()

    def _gendan_ensure_material_check(self):
        """The material check starts by itself once the task order is
        approved on controlled BOMs (due 3 working days after the BOMs)."""
        Check = self.env["gendan.material.check"].sudo()
        for order in self.filtered(lambda o: not o.material_check_ids.filtered(
                lambda chk: chk.state != "cancel")):
            Check.create({"task_order_id": order.id})

    def _signoff_on_reset(self):
        """A key field changed after submission: record the change notice."""
        notices = []
        for order in self:
            notices.append({
                "task_order_id": order.id,
                "revision": order.signoff_revision + 1,
                "description": audit_value("reason") or _("Key field changed"),
                "user_id": self.env.uid,
            })
        with engine():
            for vals in notices:
                self.env["gendan.task.order.change"].sudo().create(vals)
        self._distribution_recall()
        self._signoff_move_to_pending()

    @transition(["pending", "approved", "production"], "pending")
    def _signoff_move_to_pending(self):
        self.filtered(lambda o: o.state != "pending").sudo().write(
            {"state": "pending"})

    # -- business ---------------------------------------------------------------

    @api.model
    def _check_sale_order_ready(self, order):
        if not order:
            raise UserError(_("Select the sale order of the task order."))
        if order.state not in ("sale", "done"):
            raise UserError(_("Order %s is not confirmed: a task order is made "
                              "from a confirmed order.") % order.name)
        if order.gendan_controlled and order.signoff_state != "approved":
            raise UserError(_("Order %s has not passed the order review.")
                            % order.name)

    @api.model
    def _default_delivery_date(self, order):
        """The promised date of the order when a module provides one."""
        for name in ("promised_date", "commitment_date", "requested_date"):
            if name in order._fields and order[name]:
                return order[name][:10]
        return fields.Date.context_today(self)

    @api.model
    def _prepare_line_vals(self, order):
        """Lines of the task order from the stockable lines of ``order``."""
        boms = self.env["mrp.bom"].search([
            ("control_state", "=", "controlled"),
            ("product_tmpl_id", "in",
             order.order_line.mapped("product_id.product_tmpl_id").ids)])
        vals_list = []
        for line in order.order_line.filtered(
                lambda ln: ln.product_id.type in ("product", "consu")):
            bom = boms.filtered(
                lambda b, p=line.product_id: b.product_tmpl_id == p.product_tmpl_id
                and b.product_id in (p, p.browse()))[:1]
            vals_list.append({
                "sale_line_id": line.id,
                "product_id": line.product_id.id,
                "customer_qty": line.product_uom_qty,
                "product_qty": line.product_uom_qty,
                "bom_id": bom.id,
            })
        return vals_list

    def _link_productions(self):
        """Attach the MOs already made for the order (e.g. by procurement)."""
        productions = self.env["mrp.production"].search([
            ("gendan_sale_order_id", "in", self.mapped("sale_order_id").ids),
            ("gendan_task_order_id", "=", False)])
        for order in self:
            productions.filtered(
                lambda mo, o=order: mo.gendan_sale_order_id == o.sale_order_id
            ).write({"gendan_task_order_id": order.id})

    def _log_date_change(self, date_type, field_name, new_date):
        """Keep a trail of every changed delivery/inspection date: by the real
        user (or the one whose button made the change), now."""
        rows = []
        exception = audit_value("exception")
        user = audit_value("user") or self.env.user
        for order in self:
            old = order[field_name]
            if (old or False) != (new_date or False):
                rows.append({
                    "task_order_id": order.id,
                    "exception_id": exception and exception.id,
                    "date_type": date_type,
                    "old_date": old,
                    "new_date": new_date,
                    "user_id": user.id,
                })
        with engine():
            for vals in rows:
                self.env["gendan.production.date.change"].sudo().create(vals)

    def _check_lines_editable(self):
        locked = self.filtered(lambda o: o.state in ("done", "cancel"))
        if locked:
            raise UserError(_("The lines of %s cannot change: it is done or "
                              "cancelled.") % ", ".join(locked.mapped("name")))

    def _change_notice(self, reason):
        """A line changed after submission: re-approve the whole order."""
        to_reset = self.filtered(
            lambda o: o.signoff_state in ("pending", "approved"))
        if to_reset:
            with audit(reason=reason):
                to_reset._signoff_reset(reason)
