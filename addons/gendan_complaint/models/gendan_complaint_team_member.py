from odoo import fields, models


class GendanComplaintTeamMember(models.Model):
    """D1: a member of the 8D team."""

    _name = "gendan.complaint.team.member"
    _description = "8D Team Member"
    _order = "is_champion desc, id"

    complaint_id = fields.Many2one(
        "gendan.complaint", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one("res.users", "Member", required=True)
    role = fields.Char()
    is_champion = fields.Boolean("Champion")
