from odoo import api, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    @api.multi
    def action_done(self):
        """A replacement-parts request follows its receipt and delivery."""
        res = super(StockPicking, self).action_done()
        requests = self.env["gendan.part.request"].sudo().search([
            ("state", "in", ("ordered", "received")), "|",
            ("picking_id", "in", self.ids),
            ("purchase_id", "in", self.sudo().mapped("purchase_id").ids)])
        if requests:
            requests._follow_documents(requests)
        return res
