from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

ITEM_TYPES = [
    ("shipping_mark", "Shipping Mark"), ("label", "Label"),
    ("color_box", "Colour Box"), ("manual", "Manual"),
    ("outer_carton", "Outer Carton"), ("silk_screen", "Silk-screen"),
    ("other", "Other")]


class GendanPackagingSpecLine(models.Model):
    """One item the packaging subcontractor makes or prints."""

    _name = "gendan.packaging.spec.line"
    _description = "Packaging Specification Item"
    _order = "spec_id, sequence, id"

    spec_id = fields.Many2one("gendan.packaging.spec", "Specification",
                              required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    item_type = fields.Selection(ITEM_TYPES, "Item", required=True)
    name = fields.Char("Content / Description", required=True)
    size = fields.Char()
    material = fields.Char("Material / Paper")
    printing = fields.Char("Printing / Colours")
    product_qty = fields.Float("Quantity", default=0.0)
    requirement_item_id = fields.Many2one(
        "gendan.requirement.item", "Customer Data", ondelete="set null")
    artwork = fields.Binary(attachment=True)
    artwork_filename = fields.Char("Artwork File Name")

    @api.constrains("product_qty")
    def _check_qty(self):
        if self.filtered(lambda line: line.product_qty < 0):
            raise ValidationError(_("A packaging quantity cannot be negative."))

    @api.model
    def create(self, vals):
        line = super(GendanPackagingSpecLine, self).create(vals)
        line.spec_id._check_editable({"line_ids"})
        return line

    @api.multi
    def write(self, vals):
        self.mapped("spec_id")._check_editable({"line_ids"})
        return super(GendanPackagingSpecLine, self).write(vals)

    @api.multi
    def unlink(self):
        self.mapped("spec_id")._check_editable({"line_ids"})
        return super(GendanPackagingSpecLine, self).unlink()
