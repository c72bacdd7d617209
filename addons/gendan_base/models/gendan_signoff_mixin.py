from contextlib import nullcontext

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import column_exists

from ..engine import ANY_STATE, check_engine, engine, insert_rows, moving
from ..tools_actions import window_action

SIGNOFF_FIELDS = {"signoff_state", "signoff_revision", "signoff_waiting_uids"}


class GendanSignoffMixin(models.AbstractModel):
    """Multi-signature approval (会签) for any document.

    Configure with class attributes::

        _signoff_state_field = "state"      # the document's state field
        _signoff_gated_states = ["approved"]  # unreachable until signed off
        _signoff_reject_state = "draft"     # set on rejection (None: untouched)
        _signoff_reset_fields = ["qty"]     # a change asks for re-approval
        # the document's own moves, made by the engine ((from states), to)
        _signoff_request_move = (["draft"], "to_sign")     # signatures asked
        _signoff_approve_move = (["to_sign"], "approved")  # all signed
        _signoff_reset_move = (["approved"], "to_sign")    # key field changed

    and override the hooks ``_signoff_on_*`` for what else happens (they run
    after the move; ``_signoff_approve_vals`` adds what the approval fills).
    The document model must also inherit ``mail.thread`` (the trail of every
    step is in the chatter).
    """

    _name = "gendan.signoff.mixin"
    _description = "Sign-off (multi-signature approval)"

    _signoff_state_field = "state"
    _signoff_gated_states = []
    _signoff_reject_state = "draft"
    _signoff_reset_fields = []
    _signoff_request_move = None
    _signoff_approve_move = None
    _signoff_reset_move = None

    signoff_state = fields.Selection(
        [("none", "Not Requested"), ("pending", "Waiting for Signatures"),
         ("approved", "Signed Off"), ("rejected", "Rejected")],
        "Sign-off", default="none", required=True, readonly=True, copy=False,
        index=True)  # each step posts its own line (_signoff_post)
    signoff_revision = fields.Integer(
        "Sign-off Revision", default=0, readonly=True, copy=False,
        help="Increases each time the document is sent for (re-)approval.")
    signature_ids = fields.One2many(
        "gendan.signature", "res_id", "Signatures", readonly=True, copy=False,
        domain=lambda self: [("res_model", "=", self._name)], auto_join=True)
    signoff_can_sign = fields.Boolean(
        "Can Sign", compute="_compute_signoff_user_status")
    signoff_waiting_me = fields.Boolean(
        "Waiting for My Signature", compute="_compute_signoff_user_status",
        search="_search_signoff_waiting_me")
    # the users with a "sign" to-do, ",7,12,": written with the to-dos by
    # _signoff_todo_sync; "Waiting for Me" filters the pending documents
    # on it in their own table (a semi-join with the to-dos cost 2.6x)
    signoff_waiting_uids = fields.Char(
        "Waiting Signers", readonly=True, copy=False)
    signoff_progress = fields.Char(
        "Signed", compute="_compute_signoff_progress",
        help="Required signatures given out of those asked, e.g. 2/5.")
    signoff_required_ids = fields.Many2many(
        "gendan.signature", string="Required Signatures",
        compute="_compute_signoff_slots",
        help="The required slots of the current revision.")
    signoff_optional_ids = fields.Many2many(
        "gendan.signature", string="Optional Signatures",
        compute="_compute_signoff_slots",
        help="The optional slots of the current revision: the document is "
             "approved without them; once approved, those left unsigned are "
             "neither shown as waiting nor printed.")

    # -- computes -------------------------------------------------------------

    def _signoff_current(self):
        """Signatures of the current revision (batched via the o2m cache)."""
        self.ensure_one()
        return self.signature_ids.filtered(
            lambda sig: sig.revision == self.signoff_revision
            and sig.state != "obsolete")

    @api.depends("signature_ids.state", "signoff_state", "signoff_revision")
    def _compute_signoff_slots(self):
        for rec in self:
            current = rec._signoff_current().sorted(lambda sig: (sig.sequence, sig.id))
            rec.signoff_required_ids = current.filtered("is_required")
            rec.signoff_optional_ids = current.filtered(
                lambda sig: not sig.is_required and (
                    rec.signoff_state != "approved" or sig.state != "pending"))

    @api.depends("signature_ids.state", "signoff_state")
    def _compute_signoff_progress(self):
        for rec in self:
            required = rec._signoff_current().filtered("is_required")
            signed = required.filtered(lambda sig: sig.state == "signed")
            rec.signoff_progress = required and "%d/%d" % (
                len(signed), len(required)) or ""

    @api.depends("signature_ids.state", "signoff_state")
    def _compute_signoff_user_status(self):
        user = self.env.user
        for rec in self:
            can_sign = bool(rec.signoff_state == "pending"
                            and rec._signoff_signable_by(user))
            rec.signoff_can_sign = rec.signoff_waiting_me = can_sign

    def _search_signoff_waiting_me(self, operator, value):
        """The documents the user may sign now: those with their "sign"
        to-do (``signoff_waiting_uids``, kept by ``_signoff_todo_sync`` for
        exactly the users who may sign a due slot); the state's index
        narrows first."""
        uid = ",%d," % self.env.uid
        if (operator == "=") != bool(value):
            return ["|", "|", ("signoff_state", "!=", "pending"),
                    ("signoff_waiting_uids", "=", False),
                    ("signoff_waiting_uids", "not like", uid)]
        return ["&", ("signoff_state", "=", "pending"),
                     ("signoff_waiting_uids", "like", uid)]

    @api.model_cr
    def init(self):
        res = super(GendanSignoffMixin, self).init()
        # an upgrade: the documents pending before get their sign to-dos
        # (a release without them) and "Waiting for Me" its column
        if self._auto and not self._abstract \
                and column_exists(self.env.cr, "mail_activity", "gendan_key"):
            self.sudo().with_context(active_test=False).search(
                [("signoff_state", "=", "pending")])._signoff_todo_sync()
        return res

    @api.model
    def _signoff_todo_resync_all(self):
        """Re-sync the "sign" to-dos of every pending document: called when
        who may sign changes (a user's roles, deputy or active flag, a role's
        implications), so that the to-dos and "Waiting for Me" stay the
        engine's."""
        for name, model in self.env.registry.items():
            if model._abstract or not model._auto \
                    or not hasattr(model, "_signoff_todo_sync"):
                continue
            self.env[name].sudo().with_context(active_test=False).search(
                [("signoff_state", "=", "pending")])._signoff_todo_sync()

    # -- guards ---------------------------------------------------------------

    def _signoff_open_signatures(self):
        """Pending signatures that may be signed now (sequence reached)."""
        current = self._signoff_current()
        blocking = current.filtered(
            lambda sig: sig.is_required and sig.state == "pending")
        first = min(blocking.mapped("sequence") or [float("inf")])
        return current.filtered(
            lambda sig: sig.state == "pending" and sig.sequence <= first)

    def _signoff_signable_all(self, user):
        """Every due slot ``user`` may sign now, their own roles first.

        One person signs once per revision, unless nobody else who has not
        signed may sign the slot: no document can deadlock on it.
        """
        current = self._signoff_current()
        open_sigs = self._signoff_open_signatures().filtered(
            lambda sig: sig._signer_kind(user))
        signers = current.mapped("signed_by_id")
        if user in signers:
            open_sigs = open_sigs.filtered(
                lambda sig: not (sig._eligible_users() - signers))
        return open_sigs.sorted(lambda sig: (
            sig._signer_kind(user) != "holder", sig.sequence, sig.id))

    def _signoff_signable_by(self, user):
        """The signature ``user`` gives by default now, else an empty set."""
        return self._signoff_signable_all(user)[:1]

    def _signoff_eligible_next(self):
        """The users who may sign a slot that is due now (read as the slots
        read them: as superuser, in one cache)."""
        self.ensure_one()
        users = self.env["res.users"].sudo()
        if self.signoff_state != "pending":
            return users
        signers = self._signoff_current().mapped("signed_by_id")
        for sig in self._signoff_open_signatures():
            eligible = sig._eligible_users()
            users |= (eligible - signers) or eligible
        return users

    def _signoff_explain_refusal(self, user):
        """The translated reason why ``user`` cannot sign now."""
        current = self._signoff_current()
        if self.signoff_state != "pending":
            return _("%s is not waiting for signatures.") % self.display_name
        if current.filtered(lambda sig: sig.signed_by_id == user):
            return _("You have already signed %s; one person signs once per "
                     "revision.") % self.display_name
        mine = current.filtered(lambda sig: sig.state == "pending"
                                and sig._may_be_signed_by(user))
        for_me = current.filtered(lambda sig: sig.user_id == user
                                  and sig.state != "pending")
        if not mine and for_me:
            return _("The %(slot)s slot of %(doc)s was already signed for you by "
                     "%(by)s.") % {"slot": for_me[0].name, "doc": self.display_name,
                                   "by": for_me[0].signed_by_id.name}
        if not mine:
            reserved = self._signoff_open_signatures().filtered("user_id")
            if reserved:
                return _("The %(slot)s slot of %(doc)s is reserved for %(user)s "
                         "(or their deputy).") % {
                             "slot": reserved[0].name, "doc": self.display_name,
                             "user": reserved[0].user_id.name}
            return _("You do not hold a role that still has to sign %s; a "
                     "higher role does not sign for a lower one.") % (
                self.display_name)
        waiting = self._signoff_open_signatures().filtered("is_required")
        return _("%(doc)s must be signed first by: %(roles)s.") % {
            "doc": self.display_name, "roles": ", ".join(
                sig.user_id and "%s (%s)" % (sig.name, sig.user_id.name)
                or sig.name for sig in waiting)}

    @api.model
    def create(self, vals):
        if SIGNOFF_FIELDS & set(vals):
            check_engine(_("The sign-off status"))
        if vals.get(self._signoff_state_field) in self._signoff_gated_states:
            raise UserError(_("A new document cannot start signed off: request "
                              "the sign-off first."))
        return super(GendanSignoffMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        if SIGNOFF_FIELDS & set(vals):
            check_engine(_("The sign-off status"))
        state_field = self._signoff_state_field
        # the engine's approval writes the signed-off status with the move
        if vals.get(state_field) in self._signoff_gated_states \
                and vals.get("signoff_state") != "approved":
            unsigned = self._signoff_gated_records().filtered(
                lambda rec: rec.signoff_state != "approved")
            if unsigned:
                raise UserError(_(
                    "%(docs)s cannot move on before every required signature is "
                    "given (sign-off: %(status)s).") % {
                        "docs": ", ".join(unsigned.mapped("display_name")),
                        "status": dict(self._fields["signoff_state"].selection)[
                            unsigned[0].signoff_state]})
        to_reset = self.browse()
        if self._signoff_reset_fields and set(vals) & set(self._signoff_reset_fields):
            to_reset = self.filtered(lambda rec: rec.signoff_state in (
                "pending", "approved") and rec._signoff_changed(vals))
        res = super(GendanSignoffMixin, self).write(vals)
        if to_reset:
            to_reset._signoff_reset(_("Changed after signing: %s") % ", ".join(
                self._fields[name].string for name in sorted(
                    set(vals) & set(self._signoff_reset_fields))))
        return res

    @api.multi
    def unlink(self):
        if self.filtered(lambda rec: rec.signoff_state in ("pending", "approved")):
            raise UserError(_("A document under sign-off or signed off cannot be "
                              "deleted; cancel it instead."))
        return super(GendanSignoffMixin, self).unlink()

    def _signoff_gated_records(self):
        """The records whose gated states wait for the sign-off (hook: all)."""
        return self

    def _signoff_changed(self, vals):
        """Whether ``vals`` really changes a key field of this record."""
        self.ensure_one()
        for name in set(vals) & set(self._signoff_reset_fields):
            field = self._fields[name]
            old = field.convert_to_write(self[name], self)
            new = vals[name]
            if field.type in ("many2many", "one2many"):
                return True
            if field.type == "many2one":
                old = self[name].id
            if field.type == "float":
                new, old = float(new or 0.0), float(old or 0.0)
            if (old or False) != (new or False):
                return True
        return False

    # -- actions --------------------------------------------------------------

    @api.multi
    def action_signoff_request(self):
        """Ask the signatures the rules require; notify the first signers."""
        if self.filtered(lambda rec: rec.signoff_state in ("pending", "approved")):
            raise UserError(_("Sign-off has already been requested."))
        # who may edit the document may ask for its signatures (the engine
        # then writes the status and the move as superuser)
        self.check_access_rights("write")
        self.check_access_rule("write")
        stale = self.mapped("signature_ids").filtered(
            lambda sig: sig.state == "pending")
        with engine():
            stale.sudo().write({"state": "obsolete"})
        applies = self.env["gendan.signoff.rule"]._rules_for(self)
        rows = []
        for rec in self:
            revision = rec.signoff_revision + 1
            for rule, matching in applies.items():
                if rec in matching:
                    vals = rule._prepare_signature_vals(rec)
                    vals.update(res_model=rec._name, res_id=rec.id,
                                revision=revision, state="pending")
                    rows.append(vals)
        self._signoff_insert(rows)._check_someone_can_sign()
        revisions = {}
        for rec in self:
            revision = rec.signoff_revision + 1
            revisions[revision] = revisions.get(revision, self.browse()) | rec
            rec._signoff_post(body=_("Sign-off requested (revision %s).") % (
                revision))
        # the status and the document's move in one write
        for revision, recs in sorted(revisions.items()):
            recs._signoff_move("_signoff_on_request", {
                "signoff_state": "pending", "signoff_revision": revision})
        self._signoff_on_request()
        self._signoff_approve_if_complete()
        self._signoff_todo_sync()
        return True

    @api.multi
    def action_signoff_sign(self, comment=False, signature_id=False):
        """Sign as the current user: the slot ``signature_id`` (chosen in the
        wizard) or else the first due slot of their own roles."""
        bodies = {}
        for rec in self:
            label = rec._signoff_record("signed", comment, signature_id)[1]
            bodies[rec.id] = _("Signed as %(role)s%(comment)s") % {
                "role": label,
                "comment": comment and ": %s" % comment or "."}
        self.env["mail.activity"]._todo_done(self, "signoff", self.env.user)
        # the last signature and "signed off" are one chatter line
        self._signoff_approve_if_complete(bodies)
        self._signoff_todo_sync()
        return True

    @api.multi
    def action_signoff_reject(self, reason):
        """Reject with a reason: the document goes back to its draft state."""
        if not (reason or "").strip():
            raise UserError(_("Give the reason of the rejection."))
        for rec in self:
            label = rec._signoff_record("rejected", reason)[1]
            rec._signoff_post(body=_("Rejected as %(role)s: %(reason)s") % {
                "role": label, "reason": reason})
        # a signer may only read the document: the engine, having checked the
        # signature, moves it on with superuser rights
        with engine():
            self.sudo().write({"signoff_state": "rejected"})
        if self._signoff_reject_state:
            with moving(self, self._signoff_reject_moves()):
                self.sudo().with_context(
                    **self._signoff_move_context("action_signoff_reject")).write(
                    {self._signoff_state_field: self._signoff_reject_state})
        activity = self.env["mail.activity"]
        activity._todo_done(self, "signoff", self.env.user, feedback=reason)
        self._signoff_todo_sync()  # nobody else's to-do stays
        self.sudo()._signoff_on_rejected()
        return True

    @api.multi
    def action_signoff_open_wizard(self):
        """Open the sign/reject dialog (context key ``signoff_action``)."""
        self.ensure_one()
        action = window_action(self.env, "gendan_base.gendan_signoff_wizard_action")
        action["context"] = {
            "default_res_model": self._name, "default_res_id": self.id,
            "default_action": self.env.context.get("signoff_action", "sign")}
        return action

    # -- engine ---------------------------------------------------------------

    def _signoff_post(self, **kwargs):
        """Chatter trace of a sign-off step, authored by the signer, who may
        have read access only to the document. A note: the users who sign
        next are told by their to-do (``_signoff_todo_sync``), not by mail."""
        self.ensure_one()
        # the name as the signer reads it (in cache), not read again as
        # superuser by the message
        kwargs.setdefault("record_name", self.display_name)
        return self.sudo().message_post(
            author_id=self.env.user.partner_id.id, subtype="mail.mt_note", **kwargs)

    def _signoff_record(self, state, comment, signature_id=False):
        """Give the current user's due signature ``state``; refuse otherwise.

        The document row is locked first, so that two concurrent requests of
        one user cannot both pass the "signs once" check.
        """
        self.ensure_one()
        self.env.cr.execute(
            'SELECT signoff_state FROM "%s" WHERE id = %%s FOR UPDATE' % self._table,
            (self.id,))  # pylint: disable=sql-injection
        status = self.env.cr.fetchone()[0]
        # the locked row's status, and its slots read anew
        self.invalidate_cache(["signature_ids", "signoff_state"], self.ids)
        self._cache["signoff_state"] = status
        user = self.env.user
        signable = self._signoff_signable_all(user)
        signature = signable[:1]
        if signature_id:
            signature = signable.filtered(lambda sig: sig.id == signature_id)
            if signable and not signature:
                raise UserError(_("You cannot sign that slot of %s now: choose "
                                  "one that is due and yours.") % self.display_name)
        if not signature:
            raise UserError(self._signoff_explain_refusal(user))
        label = signature._signed_as_label(user)
        with engine():
            signature.sudo().write({
                "state": state, "signed_by_id": user.id,
                "substitute": signature._signer_kind(user) == "substitute",
                "signed_date": fields.Datetime.now(), "comment": comment or False})
        return signature, label

    def _signoff_insert(self, rows):
        field, cache = self._fields["signature_ids"], self.env.cache
        known = {rec.id: cache.get(rec, field) for rec in self
                 if cache.contains(rec, field)}
        with engine():
            signatures = insert_rows(self.env["gendan.signature"].sudo(), rows)
        self.invalidate_cache(["signature_ids"])
        # the new slots join the lists this user has read (no search again;
        # RETURNING gives the ids in the order of the rows, as core relies on)
        for rec in self.filtered(lambda rec: rec.id in known):
            cache.set(rec, field, known[rec.id] + tuple(
                sig_id for sig_id, row in zip(signatures.ids, rows)
                if row["res_id"] == rec.id))
        return signatures

    def _signoff_approve_if_complete(self, bodies=None):
        """Sign off the documents whose required signatures are all given;
        ``bodies`` ({id: text}): the signature lines still to post, each
        joined to the "signed off" line of its document."""
        bodies = bodies or {}
        done = self.filtered(lambda rec: rec.signoff_state == "pending" and not any(
            sig.is_required and sig.state != "signed"
            for sig in rec._signoff_current()))
        for rec in self - done:
            if rec.id in bodies:
                rec._signoff_post(body=bodies[rec.id])
        if done:
            for rec in done:
                lines = [bodies[rec.id]] if rec.id in bodies else []
                lines.append(_("All required signatures given: signed off."))
                rec._signoff_post(body="<br/>".join(lines))
            # the status and the document's move in one write
            done.sudo()._signoff_move("_signoff_on_approved",
                                      {"signoff_state": "approved"})
            done.sudo()._signoff_on_approved()

    def _signoff_reset(self, reason):
        """Supersede the signatures and ask them again for a new revision."""
        current = self.mapped("signature_ids").filtered(
            lambda sig: sig.state != "obsolete")
        with engine():
            current.sudo().write({"state": "obsolete"})
            self.write({"signoff_state": "none"})
        for rec in self:
            rec._signoff_post(body=_("Re-approval needed. %s") % reason)
        self._signoff_move("_signoff_on_reset")
        self._signoff_on_reset()
        self.action_signoff_request()

    def _signoff_withdraw(self):
        """Withdraw a request (document cancelled): nothing stays pending."""
        pending = self.filtered(lambda rec: rec.signoff_state == "pending")
        if pending:
            with engine():
                pending.mapped("signature_ids").filtered(
                    lambda sig: sig.state == "pending").sudo().write(
                        {"state": "obsolete"})
                pending.write({"signoff_state": "none"})
            for rec in pending:
                rec._signoff_post(body=_("Sign-off request withdrawn."))
            pending._signoff_todo_sync()

    def _signoff_todo_sync(self):
        """One "sign" to-do for each user who may sign a due slot; the
        to-dos of users who no longer may are removed."""
        activity = self.env["mail.activity"]
        # kept as _todo_open returns them (superuser): read in one cache
        todos = activity._todo_open(self, "signoff")
        by_doc = {}
        for todo in todos:
            by_doc[todo.res_id] = by_doc.get(todo.res_id, todos.browse()) | todo
        waiting = {}
        for rec in self:
            users = rec._signoff_eligible_next()
            waiting[rec] = users.filtered("active")
            # read before any is deleted: one document's stale to-dos
            # removed, the others' are still readable
            mine = by_doc.get(rec.id, todos.browse())
            stale = mine.filtered(lambda todo: todo.user_id not in users)
            if stale:
                stale._todo_remove(rec)
            # the deadline is computed only for the to-dos created
            activity._todo_ensure(
                rec, "signoff", users,
                lambda self: _("Sign %s") % self.display_name,
                deadline=lambda doc: doc.with_env(self.env)._signoff_deadline(),
                existing=mine - stale)
        self._signoff_waiting_store(waiting)

    def _signoff_waiting_store(self, waiting):
        """Write ``signoff_waiting_uids`` from {document: users with a sign
        to-do}, one query per distinct value that changed."""
        changed = {}
        for rec, users in waiting.items():
            value = users and ",%s," % ",".join(
                str(uid) for uid in sorted(users.ids)) or None
            if (rec.signoff_waiting_uids or None) != value:
                changed.setdefault(value, []).append(rec.id)
        for value, ids in changed.items():
            self.env.cr.execute(  # pylint: disable=sql-injection
                "UPDATE %s SET signoff_waiting_uids = %%s WHERE id IN %%s"
                % self._table, (value, tuple(ids)))
            self.invalidate_cache(["signoff_waiting_uids"], ids)

    def _signoff_deadline(self):
        """When the signatures are due: the document's SLA deadline, else
        two working days from today."""
        self.ensure_one()
        if "sla_deadline" in self._fields and self.sla_deadline:
            return self.sla_deadline
        return fields.Date.to_string(self.env["gendan.sla"].add_working_days(
            fields.Date.context_today(self), 2))

    def _signoff_reject_moves(self):
        """The state move a rejection makes (declared by the class attribute)."""
        return (((ANY_STATE,), self._signoff_reject_state, ()),)

    @api.model
    def _signoff_moves(self):
        """{step: moves} of the document's state moves the engine makes
        (``_signoff_*_move``), listed by ``_state_transitions``."""
        moves = {}
        if self._signoff_reject_state:
            moves["action_signoff_reject"] = self._signoff_reject_moves()
        for step, move in (("_signoff_on_request", self._signoff_request_move),
                           ("_signoff_on_approved", self._signoff_approve_move),
                           ("_signoff_on_reset", self._signoff_reset_move)):
            if move:
                moves[step] = ((tuple(move[0]), move[1], ()),)
        return moves

    def _signoff_move(self, step, status=None):
        """Make the state move of ``step``, if the model declares one: the
        records must be in its source states; written as superuser (a signer
        may only read the document), with ``_signoff_approve_vals``;
        ``status``: the engine's sign-off fields written with it."""
        moves = self._signoff_moves().get(step)
        status = status or {}
        if not self:
            return
        todo = self.browse()
        if moves:
            self._state_check_button(step, moves)
            field, to_state = self._signoff_state_field, moves[0][1]
            vals = dict(status, **{field: to_state})
            if step == "_signoff_on_approved":
                vals.update(self._signoff_approve_vals())
            todo = self.filtered(lambda rec: rec[field] != to_state)
            with (engine() if status else nullcontext()), moving(self, moves):
                todo.sudo().with_context(
                    **self._signoff_move_context(step)).write(vals)
        if status and self - todo:
            with engine():
                (self - todo).sudo().write(status)

    def _signoff_move_context(self, step):
        """Context of the engine's state write of ``step`` (e.g. no tracking
        where the engine's own chatter line already tells the move)."""
        return {}

    def _signoff_approve_vals(self):
        """What the document records with its approval move (e.g. the date)."""
        return {}

    # -- hooks ----------------------------------------------------------------

    def _signoff_on_request(self):
        """Called after signatures were requested."""

    def _signoff_on_approved(self):
        """Called when the last required signature is given."""

    def _signoff_on_rejected(self):
        """Called after a rejection."""

    def _signoff_on_reset(self):
        """Called when a key field change supersedes the signatures."""

    def _signoff_signature_lines(self):
        """Signatures to print: the current revision's, in signing order."""
        self.ensure_one()
        return self._signoff_current().sorted(lambda sig: (sig.sequence, sig.id))
