from odoo import models


class StockPicking(models.Model):
    """The receipts of an outsourcing list's purchase order serve its
    customer order: gendan_dispatch's QA check on receipts (when installed)
    gates them like the goods bought for the order."""

    _inherit = "stock.picking"

    def _gendan_qa_sale_order(self):
        order = self.sudo().purchase_id.gendan_sale_order_id
        if order:
            return order
        parent = getattr(super(StockPicking, self), "_gendan_qa_sale_order", None)
        return parent() if parent else self.sudo().sale_id
