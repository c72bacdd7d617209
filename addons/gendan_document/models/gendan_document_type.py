from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GendanDocumentType(models.Model):
    """A kind of controlled document and its numbering rule.

    The number is the type's sequence: code, year and a yearly counter
    (``TO-2026-0001``), configurable per type on the sequence. A type names
    the model of its source documents (task order, BOM...) or none: the
    documents clerk registers such documents (customer data, procedures)
    directly in the register.
    """

    _name = "gendan.document.type"
    _description = "Controlled Document Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Prefix of the numbers, e.g. TO.")
    sequence = fields.Integer(default=10)
    sequence_id = fields.Many2one(
        "ir.sequence", "Numbering", ondelete="restrict",
        help="Numbers by year; left empty, one is created from the code "
             "(CODE-YYYY-0001).")
    res_model = fields.Char(
        "Source Model",
        help="Technical name of the documents registered automatically when "
             "they are distributed; empty for documents registered by hand.")
    distribution_list_id = fields.Many2one(
        "gendan.distribution.list",
        help="Recipients of the copies of documents registered by hand.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a document type is unique."),
    ]

    @api.constrains("code")
    def _check_code(self):
        for doc_type in self:
            if not doc_type.code.strip() or " " in doc_type.code.strip():
                raise ValidationError(_(
                    "The code of a document type is one word, e.g. TO."))

    @api.model
    def create(self, vals):
        doc_type = super(GendanDocumentType, self).create(vals)
        if not doc_type.sequence_id:
            doc_type.sequence_id = doc_type._create_sequence()
        return doc_type

    def _create_sequence(self):
        self.ensure_one()
        return self.env["ir.sequence"].sudo().create({
            "name": _("Controlled documents %s") % self.name,
            "prefix": "%s-%%(range_year)s-" % self.code.strip(),
            "padding": 4,
            "use_date_range": True,
            "company_id": False,
        })

    def _next_number(self, date):
        """The next number of the type in the year of ``date``."""
        self.ensure_one()
        sequence = self.sequence_id or self._create_sequence()
        return sequence.sudo().with_context(
            ir_sequence_date=date).next_by_id()

    @api.model
    def _for_model(self, model):
        return self.search([("res_model", "=", model)], limit=1)
