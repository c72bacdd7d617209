from odoo import api, fields, models
from odoo.addons import decimal_precision as dp


class GendanOutboundRegisterLine(models.Model):
    """One movement of the day's register: a done move of a delivery (with
    its pick-up slip) or a receipt, as it was when the register was issued."""

    _name = "gendan.outbound.register.line"
    _description = "Daily Outbound Register Line"
    _order = "register_id, direction desc, picking_id, id"

    register_id = fields.Many2one(
        "gendan.outbound.register", required=True, ondelete="cascade",
        index=True)
    move_id = fields.Many2one("stock.move", "Stock Move", required=True,
                              readonly=True, ondelete="restrict")
    direction = fields.Selection(
        [("out", "Out (Delivery)"), ("in", "In (Receipt)")], required=True,
        readonly=True)
    picking_id = fields.Many2one("stock.picking", "Delivery/Receipt",
                                 readonly=True)
    pickup_slip_id = fields.Many2one("gendan.pickup.slip", "Pick-up Slip",
                                     readonly=True)
    origin = fields.Char("Source Document", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer/Supplier",
                                 readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    quantity = fields.Float(
        digits=dp.get_precision("Product Unit of Measure"), readonly=True)
    product_uom_id = fields.Many2one("product.uom", "Unit", readonly=True)
    date_done = fields.Datetime("Done On", readonly=True)

    _sql_constraints = [
        ("move_uniq", "unique(move_id)",
         "A movement is on one outbound register only."),
    ]

    @api.model
    def _prepare_from_moves(self, moves):
        """The lines' values of ``moves`` (done moves of deliveries and
        receipts)."""
        return [{
            "move_id": move.id,
            "direction": "out" if move.picking_id.picking_type_code == "outgoing"
                         else "in",
            "picking_id": move.picking_id.id,
            "pickup_slip_id": move.picking_id.gendan_pickup_slip_id.id,
            "origin": move.picking_id.origin or move.origin,
            "partner_id": move.picking_id.partner_id.commercial_partner_id.id,
            "product_id": move.product_id.id,
            "quantity": move.quantity_done,
            "product_uom_id": move.product_uom.id,
            "date_done": move.date,
        } for move in moves]
