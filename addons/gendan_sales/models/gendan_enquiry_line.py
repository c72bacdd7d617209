from odoo import api, fields, models
from odoo.addons import decimal_precision as dp


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
    factory_price = fields.Float(
        digits=dp.get_precision("Product Price"), copy=False,
        help="The price the factory or supplier quoted (from its request "
             "for quotation, or recorded by hand); the quotation's lines "
             "start from it.")
    factory_partner_id = fields.Many2one(
        "res.partner", "Quoted By", copy=False,
        help="The factory or supplier whose price is the factory price.")
    factory_purchase_id = fields.Many2one(
        "purchase.order", "Price Enquiry", readonly=True, copy=False,
        help="The request for quotation the factory price came from.")

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
            "factory_price": self.factory_price,
            "factory_id": self.factory_partner_id.id,
        }

    def _prepare_purchase_line_vals(self, order):
        """The RFQ line asking the supplier's price for this requirement."""
        self.ensure_one()
        product = self.product_id
        specs = ["size", "material", "finish", "configuration", "packing"]
        labels = self.fields_get(specs, ["string"])
        name = "\n".join([product.display_name, self.name] + [
            "%s: %s" % (labels[spec]["string"], self[spec])
            for spec in specs if self[spec]])
        return {
            "order_id": order.id, "product_id": product.id, "name": name,
            "product_qty": self.quantity or 1.0,
            "product_uom": (product.uom_po_id or product.uom_id).id,
            "price_unit": 0.0, "date_planned": fields.Datetime.now(),
            "gendan_enquiry_line_id": self.id,
        }
