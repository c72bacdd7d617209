from odoo import api, models


class ResGroups(models.Model):
    """Who may sign a role's slots follows the role's members and what the
    roles imply: the "sign" to-dos are re-synced when they change."""

    _inherit = "res.groups"

    @api.model
    def create(self, vals):
        group = super(ResGroups, self).create(vals)
        if {"users", "implied_ids"} & set(vals):
            self.env["gendan.signoff.mixin"]._signoff_todo_resync_all()
        return group

    @api.multi
    def write(self, vals):
        res = super(ResGroups, self).write(vals)
        if {"users", "implied_ids"} & set(vals):
            self.env["gendan.signoff.mixin"]._signoff_todo_resync_all()
        return res
