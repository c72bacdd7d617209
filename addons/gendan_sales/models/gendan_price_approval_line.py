from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import UserError, ValidationError


class GendanPriceApprovalLine(models.Model):
    """Factory price (询价单给工厂) and selling price of one quotation line."""

    _name = "gendan.price.approval.line"
    _description = "Selling Price Approval Line"
    _order = "approval_id, id"

    approval_id = fields.Many2one(
        "gendan.price.approval", required=True, ondelete="cascade", index=True)
    sale_line_id = fields.Many2one(
        "sale.order.line", "Quotation Line", required=True, ondelete="cascade")
    product_id = fields.Many2one(
        related="sale_line_id.product_id", readonly=True)
    quantity = fields.Float(
        related="sale_line_id.product_uom_qty", readonly=True)
    currency_id = fields.Many2one(
        related="approval_id.currency_id", readonly=True)
    factory_id = fields.Many2one(
        "res.partner", "Factory / Supplier", domain=[("supplier", "=", True)])
    factory_price = fields.Float(digits=dp.get_precision("Product Price"))
    price_unit = fields.Float(
        "Selling Price", required=True, digits=dp.get_precision("Product Price"))
    margin_percent = fields.Float(
        "Margin %", compute="_compute_margin_percent", digits=(16, 1))

    @api.depends("factory_price", "price_unit")
    def _compute_margin_percent(self):
        for line in self:
            line.margin_percent = line.price_unit and 100.0 * (
                line.price_unit - line.factory_price) / line.price_unit

    @api.constrains("factory_price", "price_unit")
    def _check_prices(self):
        if self.filtered(lambda line: line.factory_price < 0 or line.price_unit < 0):
            raise ValidationError(_("A price cannot be negative."))

    def _check_editable(self):
        """Prices change while the request is open only; the sales manager
        sets the selling price while it waits for them."""
        for line in self:
            state = line.approval_id.state
            if state in ("approved", "void"):
                raise UserError(_("The prices of %s are closed: request a new "
                                  "approval.") % line.approval_id.name)
            if state == "to_approve" and not self.env.user.has_group(
                    "gendan_base.group_sales_manager"):
                raise UserError(_("Only the sales manager changes the prices "
                                  "of %s while it waits for approval.")
                                % line.approval_id.name)

    @api.model
    def create(self, vals):
        line = super(GendanPriceApprovalLine, self).create(vals)
        line._check_editable()
        return line

    @api.multi
    def write(self, vals):
        self._check_editable()
        return super(GendanPriceApprovalLine, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_editable()
        return super(GendanPriceApprovalLine, self).unlink()
