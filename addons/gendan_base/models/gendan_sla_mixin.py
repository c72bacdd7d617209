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
        """Create the missing 'SLA overdue' activities (idempotent)."""
        overdue = self.sudo().search([("sla_status", "=", "overdue")])
        if not overdue:
            return self.browse()
        activity_type = self.env["gendan.sla"]._activity_type()
        existing = self.env["mail.activity"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "in", overdue.ids),
            ("activity_type_id", "=", activity_type.id)])
        done_ids = set(existing.mapped("res_id"))
        model_id = self.env["ir.model"]._get_id(self._name)
        todo = overdue.filtered(lambda rec: rec.id not in done_ids)
        for rec in todo:
            user = rec._sla_responsible()
            self.env["mail.activity"].sudo().create({
                "res_model_id": model_id, "res_id": rec.id,
                "activity_type_id": activity_type.id,
                "summary": _("Overdue since %s") % rec.sla_deadline,
                "date_deadline": fields.Date.context_today(self),
                "user_id": user.id,
            })
        return todo

    def _sla_responsible(self):
        self.ensure_one()
        field = self._sla_responsible_field
        user = field in self._fields and self[field]
        return user or self.create_uid or self.env.user
