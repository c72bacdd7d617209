from odoo.exceptions import UserError, ValidationError

from .common import ComplaintCase


class TestCompensationReply(ComplaintCase):
    """Compensation approved through the sign-off engine, reply mail, closing."""

    def _compensation(self, complaint, amount=800.0, ctype="credit_note"):
        return self.env["gendan.complaint.compensation"].sudo(
            self.users["merchandiser"]).create({
                "complaint_id": complaint.id, "compensation_type": ctype,
                "amount": amount})

    def _reply(self, complaint, user=None):
        return complaint.sudo(user or self.users["merchandiser"]).with_context(
            gendan_complaint_reply=True).message_post(
                body="Dear customer, please find our 8D report.",
                message_type="comment", subtype="mail.mt_comment",
                partner_ids=[self.customer.id])

    def test_amount_rules(self):
        """A credit note needs an amount; 'none' has none."""
        complaint = self._complaint_in_analysis()
        with self.assertRaises(ValidationError):
            self._compensation(complaint, amount=0.0)
        with self.assertRaises(ValidationError):
            self._compensation(complaint, amount=10.0, ctype="none")

    def test_approval_without_signoff_refused(self):
        """Writing 'approved' without the signatures is refused."""
        complaint = self._complaint_in_analysis()
        comp = self._compensation(complaint)
        with self.assertRaises(UserError):
            comp.sudo(self.users["merchandiser"]).write({"state": "approved"})
        self.assertEqual(comp.state, "draft")

    def test_signoff_approves(self):
        """The sales manager approves; amounts above 5,000 also need the GM."""
        complaint = self._complaint_in_analysis()
        comp = self._compensation(complaint)
        comp.sudo(self.users["merchandiser"]).action_request_approval()
        self.assertEqual(comp.signoff_progress, "0/1")
        with self.assertRaises(UserError):
            comp.sudo(self.users["qa"]).action_signoff_sign()
        comp.sudo(self.users["sales_manager"]).action_signoff_sign("OK")
        self.assertEqual(comp.state, "approved")
        big = self._compensation(complaint, amount=9000.0)
        big.sudo(self.users["merchandiser"]).action_request_approval()
        self.assertEqual(big.signoff_progress, "0/2")
        big.sudo(self.users["sales_manager"]).action_signoff_sign()
        self.assertEqual(big.state, "draft")
        big.sudo(self.users["general_manager"]).action_signoff_sign()
        self.assertEqual(big.state, "approved")

    def test_reply_with_unapproved_compensation_refused(self):
        """No customer reply while a compensation waits for approval."""
        complaint = self._complaint_in_analysis()
        self._compensation(complaint)
        messages = len(complaint.message_ids)
        with self.assertRaisesRegex(UserError, "not approved"):
            self._reply(complaint)
        with self.assertRaises(UserError):
            complaint.sudo(self.users["merchandiser"]).action_reply_send()
        self.assertEqual(complaint.state, "analysis")
        self.assertEqual(len(complaint.message_ids), messages)

    def test_closed_only_after_a_sent_reply(self):
        """QA cannot close a complaint by writing its status and a reply date:
        the reply date is set by the sent reply, the status by Close."""
        complaint = self._advance_to(self._complaint_in_analysis("major"), "closed")
        qa = complaint.sudo(self.users["qa"])
        for vals in ({"state": "closed", "reply_date": "2030-01-01 08:00:00"},
                     {"reply_date": "2030-01-01 08:00:00"},
                     {"state": "replied"}, {"state": "closed"}):
            with self.assertRaises(UserError):
                with self.env.cr.savepoint():
                    qa.write(vals)
        self.env.cr.execute("SELECT state, reply_date FROM gendan_complaint "
                            "WHERE id = %s", (complaint.id,))
        self.assertEqual(self.env.cr.fetchone(), ("analysis", None))
        with self.assertRaises(UserError):
            with self.env.cr.savepoint():
                self.env["gendan.complaint"].sudo(self.users["qa"]).create({
                    "partner_id": self.customer.id, "symptom": "x",
                    "state": "closed"})

    def test_reply_logged_then_close(self):
        """The reply mail is logged on the complaint; the complaint then closes."""
        complaint = self._advance_to(self._complaint_in_analysis("major"), "closed")
        comp = self._compensation(complaint, ctype="replacement", amount=120.0)
        comp.sudo(self.users["merchandiser"]).action_request_approval()
        comp.sudo(self.users["sales_manager"]).action_signoff_sign()
        with self.assertRaisesRegex(UserError, "customer reply"):
            complaint.sudo(self.users["merchandiser"]).action_close()
        action = complaint.sudo(self.users["merchandiser"]).action_reply_send()
        self.assertEqual(action["res_model"], "mail.compose.message")
        self.assertTrue(action["context"]["gendan_complaint_reply"])
        message = self._reply(complaint)
        self.assertEqual(complaint.state, "replied")
        self.assertTrue(complaint.reply_date)
        self.assertIn(self.customer, message.partner_ids)
        self.assertEqual(complaint.sla_status, "done")
        complaint.sudo(self.users["merchandiser"]).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_reply_through_composer_with_template(self):
        """The composer with the reply template sends and logs the mail."""
        complaint = self._complaint_in_analysis()
        ctx = complaint.sudo(self.users["merchandiser"]).action_reply_send()["context"]
        composer = self.env["mail.compose.message"].sudo(
            self.users["merchandiser"]).with_context(**ctx).create({})
        composer.write(composer.onchange_template_id(
            ctx["default_template_id"], "comment", complaint._name,
            complaint.id)["value"])
        composer.send_mail()
        self.assertEqual(complaint.state, "replied")
        self.assertTrue(complaint.message_ids.filtered(
            lambda m: complaint.name in (m.subject or "")))

    def test_close_with_open_8d_refused(self):
        """A replied complaint with an open 8D cannot close."""
        complaint = self._complaint_in_analysis("major")
        self._reply(complaint)
        with self.assertRaisesRegex(UserError, "8D"):
            complaint.sudo(self.users["merchandiser"]).action_close()
        self.assertEqual(complaint.state, "replied")
