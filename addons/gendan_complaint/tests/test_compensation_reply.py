from odoo.exceptions import UserError, ValidationError

from .common import ComplaintCase


class TestCompensationReply(ComplaintCase):
    """Compensation approved through the sign-off engine, reply mail, closing."""

    def _compensation(self, complaint, amount=800.0, ctype="credit_note", **vals):
        values = {"complaint_id": complaint.id, "compensation_type": ctype,
                  "amount": amount}
        if ctype == "credit_note":
            values["invoice_id"] = self.invoice.id
        if ctype == "replacement":
            values.update(product_id=self.product.id, product_qty=20.0)
        values.update(vals)
        return self.env["gendan.complaint.compensation"].sudo(
            self.users["merchandiser"]).create(values)

    def _approve(self, comp):
        comp.sudo(self.users["merchandiser"]).action_request_approval()
        comp.sudo(self.users["sales_manager"]).action_signoff_sign()
        return comp

    def test_credit_note_compensation(self):
        """Approved, a credit-note compensation is a draft customer credit
        note of its amount against the invoice, linked to the complaint;
        granted once finance validated it."""
        complaint = self._complaint_in_analysis()
        comp = self._compensation(complaint, amount=800.0)
        self.assertFalse(comp.refund_id)
        self._approve(comp)
        self.assertEqual(comp.state, "approved")
        refund = comp.refund_id
        self.assertEqual(refund.type, "out_refund")
        self.assertEqual(refund.state, "draft")
        self.assertEqual(refund.amount_total, 800.0)
        self.assertEqual(refund.currency_id, self.invoice.currency_id)
        self.assertEqual(refund.partner_id, self.customer)
        self.assertEqual(refund.refund_invoice_id, self.invoice)
        self.assertEqual(refund.gendan_complaint_id, complaint)
        self.assertIn(complaint.name, refund.origin)
        with self.assertRaisesRegex(UserError, "credit note"), self.cr.savepoint():
            comp.sudo(self.users["merchandiser"]).action_done()
        refund.sudo(self.users["finance"]).action_invoice_open()
        self.assertEqual(refund.state, "open")
        self.assertEqual(self.customer.credit, 10000.0 - 800.0)
        comp.sudo(self.users["merchandiser"]).action_done()
        self.assertEqual(comp.state, "done")

    def test_credit_note_larger_than_invoice_refused(self):
        """A credit note above the invoice, or without an invoice, is
        refused; nothing is written."""
        complaint = self._complaint_in_analysis()
        with self.assertRaisesRegex(ValidationError, self.invoice.number), \
                self.cr.savepoint():
            self._compensation(complaint, amount=10000.01)
        comp = self._compensation(complaint, amount=10000.0)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            comp.sudo(self.users["merchandiser"]).write({"amount": 12000.0})
        self.assertEqual(comp.amount, 10000.0)
        bare = self._compensation(complaint, invoice_id=False)
        with self.assertRaisesRegex(UserError, "invoice"), self.cr.savepoint():
            bare.sudo(self.users["merchandiser"]).action_request_approval()
        self.assertEqual(bare.signoff_state, "none")
        self.assertFalse(self.env["account.invoice"].search(
            [("gendan_complaint_id", "=", complaint.id)]))

    def test_replacement_compensation_delivery(self):
        """Approved, a replacement is a delivery of the goods to the customer,
        free of charge (no order line to invoice); granted once shipped;
        cancelling an approved one cancels its delivery."""
        complaint = self._complaint_in_analysis()
        comp = self._approve(self._compensation(
            complaint, ctype="replacement", amount=0.0))
        picking = comp.picking_id
        self.assertEqual(picking.picking_type_code, "outgoing")
        self.assertEqual(picking.partner_id, self.customer)
        self.assertEqual(picking.origin, complaint.name)
        self.assertFalse(picking.sale_id)
        self.assertEqual(picking.move_lines.product_id, self.product)
        self.assertEqual(picking.move_lines.product_uom_qty, 20.0)
        self.assertEqual(picking.move_lines.price_unit, 0.0)
        self.assertFalse(picking.move_lines.sale_line_id)
        self.assertIn(picking.state, ("confirmed", "assigned"))
        with self.assertRaisesRegex(UserError, "delivery"), self.cr.savepoint():
            comp.sudo(self.users["merchandiser"]).action_done()
        picking.action_assign()
        picking.move_lines.quantity_done = 20.0
        picking.sudo(self.users["fg_wh"]).action_done()
        self.assertEqual(picking.state, "done")
        comp.sudo(self.users["merchandiser"]).action_done()
        self.assertEqual(comp.state, "done")
        other = self._approve(self._compensation(
            complaint, ctype="replacement", amount=0.0))
        other.sudo(self.users["merchandiser"]).action_cancel()
        self.assertEqual(other.picking_id.state, "cancel")

    def test_documents_not_set_by_hand(self):
        """The credit note and the delivery are made by the approval only."""
        complaint = self._complaint_in_analysis()
        comp = self._compensation(complaint)
        other = self._customer_invoice(50.0)
        with self.assertRaisesRegex(UserError, "buttons only"), self.cr.savepoint():
            comp.sudo(self.users["merchandiser"]).write({"refund_id": other.id})
        self.assertFalse(comp.refund_id)

    def test_replacement_needs_product(self):
        """A replacement without product or quantity is not sent for approval."""
        complaint = self._complaint_in_analysis()
        comp = self._compensation(complaint, ctype="replacement", amount=0.0,
                                  product_qty=0.0)
        with self.assertRaisesRegex(UserError, "quantity"), self.cr.savepoint():
            comp.sudo(self.users["merchandiser"]).action_request_approval()
        self.assertEqual(comp.state, "draft")
        self.assertFalse(comp.picking_id)

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
