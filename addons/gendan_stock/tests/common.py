from odoo.addons.gendan_base.tests.common import GendanCase


class StockCase(GendanCase):
    """A storable product, a count location of its own and stock helpers."""

    @classmethod
    def setUpClass(cls):
        super(StockCase, cls).setUpClass()
        env = cls.env
        cls.company = env.user.company_id
        cls.warehouse = env.ref("stock.warehouse0")
        cls.stock = cls.warehouse.lot_stock_id
        cls.shelf = env["stock.location"].create({
            "name": "Test Shelf", "usage": "internal",
            "location_id": cls.stock.id})
        cls.product = env["product.product"].create({
            "name": "Test Kettle Lid", "type": "product", "list_price": 3.5,
            "default_code": "T-LID"})
        cls.company.write({"gendan_count_location_ids": [(6, 0, cls.shelf.ids)],
                           "gendan_count_user_id": cls.users["fg_wh"].id})
        cls.customers = env.ref("stock.stock_location_customers")

    @classmethod
    def _put(cls, product, qty, location=None):
        cls.env["stock.quant"]._update_available_quantity(
            product, location or cls.stock, qty)

    @classmethod
    def _deliver(cls, partner, product, qty, price=None):
        """A done delivery of ``qty`` ``product`` from the stock to ``partner``."""
        env = cls.env
        picking = env["stock.picking"].create({
            "partner_id": partner.id,
            "picking_type_id": env.ref("stock.picking_type_out").id,
            "location_id": cls.stock.id, "location_dest_id": cls.customers.id,
            "move_lines": [(0, 0, {
                "name": product.name, "product_id": product.id,
                "product_uom": product.uom_id.id, "product_uom_qty": qty,
                "location_id": cls.stock.id,
                "location_dest_id": cls.customers.id})]})
        picking.action_confirm()
        picking.action_assign()
        for line in picking.move_line_ids:
            line.qty_done = line.product_uom_qty
        picking.action_done()
        return picking

    def _todos(self, records, key):
        return self.env["mail.activity"].search([
            ("res_model", "=", records._name), ("res_id", "in", records.ids),
            ("gendan_key", "=", key)])
