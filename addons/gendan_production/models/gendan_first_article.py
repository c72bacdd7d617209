from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import Collector

from odoo.addons.gendan_base.engine import insert_rows, transition

CHECKLIST = [
    ("silk_screen", "Custom silk-screen"),
    ("packaging", "Custom packaging"),
    ("barcode", "Custom barcode"),
    ("software", "Custom software"),
    ("accessories", "Accessories specification"),
]
# the orders' list of their articles (inverse: the article's stored order),
# the path of the order fields that follow the articles
ORDER_PATH = "gendan_first_article_ids"


class GendanFirstArticle(models.Model):
    """First-article confirmation (首件确认) before mass production.

    The checklist is compared to the customer requirement pack and signed by
    the merchandiser and QA (sign-off rules); mass production of the product
    is blocked until it passed.
    """

    _name = "gendan.first.article"
    _description = "First Article Confirmation"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.signoff.mixin"]
    _order = "id desc"

    _signoff_state_field = "state"
    _signoff_gated_states = ["passed"]
    _state_button_fields = ("date_passed",)
    _signoff_reject_state = "failed"
    _signoff_request_move = (["draft", "failed"], "pending")
    _signoff_approve_move = (["pending"], "passed")
    _mail_post_access = "read"
    # the chatter is a flat list of notes: no search of a parent per post
    _mail_flat_thread = False

    # the task order's values, computed together: one UPDATE per batch of
    # new articles (a related field each would be written apart); what is
    # read is the stored column, the same in every context (one cache entry
    # per user, not per context as for a computed field)
    name = fields.Char(compute="_compute_task_order_values", store=True,
                       compute_sudo=True, context_dependent=False)
    task_order_id = fields.Many2one("gendan.task.order", required=True,
                                    ondelete="cascade", index=True,
                                    readonly=True,
                                    states={"draft": [("readonly", False)]})
    sale_order_id = fields.Many2one(
        "sale.order", compute="_compute_task_order_values",
        store=True, compute_sudo=True,
        context_dependent=False)
    merchandiser_id = fields.Many2one(
        "res.users", compute="_compute_task_order_values",
        store=True, compute_sudo=True,
        context_dependent=False)
    company_id = fields.Many2one(
        "res.company", compute="_compute_task_order_values",
        store=True, compute_sudo=True,
        context_dependent=False)
    product_id = fields.Many2one("product.product", required=True,
                                 readonly=True, states={"draft": [("readonly", False)]})
    product_qty = fields.Float(
        "First Article Quantity", default=1.0, required=True,
        digits=dp.get_precision("Product Unit of Measure"), readonly=True,
        states={"draft": [("readonly", False)]},
        help="The pieces production may make of the product before the first "
             "article passed (in the unit of the manufacturing order).")
    requirement_item_ids = fields.Many2many(
        related="task_order_id.requirement_item_ids", readonly=True,
        string="Customer Requirement Pack")
    item_ids = fields.One2many("gendan.first.article.item", "first_article_id",
                               "Checklist", default=lambda self: self._default_items(),
                               readonly=True, states={"draft": [("readonly", False)]})
    state = fields.Selection(
        [("draft", "Draft"), ("pending", "Waiting for Signatures"),
         ("passed", "Passed"), ("failed", "Failed")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")
    date_passed = fields.Datetime("Passed On", readonly=True, copy=False)
    note = fields.Text()

    @api.constrains("product_qty")
    def _check_product_qty(self):
        if self.filtered(lambda article: article.product_qty <= 0):
            raise ValidationError(_("The first article quantity must be "
                                    "positive."))

    @api.model
    def _default_items(self):
        return [(0, 0, {"code": code, "name": _(label), "sequence": index})
                for index, (code, label) in enumerate(CHECKLIST)]

    def _insert_default_items(self):
        """The default checklist of these new articles, in one query (the
        articles were created with ``item_ids: []``)."""
        rows = [dict(vals, first_article_id=article.id, is_applicable=True,
                     is_checked=False)
                for article in self for _cmd, _id, vals in self._default_items()]
        insert_rows(self.env["gendan.first.article.item"].sudo(), rows)
        self.invalidate_cache(["item_ids"], self.ids)

    @api.depends("task_order_id.name", "task_order_id.sale_order_id",
                 "task_order_id.merchandiser_id", "task_order_id.company_id",
                 "product_id")
    def _compute_task_order_values(self):
        for article in self:
            task = article.task_order_id
            article.name = "%s - %s" % (task.name or "",
                                        article.product_id.default_code
                                        or article.product_id.name or "")
            article.sale_order_id = task.sale_order_id
            article.merchandiser_id = task.merchandiser_id
            article.company_id = task.company_id

    # -- the orders that follow the articles ----------------------------------

    @classmethod
    def _order_triggers(cls):
        """The model's recomputation triggers split in two: those but the
        orders', and {article field: order fields following it}; split once
        per set-up of the registry (which builds the triggers anew)."""
        triggers = cls._field_triggers
        split = cls.__dict__.get("_gendan_order_split")
        if split is None or split[0] is not triggers:
            others, orders = Collector(), {}
            for field in triggers:
                for dependent, path in triggers[field]:
                    if dependent.model_name == "sale.order" and path == ORDER_PATH:
                        orders.setdefault(field, []).append(dependent)
                    else:
                        others.add(field, (dependent, path))
            split = cls._gendan_order_split = (triggers, others, orders)
        return split[1], split[2]

    @api.multi
    def modified(self, fnames):
        """Odoo 11 finds the orders to recompute with a search of sale.order
        (two queries) at each change of the articles, twice per write. An
        article stores its order: the orders are taken from it, and not at
        all when the caller knows they are unaffected
        (``gendan_orders_unaffected``)."""
        others, orders = self._order_triggers()
        records = self.with_env(self.env)
        records._field_triggers = others  # this call's triggers, not the class's
        res = super(GendanFirstArticle, records).modified(fnames)
        dependents = {dependent for name in fnames
                      for dependent in orders.get(self._fields[name], ())}
        if dependents:
            self._orders_modified(dependents)
        return res

    def _orders_modified(self, dependents):
        """Mark the order fields ``dependents`` as core's ``modified`` does."""
        unaffected = self.env.context.get("gendan_orders_unaffected")
        invalids = [(field, None) for field in dependents if not field.store]
        stored = [field for field in dependents if field.store and field.compute
                  and unaffected is not True
                  and not (unaffected and field.name in unaffected)]
        orders = stored and self._stored_orders()
        for field in stored:
            target = orders - self.env.protected(field)
            if target:
                invalids.append((field, target._ids))
                (target.sudo() if field.compute_sudo else target)._recompute_todo(field)
        self.env.cache.invalidate(invalids)

    def _stored_orders(self):
        """The orders of these articles as stored (what core's search finds):
        from the cache when it holds every article's, else one query."""
        field, cache = self._fields["sale_order_id"], self.env.cache
        for records in (self, self.sudo()):
            if all(cache.contains_value(rec, field) for rec in records):
                return records.mapped("sale_order_id").with_env(self.env)
        self.env.cr.execute(
            "SELECT DISTINCT sale_order_id FROM gendan_first_article"
            " WHERE id IN %s AND sale_order_id IS NOT NULL", (tuple(self.ids),))
        return self.env["sale.order"].browse(
            [row[0] for row in self.env.cr.fetchall()])

    @api.multi
    def write(self, vals):
        if vals.get("state") == "passed":
            # a pending article's checklist was checked when it was submitted
            # and is locked since (gendan.first.article.item)
            self.filtered(lambda fa: fa.state != "pending")._check_checklist()
        if "product_qty" in vals and self.filtered(
                lambda article: article.state not in ("draft", "failed")):
            # the quantity production may make before the article passed
            raise UserError(_("The first article quantity is set on a draft "
                              "first article only."))
        return super(GendanFirstArticle, self).write(vals)

    @api.multi
    def action_signoff_request(self):
        """Submit: every applicable checklist item must be checked."""
        if self.filtered(lambda fa: fa.state not in ("draft", "failed")):
            raise UserError(_("Only a draft or failed first article is submitted."))
        self._check_checklist()
        return super(GendanFirstArticle, self).action_signoff_request()

    @api.multi
    @transition(["failed"], "draft")
    def action_draft(self):
        return self.write({"state": "draft"})

    def _check_checklist(self):
        for article in self:
            open_items = article.item_ids.filtered(
                lambda item: item.is_applicable and not item.is_checked)
            if open_items:
                raise UserError(_(
                    "First article %(name)s cannot pass: unchecked items: "
                    "%(items)s.") % {"name": article.name,
                                     "items": ", ".join(open_items.mapped("name"))})

    def _signoff_approve_vals(self):
        return {"date_passed": fields.Datetime.now()}

    def _signoff_move_context(self, step):
        """The sign-off engine posts its own line for each step (requested,
        rejected, signed off): the state is not tracked a second time; steps
        that change nothing the orders compute do not recompute them."""
        ctx = {"mail_notrack": True}
        if step == "_signoff_on_request" and not self.filtered(
                lambda fa: fa.state != "draft"):
            # from draft to pending: the order's milestone and risk look at
            # passed and failed articles only
            ctx["gendan_orders_unaffected"] = True
        elif step == "_signoff_on_approved":
            if self._orders_unaffected_by_pass():
                ctx["gendan_orders_unaffected"] = True
            elif not any("first_article" in (order.risk_codes or "").split(",")
                         for order in self.sudo().mapped("sale_order_id")):
                # a pass can only take the first-article risk away
                ctx["gendan_orders_unaffected"] = ("risk_codes", "is_at_risk")
        return ctx

    def _orders_unaffected_by_pass(self):
        """Whether passing these articles leaves every stored field of the
        orders as it is: another article of each task order still waits
        (draft or pending) for a product without a passed article, so the
        first-article milestone stays open and the risk keeps its reason.
        The last article to pass recomputes the order (once per task order,
        not per article)."""
        for task in self.sudo().mapped("task_order_id"):
            others = task.first_article_ids - self
            passed = (others.filtered(lambda fa: fa.state == "passed")
                      | self.filtered(lambda fa: fa.task_order_id == task)
                      ).mapped("product_id")
            if not others.filtered(lambda fa: fa.state in ("draft", "pending")
                                   and fa.product_id not in passed):
                return False
        return True
