from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.addons import decimal_precision as dp

KEY_FIELDS = {"product_id", "name", "specification", "material", "kind",
              "product_qty", "product_uom_id", "supplied_by"}


class GendanOutsourcingMaterial(models.Model):
    """One part or packing material of the outsourcing list's material list
    (物料清单): what the factory uses, its specification and quantity."""

    _name = "gendan.outsourcing.material"
    _description = "Outsourcing Material List Line"
    _order = "outsourcing_id, sequence, id"

    outsourcing_id = fields.Many2one(
        "gendan.outsourcing.order", "Outsourcing List", required=True,
        index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    purchase_line_id = fields.Many2one(
        "purchase.order.line", "For Product", ondelete="set null",
        domain="[('order_id', '=', parent.purchase_id)]")
    product_id = fields.Many2one("product.product", "Part")
    name = fields.Char("Description", required=True)
    specification = fields.Char()
    material = fields.Char()
    kind = fields.Selection([("part", "Part"), ("packing", "Packing Material")],
                            required=True, default="part")
    product_qty = fields.Float("Quantity", required=True, default=1.0,
                               digits=dp.get_precision("Product Unit of Measure"))
    product_uom_id = fields.Many2one("product.uom", "Unit")
    supplied_by = fields.Selection(
        [("factory", "Factory"), ("company", "Our Company")],
        required=True, default="factory",
        help="Bought by the factory, or supplied by us (甲供料).")
    note = fields.Char()

    @api.constrains("product_qty")
    def _check_qty(self):
        if self.filtered(lambda line: line.product_qty <= 0):
            raise ValidationError(_("A material list quantity must be positive."))

    @api.onchange("product_id")
    def _onchange_product_id(self):
        product = self.product_id
        if product:
            self.name = product.display_name
            self.product_uom_id = product.uom_id
            self.material = product.gendan_material or self.material
            self.kind = "packing" if product._gendan_is_packing() else "part"

    @api.model
    def create(self, vals):
        line = super(GendanOutsourcingMaterial, self).create(vals)
        line.outsourcing_id._check_materials_editable()
        line.outsourcing_id._change_notice(_("Material list: %s added") % line.name)
        return line

    @api.multi
    def write(self, vals):
        self.mapped("outsourcing_id")._check_materials_editable()
        res = super(GendanOutsourcingMaterial, self).write(vals)
        if KEY_FIELDS & set(vals):
            for rec in self.mapped("outsourcing_id"):
                rec._change_notice(_("Material list changed"))
        return res

    @api.multi
    def unlink(self):
        lists = self.mapped("outsourcing_id")
        lists._check_materials_editable()
        names = ", ".join(self.mapped("name"))
        res = super(GendanOutsourcingMaterial, self).unlink()
        lists._change_notice(_("Material list: %s removed") % names)
        return res
