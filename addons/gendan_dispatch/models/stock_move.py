from odoo import api, models

from odoo.addons.gendan_base.engine import unchecked


class StockMove(models.Model):
    _inherit = "stock.move"

    @api.multi
    def write(self, vals):
        """Finished goods enter stock only through the QA check, also when a
        move's state is written directly (RPC)."""
        if vals.get("state") == "done":
            moving = self.filtered(lambda move: move.state != "done")
            unchecked(moving.mapped("production_id"))._gendan_check_qa_receipt()
            unchecked(moving.filtered(
                lambda move: move.location_id.usage == "supplier").mapped(
                    "picking_id"))._gendan_check_qa_receipt()
        return super(StockMove, self).write(vals)
