from odoo import api, models


class IrActionsActWindowView(models.Model):
    """An action's views are part of what a button returns."""

    _inherit = "ir.actions.act_window.view"

    @api.model
    def create(self, vals):
        self.clear_caches()
        return super(IrActionsActWindowView, self).create(vals)

    @api.multi
    def write(self, vals):
        self.clear_caches()
        return super(IrActionsActWindowView, self).write(vals)

    @api.multi
    def unlink(self):
        self.clear_caches()
        return super(IrActionsActWindowView, self).unlink()
