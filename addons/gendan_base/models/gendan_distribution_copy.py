from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..engine import check_engine
from ..tools_actions import form_action


class GendanDistributionCopy(models.Model):
    """A numbered controlled copy of one revision of a document."""

    _name = "gendan.distribution.copy"
    _description = "Controlled Copy"
    _order = "res_model, res_id, revision desc, copy_number"

    res_model = fields.Char("Document Model", required=True, index=True,
                            readonly=True)
    res_id = fields.Integer("Document ID", required=True, index=True, readonly=True)
    revision = fields.Integer(readonly=True)
    copy_number = fields.Integer("Copy No.", readonly=True)
    list_line_id = fields.Many2one(
        "gendan.distribution.list.line", "Distribution List Line", readonly=True,
        ondelete="set null")
    name = fields.Char(
        "Department", compute="_compute_name", search="_search_name",
        help="The department receiving the copy, in the reader's language "
             "(its distribution list line's name).")
    department_label = fields.Char(
        "Department as Sent", readonly=True,
        help="The department's name when the copy was sent (source language): "
             "shown if its distribution list line is deleted.")
    group_id = fields.Many2one("res.groups", "Role", readonly=True)
    user_id = fields.Many2one("res.users", "Recipient", readonly=True)
    sent_date = fields.Datetime("Sent On", readonly=True)
    ack_user_id = fields.Many2one("res.users", "Acknowledged By", readonly=True)
    ack_date = fields.Datetime("Acknowledged On", readonly=True)
    recall_date = fields.Datetime("Recalled On", readonly=True)
    state = fields.Selection(
        [("sent", "Sent"), ("acknowledged", "Acknowledged"),
         ("recalled", "Recalled / Obsolete")],
        default="sent", required=True, readonly=True, index=True)
    document_name = fields.Char(
        "Document", compute="_compute_document",
        help="The number and name of the document this copy is of.")
    holder_name = fields.Char(
        "Holder", compute="_compute_holder_name",
        help="The person holding the copy: its recipient, else who "
             "acknowledged it, else the members of its department.")
    is_mine = fields.Boolean(
        "My Copy", compute="_compute_is_mine", search="_search_is_mine")
    can_acknowledge = fields.Boolean(compute="_compute_is_mine")

    @api.depends("list_line_id.name", "department_label")
    def _compute_name(self):
        # a holder may not read every list: names as superuser, in the
        # reader's language
        names = {line.id: line.name
                 for line in self.sudo().mapped("list_line_id")}
        for copy in self:
            copy.name = names.get(copy.list_line_id.id) or copy.department_label

    def _search_name(self, operator, value):
        return ["|", ("list_line_id.name", operator, value),
                ("department_label", operator, value)]

    def _documents(self):
        """{(model, id): document} of these copies, read as superuser (the
        holder of a copy may not read every field of its document)."""
        by_model = {}
        for copy in self:
            by_model.setdefault(copy.res_model, set()).add(copy.res_id)
        documents = {}
        for model, ids in by_model.items():
            if model not in self.env:
                continue
            for doc in self.env[model].sudo().browse(list(ids)).exists():
                documents[(model, doc.id)] = doc
        return documents

    @api.depends("res_model", "res_id")
    def _compute_document(self):
        documents = self._documents()
        for copy in self:
            doc = documents.get((copy.res_model, copy.res_id))
            copy.document_name = doc.display_name if doc else "%s,%s" % (
                copy.res_model, copy.res_id)

    @api.depends("user_id", "group_id", "ack_user_id")
    def _compute_holder_name(self):
        for copy in self:
            if copy.user_id:
                copy.holder_name = copy.user_id.sudo().name
            elif copy.ack_user_id:
                copy.holder_name = copy.ack_user_id.sudo().name
            else:
                holders = copy._holders()
                own = holders.filtered(copy._is_own) or holders
                copy.holder_name = ", ".join(sorted(own.mapped("name")))

    def _compute_is_mine(self):
        user = self.env.user
        documents = self._documents()
        for copy in self:
            doc = documents.get((copy.res_model, copy.res_id))
            mine = doc._distribution_mine(user) if doc else self.browse()
            copy.is_mine = copy in mine
            copy.can_acknowledge = copy in mine and copy.state == "sent"

    def _search_is_mine(self, operator, value):
        """Copies addressed to the user or to a role of their own, and those
        of an implied role nobody holds as their own (the warehouse chief's)."""
        user = self.env.user
        mine = ["|", ("user_id", "=", user.id), "&", ("user_id", "=", False),
                ("group_id", "in", user._gendan_copy_group_ids())]
        if (operator == "=") == bool(value):
            return mine
        # the complement by id: a negated domain loses the copies whose
        # recipient is NULL (SQL's NOT of a NULL comparison)
        return [("id", "not in", self._search(mine))]

    @api.multi
    def name_get(self):
        documents = self._documents()
        result = []
        for copy in self:
            doc = documents.get((copy.res_model, copy.res_id))
            result.append((copy.id, _("%(doc)s, copy %(number)s (%(dept)s)") % {
                "doc": doc.display_name if doc else copy.res_model,
                "number": copy.copy_number, "dept": copy.name}))
        return result

    @api.multi
    def action_acknowledge(self):
        """Acknowledge this copy (one row of a list): only a copy of the
        current user's, of the latest revision, not yet acknowledged."""
        documents = self._documents()
        for copy in self:
            doc = documents.get((copy.res_model, copy.res_id))
            if not doc:
                raise UserError(_("The document of this copy no longer exists."))
            # as the user again: the engine checks the copy is theirs
            doc.sudo(self.env.uid)._distribution_acknowledge(copies=copy)
        return True

    @api.multi
    def action_open_document(self):
        self.ensure_one()
        return form_action(self.res_model, self.res_id)

    @api.model
    def create(self, vals):
        check_engine(_("A controlled copy"))
        return super(GendanDistributionCopy, self).create(vals)

    @api.multi
    def write(self, vals):
        check_engine(_("A controlled copy"))
        return super(GendanDistributionCopy, self).write(vals)

    @api.multi
    def unlink(self):
        check_engine(_("A controlled copy"))
        return super(GendanDistributionCopy, self).unlink()

    def _is_for(self, user):
        self.ensure_one()
        if self.user_id:
            return self.user_id == user
        return self.group_id in user.groups_id

    def _is_own(self, user):
        """The copy is addressed to ``user`` or to a role of their own (not
        to a wider role theirs implies)."""
        self.ensure_one()
        if self.user_id:
            return self.user_id == user
        return self.group_id in user._gendan_own_groups()

    def _holders(self):
        """The active users this copy is for: its recipient or the members of
        its role."""
        self.ensure_one()
        if self.user_id:
            return self.user_id.filtered("active")
        return self.group_id.sudo().users.filtered("active")

    def _has_own_holder(self):
        """Someone active holds the copy's role as their own (or the copy
        names its recipient)."""
        self.ensure_one()
        return bool(self.user_id) or any(
            self._is_own(user)
            for user in self.group_id.sudo().users.filtered("active"))
