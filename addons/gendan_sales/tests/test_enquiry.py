from odoo.exceptions import AccessError, UserError

from .common import GendanSalesCase


class TestEnquiry(GendanSalesCase):

    def test_reply_clock_in_customer_time_zone(self):
        """Same working day on the customer's calendar: a mail of Friday
        20:00 UTC is Friday noon in Seattle (answer Friday) but Saturday
        04:00 in Shanghai (answer Monday)."""
        friday = "2026-12-04 20:00:00"
        enquiry = self._enquiry(date_received=friday)
        self.assertEqual(enquiry.sla_deadline, "2026-12-04")
        self.customer.tz = "Asia/Shanghai"
        enquiry.invalidate_cache()
        enquiry = self._enquiry(date_received=friday)
        self.assertEqual(enquiry.sla_deadline, "2026-12-07")

    def test_reply_todo_and_buttons(self):
        enquiry = self._enquiry()
        self.assertTrue(enquiry.name.startswith("ENQ"))
        todo = self.env["mail.activity"]._todo_open(enquiry, "enquiry_reply")
        self.assertEqual(todo.user_id, self.users["merchandiser"])
        with self.assertRefused(UserError):
            enquiry.action_reply()  # nothing written to the customer yet
        enquiry.write({"reply_note": "Received, prices follow tomorrow."})
        enquiry.action_reply()
        self.assertEqual(enquiry.state, "replied")
        self.assertTrue(enquiry.date_replied)
        self.assertEqual(enquiry.sla_status, "done")
        self.assertFalse(self.env["mail.activity"]._todo_open(
            enquiry, "enquiry_reply"))

    def test_state_only_by_buttons(self):
        enquiry = self._enquiry()
        for login in ("merchandiser", "salesperson", "sales_manager"):
            with self.assertRefused((UserError, AccessError)):
                enquiry.sudo(self.users[login]).write({"state": "quoted"})
        with self.assertRefused(AccessError):
            enquiry.sudo(self.users["engineer"]).action_reply()
        with self.assertRefused(UserError):
            enquiry.sudo(self.users["salesperson"]).write(
                {"date_replied": "2026-01-01 00:00:00"})
        self.assertEqual(enquiry.state, "new")

    def test_quotation_carries_requirements(self):
        enquiry = self._enquiry().sudo(self.users["salesperson"])
        enquiry.action_create_quotation()
        self.assertEqual(enquiry.state, "quoted")
        order = enquiry.order_ids
        self.assertEqual(len(order), 1)
        line = order.order_line
        self.assertEqual(line.product_id, self.product)
        self.assertEqual(line.product_uom_qty, 2000)
        self.assertEqual((line.gendan_material, line.gendan_finish,
                          line.gendan_size, line.gendan_configuration,
                          line.gendan_packing),
                         ("Aluminium", "Brushed", "420 x 160 mm",
                          "Two-joint arm", "8 pcs per carton"))
        self.assertTrue(order.validity_date)
        self.assertTrue(order.price_approval_required)

    def test_bad_input(self):
        enquiry = self._enquiry(line_ids=[(0, 0, {"name": "Unknown lamp"})])
        with self.assertRefused(UserError):
            enquiry.action_create_quotation()  # no product chosen
        with self.assertRefused(UserError):
            enquiry.action_lost()  # no reason
        enquiry.write({"lost_reason": "Price too high"})
        enquiry.action_lost()
        self.assertEqual(enquiry.state, "lost")
        self.assertFalse(enquiry.order_ids)
