from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero
from odoo.addons.gendan_base.engine import gate_checked, unchecked
from odoo.addons.gendan_order.models.sale_order import deferred_cockpit

GATED_STATES = ("planned", "progress", "done")
# started: production has begun (the first article gate held before)
STARTED_STATES = ("progress", "done")
# the gate stage a state write asks for (see _gendan_gate_blockers)
STAGE_OF_STATE = {"planned": "plan", "progress": "first_article",
                  "done": "produce"}


class MrpProduction(models.Model):
    """MO gate: the MO of a controlled order is not planned or reserved
    before its task order is signed and the deposit is in, and does not
    produce before the first article passed (buttons and RPC): the first
    article is built from the reserved materials."""

    _inherit = "mrp.production"

    gendan_task_order_id = fields.Many2one(
        "gendan.task.order", "Task Order", index=True, ondelete="restrict",
        readonly=True)
    gendan_task_order_line_id = fields.Many2one(
        "gendan.task.order.line", "Task Order Line", index=True,
        ondelete="set null", readonly=True)
    gendan_sale_order_id = fields.Many2one(
        "sale.order", "Customer Order", compute="_compute_gendan_sale_order_id",
        compute_sudo=True, store=True, index=True,
        help="The customer order this MO is made for: its task order's, "
             "else the sales order that procured it.")

    @api.depends("gendan_task_order_id.sale_order_id", "sale_order_id")
    def _compute_gendan_sale_order_id(self):
        for production in self:
            production.gendan_sale_order_id = (
                production.gendan_task_order_id.sale_order_id
                or production.sale_order_id)

    @api.model
    def create(self, vals):
        self._gendan_check_bom_current(vals.get("bom_id"))
        production = super(MrpProduction, self).create(vals)
        order = production.gendan_sale_order_id
        if order and not production.gendan_task_order_id:
            task = self.env["gendan.task.order"].sudo().search(
                [("sale_order_id", "=", order.id)], limit=1)
            if task:
                production.gendan_task_order_id = task
        return production

    @api.model
    def _gendan_check_bom_current(self, bom_id):
        """No MO on a BOM revision superseded by a newer one."""
        bom = self.env["mrp.bom"].sudo().browse(bom_id or [])
        if bom and bom.control_state == "superseded":
            raise UserError(_(
                "%(bom)s was superseded by %(new)s: manufacturing orders use "
                "the current revision.") % {
                    "bom": bom.display_name,
                    "new": bom.superseded_by_id.display_name})

    @api.multi
    def write(self, vals):
        if "bom_id" in vals:
            self._gendan_check_bom_current(vals["bom_id"])
        state = vals.get("state")
        if state in GATED_STATES:
            todo = unchecked(self)
            todo._gendan_check_production_gate(STAGE_OF_STATE[state])
            if state == "progress":
                todo._gendan_check_first_article_qty(need="start")
            elif state == "done":
                todo._gendan_check_first_article_passed()
        return super(MrpProduction, self).write(vals)

    @api.multi
    def button_plan(self):
        self._gendan_check_production_gate("plan")
        with gate_checked(self), deferred_cockpit():
            return super(MrpProduction, self).button_plan()

    @api.multi
    def action_assign(self):
        self._gendan_check_production_gate("plan")
        with gate_checked(self), deferred_cockpit():
            return super(MrpProduction, self).action_assign()

    @api.multi
    def open_produce_product(self):
        """Before the first article passed, production records the first
        article's pieces only."""
        self._gendan_check_production_gate("first_article")
        self._gendan_check_first_article_qty(need="room")
        return super(MrpProduction, self).open_produce_product()

    @api.multi
    def button_mark_done(self):
        self._gendan_check_production_gate()
        self._gendan_check_first_article_passed()
        with gate_checked(self), deferred_cockpit():
            res = super(MrpProduction, self).button_mark_done()
        self._gendan_notify_ship()
        return res

    def _gendan_notify_ship(self):
        """Goods of an order all received from production: the salesperson
        and the merchandiser get a to-do to ship (seed part 4, 9)."""
        orders = self.sudo().mapped("gendan_sale_order_id").filtered(
            lambda o: o.gendan_controlled and o.state in ("sale", "done")
            and all(mo.state in ("done", "cancel") for mo in o.production_ids)
            and o.production_ids.filtered(lambda mo: mo.state == "done"))
        self.env["mail.activity"]._todo_ensure(
            orders, "ship", lambda o: o.user_id | o.merchandiser_id,
            lambda self: _("%s: goods received from production, arrange the "
                           "shipment") % self.name)

    def _gendan_controlled(self):
        """The MOs of orders of a Gendan-controlled sales channel. Reads the
        orders' flag alone, not the whole order (reloaded after every
        invalidation of the cache inside the core buttons)."""
        orders = self.sudo().mapped("gendan_sale_order_id").with_context(
            prefetch_fields=False).filtered("gendan_controlled")
        return self.filtered(lambda mo: mo.sudo().gendan_sale_order_id in orders)

    def _gendan_first_articles(self, tasks, domain=None):
        """First articles of ``tasks`` for the products of these MOs (not
        every product of the task order)."""
        return self.env["gendan.first.article"].sudo().search([
            ("task_order_id", "in", tasks.ids),
            ("product_id", "in", self.mapped("product_id").ids)] + (domain or []))

    def _gendan_gate_blockers(self, stage="produce"):
        """{production: [reasons]} for the MOs that may not go on (batched).
        Only the MOs of orders of a Gendan-controlled sales channel wait;
        planning and reserving (``stage="plan"``) and making the first
        article (``stage="first_article"``, its quantity checked by
        ``_gendan_check_first_article_qty``) do not wait for the first
        article."""
        gated = self._gendan_controlled()
        if not gated:
            return {}
        tasks = self.env["gendan.task.order"].sudo().search(
            [("sale_order_id", "in", gated.mapped("gendan_sale_order_id").ids)])
        task_by_order = {task.sale_order_id.id: task for task in tasks}
        passed_keys = set()
        if stage == "produce":
            passed = gated._gendan_first_articles(tasks, [("state", "=", "passed")])
            passed_keys = {(fa.task_order_id.id, fa.product_id.id) for fa in passed}
        deposit_errors = {}
        for order in gated.mapped("gendan_sale_order_id"):
            try:
                order.sudo()._gendan_check_production_allowed()
            except UserError as exc:
                deposit_errors[order.id] = exc.name
        blockers = {}
        for production in gated:
            reasons = []
            order = production.gendan_sale_order_id
            task = task_by_order.get(order.id)
            if not task:
                reasons.append(_("order %s has no production task order") % order.name)
            elif task.signoff_state != "approved" or task.state not in (
                    "approved", "production"):
                reasons.append(_("task order %s is not approved") % task.name)
            if order.id in deposit_errors:
                reasons.append(deposit_errors[order.id])
            if stage == "produce" and task \
                    and (task.id, production.product_id.id) not in passed_keys:
                reasons.append(_("the first article of %s has not passed")
                               % production.product_id.display_name)
            if reasons:
                blockers[production] = reasons
        return blockers

    def _gendan_check_production_gate(self, stage="produce"):
        """Refuse to plan or start MOs that wait; an MO passed the gate of a
        stage when it reached it and is not held there again."""
        passed = GATED_STATES if stage == "plan" else STARTED_STATES
        blockers = self.filtered(
            lambda mo: mo.state not in passed)._gendan_gate_blockers(stage)
        if blockers:
            raise UserError("\n".join(
                _("%(mo)s cannot start: %(reasons)s.") % {
                    "mo": production.name, "reasons": "; ".join(reasons)}
                for production, reasons in blockers.items()))

    # -- the first-article quantity (issue 15 §7) ---------------------------------

    def _gendan_produced_qty(self):
        """Quantity of the MO's product recorded as produced (done or not)."""
        self.ensure_one()
        moves = self.sudo().move_finished_ids.filtered(
            lambda move: move.product_id == self.product_id
            and move.state != "cancel")
        return sum(move.product_uom._compute_quantity(
            move.quantity_done, self.product_uom_id) for move in moves)

    def _gendan_first_article_limits(self):
        """{production: (allowed, produced)} for the gated MOs whose product's
        first article has not passed: ``allowed`` is the quantity of its first
        articles on the task order (0 when none was created)."""
        gated = self.filtered(lambda mo: mo.state != "cancel")._gendan_controlled()
        if not gated:
            return {}
        orders = gated.mapped("gendan_sale_order_id")
        tasks = self.env["gendan.task.order"].sudo().search(
            [("sale_order_id", "in", orders.ids)])
        task_by_order = {task.sale_order_id.id: task for task in tasks}
        articles = gated._gendan_first_articles(tasks)
        allowed, passed = {}, set()
        for article in articles:
            key = (article.task_order_id.id, article.product_id.id)
            allowed[key] = allowed.get(key, 0.0) + article.product_qty
            if article.state == "passed":
                passed.add(key)
        limits = {}
        for production in gated:
            task = task_by_order.get(production.gendan_sale_order_id.id)
            if not task:
                continue  # the gate's own reason
            key = (task.id, production.product_id.id)
            if key in passed:
                continue
            limits[production] = (allowed.get(key, 0.0),
                                  production._gendan_produced_qty())
        return limits

    def _gendan_check_first_article_qty(self, extra=0.0, need="record"):
        """Before the first article passed, no more than its quantity is
        produced. ``need``: ``record`` (``extra`` more is recorded),
        ``start`` (production starts: a first article exists), ``room``
        (one more piece may be recorded)."""
        messages = []
        for production, (allowed, produced) in sorted(
                self._gendan_first_article_limits().items(),
                key=lambda item: item[0].id):
            rounding = production.product_uom_id.rounding
            over = float_compare(produced + extra, allowed,
                                 precision_rounding=rounding)
            if over > 0 or (need == "room" and over == 0) or (
                    need == "start" and float_is_zero(
                        allowed, precision_rounding=rounding)):
                messages.append(_(
                    "%(mo)s: the first article of %(product)s has not passed; "
                    "until it does, production makes the first article only "
                    "(%(allowed)s %(uom)s, %(produced)s recorded).") % {
                        "mo": production.name,
                        "product": production.product_id.display_name,
                        "allowed": "%g" % allowed, "produced": "%g" % produced,
                        "uom": production.product_uom_id.name})
        if messages:
            raise UserError("\n".join(messages))

    def _gendan_check_first_article_passed(self):
        """A gated MO is not finished before its first article passed."""
        waiting = self._gendan_first_article_limits()
        if waiting:
            raise UserError("\n".join(sorted(_(
                "%(mo)s cannot be finished: the first article of %(product)s "
                "has not passed.") % {
                    "mo": production.name,
                    "product": production.product_id.display_name}
                for production in waiting)))
