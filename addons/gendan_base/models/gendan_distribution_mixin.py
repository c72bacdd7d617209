from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..engine import check_engine, engine, insert_rows

DISTRIBUTION_FIELDS = {"distribution_revision"}


class GendanDistributionMixin(models.AbstractModel):
    """Controlled distribution of numbered copies, acknowledged by recipients.

    Configure with ``_distribution_list_xmlid`` (the default list of the
    document type) or override ``_distribution_recipients()``. The document
    model must also inherit ``mail.thread``.
    """

    _name = "gendan.distribution.mixin"
    _description = "Controlled Distribution"

    _distribution_list_xmlid = None
    # The printed stamp (gendan_base.report_controlled_stamp): the states of
    # ``_state_field`` in which a distributed, approved revision is in force
    # (None: any), those in which the document is void (superseded, cancelled),
    # and the field holding the document's own revision (None: the sign-off
    # revision when the model is signed off, else the distribution counter).
    _distribution_live_states = None
    _distribution_void_states = ("cancel",)
    _distribution_revision_field = None

    distribution_revision = fields.Integer(
        "Distributed Revision", default=0, readonly=True, copy=False)
    distribution_copy_ids = fields.One2many(
        "gendan.distribution.copy", "res_id", "Controlled Copies", readonly=True,
        copy=False, domain=lambda self: [("res_model", "=", self._name)],
        auto_join=True)
    distribution_pending_count = fields.Integer(
        "Copies Not Acknowledged", compute="_compute_distribution_pending")
    distribution_pending_names = fields.Char(
        "Not Yet Acknowledged By", compute="_compute_distribution_pending")
    distribution_can_acknowledge = fields.Boolean(
        "Can Acknowledge", compute="_compute_distribution_pending")

    def _distribution_current(self):
        """The live copies of the current revision, every department's: read
        as superuser (a user reads only the copies they hold), for the engine
        to count, acknowledge, recall and print them."""
        self.ensure_one()
        return self.sudo().distribution_copy_ids.filtered(
            lambda copy: copy.revision == self.distribution_revision
            and copy.state != "recalled")

    @api.depends("distribution_copy_ids.state", "distribution_revision")
    def _compute_distribution_pending(self):
        user = self.env.user
        for rec in self:
            pending = rec._distribution_current().filtered(
                lambda copy: copy.state == "sent")
            rec.distribution_pending_count = len(pending)
            rec.distribution_pending_names = ", ".join(
                sorted(set(pending.mapped("name"))))
            rec.distribution_can_acknowledge = bool(
                rec._distribution_acknowledgeable(user))

    def _distribution_mine(self, user):
        """The current copies ``user`` holds: those addressed to them or to
        a role of their own; only when they have none, those of a role
        nobody holds as their own that theirs implies (a packing warehouse
        clerk does not take the warehouse chief's copy; a finished goods
        clerk without a copy of their own does; a general manager does not
        take the sales manager's)."""
        current = self._distribution_current()
        own = current.filtered(lambda copy: copy._is_own(user))
        if not own:
            # a role nobody holds as their own (the warehouse chief's): a
            # member of a role that implies it acknowledges; never a superior
            # in place of a department that has its own people
            own = current.filtered(lambda copy: copy._is_for(user)
                                   and not copy._has_own_holder())
        return own

    def _distribution_acknowledgeable(self, user):
        """The current copies ``user`` acknowledges now (see
        ``_distribution_mine``), not yet acknowledged."""
        return self._distribution_mine(user).filtered(
            lambda copy: copy.state == "sent")

    # -- printing -----------------------------------------------------------------

    def _distribution_document_revision(self):
        """The document's own revision, printed on the stamp (not the
        distribution counter): the field ``_distribution_revision_field``,
        else the sign-off revision of a signed-off model."""
        self.ensure_one()
        field = self._distribution_revision_field
        if not field and "signoff_revision" in self._fields:
            field = "signoff_revision"
        return self[field or "distribution_revision"]

    def _distribution_stamp_status(self):
        """What the stamp says: "controlled" (an approved revision in force,
        distributed, its copies live), "void" (superseded, recalled or
        cancelled) or "draft" (not approved or not distributed yet)."""
        self.ensure_one()
        state_field = getattr(self, "_state_field", None)
        state = self[state_field] if state_field in self._fields else None
        if state is not None and state in self._distribution_void_states:
            return "void"
        live = self._distribution_live_states
        if live is not None and state not in live:
            return "draft"
        if "signoff_state" in self._fields and self.signoff_state != "approved":
            return "draft"
        if not self.distribution_revision:
            return "draft"
        if not self._distribution_current():
            return "void"  # the revision's copies were recalled
        return "controlled"

    def _distribution_print_copies(self, mode=None):
        """The copies to print, one page each: ``mode`` (else the context's
        ``gendan_print_copies``) "all" (default: every live copy of an
        approved revision), "reference" (one unnumbered reference copy) or
        "mine" (the current user's copies). A draft or void document prints
        once, without copies. ``False`` stands for the unnumbered page."""
        self.ensure_one()
        mode = mode or self.env.context.get("gendan_print_copies") or "all"
        if mode == "reference" or self._distribution_stamp_status() != "controlled":
            return [False]
        if mode == "mine":
            mine = self._distribution_mine(self.env.user)
            if not mine:
                raise UserError(_("You hold no controlled copy of %s: print "
                                  "a reference copy instead.") % self.display_name)
            return list(mine)
        return list(self._distribution_current()) or [False]

    def _distribution_stamp(self, copy=False):
        """What ``gendan_base.report_controlled_stamp`` prints for ``copy``
        (a ``gendan.distribution.copy``, a copy number or False)."""
        self.ensure_one()
        status = self._distribution_stamp_status()
        if copy and not isinstance(copy, models.BaseModel):
            copy = self._distribution_current().filtered(
                lambda rec: rec.copy_number == copy)[:1]
        if status == "controlled" and not copy:
            status = "reference"
        return {
            "status": status,
            "revision": self._distribution_document_revision(),
            "copy_number": copy.copy_number if copy else False,
            "department": copy.name if copy else "",
            "holder": copy.holder_name if copy else "",
        }

    @api.model
    def create(self, vals):
        if DISTRIBUTION_FIELDS & set(vals):
            check_engine(_("The distribution status"))
        return super(GendanDistributionMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        if DISTRIBUTION_FIELDS & set(vals):
            check_engine(_("The distribution status"))
        return super(GendanDistributionMixin, self).write(vals)

    # -- recipients -------------------------------------------------------------

    def _distribution_list(self):
        xmlid = self._distribution_list_xmlid
        dist_list = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
        if not dist_list:
            dist_list = self.env["gendan.distribution.list"].search(
                [("model_id.model", "=", self._name)], limit=1)
        return dist_list

    def _distribution_recipients(self):
        """[{name, group_id, user_id, copies, line_id, label}] that receive
        copies of ``self``: ``name`` is the department in the current
        language, ``label`` in the source language (kept on the copy),
        ``line_id`` its distribution list line (optional keys)."""
        lines = self._distribution_list().sudo().line_ids
        labels = {line.id: line.name for line in lines.with_context(lang=None)}
        return [{"name": line.name, "group_id": line.group_id.id,
                 "user_id": line.user_id.id, "copies": line.copies,
                 "line_id": line.id, "label": labels[line.id]}
                for line in lines]

    # -- actions ------------------------------------------------------------------

    @api.multi
    def action_distribute(self):
        """Distribute a new revision: recall old copies, number and send new ones."""
        recipients = self._distribution_recipients()
        if not recipients:
            raise UserError(_("No distribution list is configured for %s.") % (
                self._description))
        now = fields.Datetime.now()
        self._distribution_recall()
        with engine():
            rows = []
            for rec in self:
                rows += rec._prepare_distribution_rows(recipients, now)
            insert_rows(self.env["gendan.distribution.copy"].sudo(), rows)
            self.invalidate_cache(["distribution_copy_ids"])
            for rec in self:
                rec.write({"distribution_revision": rec.distribution_revision + 1})
        self._distribution_notify(recipients)
        self.env["mail.activity"]._todo_cancel(self, "copy")
        self._distribution_todo_sync()
        return True

    def _distribution_recall(self):
        """Recall the live copies (their revision is no longer valid)."""
        copies = self.sudo().mapped("distribution_copy_ids").filtered(
            lambda copy: copy.state != "recalled")
        if copies:
            with engine():
                copies.sudo().write({"state": "recalled",
                                     "recall_date": fields.Datetime.now()})
        self.env["mail.activity"]._todo_cancel(self, "copy")
        return copies

    def _distribution_todo_sync(self):
        """One "acknowledge" to-do for each holder of a copy not yet
        acknowledged; the others' to-dos are removed."""
        activity = self.env["mail.activity"]
        deadline = self.env["gendan.sla"].add_working_days(
            fields.Date.context_today(self), 1)
        # as superuser: one environment, so that the holders' groups are read
        # once for all of them (no query per holder)
        for rec in self.sudo():
            pending = rec._distribution_current().filtered(
                lambda copy: copy.state == "sent")
            users = rec.env["res.users"]
            pending.mapped("user_id.groups_id")
            pending.mapped("group_id.users.groups_id")
            for copy in pending:
                users |= copy._holders().filtered(
                    lambda user, copy=copy:
                    copy in rec._distribution_acknowledgeable(user))
            stale = activity._todo_open(rec, "copy").mapped("user_id") - users
            if stale:
                activity._todo_cancel(rec, "copy", stale)
            activity._todo_ensure(
                rec, "copy", users,
                lambda self: _("Acknowledge your copy of %s") % self.display_name,
                deadline=deadline)

    def _prepare_distribution_rows(self, recipients, now):
        self.ensure_one()
        rows, number = [], 0
        for recipient in recipients:
            for _copy in range(recipient["copies"]):
                number += 1
                rows.append({
                    "res_model": self._name, "res_id": self.id,
                    "revision": self.distribution_revision + 1,
                    "copy_number": number,
                    "list_line_id": recipient.get("line_id") or False,
                    "department_label": recipient.get("label") or recipient["name"],
                    "group_id": recipient["group_id"] or False,
                    "user_id": recipient["user_id"] or False,
                    "sent_date": now, "state": "sent"})
        return rows

    def _distribution_notify(self, recipients):
        """One chatter note per document; the holders are told by their
        "acknowledge" to-do (not one e-mail or inbox message each)."""
        for rec in self:
            rec.message_post(
                body=_("Revision %(rev)s distributed to: %(names)s. Please "
                       "acknowledge receipt.") % {
                           "rev": rec.distribution_revision,
                           "names": ", ".join(r["name"] for r in recipients)},
                subtype="mail.mt_note")

    @api.multi
    def action_distribution_acknowledge(self):
        """Acknowledge the current user's copies of the latest revision."""
        return self._distribution_acknowledge()

    def _distribution_acknowledge(self, copies=None):
        """Acknowledge the current user's copies of the latest revision, or
        only ``copies`` among them (one row of a list of copies)."""
        user = self.env.user
        now = fields.Datetime.now()
        # lock the documents first: concurrent acknowledgements then wait
        # here (or are retried before anything is queued), instead of failing
        # on the document's row later (chatter, activity fields)
        self.env.cr.execute(
            'SELECT id FROM "%s" WHERE id IN %%s FOR UPDATE' % self._table,
            (tuple(self.ids),))  # pylint: disable=sql-injection
        for rec in self:
            mine = rec._distribution_acknowledgeable(user)
            if copies is not None:
                mine &= copies
            if not mine:
                raise UserError(_("You have no unacknowledged copy of %s.") % (
                    rec.display_name))
            with engine():
                mine.sudo().write({"state": "acknowledged", "ack_user_id": user.id,
                                   "ack_date": now})
            # a recipient may only read the document (a controlled BOM): the
            # engine, having checked the copy is theirs, posts their trace
            rec.sudo().message_post(
                author_id=user.partner_id.id,
                body=_("Copy %(numbers)s acknowledged (%(names)s).") % {
                    "numbers": ", ".join(str(n) for n in mine.mapped("copy_number")),
                    "names": ", ".join(sorted(set(mine.mapped("name"))))})
        # the to-do is done when the user has no copy left to acknowledge
        done = self.filtered(lambda rec: not rec._distribution_acknowledgeable(user))
        self.env["mail.activity"]._todo_done(done, "copy", user)
        self._distribution_todo_sync()
        return True

    def _distribution_new_revision(self, reason):
        """A new revision supersedes the copies: recall and redistribute."""
        for rec in self:
            rec.message_post(body=_("New revision: %s. Old copies are recalled.") % (
                reason))
        return self.action_distribute()
