from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import GendanSalesCase


class TestSampleDispatch(GendanSalesCase):

    def _delivered_sample(self):
        enquiry = self._enquiry()
        sample = self.env["gendan.sample"].sudo(self.users["merchandiser"]).create({
            "enquiry_id": enquiry.id, "partner_id": self.customer.id,
            "product_id": self.product.id, "material": "DL-20 brushed",
            "quantity": 2, "purpose": "Customer confirmation",
            "date_due": fields.Date.context_today(self.env.user)})
        sample.action_submit()
        sample.sudo(self.users["general_manager"]).action_vp_approve()
        sample.action_deliver()
        return sample

    def test_dispatch_and_verdict(self):
        sample = self._delivered_sample().sudo(self.users["salesperson"])
        self.assertIn(sample, sample.enquiry_id.sample_ids)
        with self.assertRefused(UserError):
            sample.action_dispatch_to_customer()  # no courier/tracking
        sample.write({"dispatch_courier": "DHL", "dispatch_tracking": "JD0001"})
        sample.action_dispatch_to_customer()
        self.assertEqual(sample.customer_verdict, "waiting")
        self.assertTrue(sample.dispatch_date)
        todo = self.env["mail.activity"]._todo_open(sample, "sample_customer")
        self.assertEqual(todo.user_id, self.users["merchandiser"])
        with self.assertRefused(UserError):
            sample.action_customer_changes()  # comments needed
        sample.write({"customer_comment": "Make the arm 2 cm longer."})
        sample.action_customer_changes()
        self.assertEqual(sample.customer_verdict, "changes")
        self.assertFalse(self.env["mail.activity"]._todo_open(
            sample, "sample_customer"))
        with self.assertRefused(UserError):
            sample.action_customer_approve()  # already answered

    def test_guards(self):
        sample = self._delivered_sample()
        with self.assertRefused(UserError):
            sample.sudo(self.users["salesperson"]).write(
                {"customer_verdict": "approved"})
        sample.write({"dispatch_courier": "DHL", "dispatch_tracking": "JD0002"})
        with self.assertRefused(AccessError):
            sample.sudo(self.users["qa"]).action_dispatch_to_customer()
        draft = sample.copy({"date_due": sample.date_due})
        self.assertFalse(draft.customer_verdict)
        with self.assertRefused(UserError):
            draft.sudo(self.users["merchandiser"]).action_dispatch_to_customer()
