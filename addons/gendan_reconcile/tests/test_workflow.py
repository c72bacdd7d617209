import base64

from lxml import etree

from odoo.exceptions import UserError, ValidationError
from odoo.addons.gendan_base.engine import moving

from .common import ReconcileCase


class TestWorkflow(ReconcileCase):
    """Sign-off, sending, confirmation, dispute, locking and chasing."""

    @classmethod
    def setUpClass(cls):
        super(TestWorkflow, cls).setUpClass()
        statements = cls._prepare()
        cls.st_a = statements.filtered(lambda st: st.partner_id == cls.harbor)
        cls.st_b = statements.filtered(lambda st: st.partner_id == cls.lyon)

    def _sign(self, statement):
        statement.sudo(self.merchandiser).action_submit()
        statement.sudo(self.merchandiser).action_signoff_sign()
        statement.sudo(self.finance).action_signoff_sign()

    def _send(self, statement):
        self._sign(statement)
        statement.sudo(self.merchandiser).action_send()

    def test_signoff_merchandiser_then_finance(self):
        """Finance cannot sign before the merchandiser; both make it signed."""
        st = self.st_a
        st.sudo(self.merchandiser).action_submit()
        self.assertEqual(st.signoff_state, "pending")
        with self.assertRaises(UserError):
            st.sudo(self.finance).action_signoff_sign()
        st.sudo(self.merchandiser).action_signoff_sign()
        self.assertEqual(st.state, "draft")
        st.sudo(self.finance).action_signoff_sign()
        self.assertEqual((st.signoff_state, st.state), ("approved", "signed"))

    def test_send_before_signing_refused(self):
        """A draft statement cannot be sent."""
        with self.assertRaises(UserError):
            self.st_a.sudo(self.merchandiser).action_send()
        self.assertEqual(self.st_a.state, "draft")
        self.assertFalse(self.st_a.sent_date)

    def test_send_mails_pdf_and_xlsx(self):
        """Sending posts an e-mail to the customer with the PDF and XLSX."""
        st = self.st_a
        self._send(st)
        self.assertEqual(st.state, "sent")
        self.assertTrue(st.sent_date)
        self.assertTrue(st.sla_deadline, "the reply-by date is set")
        message = st.message_ids.filtered(lambda msg: msg.attachment_ids)[:1]
        self.assertIn(self.harbor,
                      message.partner_ids)
        names = sorted(message.attachment_ids.mapped("name"))
        self.assertEqual(names, [st.name.replace("/", "-") + ".pdf",
                                 st.name.replace("/", "-") + ".xlsx"])

    def test_send_needs_email(self):
        """A customer without e-mail address: refused, nothing sent."""
        self._sign(self.st_b)
        self.lyon.email = False
        with self.assertRaises(UserError):
            self.st_b.sudo(self.merchandiser).action_send()
        self.assertEqual(self.st_b.state, "signed")

    def test_confirm_needs_stamped_copy(self):
        """Confirming without the stamped copy is refused; the copy is
        attached once the statement is sent, not before."""
        st = self.st_a
        with self.assertRaises(UserError):
            st.sudo(self.merchandiser).write({
                "stamped_copy": base64.b64encode(b"%PDF-1.4 early")})
        self.assertFalse(st.stamped_copy)
        self._send(st)
        with self.assertRaises(UserError):
            st.sudo(self.merchandiser).action_confirm()
        self.assertEqual(st.state, "sent")
        st.sudo(self.merchandiser).write({
            "stamped_copy": base64.b64encode(b"%PDF-1.4 stamped"),
            "stamped_copy_filename": "stamped.pdf"})
        st.sudo(self.merchandiser).action_confirm()
        self.assertEqual(st.state, "confirmed")
        self.assertTrue(st.confirmed_date)
        self.assertEqual(st.sla_status, "done")

    def test_confirmed_is_locked(self):
        """A confirmed statement and its lines cannot be changed or deleted."""
        st = self.st_a
        self._send(st)
        st.write({"stamped_copy": base64.b64encode(b"stamp")})
        st.sudo(self.merchandiser).action_confirm()
        for user in (self.merchandiser, self.finance):
            with self.assertRaises(UserError):
                st.sudo(user).write({"note": "changed"})
            with self.assertRaises(UserError):
                st.sudo(user).line_ids[0].write({"is_disputed": True,
                                                 "dispute_reason": "late"})
            with self.assertRaises(UserError):
                st.sudo(user).unlink()
        self.assertFalse(st.note)
        self.assertFalse(st.line_ids.filtered("is_disputed"))
        self.assertEqual(st.state, "confirmed")
        st.sudo(self.merchandiser).message_post(body="Filed.")

    def test_dispute_and_resolution(self):
        """Disputed lines need a reason; confirmation waits for resolutions."""
        st = self.st_a
        self._send(st)
        with self.assertRaises(UserError):
            st.sudo(self.merchandiser).action_dispute()
        line = st.line_ids.sorted("date")[1].sudo(self.merchandiser)
        with self.assertRaises(ValidationError):
            line.write({"is_disputed": True})
        line.write({"is_disputed": True,
                    "dispute_reason": "Only 38 pcs received, 2 broken."})
        st.sudo(self.merchandiser).action_dispute()
        self.assertEqual(st.state, "disputed")
        self.assertEqual(st.dispute_count, 1)
        st.write({"stamped_copy": base64.b64encode(b"stamp")})
        with self.assertRaises(UserError):
            st.sudo(self.merchandiser).action_confirm()
        self.assertEqual(st.state, "disputed")
        line.write({"dispute_resolution": "Credit note for 2 pcs agreed."})
        st.sudo(self.merchandiser).action_confirm()
        self.assertEqual(st.state, "confirmed")

    def test_form_edit_matches_what_may_be_saved(self):
        """The form offers Edit on a disputed statement, where finance saves
        the resolution on the lines and the stamped copy as the form sends
        them; on a confirmed one it offers no Edit (edit_lock), and what the
        form would send is refused with nothing written."""
        arch = self.env["gendan.statement"].sudo(self.finance).fields_view_get(
            view_type="form")["arch"]
        self.assertEqual(etree.fromstring(arch).get("edit_lock"),
                         "[('state', '=', 'confirmed')]")
        st = self.st_a
        self._send(st)
        line = st.line_ids.sorted("date")[1]
        line.sudo(self.merchandiser).write({
            "is_disputed": True, "dispute_reason": "2 pcs broken."})
        st.sudo(self.merchandiser).action_dispute()
        form = st.sudo(self.finance)
        form.write({"line_ids": [(1, line.id, {
            "dispute_resolution": "Credit note for 2 pcs agreed."})],
            "stamped_copy": base64.b64encode(b"stamp"),
            "stamped_copy_filename": "stamped.pdf"})
        self.assertEqual(line.dispute_resolution, "Credit note for 2 pcs agreed.")
        form.action_confirm()
        self.assertEqual(st.state, "confirmed")
        salesperson = st.user_id
        for vals in ({"note": "late note"}, {"user_id": self.finance.id},
                     {"line_ids": [(1, line.id, {"dispute_resolution": "other"})]}):
            with self.assertRaises(UserError):
                form.write(vals)
        self.assertEqual((st.note, st.user_id, line.dispute_resolution),
                         (False, salesperson, "Credit note for 2 pcs agreed."))

    def test_dispute_before_sending_refused(self):
        """Lines take disputes only once the statement is sent."""
        line = self.st_a.line_ids[0].sudo(self.merchandiser)
        with self.assertRaises(UserError):
            line.write({"is_disputed": True, "dispute_reason": "x"})
        self.assertFalse(self.st_a.line_ids.filtered("is_disputed"))

    def test_unlink_only_draft(self):
        """A signed statement cannot be deleted; a draft one can."""
        self._sign(self.st_a)
        with self.assertRaises(UserError):
            self.st_a.sudo(self.merchandiser).unlink()
        self.assertTrue(self.st_a.exists())
        self.st_b.sudo(self.merchandiser).unlink()
        self.assertFalse(self.st_b.exists())

    def test_reply_overdue_escalation(self):
        """An unanswered statement past its reply-by date escalates once."""
        self._send(self.st_a)
        # sent earlier: the date a button (Send) fills, backdated
        with moving(self.st_a, ()):
            self.st_a.write({"sent_date": "2025-04-01"})
        self.assertEqual(self.st_a.sla_status, "overdue")
        Statement = self.env["gendan.statement"]
        self.assertIn(self.st_a, Statement.search([("sla_status", "=", "overdue")]))
        escalated = Statement._sla_escalate()
        self.assertIn(self.st_a, escalated)
        activity = self.st_a.activity_ids
        self.assertEqual(activity.user_id, self.salesperson)
        self.assertFalse(Statement._sla_escalate() & self.st_a)
