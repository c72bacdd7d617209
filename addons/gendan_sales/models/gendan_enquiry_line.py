from odoo import api, fields, models


class GendanEnquiryLine(models.Model):
    """One product the customer asks a price for, with its requirements
    (型号、尺寸、材质、表面、配置、包装)."""

    _name = "gendan.enquiry.line"
    _description = "Enquiry Product Requirement"
    _order = "enquiry_id, sequence, id"

    enquiry_id = fields.Many2one(
        "gendan.enquiry", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product")
    name = fields.Char("Model", required=True)
    size = fields.Char()
    material = fields.Char()
    finish = fields.Char("Surface Finish")
    configuration = fields.Char("Configuration / Structure")
    packing = fields.Char()
    quantity = fields.Float(default=1.0)
    target_price = fields.Float("Customer Target Price")

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id and not self.name:
            self.name = self.product_id.default_code or self.product_id.name

    def _prepare_order_line_vals(self):
        return {
            "product_id": self.product_id.id,
            "product_uom_qty": self.quantity or 1.0,
            "enquiry_line_id": self.id,
            "gendan_size": self.size,
            "gendan_material": self.material,
            "gendan_finish": self.finish,
            "gendan_configuration": self.configuration,
            "gendan_packing": self.packing,
        }
