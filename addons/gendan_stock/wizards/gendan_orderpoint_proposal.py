import math

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class GendanOrderpointProposal(models.TransientModel):
    """Proposes reordering rules for the goods shipped often (经常发货的货品)."""

    _name = "gendan.orderpoint.proposal"
    _description = "Safety Stock Proposal"

    warehouse_id = fields.Many2one(
        "stock.warehouse", required=True,
        default=lambda self: self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.user.company_id.id)], limit=1))
    months = fields.Integer(
        "Months of Deliveries", required=True,
        default=lambda self: self.env.user.company_id.gendan_orderpoint_months)
    min_deliveries = fields.Integer(
        "Deliveries per Product", required=True,
        default=lambda self:
        self.env.user.company_id.gendan_orderpoint_min_deliveries)

    @api.constrains("months", "min_deliveries")
    def _check_positive(self):
        if self.filtered(lambda w: w.months <= 0 or w.min_deliveries <= 0):
            raise UserError(_("The months and the number of deliveries must "
                              "be positive."))

    def _shipped_often(self):
        """{product: quantity shipped} over the period, for the products in
        at least ``min_deliveries`` done deliveries of the warehouse."""
        since = fields.Date.from_string(fields.Date.context_today(self)) \
            - relativedelta(months=self.months)
        moves = self.env["stock.move"].sudo().search([
            ("state", "=", "done"),
            ("picking_id.picking_type_id.code", "=", "outgoing"),
            ("picking_id.picking_type_id.warehouse_id", "=", self.warehouse_id.id),
            ("date", ">=", fields.Date.to_string(since))])
        pickings, quantities = {}, {}
        for move in moves:
            pickings.setdefault(move.product_id, set()).add(move.picking_id.id)
            quantities[move.product_id] = quantities.get(move.product_id, 0.0) \
                + move.product_qty
        return {product: qty for product, qty in quantities.items()
                if len(pickings[product]) >= self.min_deliveries}

    def _propose(self):
        """Create the missing rules; min = one month of deliveries, max = two."""
        self.ensure_one()
        Orderpoint = self.env["stock.warehouse.orderpoint"]
        existing = Orderpoint.with_context(active_test=False).search(
            [("warehouse_id", "=", self.warehouse_id.id)]).mapped("product_id")
        created = Orderpoint
        for product, qty in sorted(self._shipped_often().items(),
                                   key=lambda item: item[0].id):
            if product in existing:
                continue
            monthly = math.ceil(qty / float(self.months))
            created |= Orderpoint.create({
                "warehouse_id": self.warehouse_id.id,
                "location_id": self.warehouse_id.lot_stock_id.id,
                "product_id": product.id, "product_uom": product.uom_id.id,
                "product_min_qty": monthly, "product_max_qty": 2 * monthly,
                "gendan_proposed": True})
        return created

    @api.multi
    def action_propose(self):
        created = self._propose()
        if not created:
            raise UserError(_("No product shipped often lacks a reordering "
                              "rule in this warehouse."))
        return {
            "type": "ir.actions.act_window", "name": _("Proposed Safety Stock"),
            "res_model": "stock.warehouse.orderpoint", "view_mode": "tree,form",
            "domain": [("id", "in", created.ids)],
        }

    @api.model
    def _cron_gendan_propose(self):
        """Monthly: propose the rules of every warehouse (idempotent)."""
        created = self.env["stock.warehouse.orderpoint"]
        # a handful of warehouses
        # pylint: disable=no-search-all
        warehouses = self.env["stock.warehouse"].search([])
        for warehouse in warehouses:
            company = warehouse.company_id
            created |= self.create({
                "warehouse_id": warehouse.id,
                "months": company.gendan_orderpoint_months or 3,
                "min_deliveries": company.gendan_orderpoint_min_deliveries or 3,
            })._propose()
        return created
