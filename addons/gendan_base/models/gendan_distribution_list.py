from odoo import fields, models


class GendanDistributionList(models.Model):
    """Default recipients of the controlled copies of one document type."""

    _name = "gendan.distribution.list"
    _description = "Distribution List"

    name = fields.Char(required=True, translate=True)
    model_id = fields.Many2one("ir.model", "Document Model", required=True,
                               ondelete="cascade")
    model = fields.Char(related="model_id.model", readonly=True)  # not stored
    line_ids = fields.One2many("gendan.distribution.list.line", "list_id",
                               "Recipients", copy=True)
    active = fields.Boolean(default=True)
