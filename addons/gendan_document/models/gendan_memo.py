from odoo import models


class GendanMemo(models.Model):
    _name = "gendan.memo"
    _inherit = ["gendan.memo", "gendan.document.source"]

    def _gendan_document_vals(self):
        vals = super(GendanMemo, self)._gendan_document_vals()
        vals["title"] = "%s %s" % (self.name, self.subject)
        return vals
