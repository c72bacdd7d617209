from odoo import api, models

# the move line values that change a recorded production
PRODUCED_FIELDS = {"qty_done", "move_id", "product_uom_id", "product_id"}


class StockMoveLine(models.Model):
    """The quantity produced is the done quantity of the MO's finished move
    lines: however it is written (the produce wizard, the finished move's
    quantity, a move line over RPC), not beyond the first article's
    quantity before it passed (issue 15 §7)."""

    _inherit = "stock.move.line"

    def _gendan_productions(self):
        return self.sudo().mapped("move_id.production_id")

    @api.model
    def create(self, vals):
        line = super(StockMoveLine, self).create(vals)
        if vals.get("qty_done"):
            line._gendan_productions()._gendan_check_first_article_qty()
        return line

    @api.multi
    def write(self, vals):
        productions = self._gendan_productions() \
            if PRODUCED_FIELDS & set(vals) else None
        res = super(StockMoveLine, self).write(vals)
        if productions is not None:
            (productions | self._gendan_productions()) \
                ._gendan_check_first_article_qty()
        return res
