from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    gendan_carrier_id = fields.Many2one(
        "res.partner", "Designated Carrier",
        help="Forwarder or carrier the customer nominates: proposed on its "
             "shipping notices and shipments.")
