from odoo import models


class StockPicking(models.Model):
    """The receipts of an outsourcing list's purchase order serve its
    customer order: gendan_dispatch's QA check on receipts gates them like
    the goods bought for the order."""

    _inherit = "stock.picking"

    def _gendan_qa_sale_order(self):
        return (self.sudo().purchase_id.gendan_sale_order_id
                or super(StockPicking, self)._gendan_qa_sale_order())
