from odoo import api, models
from odoo.addons.gendan_base.engine import unchecked


class StockMove(models.Model):
    _inherit = "stock.move"

    @api.multi
    def write(self, vals):
        """A customer delivery's moves are done only through the payment gate,
        also when the state is written directly (RPC)."""
        if vals.get("state") == "done":
            unchecked(self.filtered(
                lambda move: move.location_dest_id.usage == "customer"
                and move.state != "done").mapped(
                    "picking_id"))._gendan_check_payment_gate()
        return super(StockMove, self).write(vals)
