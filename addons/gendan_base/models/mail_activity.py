from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..engine import engine, in_engine, insert_rows


class MailActivity(models.Model):
    """The one to-do helper of the Gendan modules.

    A to-do is a ``mail.activity`` with a ``gendan_key`` saying what it is for
    (e.g. ``"signoff"``, ``"copy"``, ``"sla"``). ``_todo_ensure`` creates the
    missing ones (one per record, user and key: running it twice adds
    nothing); ``_todo_done`` marks them done and ``_todo_cancel`` removes
    them when the request is withdrawn. Done or removed, they disappear from
    the user's list, as in core Odoo. The engines post their own chatter line
    for the step that closes a to-do, so a to-do done without feedback leaves
    no second trace: it is removed in one query, not through core's
    ``action_feedback`` (a rendered message and an unlink of ~130 queries).
    """

    _inherit = "mail.activity"

    gendan_key = fields.Char(
        "Gendan To-do", index=True, readonly=True,
        help="What the to-do is for; set by the Gendan engines.")

    # the fields that say whose sign to-do it is: "Waiting for Me" reads them
    _SIGNOFF_LOCKED = {"res_model", "res_model_id", "res_id", "user_id",
                       "gendan_key"}

    def init(self):
        # "Waiting for Me" no longer reads the to-dos (signoff_waiting_uids)
        self.env.cr.execute("DROP INDEX IF EXISTS gendan_signoff_todo_index")

    @api.multi
    def write(self, vals):
        if self._SIGNOFF_LOCKED & set(vals):
            self._check_signoff_todo()
        return super(MailActivity, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_signoff_todo()
        return super(MailActivity, self).unlink()

    @api.multi
    def action_feedback(self, feedback=False):
        self._check_signoff_todo()  # before the "done" line is posted
        return super(MailActivity, self).action_feedback(feedback=feedback)

    def _check_signoff_todo(self):
        """A "sign" to-do is the engine's: it closes when its user signs or
        rejects, and is neither marked done, deleted nor handed to someone
        else by hand (not even by the administrator)."""
        if not in_engine() and any(
                act.gendan_key == "signoff" for act in self.sudo()):
            raise UserError(_("A to-do to sign closes itself when you sign or "
                              "reject the document: open the document to do "
                              "so."))

    @api.model
    def _todo_open(self, records, key, users=None):
        domain = [("res_model", "=", records._name), ("res_id", "in", records.ids),
                  ("gendan_key", "=", key)]
        if users is not None:
            domain.append(("user_id", "in", users.ids))
        return self.sudo().search(domain)

    @api.model
    def _todo_ensure(self, records, key, users, summary, deadline=None,
                     activity_type=None, note=None, existing=None):
        """Give each of ``users`` one open to-do ``key`` on each of ``records``.

        ``users`` is a ``res.users`` recordset, or a function record -> users;
        ``summary``, ``note`` and ``deadline`` a value, or a function record
        -> value (deadline default: today), computed only for the to-dos
        created. A translated text is in each user's language, whoever runs
        this (a cron runs in English): pass a function that is given the
        record in that language and translates there, e.g.
        ``lambda self: _("Sign %s") % self.display_name`` (``_()`` reads the
        language of the ``self`` of its frame, so the argument is named
        ``self``; tests/test_translations.py checks the calls).
        ``existing``: the open to-dos ``key`` of ``records`` when the caller
        has them (else searched). Returns the to-dos created.
        """
        if not records:
            return self.browse()
        if existing is None:
            existing = self._todo_open(records, key)
        existing = {(act.res_id, act.user_id.id) for act in existing}
        rows = []
        for record in records.sudo():
            targets = users(record) if callable(users) else users
            texts = {}  # language: (name, summary, note) of this record
            due = None  # the record's deadline, computed once for its to-dos
            for user in targets.filtered("active"):
                if (record.id, user.id) in existing:
                    continue
                existing.add((record.id, user.id))
                lang = user.lang or "en_US"
                if lang not in texts:
                    texts[lang] = self._todo_texts(
                        record.with_context(lang=lang), summary, note)
                if due is None:
                    due = (deadline(record) if callable(deadline) else deadline) \
                        or fields.Date.context_today(self)
                rows.append(self._todo_row(record, key, user, texts[lang], due))
        if not rows:
            return self.browse()
        activity_type = activity_type or self.env["mail.activity.type"].browse(
            self.env["ir.model.data"].xmlid_to_res_id(
                "mail.mail_activity_data_todo", raise_if_not_found=True))
        for row in rows:
            row["activity_type_id"] = activity_type.id
        # one query for any number of to-dos (a distribution to every
        # department must not grow with it); the user sees them in their
        # activities and "My work"
        created = insert_rows(self.sudo(), rows)
        self._todo_sync_deadline(records)
        return created

    @staticmethod
    def _todo_texts(record, summary, note):
        """The document's name, the summary and the note of a to-do on
        ``record``, in the language of ``record``'s environment."""
        return (record.display_name,
                summary(record) if callable(summary) else summary,
                (note(record) if callable(note) else note) or False)

    def _todo_row(self, record, key, user, texts, deadline):
        """The values of the to-do ``key`` of ``user`` on ``record``; its
        ``texts`` from ``_todo_texts``, in the user's language; ``deadline``
        a date."""
        name, summary, note = texts
        return {
            "res_model_id": self.env["ir.model"]._get_id(record._name),
            "res_model": record._name, "res_id": record.id,
            "res_name": name, "user_id": user.id,
            "gendan_key": key, "note": note, "summary": summary,
            "date_deadline": deadline,
        }

    @api.model
    def _todo_done(self, records, key, users=None, feedback=False):
        """Mark done the open to-dos ``key`` of ``records`` (of ``users``)."""
        todos = self._todo_open(records, key, users)
        if todos and feedback:
            with engine():  # the feedback in the chatter
                todos.action_feedback(feedback=feedback)
        elif todos:
            todos._todo_remove(records)
        return todos

    @api.model
    def _todo_cancel(self, records, key, users=None):
        """Remove the open to-dos ``key`` of ``records``: nothing left to do."""
        todos = self._todo_open(records, key, users)
        todos._todo_remove(records)
        return todos

    def _todo_remove(self, records):
        """Delete these to-dos of ``records`` in one query."""
        if self:
            self.env.cr.execute("DELETE FROM mail_activity WHERE id IN %s",
                                (tuple(self.ids),))
            self._todo_sync_deadline(records)

    @api.model
    def _todo_sync_deadline(self, records):
        """Keep the documents' stored "next activity deadline" (core's related
        field, which the SQL writes above bypass) and the caches right."""
        field = records._fields.get("activity_date_deadline")
        if records and field and field.store:
            # only the rows whose deadline changes: twenty holders
            # acknowledging at once must not all update the document's row
            # (each would fail on the others' update, "could not serialize")
            # table name from the model, never from user input
            self.env.cr.execute(
                'WITH next AS (SELECT t.id, (SELECT MIN(a.date_deadline) '
                "FROM mail_activity a WHERE a.res_model = %%s AND a.res_id = t.id)"
                ' AS deadline FROM "%s" t WHERE t.id IN %%s) '
                'UPDATE "%s" t SET activity_date_deadline = next.deadline '
                "FROM next WHERE next.id = t.id "
                "AND t.activity_date_deadline IS DISTINCT FROM next.deadline" % (
                    records._table, records._table),  # pylint: disable=sql-injection
                (records._name, tuple(records.ids)))
        if self:  # the to-dos deleted: not the whole cache of every model
            self.invalidate_cache(ids=self.ids)
        records.invalidate_cache([
            name for name in ("activity_ids", "activity_date_deadline",
                              "activity_state")
            if name in records._fields], records.ids)

    @api.multi
    def action_gendan_open_document(self):
        """Open the document the to-do is about (from "My work")."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
