from odoo import models


class GendanTaskOrder(models.Model):
    _name = "gendan.task.order"
    _inherit = ["gendan.task.order", "gendan.document.source"]

    def _gendan_document_vals(self):
        vals = super(GendanTaskOrder, self)._gendan_document_vals()
        vals["title"] = "%s %s" % (self.name, self.partner_id.name or "")
        return vals
