from odoo import fields, models

SALES_GROUPS = "gendan_base.group_merchandiser,gendan_base.group_salesperson"


class ResPartner(models.Model):
    _inherit = "res.partner"

    company_background = fields.Text(help="History, owners, main markets.")
    business_scope = fields.Text(help="Products and services of the customer.")
    company_nature = fields.Selection(
        [("importer", "Importer / Distributor"), ("retailer", "Retailer / Chain"),
         ("brand", "Brand Owner"), ("trading", "Trading Company"),
         ("manufacturer", "Manufacturer"), ("other", "Other")])
    company_size = fields.Selection(
        [("small", "Small (< 50 staff)"), ("medium", "Medium (50-500 staff)"),
         ("large", "Large (> 500 staff)")], "Strength / Size")
    annual_volume = fields.Char(help="Estimated yearly purchase volume.")
    customer_source = fields.Selection(
        [("fair", "Trade Fair"), ("referral", "Referral"), ("website", "Website"),
         ("platform", "B2B Platform"), ("visit", "Visit"), ("other", "Other")],
        "Source")
    customer_contact_ids = fields.One2many(
        "gendan.customer.contact", "partner_id", "Tracking Sheet",
        groups=SALES_GROUPS)
    visit_minutes_ids = fields.One2many(
        "gendan.visit.minutes", "partner_id", groups=SALES_GROUPS)
