"""A quotation whose selling prices the sales manager has not signed does not
go out, whatever the way (issue 17, part 1): over XML-RPC, as every sales
user, "Send by Email", "Print" (print and mark sent), the mail composer's
"mark as sent", a direct write of the state and the confirmation are all
refused, and the database, read back with SQL, is unchanged. A price change
after the approval voids it and the refusals come back.
"""
from odoo_server import RpcServerCase

SALES_LOGINS = ["salesperson", "merchandiser", "sales_manager", "general_manager"]


class TestQuotationPriceGuard(RpcServerCase):

    def _order_row(self, order_id):
        return self.sql(
            "SELECT state, quote_sent_date, contract_number FROM sale_order "
            "WHERE id = %s", (order_id,))

    def _quotation(self):
        enquiry_id = self.call("merchandiser", "gendan.enquiry", "create", {
            "partner_id": self.xmlid("gendan_order.partner_harbor_demo"),
            "channel": "email", "target_market": "RPC test",
            "user_id": self.xmlid("gendan_base.user_salesperson_demo"),
            "line_ids": [(0, 0, {
                "product_id": self.xmlid("gendan_order.product_desk_lamp_demo"),
                "name": "DL-20", "material": "Aluminium", "quantity": 100})]})
        self.call("merchandiser", "gendan.enquiry", "action_create_quotation",
                  [enquiry_id])
        order_id = self.call("merchandiser", "sale.order", "search",
                             [("enquiry_id", "=", enquiry_id)])[0]
        self.addCleanup(self.call, "admin", "sale.order", "action_cancel",
                        [order_id])
        self.call("merchandiser", "sale.order.line", "write", self.call(
            "merchandiser", "sale.order.line", "search",
            [("order_id", "=", order_id)]), {"factory_price": 9.0,
                                             "price_unit": 12.5})
        return order_id

    def _attempts(self, order_id):
        """Every way to send or confirm, as every sales user: what went
        through (nothing, when refused)."""
        breaches = []
        for login in SALES_LOGINS:
            for method in ("action_quotation_send", "print_quotation",
                           "action_confirm"):
                breaches.append(self.attempt(login, "sale.order", method,
                                             [order_id]))
            for state in ("sent", "sale"):
                breaches.append(self.attempt(login, "sale.order", "write",
                                             [order_id], {"state": state}))
            context = {"default_model": "sale.order", "default_res_id": order_id,
                       "mark_so_as_sent": True}
            composer_id = self.call(login, "mail.compose.message", "create", {
                "subject": "Quotation", "body": "Our quotation"},
                context=context)
            breaches.append(self.attempt(login, "mail.compose.message",
                                         "send_mail", [composer_id],
                                         context=context))
        return [breach for breach in breaches if breach]

    def test_unapproved_prices_refused(self):
        order_id = self._quotation()
        before = self._order_row(order_id)
        self.assertEqual(before[0][0], "draft")
        self.assertEqual(self._attempts(order_id), [])
        self.assertEqual(self._order_row(order_id), before)
        message = self.assertRefused("salesperson", "sale.order",
                                     "action_quotation_send", [order_id])
        self.assertIn("not approved by the sales manager", message)
        # pending: still refused; the salesperson cannot sign
        self.call("merchandiser", "sale.order", "action_request_price_approval",
                  [order_id])
        approval_id = self.call("admin", "gendan.price.approval", "search", [
            ("order_id", "=", order_id), ("state", "=", "to_approve")])[0]
        self.assertIsNone(self.attempt("salesperson", "gendan.price.approval",
                                       "action_signoff_sign", [approval_id]))
        self.assertIsNone(self.attempt("salesperson", "gendan.price.approval",
                                       "write", [approval_id],
                                       {"state": "approved"}))
        self.assertEqual(self._attempts(order_id), [])
        self.assertEqual(self._order_row(order_id), before)
        # signed: a price change voids it, the refusals come back
        self.call("sales_manager", "gendan.price.approval", "action_signoff_sign",
                  [approval_id])
        self.assertEqual(self.sql(
            "SELECT state FROM gendan_price_approval WHERE id = %s",
            (approval_id,)), [("approved",)])
        line_ids = self.call("salesperson", "sale.order.line", "search",
                             [("order_id", "=", order_id)])
        self.call("salesperson", "sale.order.line", "write", line_ids,
                  {"price_unit": 10.0})
        self.assertEqual(self.sql(
            "SELECT state FROM gendan_price_approval WHERE id = %s",
            (approval_id,)), [("void",)])
        self.assertEqual(self._attempts(order_id), [])
        self.assertEqual(self._order_row(order_id), before)
