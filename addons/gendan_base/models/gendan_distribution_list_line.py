from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GendanDistributionListLine(models.Model):
    """One department (role or named user) that receives copies."""

    _name = "gendan.distribution.list.line"
    _description = "Distribution List Recipient"
    _order = "list_id, sequence, id"

    list_id = fields.Many2one("gendan.distribution.list", required=True,
                              ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char("Department", required=True, translate=True)
    group_id = fields.Many2one("res.groups", "Role")
    user_id = fields.Many2one("res.users", "Recipient")
    copies = fields.Integer(default=1)

    @api.constrains("group_id", "user_id", "copies")
    def _check_recipient(self):
        for line in self:
            if not (line.group_id or line.user_id):
                raise ValidationError(_(
                    "Recipient '%s' needs a role or a user.") % line.name)
            if line.copies < 1:
                raise ValidationError(_(
                    "Recipient '%s' must receive at least one copy.") % line.name)
