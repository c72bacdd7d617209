import math

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

CARGO_FIELDS = ["carton_count", "volume", "gross_weight", "net_weight"]


def read_cargo_totals(records, line_model, parent_field, count=False):
    """{parent id: sums of the cargo fields} (or line counts) in one query."""
    ids = [rid for rid in records.ids if isinstance(rid, int)]
    if not ids:
        return {}
    domain = [(parent_field, "in", ids)]
    if count:
        groups = line_model.read_group(domain, [parent_field], [parent_field])
        return {g[parent_field][0]: g["%s_count" % parent_field] for g in groups}
    groups = line_model.read_group(
        domain, [parent_field] + CARGO_FIELDS, [parent_field])
    return {g[parent_field][0]: g for g in groups}


def check_shipment_editable(shipments, planning_only=False):
    """Refuse changes to the cargo of shipped or cancelled shipments; with
    ``planning_only``, also of loaded ones (the loading check was done)."""
    locked = shipments.filtered(lambda s: s.state in ("shipped", "done", "cancel"))
    if locked:
        raise UserError(_(
            "Shipment %s is shipped or cancelled: its containers and loaded goods "
            "cannot be changed.") % ", ".join(locked.mapped("name")))
    loaded = planning_only and shipments.filtered(lambda s: s.state == "loaded")
    if loaded:
        raise UserError(_(
            "Shipment %s is marked loaded: set it back to planning to change the "
            "goods in its containers.") % ", ".join(loaded.mapped("name")))


class GendanShipmentContainerLine(models.Model):
    """Quantity of one product loaded in one container."""

    _name = "gendan.shipment.container.line"
    _description = "Loaded Goods"
    _order = "container_id, sequence, id"

    container_id = fields.Many2one(
        "gendan.shipment.container", required=True,
        ondelete="cascade", index=True)
    shipment_id = fields.Many2one(
        related="container_id.shipment_id", store=True, readonly=True, index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product", required=True, index=True)
    quantity = fields.Float(digits=(16, 2), required=True)
    carton_count = fields.Integer(
        "Cartons", compute="_compute_cargo", store=True)
    volume = fields.Float(
        "CBM", digits=(16, 3), compute="_compute_cargo", store=True)
    gross_weight = fields.Float(
        "Gross Weight (kg)", digits=(16, 2), compute="_compute_cargo", store=True)
    net_weight = fields.Float(
        "Net Weight (kg)", digits=(16, 2), compute="_compute_cargo", store=True)

    @api.depends("quantity", "product_id.carton_qty", "product_id.carton_volume",
                 "product_id.carton_gross_weight", "product_id.carton_net_weight")
    def _compute_cargo(self):
        for line in self:
            tmpl = line.product_id.product_tmpl_id
            cartons = tmpl.carton_qty and int(
                math.ceil(line.quantity / tmpl.carton_qty - 1e-9)) or 0
            line.carton_count = cartons
            line.volume = cartons * tmpl.carton_volume
            line.gross_weight = cartons * tmpl.carton_gross_weight
            line.net_weight = tmpl.carton_qty and \
                line.quantity * tmpl.carton_net_weight / tmpl.carton_qty or 0.0

    @api.constrains("quantity", "product_id", "container_id")
    def _check_quantity(self):
        if self.filtered(lambda line: line.quantity <= 0):
            raise ValidationError(_("A loaded quantity must be positive."))
        self.mapped("container_id.shipment_id")._check_loaded_quantities()

    @api.model
    def create(self, vals):
        check_shipment_editable(self.env["gendan.shipment.container"].browse(
            vals.get("container_id")).shipment_id, planning_only=True)
        return super(GendanShipmentContainerLine, self).create(vals)

    @api.multi
    def write(self, vals):
        check_shipment_editable(self.mapped("shipment_id"), planning_only=True)
        if vals.get("container_id"):
            check_shipment_editable(self.env["gendan.shipment.container"].browse(
                vals["container_id"]).shipment_id, planning_only=True)
        return super(GendanShipmentContainerLine, self).write(vals)

    @api.multi
    def unlink(self):
        check_shipment_editable(self.mapped("shipment_id"), planning_only=True)
        return super(GendanShipmentContainerLine, self).unlink()
