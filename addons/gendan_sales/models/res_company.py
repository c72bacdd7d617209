from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    gendan_quote_approval_all = fields.Boolean(
        "Approve Prices of Every Quotation",
        help="Every quotation of a Gendan-controlled sales channel needs its "
             "selling prices signed by the sales manager before it is sent "
             "or confirmed (without it: only the quotations made from an "
             "enquiry).")
    gendan_contract_signed_required = fields.Boolean(
        "Countersigned Contract Before Review",
        help="The order review of a Gendan-controlled order can be requested "
             "only after the sales contract countersigned and stamped by the "
             "customer is uploaded.")
    gendan_quote_validity_days = fields.Integer(
        "Quotation Validity (Days)", default=30)
