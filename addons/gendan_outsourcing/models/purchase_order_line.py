from odoo import _, api, fields, models

# a change of these after the request asks the signatures again
KEY_FIELDS = {"product_id", "product_qty", "price_unit", "name",
              "gendan_material", "gendan_finish"}


class PurchaseOrderLine(models.Model):
    """The outsourcing list's product line: the factory's product, its
    specification (the description), material and surface finish."""

    _inherit = "purchase.order.line"

    gendan_material = fields.Char("Material")
    gendan_finish = fields.Char("Surface Finish")
    gendan_sale_line_id = fields.Many2one(
        "sale.order.line", "Customer Order Line", index=True, readonly=True,
        copy=False)

    @api.onchange("product_id")
    def onchange_product_id(self):
        res = super(PurchaseOrderLine, self).onchange_product_id()
        if self.product_id:
            self.gendan_material = self.product_id.gendan_material
            self.gendan_finish = self.product_id.gendan_finish
        return res

    @api.model
    def create(self, vals):
        line = super(PurchaseOrderLine, self).create(vals)
        line.order_id._gendan_outsourcing_changed(
            _("Product added: %s") % line.product_id.display_name)
        return line

    @api.multi
    def write(self, vals):
        res = super(PurchaseOrderLine, self).write(vals)
        if KEY_FIELDS & set(vals):
            self.mapped("order_id")._gendan_outsourcing_changed(_(
                "Purchase order changed: %s") % ", ".join(
                    self._fields[name].string for name in sorted(
                        KEY_FIELDS & set(vals))))
        return res

    @api.multi
    def unlink(self):
        orders = self.mapped("order_id")
        names = ", ".join(self.mapped("product_id.display_name"))
        res = super(PurchaseOrderLine, self).unlink()
        orders._gendan_outsourcing_changed(_("Product removed: %s") % names)
        return res
