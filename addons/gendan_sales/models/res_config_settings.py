from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    gendan_quote_approval_all = fields.Boolean(
        related="company_id.gendan_quote_approval_all")
    gendan_contract_signed_required = fields.Boolean(
        related="company_id.gendan_contract_signed_required")
    gendan_quote_validity_days = fields.Integer(
        related="company_id.gendan_quote_validity_days")
