from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.multi
    def _gendan_overdue_invoice_ids(self):
        """Posted customer invoices of these partners (and their contacts)
        past their due date and not paid, as a sudo recordset so that any
        caller (e.g. the warehouse's payment gate) can name them."""
        commercial = self.mapped("commercial_partner_id")
        if not commercial:
            return self.env["account.invoice"].sudo().browse()
        invoices = self.env["account.invoice"].sudo()
        return invoices.search([
            ("commercial_partner_id", "in", commercial.ids),
            ("type", "=", "out_invoice")] + invoices._gendan_overdue_domain())
