from odoo import api, models


class MrpProduction(models.Model):
    _inherit = "mrp.production"

    @api.multi
    def button_mark_done(self):
        """A replacement-parts request follows its manufacturing order."""
        res = super(MrpProduction, self).button_mark_done()
        requests = self.env["gendan.part.request"].sudo().search([
            ("state", "=", "ordered"), ("production_id", "in", self.ids)])
        if requests:
            requests._follow_documents(requests)
        return res
