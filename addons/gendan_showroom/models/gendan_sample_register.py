from odoo import fields, models


class GendanSampleRegister(models.Model):
    """The sample-room register logs the showroom machines' movements too:
    one register for samples and sample machines."""

    _inherit = "gendan.sample.register"

    machine_id = fields.Many2one(
        "gendan.showroom.machine", "Showroom Sample Machine", index=True,
        ondelete="restrict")
