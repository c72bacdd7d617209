from odoo.addons.gendan_base.tests.common import shift_date
from odoo.addons.gendan_order.tests.common import GendanOrderCase

VALID_NUMBERS = ["CSQU3054383", "MSKU9070323", "TGHU1234567"]
# the shipments arrive in three months
ETA = shift_date(months=3)


class ShippingCase(GendanOrderCase):
    """Customer orders with carton data, invoices and delivery orders."""

    @classmethod
    def setUpClass(cls):
        super(ShippingCase, cls).setUpClass()
        env = cls.env
        cls.product.product_tmpl_id.write({
            "carton_qty": 10, "carton_length": 50, "carton_width": 40,
            "carton_height": 30, "carton_gross_weight": 12, "carton_net_weight": 10,
        })
        cls.product_cn = env["product.product"].create({
            "name": "不锈钢保温杯 Vacuum Flask", "type": "consu", "list_price": 4.2,
            "carton_qty": 48, "carton_length": 52, "carton_width": 36,
            "carton_height": 30, "carton_gross_weight": 17.5,
            "carton_net_weight": 15.8})
        cls.type_20gp = env.ref("gendan_shipping.container_type_20gp")
        cls.type_40hq = env.ref("gendan_shipping.container_type_40hq")
        cls.bank_journal = env["account.journal"].search(
            [("type", "=", "bank")], limit=1)
        cls.fg_wh = cls.users["fg_wh"]
        cls.merchandiser = cls.users["merchandiser"]
        cls.finance = cls.users["finance"]
        cls.clerk = cls.users["documents_clerk"]
        # the payment gate is opt-in per payment term: the orders of these
        # tests are on a term that asks the full payment before shipment
        cls.term_tt = env["account.payment.term"].create({
            "name": "T/T before shipment (test)",
            "gendan_balance_before_shipment": True,
            "gendan_prepaid_percent": 100.0})

    @classmethod
    def _create_confirmed_order(cls, **vals):
        vals.setdefault("payment_term_id", cls.term_tt.id)
        order = cls._create_reviewed_order(**vals)
        order.sudo(cls.users["salesperson"]).action_confirm()
        return order

    @classmethod
    def _invoice(cls, order):
        invoice = cls.env["account.invoice"].browse(order.action_invoice_create())
        invoice.action_invoice_open()
        return invoice

    @classmethod
    def _pay(cls, invoice, amount, user=None):
        invoice = invoice.sudo(user) if user else invoice
        invoice.pay_and_reconcile(cls.bank_journal, amount)

    @classmethod
    def _prepare_delivery(cls, picking):
        """Reserve and set every quantity done (as the warehouse would)."""
        picking.action_assign()
        for line in picking.move_line_ids:
            line.qty_done = line.product_uom_qty
        for move in picking.move_lines.filtered(lambda m: not m.move_line_ids):
            move.quantity_done = move.product_uom_qty
        return picking

    def _submit_release(self, order, reason):
        """A shipping release of ``order`` asked by the salesperson."""
        release = self.env["gendan.shipping.release"].sudo(
            self.users["salesperson"]).create(
                {"sale_order_id": order.id, "reason": reason})
        release.action_submit()
        return release

    def _assert_ships_released(self, picking):
        """``picking`` shows as released and the warehouse validates it."""
        picking = picking.sudo(self.fg_wh)
        self.assertEqual(picking.gendan_payment_state, "released")
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    @classmethod
    def _create_picking(cls, products_qty, partner=None):
        """A delivery order without a sales order (no payment gate)."""
        env = cls.env
        stock = env.ref("stock.stock_location_stock")
        customers = env.ref("stock.stock_location_customers")
        picking = env["stock.picking"].create({
            "partner_id": (partner or cls.customer).id,
            "picking_type_id": env.ref("stock.picking_type_out").id,
            "location_id": stock.id, "location_dest_id": customers.id,
            "move_lines": [(0, 0, {
                "name": product.name, "product_id": product.id,
                "product_uom": product.uom_id.id, "product_uom_qty": qty,
                "location_id": stock.id, "location_dest_id": customers.id,
            }) for product, qty in products_qty],
        })
        picking.action_confirm()
        return picking

    @classmethod
    def _create_shipment(cls, pickings, user=None, **vals):
        values = {"partner_id": cls.customer.id,
                  "picking_ids": [(6, 0, pickings.ids)], "eta": ETA}
        values.update(vals)
        return cls.env["gendan.shipment"].sudo(user or cls.merchandiser).create(values)

    @classmethod
    def _add_container(cls, shipment, number, seal, ctype=None, lines=(), user=None):
        return cls.env["gendan.shipment.container"].sudo(
            user or cls.merchandiser).create({
                "shipment_id": shipment.id,
                "container_type_id": (ctype or cls.type_40hq).id,
                "container_number": number, "seal_number": seal,
                "line_ids": [(0, 0, {"product_id": product.id, "quantity": qty})
                             for product, qty in lines]})
