from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError

from .common import GendanContactCase

# Tuesday 10 March 2026: Seattle is on PDT (UTC-7), Hamburg on CET (UTC+1)
RAW_MAIL = """Return-Path: <buyer@harborhome.example>
To: merchandiser@minghui.example
From: Harbor Buyer <buyer@harborhome.example>
Subject: Carton photos please
Date: Tue, 10 Mar 2026 14:30:00 -0700
Message-ID: <gateway-test-1@harborhome.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Could you send the photos of the finished cartons today?
"""


class TestReplyClock(GendanContactCase):

    def test_deadline_in_customer_time_zone(self):
        """Same working day until 18:00 where the customer is; after hours
        or on a day off, the next working day."""
        us, de = self.customer, self.customer_de
        cases = [
            # customer, received (UTC), reply by (UTC), customer's day
            # US afternoon 14:30 PDT: already the 11th in Ningbo
            (us, "2026-03-10 21:30:00", "2026-03-11 01:00:00", "2026-03-10"),
            # US 19:00 PDT: after hours, Wednesday 18:00 PDT
            (us, "2026-03-11 02:00:00", "2026-03-12 01:00:00", "2026-03-11"),
            # the same UTC moment is 02:00 in Seattle, 10:00 in Hamburg
            (us, "2026-03-10 09:00:00", "2026-03-11 01:00:00", "2026-03-10"),
            (de, "2026-03-10 09:00:00", "2026-03-10 17:00:00", "2026-03-10"),
            # Friday 20:00 CET and Saturday: Monday 18:00 CET
            (de, "2026-03-13 19:00:00", "2026-03-16 17:00:00", "2026-03-16"),
            (de, "2026-03-14 09:00:00", "2026-03-16 17:00:00", "2026-03-16"),
        ]
        for customer, received, deadline, day in cases:
            message = self._customer_mail(customer, received)
            reply = self.env["gendan.mail.reply"].search(
                [("message_in_id", "=", message.id)])
            self.assertEqual(len(reply), 1, received)
            self.assertEqual(reply.customer_tz, customer.tz)
            self.assertEqual(reply.date_received, received)
            self.assertEqual(reply.reply_deadline, deadline, received)
            self.assertEqual(reply.sla_deadline, day, received)
        us_reply = self.env["gendan.mail.reply"].search(
            [("date_received", "=", "2026-03-10 21:30:00")])
        self.assertEqual(us_reply.date_received_local[:16], "2026-03-10 14:30")
        self.assertEqual(us_reply.reply_deadline_local[:16], "2026-03-10 18:00")

    def test_reply_stops_the_clock_and_the_todo(self):
        """The merchandiser sees the mail in "My work"; a note does not
        answer, a mail sent on the same order does."""
        order = self._create_order()
        merchandiser = self.users["merchandiser"]
        self._customer_mail(order, "2026-03-10 21:30:00", subject="Loading date")
        reply = self._replies(order).sudo(merchandiser)
        self.assertEqual(reply.state, "waiting")
        self.assertEqual(reply.user_id, merchandiser)
        self.assertEqual(reply.order_id, order)
        my_work = self.env["mail.activity"].sudo(merchandiser).search([
            ("user_id", "=", merchandiser.id), ("gendan_key", "=", "mail_reply")])
        self.assertEqual(my_work.mapped("res_id"), reply.ids)
        self.assertEqual(my_work.date_deadline, "2026-03-10")
        self.assertIn("Loading date", my_work.summary)
        # overdue after 18:00 in Seattle only
        with patch.object(type(reply), "_now", lambda self: "2026-03-11 00:59:00"):
            self.assertFalse(reply.is_overdue)
        with patch.object(type(reply), "_now", lambda self: "2026-03-11 01:01:00"):
            reply.invalidate_cache(["is_overdue"])
            self.assertTrue(reply.is_overdue)
            self.assertIn(reply, reply.search([("is_overdue", "=", True)]))
        # a mail on another record, a log note: still waiting
        self._our_mail(self.customer, merchandiser)
        self._our_mail(order, merchandiser, note=True)
        self.assertEqual(reply.state, "waiting")
        # the reply as the merchandiser
        answer = self._our_mail(order, merchandiser)
        self.assertEqual(reply.state, "replied")
        self.assertEqual(reply.message_reply_id, answer)
        self.assertFalse(self._todos(reply, "mail_reply"))
        self.assertEqual(reply.sla_status, "done")

    def test_overdue_escalation(self):
        """An unanswered mail of last March is overdue: the SLA ladder gives
        the merchandiser an "overdue" to-do; the reply removes it."""
        order = self._create_order()
        self._customer_mail(order, "2026-03-10 21:30:00")
        reply = self._replies(order)
        with patch.object(type(reply), "_sla_today", lambda self: date(2026, 3, 10)):
            self.assertEqual(reply.sla_status, "due_soon")
            self.assertFalse(reply._sla_escalate())
        with patch.object(type(reply), "_sla_today", lambda self: date(2026, 3, 11)):
            reply.invalidate_cache(["sla_status"])
            self.assertEqual(reply.sla_status, "overdue")
            self.assertIn(reply, reply._sla_escalate())
            self.assertEqual(self._todos(reply, "sla").user_id,
                             self.users["merchandiser"])
            self._our_mail(order, self.users["merchandiser"])
            reply._sla_escalate()
            self.assertFalse(self._todos(reply, "sla"))

    def test_only_the_customer_starts_a_clock(self):
        order = self._create_order()
        self._customer_mail(order, "2026-03-10 09:00:00", author=self.vendor)
        self._our_mail(order, self.users["salesperson"])
        self.assertFalse(self._replies(order))
        # a contact person of the customer counts as the customer
        buyer = self.env["res.partner"].create({
            "name": "Ms. Lee", "parent_id": self.customer.id,
            "email": "lee@harborhome.example"})
        self._customer_mail(order, "2026-03-10 09:00:00", author=buyer)
        self.assertEqual(self._replies(order).partner_id, self.customer)

    def test_mail_gateway(self):
        """A mail received by the gateway on the customer's order."""
        order = self._create_order()
        self.customer.email = "buyer@harborhome.example"
        self.env["mail.thread"].message_process(
            "sale.order", RAW_MAIL, thread_id=order.id)
        reply = self._replies(order)
        self.assertEqual(reply.subject, "Carton photos please")
        self.assertEqual(reply.date_received, "2026-03-10 21:30:00")
        self.assertEqual(reply.reply_deadline, "2026-03-11 01:00:00")
        self.assertIn("finished cartons", reply.body_preview)

    def test_restricted_users(self):
        """Merchandiser and salesperson close a clock with its button only;
        other departments do not see it; the status is never written."""
        self._customer_mail(self.customer, "2026-03-10 21:30:00")
        reply = self._replies(self.customer)
        for login in ("merchandiser", "salesperson"):
            with self.assertRefused(UserError):
                reply.sudo(self.users[login]).write({"state": "replied"})
            with self.assertRefused(AccessError):
                self.env["gendan.mail.reply"].sudo(self.users[login]).create({
                    "subject": "x", "partner_id": self.customer.id,
                    "res_model": "res.partner", "res_id": self.customer.id,
                    "date_received": "2026-03-10 09:00:00"})
        with self.assertRefused(AccessError):
            reply.sudo(self.users["engineer"]).read(["subject"])
        # another salesperson sees the customer's mail, not those of orders
        # that are not theirs; the merchandisers see all
        other = self._create_user("t_other_sales", ["gendan_base.group_salesperson"])
        order = self._create_order()
        self._customer_mail(order, "2026-03-10 21:30:00")
        Reply = self.env["gendan.mail.reply"]
        self.assertEqual(Reply.sudo(other).search([("id", "in", (
            reply | self._replies(order)).ids)]), reply)
        self.assertEqual(len(Reply.sudo(self.users["merchandiser"]).search([(
            "id", "in", (reply | self._replies(order)).ids)])), 2)
        log = self.env["gendan.contact.log"].sudo(other).search(
            [("order_id", "=", order.id)])
        self.assertFalse(log)
        action = reply.sudo(self.users["merchandiser"]).action_reply()
        self.assertEqual(action["context"]["default_res_id"], self.customer.id)
        reply.sudo(self.users["salesperson"]).action_no_reply()
        self.assertEqual(reply.state, "no_reply")
        self.assertFalse(self._todos(reply, "mail_reply"))
        with self.assertRefused(UserError):
            reply.sudo(self.users["merchandiser"]).action_no_reply()
        with self.assertRefused(UserError):
            reply.sudo(self.users["merchandiser"]).action_reply()
