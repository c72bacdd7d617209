from odoo import api, models


class GendanNumberedMixin(models.AbstractModel):
    """Document numbering, once for every Gendan document.

    A record created without a number (``name`` empty or ``"/"``, the field's
    default) takes the next number of its ``ir.sequence``::

        _inherit = [..., "gendan.numbered.mixin"]
        _gendan_sequence_code = "gendan.memo"   # default: the model's name
        _gendan_sequence_date_field = "date"    # number by this date (default:
                                                # today)

    The model declares its own ``name`` field (label, default ``"/"``).
    """

    _name = "gendan.numbered.mixin"
    _description = "Numbered Document"

    _gendan_sequence_code = None
    _gendan_sequence_date_field = None

    @api.model
    def create(self, vals):
        if vals.get("name", "/") in ("/", False):
            vals = dict(vals, name=self._gendan_next_number(vals))
        return super(GendanNumberedMixin, self).create(vals)

    @api.model
    def _gendan_next_number(self, vals):
        sequence = self.env["ir.sequence"]
        if self._gendan_sequence_date_field:
            sequence = sequence.with_context(
                ir_sequence_date=vals.get(self._gendan_sequence_date_field))
        return sequence.next_by_code(self._gendan_sequence_code or self._name) or "/"
