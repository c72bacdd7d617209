from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import UserError, ValidationError

KEY_FIELDS = ("product_id", "product_qty", "bom_id", "process_requirement")


class GendanTaskOrderLine(models.Model):
    """One product to make: quantities, controlled BOM and requirements."""

    _name = "gendan.task.order.line"
    _description = "Production Task Order Line"
    _order = "task_order_id, sequence, id"

    task_order_id = fields.Many2one("gendan.task.order", required=True,
                                    ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    sale_line_id = fields.Many2one("sale.order.line", "Order Line",
                                   ondelete="set null")
    product_id = fields.Many2one(
        "product.product", required=True,
        domain=[("type", "in", ("product", "consu"))])
    customer_qty = fields.Float("Customer Quantity",
                                digits=dp.get_precision("Product Unit of Measure"))
    product_qty = fields.Float("Production Quantity", required=True,
                               digits=dp.get_precision("Product Unit of Measure"))
    bom_id = fields.Many2one(
        "mrp.bom", "Controlled BOM",
        domain="[('control_state', '=', 'controlled'), '|', "
               "('product_id', '=', product_id), '&', ('product_id', '=', False), "
               "('product_tmpl_id.product_variant_ids', 'in', [product_id])]")
    bom_revision = fields.Integer(related="bom_id.revision", readonly=True,
                                  string="BOM Revision")
    process_requirement = fields.Char("Process Requirements")
    production_ids = fields.One2many("mrp.production", "gendan_task_order_line_id",
                                     "Manufacturing Orders", readonly=True)
    state = fields.Selection(related="task_order_id.state", readonly=True)

    @api.constrains("product_qty", "customer_qty")
    def _check_quantities(self):
        if self.filtered(lambda ln: ln.product_qty <= 0):
            raise ValidationError(_("The production quantity must be positive."))
        if self.filtered(lambda ln: ln.customer_qty < 0):
            raise ValidationError(_("The customer quantity cannot be negative."))

    @api.constrains("bom_id", "product_id")
    def _check_bom_controlled(self):
        for line in self.filtered("bom_id"):
            bom = line.bom_id
            if bom.control_state != "controlled":
                raise ValidationError(_(
                    "BOM %s is not a controlled revision: only a BOM confirmed by "
                    "engineering can be used by a task order.") % bom.display_name)
            if bom.product_tmpl_id != line.product_id.product_tmpl_id or (
                    bom.product_id and bom.product_id != line.product_id):
                raise ValidationError(_("BOM %(bom)s is not a BOM of %(product)s.") % {
                    "bom": bom.display_name,
                    "product": line.product_id.display_name})

    @api.model
    def create(self, vals):
        order = self.env["gendan.task.order"].browse(vals.get("task_order_id"))
        order._check_lines_editable()
        line = super(GendanTaskOrderLine, self).create(vals)
        order._change_notice(_("Line added: %s") % line.product_id.display_name)
        return line

    @api.multi
    def write(self, vals):
        orders = self.mapped("task_order_id")
        orders._check_lines_editable()
        changed = [name for name in KEY_FIELDS if name in vals]
        res = super(GendanTaskOrderLine, self).write(vals)
        if changed:
            orders._change_notice(_("Lines changed: %s") % ", ".join(
                self._fields[name].string for name in changed))
        if "bom_id" in vals:
            current = orders.filtered(lambda o: all(
                line.bom_id.control_state != "superseded" for line in o.line_ids))
            self.env["mail.activity"]._todo_done(current, "bom_revision")
        return res

    @api.multi
    def unlink(self):
        orders = self.mapped("task_order_id")
        orders._check_lines_editable()
        if self.mapped("production_ids"):
            raise UserError(_("A line with manufacturing orders cannot be deleted."))
        res = super(GendanTaskOrderLine, self).unlink()
        orders._change_notice(_("Line removed"))
        return res

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.bom_id.product_tmpl_id != self.product_id.product_tmpl_id:
            self.bom_id = self.env["mrp.bom"].search([
                ("control_state", "=", "controlled"),
                ("product_tmpl_id", "=", self.product_id.product_tmpl_id.id)],
                limit=1)

    def _prepare_production_vals(self):
        self.ensure_one()
        order = self.task_order_id
        start = order.date_production_start or fields.Date.context_today(self)
        return {
            "product_id": self.product_id.id,
            "product_qty": self.product_qty,
            "product_uom_id": self.bom_id.product_uom_id.id
            or self.product_id.uom_id.id,
            "bom_id": self.bom_id.id,
            "origin": "%s / %s" % (order.name, order.sale_order_id.name),
            "date_planned_start": start,
            "date_planned_finished": order.date_deadline,
            "gendan_task_order_id": order.id,
            "gendan_task_order_line_id": self.id,
            "company_id": order.company_id.id or self.env.user.company_id.id,
        }
