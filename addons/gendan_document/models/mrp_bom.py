from odoo import models


class MrpBom(models.Model):
    """Each controlled BOM is one revision of the product's BOM: the
    revisions of a product share one register number."""

    _name = "mrp.bom"
    _inherit = ["mrp.bom", "gendan.document.source"]

    def _gendan_document_history_key(self):
        self.ensure_one()
        return "mrp.bom,%s,%s" % (self.product_tmpl_id.id, self.product_id.id or 0)

    def _gendan_document_revision(self):
        self.ensure_one()
        return self.revision

    def _gendan_document_vals(self):
        vals = super(MrpBom, self)._gendan_document_vals()
        vals["sale_order_id"] = self.gendan_sale_order_id.id
        return vals

    def _gendan_document_backfill_domain(self):
        return [("control_state", "in", ("controlled", "superseded"))]

    def _gendan_document_backfill_sort(self):
        return (self.revision, self.id)

    def _gendan_document_backfill(self):
        """One entry per controlled BOM, at its own revision."""
        self.ensure_one()
        Document = self.env["gendan.document"]
        entries = Document._register_sources(self)
        Document._recall_if_not_live(entries)
