from odoo.exceptions import AccessError, UserError

from .common import ComplaintCase


class TestPartRequest(ComplaintCase):
    """After-sales replacement parts (补件): order, chase, receive, ship."""

    def _request(self, user=None, **vals):
        vals.update({"partner_id": self.customer.id, "product_id": self.part.id,
                     "product_qty": 20})
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
