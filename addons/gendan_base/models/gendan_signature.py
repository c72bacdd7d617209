from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..engine import check_engine


class GendanSignature(models.Model):
    """A signature asked of a role or user on one revision of a document.

    Written only by the sign-off engine (gendan.signoff.mixin): users get
    read access, and create/write/unlink outside the engine are refused even
    to the superuser.
    """

    _name = "gendan.signature"
    _description = "Signature"
    _order = "res_model, res_id, revision desc, sequence, id"

    res_model = fields.Char("Document Model", required=True, index=True, readonly=True)
    res_id = fields.Integer("Document ID", required=True, index=True, readonly=True)
    revision = fields.Integer(readonly=True)
    rule_id = fields.Many2one("gendan.signoff.rule", readonly=True,
                              ondelete="set null")
    name = fields.Char(
        "Role", compute="_compute_name", search="_search_name",
        help="The role of the slot, in the reader's language (its sign-off "
             "rule's name).")
    role_label = fields.Char(
        "Role as Requested", readonly=True,
        help="The role's name when the signature was asked (source language): "
             "shown if the sign-off rule is deleted.")
    sequence = fields.Integer(readonly=True)
    group_id = fields.Many2one("res.groups", "Signing Role", readonly=True)
    user_id = fields.Many2one("res.users", "Expected Signer", readonly=True)
    is_required = fields.Boolean("Required", readonly=True)
    allow_superior = fields.Boolean("A Superior May Sign", readonly=True)
    substitute = fields.Boolean(
        "Signed by a Substitute", readonly=True,
        help="Signed for the role or reserved user by a superior or a deputy.")
    state = fields.Selection(
        [("pending", "Pending"), ("signed", "Signed"), ("rejected", "Rejected"),
         ("obsolete", "Superseded")],
        default="pending", required=True, readonly=True, index=True)
    signed_by_id = fields.Many2one("res.users", readonly=True)
    signed_date = fields.Datetime("Signed On", readonly=True)
    comment = fields.Text(readonly=True)
    document_name = fields.Char(
        "Document", compute="_compute_document_name",
        help="The number and name of the document this signature is on.")

    @api.depends("rule_id.name", "role_label")
    def _compute_name(self):
        # a signer may not read every rule: names as superuser, in the
        # reader's language
        names = {rule.id: rule.name for rule in self.sudo().mapped("rule_id")}
        for sig in self:
            sig.name = names.get(sig.rule_id.id) or sig.role_label

    def _search_name(self, operator, value):
        return ["|", ("rule_id.name", operator, value),
                ("role_label", operator, value)]

    @api.depends("res_model", "res_id")
    def _compute_document_name(self):
        by_model = {}
        for sig in self:
            by_model.setdefault(sig.res_model, set()).add(sig.res_id)
        names = {}
        for model, ids in by_model.items():
            if model in self.env:
                # a signer may only read the document: its name as superuser
                for doc in self.env[model].sudo().browse(list(ids)).exists():
                    names[(model, doc.id)] = doc.display_name
        for sig in self:
            sig.document_name = names.get((sig.res_model, sig.res_id)) or "%s,%s" % (
                sig.res_model, sig.res_id)

    @api.model_cr
    def init(self):
        # "Waiting for my signature" (gendan.signoff.mixin) looks up the
        # pending slots of each document waiting for signatures
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS gendan_signature_pending_index "
            "ON gendan_signature (res_model, res_id, revision) "
            "WHERE state = 'pending'")

    def _check_engine(self):
        check_engine(_("A signature"))

    @api.model
    def create(self, vals):
        self._check_engine()
        return super(GendanSignature, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_engine()
        return super(GendanSignature, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_engine()
        return super(GendanSignature, self).unlink()

    def _signer_kind(self, user):
        """How ``user`` may sign this slot: "holder" (their own role or the
        user the slot is reserved for), "substitute" (their deputy, or a
        superior where the rule allows it) or False. An archived user signs
        nothing (as in ``_eligible_users``: they have no to-do either)."""
        self.ensure_one()
        if not user.sudo().active:
            return False
        if self.user_id:
            if self.user_id == user:
                return "holder"
            deputy = self.user_id.sudo().gendan_deputy_id
            return "substitute" if deputy and deputy == user else False
        if self.group_id in user._gendan_own_groups():
            return "holder"
        if self.allow_superior and self.group_id in user.sudo().groups_id:
            return "substitute"
        return False

    def _may_be_signed_by(self, user):
        """Whether ``user`` may sign this slot (as holder or substitute)."""
        return bool(self._signer_kind(user))

    def _eligible_users(self):
        """The active users who may sign this slot."""
        self.ensure_one()
        if self.user_id:
            users = self.user_id | self.user_id.sudo().gendan_deputy_id
        else:
            users = self.group_id.sudo().users
        return users.filtered(lambda user: user.active and self._signer_kind(user))

    def _check_someone_can_sign(self):
        """Refuse a request whose required slot nobody could sign."""
        required = self.filtered("is_required")
        required.mapped("group_id").sudo().mapped("users")  # one read for all
        for sig in required:
            if not sig._eligible_users():
                document = self.env[sig.res_model].browse(sig.res_id)
                raise UserError(_(
                    "Nobody can sign the %(slot)s slot of %(doc)s: give a user "
                    "this role (or fill in the person it is reserved for) "
                    "first.") % {"slot": sig.name, "doc": document.display_name})

    def _signed_as_label(self, user):
        """The role ``user`` signs as, e.g. "Sales Manager" or "Salesperson
        (for Chen Wei)"."""
        self.ensure_one()
        if self._signer_kind(user) != "substitute":
            return self.name
        holder = self.user_id.name or self.group_id.name
        return _("%(role)s (for %(holder)s)") % {
            "role": self.name, "holder": holder}
