from odoo.addons.gendan_order.tests.common import GendanOrderCase


class TestOrderComplaintButton(GendanOrderCase):

    def test_complaints_on_the_order(self):
        """The follow-up form counts and opens the order's complaints."""
        order = self._create_order()
        self.assertEqual(order.sudo(self.users["qa"]).gendan_complaint_count, 0)
        complaint = self.env["gendan.complaint"].sudo(
            self.users["merchandiser"]).create({
                "partner_id": self.customer.id, "order_id": order.id,
                "symptom": "Flickering at low brightness",
                "product_ids": [(6, 0, self.product.ids)],
                "user_id": self.users["qa"].id})
        order = order.sudo(self.users["qa"])
        order.invalidate_cache()
        self.assertEqual(order.gendan_complaint_count, 1)
        action = order.action_gendan_view_complaints()
        self.assertEqual((action["res_model"], action["res_id"]),
                         ("gendan.complaint", complaint.id))
