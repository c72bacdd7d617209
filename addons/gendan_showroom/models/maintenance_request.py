from odoo import fields, models


class MaintenanceRequest(models.Model):
    """A repair of a showroom sample machine."""

    _inherit = "maintenance.request"

    showroom_machine_id = fields.Many2one(
        "gendan.showroom.machine", "Showroom Sample Machine", index=True,
        readonly=True)
