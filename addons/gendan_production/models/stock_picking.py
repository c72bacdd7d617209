from odoo import _, api, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    """A failed customer inspection holds the order's deliveries until a
    re-inspection passes (buttons and RPC)."""

    _inherit = "stock.picking"

    def _gendan_inspection_blockers(self):
        """Translated reasons why these deliveries may not leave."""
        reasons = []
        for picking in self.filtered(
                lambda p: p.picking_type_code == "outgoing" and p.sale_id
                and p.state not in ("done", "cancel")):
            tasks = self.env["gendan.task.order"].sudo().search(
                [("sale_order_id", "=", picking.sale_id.id)])
            for task in tasks:
                failed = task._gendan_failed_inspection()
                if failed:
                    reasons.append(_(
                        "%(picking)s cannot ship: customer inspection %(insp)s "
                        "of %(order)s failed; a re-inspection must pass "
                        "first.") % {"picking": picking.name, "insp": failed.name,
                                     "order": picking.sale_id.name})
        return reasons

    def _gendan_check_inspection(self):
        reasons = self._gendan_inspection_blockers()
        if reasons:
            raise UserError("\n".join(reasons))

    @api.multi
    def button_validate(self):
        self._gendan_check_inspection()
        return super(StockPicking, self).button_validate()

    @api.multi
    def action_done(self):
        self._gendan_check_inspection()
        res = super(StockPicking, self).action_done()
        orders = self.filtered(
            lambda p: p.picking_type_code == "outgoing").mapped("sale_id")
        self.env["mail.activity"]._todo_done(orders, "ship")
        return res
