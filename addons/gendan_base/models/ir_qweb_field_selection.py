from odoo import api, models


class IrQwebFieldSelection(models.AbstractModel):
    _inherit = "ir.qweb.field.selection"

    @api.model
    def record_to_html(self, record, field_name, options):
        """A selection value reads in the language of the record it is
        printed from: a customer document switches its record to the
        customer's language (doc.with_context(lang=...)), and Critical must
        not print as 严重 because a Chinese user pressed Print."""
        lang = record.env.context.get("lang")
        if "selection" not in options and lang and lang != self.env.context.get("lang"):
            converter = super(IrQwebFieldSelection, self.with_context(lang=lang))
            return converter.record_to_html(record, field_name, options)
        return super().record_to_html(record, field_name, options)
