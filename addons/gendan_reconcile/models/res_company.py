from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    gendan_overdue_blocks_delivery = fields.Boolean(
        "Overdue Invoices Hold Deliveries",
        help="A customer's delivery waits while the customer has an invoice "
             "past its due date (payment gate), unless a shipping release of "
             "the order is signed.")
