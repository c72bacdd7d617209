from odoo import _, api, fields, models

TODO_SHORTFALL = "gendan_stock.safety_stock_shortfall"


class StockWarehouseOrderpoint(models.Model):
    """Safety stock (安全库存): core reordering rules; a product on hand below
    its minimum gives purchasing a to-do until it is back above it."""

    _name = "stock.warehouse.orderpoint"
    _inherit = ["stock.warehouse.orderpoint", "mail.thread",
                "mail.activity.mixin"]

    gendan_proposed = fields.Boolean(
        "Proposed from Deliveries", readonly=True, copy=False,
        help="Created by the safety-stock proposal from the deliveries of the "
             "last months.")
    gendan_qty_on_hand = fields.Float(
        "On Hand", compute="_compute_gendan_shortfall", digits=(16, 3))
    gendan_shortfall = fields.Boolean(
        "Below Minimum", compute="_compute_gendan_shortfall",
        search="_search_gendan_shortfall")

    def _compute_gendan_shortfall(self):
        for rule in self:
            qty = rule.product_id.with_context(
                location=rule.location_id.id).qty_available
            rule.gendan_qty_on_hand = qty
            rule.gendan_shortfall = qty < rule.product_min_qty

    def _search_gendan_shortfall(self, operator, value):
        # a reordering rule per product and warehouse: a few hundred at most
        short = self.search([]).filtered(  # pylint: disable=no-search-all
            "gendan_shortfall")
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", short.ids)]

    @api.model
    def _gendan_purchasers(self):
        return self.env.ref("gendan_base.group_purchasing").users

    @api.model
    def _cron_gendan_shortfall(self):
        """Daily: a to-do for purchasing on each rule below its minimum (once),
        the to-do closed when the stock is back. Returns the rules short."""
        rules = self.search([])  # pylint: disable=no-search-all
        # the stock as it is now: a caller of the same transaction (the demo,
        # a test) may have moved it since these quantities were last read
        rules.invalidate_cache(["gendan_qty_on_hand", "gendan_shortfall"])
        rules.mapped("product_id").invalidate_cache(["qty_available"])
        short = rules.filtered("gendan_shortfall")
        activity = self.env["mail.activity"]
        activity._todo_ensure(
            short, TODO_SHORTFALL, self._gendan_purchasers(),
            lambda self: _("Safety stock short: %(product)s, %(qty)s on hand, "
                           "minimum %(min)s") % {
                               "product": self.product_id.display_name,
                               "qty": self.gendan_qty_on_hand,
                               "min": self.product_min_qty})
        activity._todo_done(rules - short, TODO_SHORTFALL)
        return short
