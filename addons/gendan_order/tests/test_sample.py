from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import GendanOrderCase


class TestSample(GendanOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestSample, cls).setUpClass()
        cls.order = cls._create_order()

    def _create_sample(self, **vals):
        values = {"order_id": self.order.id, "product_id": self.product.id,
                  "material": "DL-20 warm white", "quantity": 3,
                  "purpose": "Customer approval",
                  "date_due": fields.Date.context_today(self.env.user)}
        values.update(vals)
        return self.env["gendan.sample"].sudo(
            self.users["merchandiser"]).create(values)

    def _delivered_sample(self, **vals):
        sample = self._create_sample(**vals)
        sample.sudo(self.users["merchandiser"]).action_submit()
        sample.sudo(self.users["general_manager"]).action_vp_approve()
        sample.sudo(self.users["merchandiser"]).action_deliver()
        return sample

    def _fill(self, sample, role, login, result="pass"):
        checks = sample.check_ids.filtered(lambda c: c.role == role)
        checks.sudo(self.users[login]).write({"result": result})

    def test_requester_and_due_date_labels(self):
        """Who asked for the sample and the day it is needed have their own
        labels: 申请人 and 要求日期 in Chinese."""
        self.env["res.lang"].load_lang("zh_CN")
        labels = self.env["gendan.sample"].with_context(lang="zh_CN").fields_get(
            ["user_id", "date_due"], ["string"])
        self.assertEqual((labels["user_id"]["string"], labels["date_due"]["string"]),
                         ("申请人", "要求日期"))

    def test_vp_approval(self):
        """Only the VP (general manager) approves a sample request."""
        sample = self._create_sample()
        self.assertTrue(sample.name.startswith("SMP/"))
        self.assertEqual(sample.partner_id, self.customer)
        sample.sudo(self.users["merchandiser"]).action_submit()
        with self.assertRaises(AccessError):
            sample.sudo(self.users["sales_manager"]).action_vp_approve()
        self.assertEqual(sample.state, "to_approve")
        sample.sudo(self.users["general_manager"]).action_vp_approve()
        self.assertEqual(sample.state, "in_progress")
        self.assertEqual(sample.vp_approved_by_id, self.users["general_manager"])

    def test_bad_input(self):
        """Zero quantity, past due dates and direct state writes are refused."""
        with self.assertRefused(ValidationError):
            self._create_sample(quantity=0)
        sample = self._create_sample(date_due="2001-01-01")
        with self.assertRaises(ValidationError):
            sample.sudo(self.users["merchandiser"]).action_submit()
        with self.assertRaises(UserError):
            sample.sudo(self.users["merchandiser"]).write({"state": "delivered"})
        with self.assertRaises(UserError):
            sample.sudo(self.users["merchandiser"]).write({"state": "approved"})
        with self.assertRaises(UserError):
            sample.sudo(self.users["merchandiser"]).write({"state": "rejected"})
        self.assertEqual(sample.state, "draft")

    def test_evaluation_and_approval(self):
        """Delivery starts a 3-working-day evaluation; each role fills its own
        checklist and signs; the sample is approved after the last one."""
        sample = self._delivered_sample()
        self.assertEqual(sample.state, "delivered")
        expected = self.env["gendan.sla"].add_working_days(
            sample.delivered_date, 3, sample.company_id)
        self.assertEqual(sample.sla_deadline, fields.Date.to_string(expected))
        self.assertEqual(set(sample.check_ids.mapped("role")),
                         {"sales", "qa", "engineering"})
        self.assertEqual(sample.signoff_progress, "0/3")
        # QA may not fill the sales checks, nor sign before its own checks
        with self.assertRaises(AccessError):
            self._fill(sample, "sales", "qa")
        with self.assertRaises(UserError):
            sample.sudo(self.users["qa"]).action_signoff_sign()
        # wrong role
        with self.assertRaises(UserError):
            sample.sudo(self.users["finance"]).action_signoff_sign()
        self._fill(sample, "qa", "qa")
        self._fill(sample, "sales", "salesperson")
        self._fill(sample, "engineering", "engineer")
        for login in ("qa", "salesperson"):
            sample.sudo(self.users[login]).action_signoff_sign()
        self.assertEqual(sample.state, "delivered")
        sample.sudo(self.users["engineer"]).action_signoff_sign()
        self.assertEqual(sample.state, "approved")
        self.assertTrue(sample.approved_date)
        self.assertEqual(self.order.milestone_sample_state, "done")

    def test_repeat_sample_without_engineering(self):
        """A repeat sample needs no engineering check nor signature."""
        sample = self._delivered_sample(is_first_time=False)
        self.assertNotIn("engineering", sample.check_ids.mapped("role"))
        self.assertEqual(sample.signoff_progress, "0/2")

    def test_failed_check_rejects(self):
        """A failed check blocks signing; the rejected sample is made again."""
        sample = self._delivered_sample(is_first_time=False)
        self._fill(sample, "qa", "qa", result="fail")
        with self.assertRaises(UserError):
            sample.sudo(self.users["qa"]).action_signoff_sign()
        sample.sudo(self.users["qa"]).action_signoff_reject("Size out of tolerance")
        self.assertEqual(sample.state, "rejected")
        sample.sudo(self.users["merchandiser"]).action_remake()
        self.assertEqual(sample.state, "in_progress")
        self.assertFalse(sample.check_ids)
        sample.sudo(self.users["merchandiser"]).action_deliver()
        self.assertEqual(sample.signoff_state, "pending")
        self.assertEqual(sample.signoff_revision, 2)
