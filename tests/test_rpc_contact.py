"""The reply clock of customer mail through XML-RPC (issue 18, part 3).

A real server on the test database. The customer's mail is posted on a demo
order as admin (as the mail gateway would); every department user then tries
to write the clock's status or to create one: all refused, the database read
back with SQL unchanged. The clock moves only through the mail thread (the
merchandiser's reply) and its button (no reply needed).
"""
from odoo_server import RpcServerCase

LOGINS = ["merchandiser", "salesperson", "sales_manager", "general_manager",
          "engineer", "purchaser", "production", "qa", "packing_wh",
          "electronic_wh", "fg_wh", "finance", "documents_clerk"]
SALES = {"merchandiser", "salesperson", "sales_manager", "general_manager"}


class TestRpcContact(RpcServerCase):

    def _customer_mail(self, order_id, subject):
        order = self.call("admin", "sale.order", "read", [order_id],
                          ["partner_id"])[0]
        message_id = self.call(
            "admin", "sale.order", "message_post", [order_id],
            body="<p>Please confirm the loading date.</p>", subject=subject,
            message_type="email", subtype="mail.mt_comment",
            author_id=order["partner_id"][0])
        reply_ids = self.call("admin", "gendan.mail.reply", "search",
                              [("message_in_id", "=", message_id)])
        self.assertEqual(len(reply_ids), 1)
        self.addCleanup(self.call, "admin", "gendan.mail.reply", "unlink", reply_ids)
        return reply_ids[0]

    def _state(self, reply_id):
        return self.sql("SELECT state, date_replied, message_reply_id "
                        "FROM gendan_mail_reply WHERE id = %s", (reply_id,))[0]

    def test_reply_clock_moves_only_through_the_thread(self):
        order_id = self.xmlid("gendan_order.order_late_demo")
        reply_id = self._customer_mail(order_id, "RPC clock test")
        before = self._state(reply_id)
        self.assertEqual(before[0], "waiting")
        count = self.sql("SELECT count(*) FROM gendan_mail_reply")
        breaches = []
        for login in LOGINS:
            for state in ("replied", "no_reply"):
                breaches.append(self.attempt(login, "gendan.mail.reply", "write",
                                             [reply_id], {"state": state}))
            breaches.append(self.attempt(login, "gendan.mail.reply", "create", {
                "subject": "forged", "partner_id": 1, "res_model": "sale.order",
                "res_id": order_id, "date_received": "2026-03-10 09:00:00"}))
            if login not in SALES:
                breaches.append(self.attempt(login, "gendan.mail.reply",
                                             "action_no_reply", [reply_id]))
        self.assertEqual([b for b in breaches if b], [])
        self.assertEqual(self._state(reply_id), before)
        self.assertEqual(self.sql("SELECT count(*) FROM gendan_mail_reply"), count)
        message = self.assertRefused("salesperson", "gendan.mail.reply", "write",
                                     [reply_id], {"state": "replied"})
        self.assertIn("Reply", message)
        message = self.assertRefused("merchandiser", "gendan.mail.reply", "write",
                                     [reply_id], {"state": "no_reply"})
        self.assertIn("No Reply Needed", message)
        # the merchandiser's mail on the order answers it
        answer_id = self.call("merchandiser", "sale.order", "message_post",
                              [order_id], body="<p>Loading on Friday.</p>",
                              message_type="comment", subtype="mail.mt_comment")
        state, replied, reply_message = self._state(reply_id)
        self.assertEqual((state, reply_message), ("replied", answer_id))
        self.assertTrue(replied)
        self.assertTrue(self.attempt("salesperson", "gendan.mail.reply",
                                     "action_no_reply", [reply_id]) is None)

    def test_no_reply_needed(self):
        order_id = self.xmlid("gendan_order.order_in_review_demo")
        reply_id = self._customer_mail(order_id, "RPC thank-you")
        self.call("salesperson", "gendan.mail.reply", "action_no_reply", [reply_id])
        self.assertEqual(self._state(reply_id)[0], "no_reply")
        todos = self.sql("SELECT count(*) FROM mail_activity WHERE res_model = "
                         "'gendan.mail.reply' AND res_id = %s", (reply_id,))
        self.assertEqual(todos[0][0], 0)
