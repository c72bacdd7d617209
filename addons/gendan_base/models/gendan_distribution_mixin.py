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
        self.ensure_one()
        return self.distribution_copy_ids.filtered(
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

    def _distribution_acknowledgeable(self, user):
        """The current copies ``user`` acknowledges now: those addressed to
        them or to a role of their own; only when they have none, those of
        a role nobody holds as their own that theirs implies (a packing
        warehouse clerk does not take the warehouse chief's copy; a finished
        goods clerk without a copy of their own does; a general manager does
        not take the sales manager's)."""
        current = self._distribution_current()
        own = current.filtered(lambda copy: copy._is_own(user))
        if not own:
            # a role nobody holds as their own (the warehouse chief's): a
            # member of a role that implies it acknowledges; never a superior
            # in place of a department that has its own people
            own = current.filtered(lambda copy: copy._is_for(user)
                                   and not copy._has_own_holder())
        return own.filtered(lambda copy: copy.state == "sent")

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
        """[{name, group_id, user_id, copies}] that receive copies of ``self``."""
        lines = self._distribution_list().sudo().line_ids
        return [{"name": line.name, "group_id": line.group_id.id,
                 "user_id": line.user_id.id, "copies": line.copies}
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
        copies = self.mapped("distribution_copy_ids").filtered(
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
                _("Acknowledge your copy of %s") % rec.display_name,
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
                    "copy_number": number, "name": recipient["name"],
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
        self.env["mail.activity"]._todo_done(self, "copy", user)
        self._distribution_todo_sync()
        return True

    def _distribution_new_revision(self, reason):
        """A new revision supersedes the copies: recall and redistribute."""
        for rec in self:
            rec.message_post(body=_("New revision: %s. Old copies are recalled.") % (
                reason))
        return self.action_distribute()
