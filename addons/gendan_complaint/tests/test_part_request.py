from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ComplaintCase


class TestPartRequest(ComplaintCase):
    """After-sales replacement parts (补件): order, chase, receive, ship."""

    def _request(self, user=None, **vals):
        vals = dict({"partner_id": self.customer.id, "product_id": self.part.id,
                     "product_qty": 20}, **vals)
        return self.env["gendan.part.request"].sudo(
            user or self.users["merchandiser"]).create(vals)

    def _receive_purchase(self, order):
        receipt = order.picking_ids
        receipt.action_assign()
        receipt.move_lines.quantity_done = receipt.move_lines.product_uom_qty
        receipt.action_done()
        return receipt

    def _deliver(self, picking):
        picking.action_assign()
        picking.move_lines.quantity_done = picking.move_lines.product_uom_qty
        picking.sudo(self.users["fg_wh"]).action_done()

    def test_full_flow(self):
        """Ordered from a supplier: a confirmed purchase order and the
        delivery to the customer; receiving the purchase makes the request
        received, validating the delivery makes it shipped and tells the
        merchandiser."""
        complaint = self._complaint()
        request = self._request(complaint_id=complaint.id, source="supplier")
        self.assertTrue(request.name.startswith("BJ"))
        supplier = self.env.ref("base.res_partner_1")
        request.write({"supplier_id": supplier.id, "date_expected": self.today})
        request.action_order()
        self.assertEqual(request.state, "ordered")
        order = request.purchase_id
        self.assertEqual(order.state, "purchase")
        self.assertEqual(order.partner_id, supplier)
        self.assertEqual(order.origin, request.name)
        self.assertEqual(order.order_line.product_id, self.part)
        self.assertEqual(order.order_line.product_qty, 20.0)
        self.assertEqual(request.supply_reference, order.name)
        delivery = request.picking_id
        self.assertEqual(delivery.picking_type_code, "outgoing")
        self.assertEqual(delivery.partner_id, self.customer)
        self.assertEqual(delivery.move_lines.product_id, self.part)
        self.assertEqual(delivery.move_lines.product_uom_qty, 20.0)
        request.action_chase()
        self.assertEqual(request.chase_count, 1)
        self.assertTrue(request.activity_ids)
        with self.assertRaisesRegex(UserError, order.name), self.cr.savepoint():
            request.sudo(self.users["fg_wh"]).action_receive()
        self.assertEqual(request.state, "ordered")
        self.assertEqual(self._receive_purchase(order).state, "done")
        self.assertEqual(request.state, "received")
        self.assertTrue(request.date_received)
        self._deliver(delivery)
        self.assertEqual(delivery.state, "done")
        self.assertEqual(request.state, "shipped")
        self.assertEqual(request.date_shipped, delivery.date_done[:10])
        self.assertEqual(request.tracking_ref, delivery.name)
        shipped = request.message_ids.filtered(
            lambda m: delivery.name in (m.body or ""))
        self.assertIn(self.users["merchandiser"].partner_id, shipped.partner_ids)
        self.assertIn(request, complaint.part_request_ids)

    def test_order_needs_date_and_supplier(self):
        """No order without expected date and (for purchases) supplier;
        nothing is ordered."""
        request = self._request(source="supplier")
        with self.assertRaises(UserError), self.cr.savepoint():
            request.action_order()
        request.write({"date_expected": self.today})
        with self.assertRaisesRegex(UserError, "Supplier"), self.cr.savepoint():
            request.action_order()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.purchase_id)
        self.assertFalse(self.env["purchase.order"].search(
            [("origin", "=", request.name)]))

    def test_factory_parts_are_a_manufacturing_order(self):
        """From the factory: a manufacturing order of the part (its bill of
        materials); without one, refused with nothing created; the request
        is received when the MO is done."""
        request = self._request(source="factory", date_expected=self.today)
        with self.assertRaisesRegex(UserError, "bill of materials"), \
                self.cr.savepoint():
            request.action_order()
        self.assertFalse(self.env["stock.picking"].search(
            [("origin", "=", request.name)]))
        self.env["mrp.bom"].create({
            "product_tmpl_id": self.part.product_tmpl_id.id, "product_qty": 1.0})
        request.action_order()
        production = request.production_id
        self.assertEqual(production.product_id, self.part)
        self.assertEqual(production.product_qty, 20.0)
        self.assertEqual(production.state, "confirmed")
        self.assertEqual(request.supply_reference, production.name)
        with self.assertRaises(UserError), self.cr.savepoint():
            request.action_receive()
        production.action_assign()
        produce = self.env["mrp.product.produce"].with_context(
            active_id=production.id).create({"product_qty": 20.0})
        produce.do_produce()
        production.button_mark_done()
        self.assertEqual(production.state, "done")
        self.assertEqual(request.state, "received")
        with self.assertRaises(UserError), self.cr.savepoint():
            request.action_ship()
        self.assertEqual(request.state, "received")
        self.assertFalse(request.date_shipped)

    def test_documents_not_set_by_hand(self):
        """The purchase, MO and delivery of a request come from its Order
        button only."""
        request = self._request(source="supplier", date_expected=self.today)
        order = self.env["purchase.order"].create(
            {"partner_id": self.env.ref("base.res_partner_1").id})
        for vals in ({"purchase_id": order.id}, {"supply_reference": "PO-FAKE"}):
            with self.assertRaisesRegex(UserError, "buttons only"), \
                    self.cr.savepoint():
                request.sudo(self.users["merchandiser"]).write(vals)
        with self.assertRaisesRegex(UserError, "buttons only"), self.cr.savepoint():
            self._request(supply_reference="PO-FAKE")
        self.assertFalse(request.purchase_id)
        self.assertFalse(request.supply_reference)

    def test_cancel_cancels_the_documents(self):
        """Cancelling an ordered request cancels its purchase and delivery."""
        request = self._request(source="supplier", date_expected=self.today,
                                supplier_id=self.env.ref("base.res_partner_1").id)
        request.action_order()
        request.action_cancel()
        self.assertEqual(request.state, "cancel")
        self.assertEqual(request.purchase_id.state, "cancel")
        self.assertEqual(request.picking_id.state, "cancel")

    def test_access(self):
        """Finance reads requests but cannot create them; shipped is final."""
        with self.assertRaises(AccessError):
            self._request(user=self.users["finance"])

    def test_quantity_positive(self):
        """Replacement parts need a positive quantity (docs/reliability.md)."""
        self.env.cr.execute("SELECT count(*) FROM gendan_part_request")
        count = self.env.cr.fetchone()
        for qty in (0, -3):
            with self.assertRaises(ValidationError):
                with self.env.cr.savepoint():
                    self._request(product_qty=qty)
        self.env.cr.execute("SELECT count(*) FROM gendan_part_request")
        self.assertEqual(self.env.cr.fetchone(), count)
        request = self._request()
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                request.sudo(self.users["merchandiser"]).write({"product_qty": 0})
        self.env.cr.execute("SELECT product_qty FROM gendan_part_request "
                            "WHERE id = %s", (request.id,))
        self.assertEqual(float(self.env.cr.fetchone()[0]), 20.0)

    def test_status_moves_through_buttons_only(self):
        """Ordered, received, shipped are set by their buttons, not written."""
        request = self._request()
        for state in ("ordered", "received", "shipped", "cancel"):
            with self.assertRaises(UserError):
                with self.env.cr.savepoint():
                    request.sudo(self.users["fg_wh"]).write({"state": state})
        with self.assertRaises(UserError):
            with self.env.cr.savepoint():
                self._request(state="shipped")
        self.env.cr.execute("SELECT state FROM gendan_part_request WHERE id = %s",
                            (request.id,))
        self.assertEqual(self.env.cr.fetchone()[0], "draft")
