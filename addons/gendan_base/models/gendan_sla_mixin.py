from odoo import _, api, fields, models

DUE_SOON_DAYS = 1


class GendanSlaMixin(models.AbstractModel):
    """A deadline in working days, its status and the overdue escalation.

    Configure with ``_sla_start_field``, ``_sla_working_days``,
    ``_sla_done_states`` (of ``_sla_state_field``) and
    ``_sla_responsible_field``; override ``_compute_sla_deadline`` (with its
    own ``@api.depends``) when the start is not a single field.
    """

    _name = "gendan.sla.mixin"
    _description = "SLA Clock"

    _sla_start_field = "create_date"
    _sla_working_days = 3
    _sla_state_field = "state"
    _sla_done_states = ["done", "cancel"]
    _sla_responsible_field = "user_id"

    sla_deadline = fields.Date(
        "Deadline", compute="_compute_sla_deadline", store=True, index=True,
        readonly=False, track_visibility="onchange")
    sla_done = fields.Boolean(
        "Clock Stopped", compute="_compute_sla_done", store=True, index=True)
    sla_escalation_level = fields.Integer(
        "Escalation Level", readonly=True, copy=False,
        help="0: the owner is reminded; 1: their superior as well; ...")
    sla_escalated_on = fields.Date("Escalated On", readonly=True, copy=False)
    sla_status = fields.Selection(
        [("done", "Done"), ("on_time", "On Time"), ("due_soon", "Due Soon"),
         ("overdue", "Overdue")],
        "SLA", compute="_compute_sla_status", search="_search_sla_status")

    @api.depends(lambda self: [self._sla_start_field])
    def _compute_sla_deadline(self):
        sla = self.env["gendan.sla"]
        for rec in self:
            start = rec[self._sla_start_field]
            company = "company_id" in rec._fields and rec.company_id or None
            rec.sla_deadline = start and sla.add_working_days(
                start, self._sla_working_days, company)

    @api.depends(lambda self: [self._sla_state_field])
    def _compute_sla_done(self):
        for rec in self:
            rec.sla_done = rec[self._sla_state_field] in self._sla_done_states

    def _sla_today(self):
        return fields.Date.from_string(fields.Date.context_today(self))

    def _sla_due_soon_limit(self):
        return self.env["gendan.sla"].add_working_days(
            self._sla_today(), DUE_SOON_DAYS)

    @api.depends("sla_deadline", "sla_done")
    def _compute_sla_status(self):
        today = self._sla_today()
        soon = self._sla_due_soon_limit()
        for rec in self:
            deadline = fields.Date.from_string(rec.sla_deadline)
            if rec.sla_done or not deadline:
                rec.sla_status = "done" if rec.sla_done else False
            elif deadline < today:
                rec.sla_status = "overdue"
            elif deadline <= soon:
                rec.sla_status = "due_soon"
            else:
                rec.sla_status = "on_time"

    def _search_sla_status(self, operator, value):
        today = fields.Date.to_string(self._sla_today())
        soon = fields.Date.to_string(self._sla_due_soon_limit())
        domains = {
            "done": [("sla_done", "=", True)],
            "overdue": [("sla_done", "=", False), ("sla_deadline", "<", today)],
            "due_soon": [("sla_done", "=", False), ("sla_deadline", ">=", today),
                         ("sla_deadline", "<=", soon)],
            "on_time": [("sla_done", "=", False), ("sla_deadline", ">", soon)],
        }
        values = value if isinstance(value, (list, tuple)) else [value]
        ids = set()
        for val in values:
            ids |= set(self.search(domains.get(val, [("id", "=", 0)])).ids)
        positive = operator in ("=", "in")
        return [("id", "in" if positive else "not in", list(ids))]

    def _sla_escalate(self):
        """The escalation ladder of the overdue records: the owner has an
        "overdue" to-do; every ``gendan_escalation_days`` working days
        without the item being done, one more level (the owner's superior,
        then theirs) gets one, up to ``gendan_escalation_levels``. A to-do
        marked done while the item is still overdue comes back; the to-dos
        go when the item is done. Returns the records escalated now."""
        overdue = self.sudo().search([("sla_status", "=", "overdue")])
        settled = self.sudo().search([("sla_escalated_on", "!=", False)]) - overdue
        if settled:
            self.env["mail.activity"]._todo_cancel(settled, "sla")
            settled._sla_set_escalation(0, None)
        today = self._sla_today()
        escalated = self.browse()
        for rec in overdue:
            level = rec._sla_next_level(today)
            chain = rec._sla_escalation_chain(level)
            created = self.env["mail.activity"]._todo_ensure(
                rec, "sla", chain,
                lambda self: _("Overdue since %s") % self.sla_deadline,
                activity_type=self.env["gendan.sla"]._activity_type())
            if level != rec.sla_escalation_level or not rec.sla_escalated_on:
                rec._sla_set_escalation(level, fields.Date.to_string(today))
                rec.message_post(body=_(
                    "Overdue since %(deadline)s: escalated to %(users)s "
                    "(level %(level)s).") % {
                        "deadline": rec.sla_deadline, "level": level,
                        "users": ", ".join(chain.mapped("name"))})
                escalated |= rec
            elif created:
                escalated |= rec
        return escalated

    def _sla_set_escalation(self, level, date):
        """The ladder's bookkeeping, kept by the cron only: written in SQL so
        that no document rule (a sent statement, a controlled BOM) refuses
        it and no tracking message is posted."""
        # the table name comes from the model
        self.env.cr.execute(
            'UPDATE "%s" SET sla_escalation_level = %%s, sla_escalated_on = %%s '
            'WHERE id IN %%s' % self._table,
            (level, date, tuple(self.ids)))  # pylint: disable=sql-injection
        self.invalidate_cache(["sla_escalation_level", "sla_escalated_on"], self.ids)

    def _sla_next_level(self, today):
        """The ladder level the record reaches today."""
        self.ensure_one()
        if not self.sla_escalated_on:
            return 0
        company = "company_id" in self._fields and self.company_id or \
            self.env.user.company_id
        days = max(company.gendan_escalation_days, 1)
        elapsed = self.env["gendan.sla"].working_days_between(
            self.sla_escalated_on, today, company)
        if elapsed >= days:
            return min(self.sla_escalation_level + 1,
                       max(company.gendan_escalation_levels, 0))
        return self.sla_escalation_level

    def _sla_escalation_chain(self, level):
        """The owner and ``level`` superiors above them (fewer when the top
        is reached)."""
        self.ensure_one()
        chain = self._sla_responsible()
        user = chain
        for _step in range(level):
            user = user._gendan_superior()
            if not user or user in chain:
                break
            chain |= user
        return chain

    def _sla_responsible(self):
        self.ensure_one()
        field = self._sla_responsible_field
        user = field in self._fields and self[field]
        return user or self.create_uid or self.env.user
