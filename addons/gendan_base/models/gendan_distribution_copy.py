from odoo import _, api, fields, models

from ..engine import check_engine


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
    name = fields.Char("Department", required=True, readonly=True)
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
