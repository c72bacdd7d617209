from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ComplaintCase


class TestPartRequest(ComplaintCase):
    """After-sales replacement parts (补件): order, chase, receive, ship."""

    def _request(self, user=None, **vals):
        vals = dict({"partner_id": self.customer.id, "product_id": self.part.id,
                     "product_qty": 20}, **vals)
        return self.env["gendan.part.request"].sudo(
            user or self.users["merchandiser"]).create(vals)

    def test_full_flow(self):
        """Requested, ordered from a supplier, chased, received, shipped."""
        complaint = self._complaint()
        request = self._request(complaint_id=complaint.id, source="supplier")
        self.assertTrue(request.name.startswith("BJ"))
        supplier = self.env.ref("base.res_partner_1")
        request.write({"supplier_id": supplier.id, "supply_reference": "PO-1",
                       "date_expected": self.today})
        request.action_order()
        request.action_chase()
        self.assertEqual(request.chase_count, 1)
        self.assertTrue(request.activity_ids)
        request.sudo(self.users["fg_wh"]).action_receive()
        self.assertTrue(request.date_received)
        request.sudo(self.users["fg_wh"]).write({"tracking_ref": "DHL 123"})
        request.sudo(self.users["fg_wh"]).action_ship()
        self.assertEqual(request.state, "shipped")
        self.assertIn(request, complaint.part_request_ids)

    def test_order_needs_reference_and_supplier(self):
        """No order without reference, expected date and (for purchases) supplier."""
        request = self._request(source="supplier")
        with self.assertRaises(UserError):
            request.action_order()
        request.write({"supply_reference": "PO-2", "date_expected": self.today})
        with self.assertRaisesRegex(UserError, "Supplier"):
            request.action_order()
        self.assertEqual(request.state, "draft")

    def test_ship_needs_tracking(self):
        """Shipping without a tracking reference is refused, nothing written."""
        request = self._request(source="factory", supply_reference="MO-7",
                                date_expected=self.today)
        request.action_order()
        request.action_receive()
        with self.assertRaises(UserError):
            request.action_ship()
        self.assertEqual(request.state, "received")
        self.assertFalse(request.date_shipped)
        with self.assertRaises(UserError):
            request.action_chase()

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
