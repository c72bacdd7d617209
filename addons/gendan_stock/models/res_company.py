from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    gendan_count_location_ids = fields.Many2many(
        "stock.location", "gendan_company_count_location_rel", "company_id",
        "location_id", "Month-End Count Locations",
        domain=[("usage", "=", "internal")],
        help="Locations whose stock is counted on the last day of each month.")
    gendan_count_user_id = fields.Many2one(
        "res.users", "Stock Count Responsible",
        help="Gets the to-do of the month-end count (盘点).")
    gendan_orderpoint_months = fields.Integer(
        "Safety Stock: Months of Deliveries", default=3,
        help="Reordering rules are proposed from the deliveries of these last "
             "months.")
    gendan_orderpoint_min_deliveries = fields.Integer(
        "Safety Stock: Deliveries per Product", default=3,
        help="A product is shipped often when it left in at least this many "
             "deliveries over the period.")
