import threading
from contextlib import contextmanager
from datetime import date as date_type, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.gendan_base.tools_actions import window_action

MILESTONE_STATES = [
    ("todo", "To Do"), ("done", "Done"), ("late", "Late"), ("na", "N/A")]


def milestone_fields(state_label, date_label, compute):
    """The state and date fields of one cockpit milestone (stored, computed
    by ``compute`` as superuser): ``milestone_<name>_state, milestone_<name>_date
    = milestone_fields(...)``. The cockpit summary reads every such pair."""
    return (fields.Selection(MILESTONE_STATES, state_label, compute=compute,
                             compute_sudo=True, store=True),
            fields.Date(date_label, compute=compute, compute_sudo=True,
                        store=True))


COCKPIT_STATES = [
    ("draft", "In Review"), ("on_track", "On Track"), ("at_risk", "Late Risk"),
    ("late", "Late"), ("done", "Completed")]
# kanban columns: late first, then the workflow
COCKPIT_COLUMNS = ["late", "at_risk", "draft", "on_track", "done"]
REVIEW_DAYS = 2      # working days to finish the order review
DEPOSIT_DAYS = 7     # calendar days after the order date to receive the deposit
DATA_DAYS = 7        # calendar days after confirmation to receive the customer data


# cockpit fields: recomputed once at the end of a core button (thread-local,
# like the request that runs the button)
COCKPIT_FIELDS = ("expected_date", "is_late_risk", "cockpit_state",
                  "risk_codes", "is_at_risk")
_DEFERRED = threading.local()


def _date(value):
    """Date part of a Date/Datetime string (Odoo 11 stores strings)."""
    return value and value[:10] or False


def week_bounds(day):
    """(Monday, Sunday) of the week of ``day`` (a date or a date string)."""
    if not isinstance(day, date_type):
        day = fields.Date.from_string(day[:10])
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


@contextmanager
def deferred_cockpit():
    """Recompute the orders' cockpit fields once, when the block ends, and not
    at each write of their MOs, pickings and invoices inside it. The
    outermost block recomputes; after an error nothing is (rolled back)."""
    if getattr(_DEFERRED, "todo", None) is not None:
        yield
        return
    _DEFERRED.todo = todo = []
    try:
        yield
    finally:
        _DEFERRED.todo = None
    orders = None
    for field, orders in todo:
        # a value read inside the block came from the row: not recomputed yet
        orders.env.cache.invalidate([(field, orders._ids)])
        orders.env.add_todo(field, orders)
    if orders is not None and orders.env.recompute:
        ids = {order_id for _field, recs in todo for order_id in recs.ids}
        _DEFERRED.stored = orders.browse(ids)._cockpit_stored_values()
        try:
            orders.recompute()
        finally:
            _DEFERRED.stored = None


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "gendan.state.machine", "gendan.signoff.mixin"]

    # Odoo's own state stays Odoo's; the milestones are computed statuses,
    # never written directly (gendan.state.machine)
    _state_field = None
    # order review (订单评审) = the sign-off of the order
    _signoff_state_field = "state"
    _signoff_gated_states = ["sale", "done"]
    _signoff_reject_state = None
    _signoff_reset_fields = ["partner_id", "payment_term_id", "order_line"]

    merchandiser_id = fields.Many2one(
        "res.users", index=True, track_visibility="onchange",
        default=lambda self: self._default_merchandiser_id(),
        # the cached id (no query per fields_get, e.g. on each tracked write)
        domain=lambda self: [("groups_id", "in", self.env[
            "ir.model.data"].xmlid_to_res_id("gendan_base.group_merchandiser"))])
    gendan_controlled = fields.Boolean(
        compute="_compute_gendan_controlled", store=True,
        help="The order goes through the Gendan gates: its sales channel is "
             "controlled, or it has no sales channel.")
    customer_po = fields.Char(
        "Customer PO", index=True, track_visibility="onchange", copy=False)
    review_line_ids = fields.One2many(
        "gendan.order.review.line", "order_id", "Review Checklist", copy=False)
    review_checklist_done = fields.Boolean(
        "Checklist Complete", compute="_compute_review_checklist_done")
    review_date = fields.Date(
        "Reviewed On", readonly=True, copy=False,
        help="Date the last required review signature was given.")
    requirement_item_ids = fields.One2many(
        "gendan.requirement.item", "order_id", "Customer Requirements",
        domain=[("is_current", "=", True)])
    data_due_days = fields.Integer(
        "Customer Data Due (days)", default=DATA_DAYS, copy=False,
        track_visibility="onchange",
        help="Calendar days after confirmation the customer's data (artwork, "
             "manuals, marks) is due: one week (seed: 下单后1个礼拜内); "
             "shorten it for a rush order.")
    sample_ids = fields.One2many("gendan.sample", "order_id", "Samples")
    production_ids = fields.One2many(
        "mrp.production", "sale_order_id", "Manufacturing Orders")
    # delivery promise
    promised_date = fields.Date(
        "Promised Delivery", track_visibility="onchange", copy=False,
        help="Delivery date promised to the customer (from the production plan).")
    expected_date = fields.Date(
        "Expected Delivery", compute="_compute_expected_date",
        compute_sudo=True, store=True,
        help="Latest planned end of the manufacturing orders and deliveries.")
    is_late_risk = fields.Boolean(
        "Late Risk", compute="_compute_expected_date", compute_sudo=True, store=True,
        help="The expected date is after the promised date.")
    # deposit (定金)
    deposit_percent = fields.Float(
        "Deposit (%)", track_visibility="onchange", copy=False,
        help="Advance the customer pays before production; from the payment terms.")
    deposit_amount = fields.Monetary(
        compute="_compute_deposit_amount", store=True)
    deposit_state = fields.Selection(
        [("na", "No Deposit"), ("due", "Due"), ("received", "Received"),
         ("waived", "Waived (Signed)")], "Deposit Status",
        compute="_compute_deposit_received", compute_sudo=True, store=True,
        help="Received: posted payments in the order's currency reconciled "
             "with its down-payment invoice reach the deposit. Waived: a "
             "signed deposit exception lets production start without it.")
    deposit_received_amount = fields.Monetary(
        "Deposit Paid", compute="_compute_deposit_received", compute_sudo=True,
        store=True,
        help="Payments in the order's currency reconciled with the "
             "down-payment invoices of the order.")
    is_deposit_received = fields.Boolean(
        "Deposit Received", compute="_compute_deposit_received",
        compute_sudo=True, store=True,
        help="Production may start: the deposit is paid, or waived by a signed "
             "decision.")
    deposit_date = fields.Date(
        "Deposit Received On", compute="_compute_deposit_received",
        compute_sudo=True, store=True)
    deposit_note = fields.Text(
        "Deposit Remarks", compute="_compute_deposit_received", compute_sudo=True,
        store=True,
        help="Payments that do not count (other currency) and the signed "
             "exception, if any.")
    deposit_invoice_ids = fields.Many2many(
        "account.invoice", string="Down-Payment Invoices",
        compute="_compute_deposit_invoice_ids")
    deposit_waiver_ids = fields.One2many(
        "gendan.deposit.waiver", "sale_order_id", "Deposit Exceptions")
    # cockpit milestones of this module
    milestone_review_state, milestone_review_date = milestone_fields(
        "Review", "Review Deadline", "_compute_milestone_review")
    milestone_data_state, milestone_data_date = milestone_fields(
        "Customer Data", "Customer Data Deadline", "_compute_milestone_data")
    milestone_sample_state, milestone_sample_date = milestone_fields(
        "Sample Milestone", "Sample Deadline", "_compute_milestone_sample")
    milestone_deposit_state, milestone_deposit_date = milestone_fields(
        "Deposit", "Deposit Deadline", "_compute_milestone_deposit")
    # cockpit summary over every milestone_<name>_state/_date field
    milestone_late_count = fields.Integer(
        "Late Milestones", compute="_compute_cockpit_summary",
        compute_sudo=True, store=True)
    milestone_next_date = fields.Date(
        "Next Deadline", compute="_compute_cockpit_summary",
        compute_sudo=True, store=True,
        index=True)
    milestone_next = fields.Selection(
        "_selection_milestone_next", "Next Milestone",
        compute="_compute_cockpit_summary", compute_sudo=True, store=True,
        help="The open milestone with the earliest deadline.")
    cockpit_state = fields.Selection(
        COCKPIT_STATES, "Follow-up", compute="_compute_cockpit_summary",
        compute_sudo=True, store=True, index=True,
        group_expand="_group_expand_cockpit_state")
    is_due_this_week = fields.Boolean(
        "Due This Week", compute="_compute_is_due_this_week",
        search="_search_is_due_this_week",
        help="The next deadline falls between Monday and Sunday of this week.")
    # risk: every reason the order may be late, from its documents
    risk_codes = fields.Char(
        compute="_compute_risk", compute_sudo=True, store=True,
        help="Comma-separated codes of the order's current risks.")
    is_at_risk = fields.Boolean(
        "At Risk", compute="_compute_risk", compute_sudo=True, store=True,
        index=True)
    risk_reasons = fields.Text(compute="_compute_risk_reasons")
    # time and action plan: every milestone of every module, one row each
    tna_line_ids = fields.One2many(
        "gendan.tna.line", "order_id", "Time and Action", readonly=True)
    gendan_requirement_count = fields.Integer(
        "Customer Data Items", compute="_compute_gendan_doc_counts")
    gendan_sample_count = fields.Integer(
        "Sample Requests", compute="_compute_gendan_doc_counts")
    gendan_production_count = fields.Integer(
        "Number of Manufacturing Orders", compute="_compute_gendan_doc_counts")
    cockpit_waiting_me = fields.Boolean(
        "Waiting for Me", compute="_compute_cockpit_waiting_me",
        search="_search_cockpit_waiting_me")

    # -- defaults -------------------------------------------------------------

    @api.model
    def _default_merchandiser_id(self):
        if self.env.user.has_group("gendan_base.group_merchandiser"):
            return self.env.user
        return False

    # -- computes -------------------------------------------------------------

    def _recompute_todo(self, field):
        """Inside ``deferred_cockpit``, the cockpit fields wait for its end.
        A write made with the context key ``gendan_orders_unaffected`` (its
        caller knows the change alters nothing the orders compute, e.g. a
        first article going from draft to pending) marks nothing; given a
        list of field names, it does not mark those fields."""
        unaffected = self.env.context.get("gendan_orders_unaffected")
        if unaffected is True or (unaffected and field.name in unaffected):
            return None
        todo = getattr(_DEFERRED, "todo", None)
        if todo is None or not self._is_cockpit_field(field):
            return super(SaleOrder, self)._recompute_todo(field)
        todo.append((field, self))
        return None

    @api.multi
    def _write(self, vals):
        """In the recomputation ending ``deferred_cockpit``, a cockpit value
        equal to the stored one is not written again, so the fields computed
        from it are not marked (most MO, picking and invoice changes leave
        most milestones as they are); a written value stays in the cache
        (the next computation reads it without reloading the whole order)."""
        stored = getattr(_DEFERRED, "stored", None)
        if not stored or not all(name in stored["columns"] for name in vals):
            return super(SaleOrder, self)._write(vals)
        new = {name: self._cockpit_normalize(name, value)
               for name, value in vals.items()}
        batches = {}
        for order_id in self.ids:
            old = stored["values"].get(order_id)
            names = tuple(sorted(name for name in vals
                                 if old is None or old[name] != new[name]))
            if names:
                batches.setdefault(names, []).append(order_id)
        for names, ids in batches.items():
            written = {name: vals[name] for name in names}
            orders = self.browse(ids)
            super(SaleOrder, orders)._write(written)
            for order in orders:
                order._cache.update(order._convert_to_cache(written, validate=False))
            for order_id in ids:
                if order_id in stored["values"]:
                    stored["values"][order_id].update(
                        (name, new[name]) for name in names)
        return True

    def _cockpit_normalize(self, name, value):
        """``value`` of column ``name`` (from SQL or from a computation) in
        one comparable form."""
        return self._fields[name].convert_to_cache(value, self, validate=False)

    @api.multi
    def _cockpit_stored_values(self):
        """{"columns": stored cockpit fields, "values": {order id: {field:
        value}}} as in the database (one query)."""
        columns = sorted(
            name for name, field in self._fields.items()
            if field.store and field.compute and field.column_type
            and self._is_cockpit_field(field))
        values = {}
        if self.ids:
            self.env.cr.execute(
                'SELECT id, %s FROM "%s" WHERE id IN %%s' % (
                    ", ".join('"%s"' % name for name in columns), self._table),
                (tuple(self.ids),))
            for row in self.env.cr.fetchall():
                values[row[0]] = {
                    name: self._cockpit_normalize(name, value)
                    for name, value in zip(columns, row[1:])}
        return {"columns": set(columns), "values": values}

    def _is_cockpit_field(self, field):
        """Milestones and what derives from them (with every field computed
        by the same method)."""
        return any(f.name.startswith("milestone_") or f.name in COCKPIT_FIELDS
                   for f in self._field_computed.get(field, [field]))

    def _compute_gendan_doc_counts(self):
        requirements = self._gendan_count_by_order(
            "gendan.requirement.item", "order_id", [("is_current", "=", True)])
        samples = self._gendan_count_by_order("gendan.sample", "order_id")
        for order in self:
            order.gendan_requirement_count = requirements.get(order.id, 0)
            order.gendan_sample_count = samples.get(order.id, 0)
            order.gendan_production_count = len(order.sudo().production_ids)

    def _gendan_count_by_order(self, model, field, domain=None):
        """{order id: number of ``model`` records whose ``field`` is one of
        these orders}, in one query (smart buttons count every record)."""
        groups = self.env[model].sudo().read_group(
            [(field, "in", self.ids)] + (domain or []), [field], [field])
        return {group[field][0]: group["%s_count" % field] for group in groups}

    @api.depends("team_id.gendan_controlled")
    def _compute_gendan_controlled(self):
        for order in self:
            order.gendan_controlled = (
                not order.team_id or order.team_id.gendan_controlled)

    @api.depends("review_line_ids.is_confirmed")
    def _compute_review_checklist_done(self):
        for order in self:
            lines = order.review_line_ids
            order.review_checklist_done = bool(lines) and all(
                lines.mapped("is_confirmed"))

    @api.depends("production_ids.date_planned_finished", "production_ids.state",
                 "picking_ids.scheduled_date", "picking_ids.state",
                 "picking_ids.date_done", "promised_date", "state")
    def _compute_expected_date(self):
        """Expected date and late risk (the expected date is after the
        promise), written together."""
        for order in self:
            dates = [_date(mo.date_planned_finished) for mo in order.production_ids
                     if mo.state not in ("done", "cancel")]
            pickings = order.picking_ids.filtered(lambda p: p.state != "cancel")
            dates += [_date(p.date_done if p.state == "done" else p.scheduled_date)
                      for p in pickings]
            dates = [d for d in dates if d]
            expected = dates and max(dates) or False
            order.expected_date = expected
            order.is_late_risk = bool(
                order.state not in ("done", "cancel") and expected
                and order.promised_date and expected > order.promised_date)

    @api.depends("amount_total", "deposit_percent")
    def _compute_deposit_amount(self):
        for order in self:
            order.deposit_amount = order.currency_id.round(
                order.amount_total * order.deposit_percent / 100.0)

    def _deposit_invoices(self):
        """Posted down-payment invoices of the order (not the final
        invoices that deduct them)."""
        self.ensure_one()
        return self.order_line.filtered("is_downpayment").mapped(
            "invoice_lines").filtered(lambda line: line.quantity > 0).mapped(
                "invoice_id").filtered(
                    lambda inv: inv.type == "out_invoice"
                    and inv.state in ("open", "paid"))

    @api.multi
    def _compute_deposit_invoice_ids(self):
        for order in self:
            order.deposit_invoice_ids = order._deposit_invoices()

    def _deposit_payments(self):
        """([(payment, amount in the order's currency, date)], [ignored
        payments in another currency]) reconciled with the down payment."""
        self.ensure_one()
        counted, ignored = [], self.env["account.payment"]
        for invoice in self._deposit_invoices():
            inv_lines = invoice.move_id.line_ids
            for line in invoice.payment_move_line_ids.filtered("payment_id"):
                if line.payment_id.currency_id != self.currency_id:
                    ignored |= line.payment_id
                    continue
                partials = line.matched_debit_ids.filtered(
                    lambda part: part.debit_move_id in inv_lines)
                amount = sum(part.amount_currency if part.currency_id
                             else part.amount for part in partials)
                counted.append((line.payment_id, amount, line.date))
        return counted, ignored

    @api.depends("deposit_amount", "order_line.invoice_lines.invoice_id.state",
                 "order_line.invoice_lines.invoice_id.payment_move_line_ids",
                 "deposit_waiver_ids.state")
    def _compute_deposit_received(self):
        """Deposit received = posted payments reconciled with the down-payment
        invoices reach the deposit (order currency), or a signed exception."""
        for order in self:
            counted, ignored = order._deposit_payments()
            paid = order.currency_id.round(sum(amount for _p, amount, _d in counted))
            waiver = order.deposit_waiver_ids.filtered(
                lambda waiver: waiver.state == "approved")[:1]
            notes = []
            if ignored:
                notes.append(_(
                    "Not counted, in another currency than the order's "
                    "(%(currency)s): %(payments)s.") % {
                        "currency": order.currency_id.name,
                        "payments": ", ".join(ignored.mapped("name"))})
            state, date = "na", False
            if order.deposit_amount:
                state = "due"
                if float_compare(paid, order.deposit_amount,
                                 precision_rounding=order.currency_id.rounding) >= 0:
                    state, date = "received", max(d for _p, _a, d in counted)
                elif waiver:
                    state, date = "waived", waiver.approved_date
                    notes.append(_("Production released without the deposit by "
                                   "the signed exception %(name)s: %(reason)s") % {
                                       "name": waiver.name, "reason": waiver.reason})
            order.deposit_received_amount = paid
            order.deposit_state = state
            order.is_deposit_received = state in ("received", "waived")
            order.deposit_date = date
            order.deposit_note = "\n".join(notes) or False

    def _milestone_from(self, done, deadline, done_date=False):
        """(state, date) of a milestone: done, late (deadline passed) or todo."""
        if done:
            return "done", done_date or deadline
        today = fields.Date.context_today(self)
        if deadline and deadline < today:
            return "late", deadline
        return "todo", deadline

    @api.depends("signoff_state", "review_date", "date_order", "state",
                 "gendan_controlled")
    def _compute_milestone_review(self):
        sla = self.env["gendan.sla"]
        for order in self:
            if order.state == "cancel" or not order.gendan_controlled:
                order.milestone_review_state = "na"
                order.milestone_review_date = False
                continue
            deadline = order.date_order and fields.Date.to_string(
                sla.add_working_days(fields.Date.from_string(order.date_order),
                                     REVIEW_DAYS, order.company_id))
            state, date = order._milestone_from(
                order.signoff_state == "approved", deadline, order.review_date)
            order.milestone_review_state = state
            order.milestone_review_date = date

    @api.depends("requirement_item_ids.state", "requirement_item_ids.sla_deadline",
                 "requirement_item_ids.approved_date", "state",
                 "confirmation_date", "data_due_days", "gendan_controlled")
    def _compute_milestone_data(self):
        """A confirmed controlled order: due ``data_due_days`` after
        confirmation, missing items are late; before: the items' clocks."""
        for order in self:
            items = order.requirement_item_ids
            confirmed = order._gendan_data_clock_start()
            if order.state == "cancel" or not (items or confirmed):
                order.milestone_data_state = "na"
                order.milestone_data_date = False
                continue
            open_items = items.filtered(lambda i: i.state != "approved")
            if confirmed:
                deadline = fields.Date.to_string(
                    confirmed + timedelta(days=order.data_due_days))
            else:
                deadlines = [d for d in open_items.mapped("sla_deadline") if d]
                deadline = deadlines and min(deadlines) or False
            done_dates = [d for d in items.mapped("approved_date") if d]
            state, date = order._milestone_from(
                bool(items) and not open_items, deadline,
                done_dates and max(done_dates) or False)
            order.milestone_data_state = state
            order.milestone_data_date = date

    def _gendan_data_clock_start(self):
        """Confirmation day of a confirmed controlled order, else None."""
        if self.gendan_controlled and self.state in ("sale", "done") \
                and self.confirmation_date:
            return fields.Date.from_string(self.confirmation_date[:10])
        return None

    @api.depends("sample_ids.state", "sample_ids.sla_deadline",
                 "sample_ids.date_due", "sample_ids.approved_date", "state")
    def _compute_milestone_sample(self):
        for order in self:
            samples = order.sample_ids.filtered(lambda s: s.state != "cancel")
            if not samples or order.state == "cancel":
                order.milestone_sample_state = "na"
                order.milestone_sample_date = False
                continue
            open_samples = samples.filtered(lambda s: s.state != "approved")
            deadlines = [s.sla_deadline or s.date_due for s in open_samples]
            deadlines = [d for d in deadlines if d]
            done_dates = [d for d in samples.mapped("approved_date") if d]
            state, date = order._milestone_from(
                not open_samples, deadlines and min(deadlines) or False,
                done_dates and max(done_dates) or False)
            order.milestone_sample_state = state
            order.milestone_sample_date = date

    @api.depends("deposit_percent", "is_deposit_received", "deposit_date",
                 "date_order", "state")
    def _compute_milestone_deposit(self):
        for order in self:
            if not order.deposit_percent or order.state == "cancel":
                order.milestone_deposit_state = "na"
                order.milestone_deposit_date = False
                continue
            deadline = order.date_order and fields.Date.to_string(
                fields.Date.from_string(order.date_order)
                + timedelta(days=DEPOSIT_DAYS))
            state, date = order._milestone_from(
                order.is_deposit_received, deadline, order.deposit_date)
            order.milestone_deposit_state = state
            order.milestone_deposit_date = date

    @api.model
    def _milestone_names(self):
        """Names <name> of every milestone_<name>_state field (all modules)."""
        return sorted(
            name[len("milestone_"):-len("_state")] for name in self._fields
            if name.startswith("milestone_") and name.endswith("_state"))

    @api.model
    def _selection_milestone_next(self):
        """Every milestone, labelled as its state field (translated)."""
        return [(name, self._fields["milestone_%s_state" % name]
                 ._description_string(self.env))
                for name in self._milestone_names()]

    @api.model
    def _group_expand_cockpit_state(self, states, domain, order):
        return list(COCKPIT_COLUMNS)

    def _compute_is_due_this_week(self):
        monday, sunday = [fields.Date.to_string(d) for d in week_bounds(
            fields.Date.context_today(self))]
        for order in self:
            order.is_due_this_week = bool(
                order.milestone_next_date
                and monday <= order.milestone_next_date <= sunday)

    def _search_is_due_this_week(self, operator, value):
        """Next deadline from Monday to Sunday of the user's current week."""
        monday, sunday = [fields.Date.to_string(d) for d in week_bounds(
            fields.Date.context_today(self))]
        if (operator == "=") == bool(value):
            return ["&", ("milestone_next_date", ">=", monday),
                    ("milestone_next_date", "<=", sunday)]
        return ["|", "|", ("milestone_next_date", "=", False),
                ("milestone_next_date", "<", monday),
                ("milestone_next_date", ">", sunday)]

    @api.depends("state", "is_late_risk", "promised_date", "expected_date",
                 "milestone_data_state")
    def _compute_risk(self):
        """Other modules add their reasons by overriding ``_gendan_risks``
        and this method (with an ``@api.depends`` on what they read)."""
        for order in self:
            codes = []
            if order.state not in ("done", "cancel"):
                codes = [code for code, _msg in order._gendan_risks()]
            order.risk_codes = ",".join(codes) or False
            order.is_at_risk = bool(codes)

    def _compute_risk_reasons(self):
        """Spelled out for the orders the stored flag shows at risk (the
        form shows them there only): no reads for the others."""
        for order in self:
            order.risk_reasons = order.is_at_risk and "\n".join(
                msg for _code, msg in order.sudo()._gendan_risks()) or False

    def _gendan_risks(self):
        """[(code, reason)] of the order's risks, the reason translated."""
        self.ensure_one()
        risks = []
        if self.is_late_risk:
            risks.append(("promise", _(
                "Expected delivery %(expected)s is after the promised date "
                "%(promised)s.") % {"expected": self.expected_date,
                                    "promised": self.promised_date}))
        if self.milestone_data_state == "late":
            items = self.requirement_item_ids.filtered(
                lambda i: i.state != "approved")
            risks.append(("data", _(
                "Customer data missing after its due date %(date)s: "
                "%(items)s.") % {"date": self.milestone_data_date,
                                 "items": ", ".join(items.mapped("name"))}))
        return risks

    @api.depends("state", "is_at_risk",
                 "milestone_review_state", "milestone_review_date",
                 "milestone_data_state", "milestone_data_date",
                 "milestone_sample_state", "milestone_sample_date",
                 "milestone_deposit_state", "milestone_deposit_date")
    def _compute_cockpit_summary(self):
        """Other modules add their milestones by overriding this method with
        an ``@api.depends`` on their two fields and calling ``super()``."""
        names = self._milestone_names()
        for order in self:
            states = [(order["milestone_%s_state" % n],
                       order["milestone_%s_date" % n]) for n in names]
            late = [s for s in states if s[0] == "late"]
            open_dates = sorted((d, n) for n, (s, d) in zip(names, states)
                                if s in ("todo", "late") and d)
            order.milestone_late_count = len(late)
            order.milestone_next_date = open_dates and open_dates[0][0] or False
            order.milestone_next = open_dates and open_dates[0][1] or False
            order.cockpit_state = order._cockpit_state_from(states, late)

    def _cockpit_state_from(self, states, late):
        if self.state in ("draft", "sent"):
            return "late" if late else "draft"
        if self.state == "cancel":
            return "done"
        if late:
            return "late"
        if self.is_at_risk:
            return "at_risk"
        if all(s in ("done", "na") for s, _d in states):
            return "done"
        return "on_track"

    def _compute_cockpit_waiting_me(self):
        waiting = self.search(
            [("id", "in", self.ids)] + self._search_cockpit_waiting_me("=", True))
        for order in self:
            order.cockpit_waiting_me = order in waiting

    def _search_cockpit_waiting_me(self, operator, value):
        """Orders whose review or samples wait for my signature, that hold
        one of my to-dos (on the order or on one of its documents: task
        order, material check, complaint...), or that I follow as
        merchandiser and are late."""
        user = self.env.user
        ids = set(self.search([("signoff_waiting_me", "=", True)]).ids)
        samples = self.env["gendan.sample"].search(
            [("signoff_waiting_me", "=", True)])
        ids |= set(samples.mapped("order_id").ids)
        ids |= self._orders_of_activities(user)
        ids |= set(self.search([("merchandiser_id", "=", user.id),
                                ("cockpit_state", "=", "late")]).ids)
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", list(ids))]

    @api.model
    def _orders_of_activities(self, user):
        """Ids of the orders of ``user``'s open activities: on the order, or
        on a document linked to it by ``sale_order_id``/``order_id`` (directly
        or through its task order). One query per model."""
        groups = self.env["mail.activity"].sudo().read_group(
            [("user_id", "=", user.id)], ["res_model", "res_id"], ["res_model"])
        ids = set()
        for group in groups:
            model = group["res_model"]
            if model not in self.env:
                continue
            res_ids = self.env["mail.activity"].sudo().search(
                group["__domain"]).mapped("res_id")
            records = self.env[model].sudo().browse(res_ids).exists()
            if model == self._name:
                ids |= set(records.ids)
                continue
            for path in ("sale_order_id", "order_id", "task_order_id.sale_order_id"):
                field = records._fields.get(path.split(".")[0])
                if field and field.type == "many2one":
                    linked = records.mapped(path)
                    if linked and linked._name == self._name:
                        ids |= set(linked.ids)
                        break
        return ids

    # -- constraints and onchanges --------------------------------------------

    def _check_promised_date_vals(self, vals):
        """Refuse a promise in the past before anything is written."""
        date = vals.get("promised_date")
        if date and date < fields.Date.context_today(self):
            raise ValidationError(_(
                "The promised delivery date cannot be in the past (%s).") % date)

    @api.constrains("promised_date", "date_order")
    def _check_promise_after_order(self):
        for order in self.filtered("promised_date"):
            if order.date_order and order.promised_date < order.date_order[:10]:
                raise ValidationError(_(
                    "Order %(order)s: the promised delivery (%(promise)s) cannot "
                    "be before the order date (%(date)s).") % {
                        "order": order.name, "promise": order.promised_date,
                        "date": order.date_order[:10]})

    @api.constrains("data_due_days")
    def _check_data_due_days(self):
        for order in self:
            if not 0 < order.data_due_days <= DATA_DAYS:
                raise ValidationError(_(
                    "%(order)s: the customer data is due 1 to %(max)d days after "
                    "confirmation.") % {"order": order.name, "max": DATA_DAYS})

    @api.constrains("deposit_percent")
    def _check_deposit_percent(self):
        for order in self:
            if not 0.0 <= order.deposit_percent <= 100.0:
                raise ValidationError(_(
                    "The deposit of %s must be between 0 and 100 %%.") % order.name)

    @api.onchange("payment_term_id")
    def _onchange_payment_term_id_deposit(self):
        self.deposit_percent = self.payment_term_id.deposit_percent

    # -- CRUD -----------------------------------------------------------------

    @api.model
    def create(self, vals):
        if "deposit_percent" not in vals and vals.get("payment_term_id"):
            term = self.env["account.payment.term"].browse(vals["payment_term_id"])
            vals["deposit_percent"] = term.deposit_percent
        self._check_deposit_write(vals)
        self._check_promised_date_vals(vals)
        self._check_team_create(vals)
        order = super(SaleOrder, self).create(vals)
        order._gendan_ensure_checklist()
        return order

    @api.multi
    def write(self, vals):
        self._check_deposit_write(vals)
        self._check_promised_date_vals(vals)
        self._check_team_write(vals)
        res = super(SaleOrder, self).write(vals)
        if "team_id" in vals:
            self._gendan_ensure_checklist()
        return res

    def _gendan_ensure_checklist(self):
        """The review checklist of the controlled orders that have none (an
        order of an uncontrolled channel gets one when it moves in)."""
        missing = self.sudo().filtered(
            lambda order: order.gendan_controlled and not order.review_line_ids)
        if missing:
            self.env["gendan.order.review.line"]._create_checklist(missing)

    def _check_team_write(self, vals):
        """Only a sales manager takes a controlled order out of the gates."""
        if not vals.get("team_id") or self.env["crm.team"]._is_sales_manager():
            return
        team = self.env["crm.team"].sudo().browse(vals["team_id"])
        escaping = self.filtered("gendan_controlled")
        if escaping and not team.gendan_controlled:
            raise UserError(_(
                "%(orders)s: only a sales manager can move an order to the sales "
                "channel %(team)s, whose orders skip the order review and the "
                "Gendan gates.") % {
                    "orders": ", ".join(escaping.mapped("name")),
                    "team": team.name})

    @api.model
    def _check_team_create(self, vals):
        """A user of a sales channel files new orders in an uncontrolled
        channel only if it is theirs (or as a sales manager)."""
        if not vals.get("team_id") or self.env["crm.team"]._is_sales_manager():
            return
        team = self.env["crm.team"].sudo().browse(vals["team_id"])
        user = self.env.user
        if team.gendan_controlled or not user.sale_team_id \
                or user in (team.user_id | team.member_ids):
            return
        raise UserError(_(
            "You sell in the sales channel %(mine)s: only a sales manager can "
            "file an order in the channel %(team)s, whose orders skip the order "
            "review and the Gendan gates.") % {
                "mine": user.sale_team_id.name, "team": team.name})

    def _check_deposit_write(self, vals):
        deposit_fields = {"is_deposit_received", "deposit_date", "deposit_state",
                          "deposit_received_amount", "deposit_note"}
        if deposit_fields & set(vals):
            raise AccessError(_(
                "The deposit is received when its payment is registered on the "
                "down-payment invoice (or an exception is signed); it cannot be "
                "set by hand."))

    def _signoff_gated_records(self):
        """Orders of uncontrolled sales channels are confirmed without review."""
        return self.filtered("gendan_controlled")

    def _signoff_changed(self, vals):
        """A confirmed order keeps its review: amendments are handled by
        the delay notice and the production modules."""
        if self.state not in ("draft", "sent"):
            return False
        return super(SaleOrder, self)._signoff_changed(vals)

    # -- review ---------------------------------------------------------------

    @api.multi
    def action_signoff_request(self):
        for order in self:
            if not order.review_checklist_done:
                raise UserError(_(
                    "Order %s: the merchandiser must confirm every line of the "
                    "review checklist before the review signatures are "
                    "requested.") % order.name)
            if not order.merchandiser_id:
                raise UserError(_("Order %s has no merchandiser.") % order.name)
        return super(SaleOrder, self).action_signoff_request()

    def _signoff_on_approved(self):
        res = super(SaleOrder, self)._signoff_on_approved()
        self.sudo().write({"review_date": fields.Date.context_today(self)})
        return res

    def _signoff_on_reset(self):
        res = super(SaleOrder, self)._signoff_on_reset()
        self.sudo().write({"review_date": False})
        return res

    @api.multi
    def action_confirm(self):
        unreviewed = self._signoff_gated_records().filtered(
            lambda o: o.signoff_state != "approved")
        if unreviewed:
            raise UserError(_(
                "The order review of %(orders)s is not complete (sign-off: "
                "%(state)s). Every review signature is needed before the order "
                "can be confirmed.") % {
                    "orders": ", ".join(unreviewed.mapped("name")),
                    "state": dict(self._fields["signoff_state"]._description_selection(
                        self.env))[unreviewed[0].signoff_state]})
        with deferred_cockpit():
            return super(SaleOrder, self).action_confirm()

    @api.multi
    def action_invoice_create(self, grouped=False, final=False):
        """The cockpit fields are recomputed once, not at every invoice line."""
        with deferred_cockpit():
            return super(SaleOrder, self).action_invoice_create(
                grouped=grouped, final=final)

    # -- delivery promise -----------------------------------------------------

    @api.multi
    def action_propose_promised_date(self):
        """Reply the promise from the production plan: the expected date, or
        today plus the longest customer and manufacturing lead time."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        for order in self:
            date = order.expected_date
            if not date or date < fields.Date.to_string(today):
                lead = max([line.customer_lead + line.product_id.produce_delay
                            for line in order.order_line] or [0.0])
                date = fields.Date.to_string(today + timedelta(days=lead))
            order.promised_date = date
        return True

    @api.multi
    def action_open_delay_notice(self):
        self.ensure_one()
        action = window_action(
            self.env, "gendan_order.gendan_delay_notice_wizard_action")
        action["context"] = {"default_order_id": self.id,
                             "default_new_date": self.expected_date}
        return action

    # -- deposit --------------------------------------------------------------

    @api.multi
    def action_create_deposit_invoice(self):
        """The down-payment invoice of the deposit percentage, made by sale's
        own down-payment wizard; opens it."""
        self.ensure_one()
        if not self.deposit_amount:
            raise UserError(_("Order %s asks no deposit.") % self.name)
        if self.state not in ("sale", "done"):
            raise UserError(_("The deposit of %s is invoiced once the order is "
                              "confirmed.") % self.name)
        open_dp = self.order_line.filtered("is_downpayment").mapped(
            "invoice_lines.invoice_id").filtered(
                lambda inv: inv.type == "out_invoice" and inv.state != "cancel")
        if open_dp:
            numbers = [inv.number or _("draft") for inv in open_dp]
            raise UserError(_("Order %(order)s already has its down-payment "
                              "invoice %(invoices)s.") % {
                                  "order": self.name, "invoices": ", ".join(numbers)})
        wizard = self.env["sale.advance.payment.inv"].with_context(
            active_model="sale.order", active_ids=self.ids, active_id=self.id
        ).create({"advance_payment_method": "percentage",
                  "amount": self.deposit_percent,
                  "product_id": self._deposit_product().id})
        wizard.with_context(open_invoices=False).create_invoices()
        invoice = self.order_line.filtered("is_downpayment").mapped(
            "invoice_lines.invoice_id").filtered(lambda inv: inv.state == "draft")
        action = window_action(self.env, "account.action_invoice_tree1")
        action.update({"views": [(self.env.ref("account.invoice_form").id, "form")],
                       "res_id": invoice[:1].id})
        return action

    @api.model
    def _deposit_product(self):
        """Sale's down-payment product, or Gendan's when none is set."""
        param = self.env["ir.config_parameter"].sudo().get_param(
            "sale.default_deposit_product_id")
        product = self.env["product.product"].browse(int(param or 0)).exists()
        return product or self.env.ref("gendan_order.product_deposit")

    @api.multi
    def action_request_deposit_waiver(self):
        """A deposit exception to sign (production without the deposit)."""
        self.ensure_one()
        action = window_action(self.env, "gendan_order.gendan_deposit_waiver_action")
        action.update({"views": [(False, "form")], "view_mode": "form",
                       "context": {"default_sale_order_id": self.id}})
        return action

    @api.multi
    def _gendan_check_production_allowed(self):
        """Raise when production of these orders may not be released."""
        missing = self.filtered(
            lambda o: o.gendan_controlled and o.deposit_percent
            and not o.is_deposit_received)
        if missing:
            raise UserError(_(
                "Production of %s cannot be released: the deposit is not paid on "
                "its down-payment invoice and no exception is signed.")
                % ", ".join(missing.mapped("name")))
        return True

    # -- demo data ------------------------------------------------------------

    @api.multi
    def _gendan_demo_pay_deposit(self):
        """Demo data only: invoice the deposit, post it and register its
        payment in the bank (skipped when already invoiced)."""
        journal = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.env.user.company_id.id)],
            limit=1)
        for order in self.filtered(lambda o: o.deposit_amount and not o.order_line
                                   .filtered("is_downpayment")):
            order.action_create_deposit_invoice()
            invoice = order.order_line.filtered("is_downpayment").mapped(
                "invoice_lines.invoice_id")
            invoice.action_invoice_open()
            if journal:
                invoice.pay_and_reconcile(journal, invoice.amount_total)
        return True

    # -- time and action plan -------------------------------------------------

    @api.model_cr
    def init(self):
        """The T&A view reads the milestone columns of every module: rebuilt
        each time a module adding milestones (inheriting sale.order) loads."""
        res = super(SaleOrder, self).init()
        self.env["gendan.tna.line"]._create_view()
        return res

    @api.model
    def _tna_plan(self):
        """{milestone: (sequence, department, owner field of the order)};
        the milestones of the later modules are placed here too."""
        return {
            "review": (10, "merchandiser", "merchandiser_id"),
            "data": (20, "sales", "user_id"),
            "sample": (30, "merchandiser", "merchandiser_id"),
            "deposit": (40, "finance", "user_id"),
            "task_order": (50, "merchandiser", "merchandiser_id"),
            "bom": (60, "engineering", "merchandiser_id"),
            "material": (70, "purchasing", "merchandiser_id"),
            "first_article": (80, "qa", "merchandiser_id"),
            "produced": (90, "production", "merchandiser_id"),
            "inspected": (100, "qa", "merchandiser_id"),
            "paid": (110, "finance", "user_id"),
            "shipped": (120, "warehouse", "merchandiser_id"),
        }

    @api.multi
    def _tna_open(self, milestone):
        """Action opening the document of ``milestone`` (a module adds
        ``_tna_open_<milestone>``); default: this order's follow-up form."""
        self.ensure_one()
        method = getattr(self, "_tna_open_%s" % milestone, None)
        action = method and method()
        return action or self.action_gendan_open_followup()

    @api.multi
    def action_gendan_open_followup(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": self._name,
                "res_id": self.id, "view_mode": "form", "views": [
                    (self.env.ref("gendan_order.sale_order_view_form_cockpit").id,
                     "form")]}

    def _gendan_open_records(self, records, name):
        """A form of one record, a list of several."""
        action = {"type": "ir.actions.act_window", "res_model": records._name,
                  "name": name, "domain": [("id", "in", records.ids)],
                  "context": {"create": False}}
        if len(records) == 1:
            action.update(res_id=records.id, view_mode="form",
                          views=[(False, "form")])
        else:
            action.update(view_mode="tree,form",
                          views=[(False, "tree"), (False, "form")])
        return action

    @api.multi
    def action_gendan_view_requirements(self):
        self.ensure_one()
        return self._gendan_open_records(
            self.requirement_item_ids, _("Customer Data"))

    @api.multi
    def action_gendan_view_samples(self):
        self.ensure_one()
        return self._gendan_open_records(self.sample_ids, _("Samples"))

    @api.multi
    def action_gendan_view_productions(self):
        self.ensure_one()
        return self._gendan_open_records(
            self.production_ids, _("Manufacturing Orders"))

    def _tna_open_data(self):
        return self.requirement_item_ids and self.action_gendan_view_requirements()

    def _tna_open_sample(self):
        return self.sample_ids and self.action_gendan_view_samples()

    def _tna_open_paid(self):
        return self.invoice_ids and self.action_view_invoice()

    def _tna_open_shipped(self):
        return self.picking_ids and self.action_view_delivery()

    @api.multi
    def action_print_tna(self):
        return self.env.ref("gendan_order.action_report_tna").report_action(self)

    # -- cockpit --------------------------------------------------------------

    @api.model
    def _cron_refresh_milestones(self):
        """Daily: milestones whose deadline just passed become late."""
        today = fields.Date.context_today(self)
        for name in self._milestone_names():
            state_field = self._fields["milestone_%s_state" % name]
            if not state_field.compute:
                continue
            orders = self.search([("milestone_%s_state" % name, "=", "todo"),
                                  ("milestone_%s_date" % name, "<", today)])
            if orders:
                self.env.add_todo(state_field, orders)
        # risks that depend on today (planned dates passing)
        orders = self.search([("state", "=", "sale")])
        if orders:
            self.env.add_todo(self._fields["risk_codes"], orders)
        self.recompute()
        return True
