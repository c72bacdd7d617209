from odoo import fields, models


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    gendan_complaint_id = fields.Many2one(
        "gendan.complaint", "Complaint", index=True, readonly=True, copy=False,
        ondelete="set null",
        help="The complaint whose compensation this credit note grants.")
