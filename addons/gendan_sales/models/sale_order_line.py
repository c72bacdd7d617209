from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp

PRICE_FIELDS = {"price_unit", "discount", "product_id", "product_uom"}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    enquiry_line_id = fields.Many2one(
        "gendan.enquiry.line", readonly=True, copy=False)
    gendan_size = fields.Char("Size")
    gendan_material = fields.Char("Material")
    gendan_finish = fields.Char("Surface Finish")
    gendan_configuration = fields.Char("Structure / Configuration")
    gendan_packing = fields.Char("Packing")
    factory_id = fields.Many2one(
        "res.partner", "Factory / Supplier", domain=[("supplier", "=", True)],
        groups="gendan_base.group_user",
        help="The factory or supplier asked for a price (询价单给工厂).")
    factory_price = fields.Float(
        digits=dp.get_precision("Product Price"),
        groups="gendan_base.group_user", copy=False)

    def _gendan_description(self):
        """Material, finish, size and structure for the customer documents."""
        self.ensure_one()
        parts = [(_("Material"), self.gendan_material),
                 (_("Finish"), self.gendan_finish),
                 (_("Size"), self.gendan_size),
                 (_("Structure"), self.gendan_configuration)]
        return [(label, value) for label, value in parts if value]

    @api.model
    def create(self, vals):
        line = super(SaleOrderLine, self).create(vals)
        line.order_id._gendan_void_prices(_("A line was added: %s.") % line.name)
        return line

    @api.multi
    def write(self, vals):
        changed = self.browse()
        if PRICE_FIELDS & set(vals):
            changed = self.filtered(lambda line: line._gendan_price_changes(vals))
        res = super(SaleOrderLine, self).write(vals)
        for line in changed:
            line.order_id._gendan_void_prices(
                _("The price of %s changed after approval.") % line.name)
        return res

    @api.multi
    def unlink(self):
        orders = {line.order_id: line.name for line in self}
        res = super(SaleOrderLine, self).unlink()
        for order, name in orders.items():
            order._gendan_void_prices(_("A line was removed: %s.") % name)
        return res

    def _gendan_price_changes(self, vals):
        for name in PRICE_FIELDS & set(vals):
            old = self[name]
            old = old.id if isinstance(old, models.BaseModel) else old
            new = vals[name]
            if self._fields[name].type == "float":
                if self.currency_id.compare_amounts(old or 0.0, new or 0.0):
                    return True
            elif (old or False) != (new or False):
                return True
        return False
