from odoo import models


class GendanShippingNotice(models.Model):
    _name = "gendan.shipping.notice"
    _inherit = ["gendan.shipping.notice", "gendan.document.source"]

    def _gendan_document_vals(self):
        vals = super(GendanShippingNotice, self)._gendan_document_vals()
        vals["title"] = "%s %s" % (self.name, self.partner_id.name or "")
        return vals
