from odoo import _, api, fields, models

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
    name = fields.Char("Role", required=True, readonly=True)
    sequence = fields.Integer(readonly=True)
    group_id = fields.Many2one("res.groups", "Signing Role", readonly=True)
    user_id = fields.Many2one("res.users", "Expected Signer", readonly=True)
    is_required = fields.Boolean("Required", readonly=True)
    state = fields.Selection(
        [("pending", "Pending"), ("signed", "Signed"), ("rejected", "Rejected"),
         ("obsolete", "Superseded")],
        default="pending", required=True, readonly=True, index=True)
    signed_by_id = fields.Many2one("res.users", readonly=True)
    signed_date = fields.Datetime("Signed On", readonly=True)
    comment = fields.Text(readonly=True)

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

    def _may_be_signed_by(self, user):
        """Whether ``user`` holds the role or is the user this signature asks."""
        self.ensure_one()
        if self.user_id:
            return self.user_id == user
        return self.group_id in user.groups_id
