from odoo import fields, models


class AccountInvoiceLine(models.Model):
    """A vendor bill line that bills (a share of) a shipment charge."""

    _inherit = "account.invoice.line"

    gendan_charge_id = fields.Many2one(
        "gendan.shipment.charge", "Shipment Charge", readonly=True, copy=False,
        index=True, ondelete="set null")
