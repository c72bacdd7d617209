"""The countersigned contract copy is frozen once the order review used it
(issue 17, part 2): with the company setting on and the review requested,
no sales user replaces or removes it over XML-RPC, on the order or through
its ir.attachment; the database, read back with SQL, is unchanged.
"""
import base64

from odoo_server import RpcServerCase

SALES_LOGINS = ["salesperson", "merchandiser", "sales_manager", "general_manager"]


def b64(data):
    return base64.b64encode(data).decode()


class TestContractCopyGuard(RpcServerCase):

    def _rows(self, order_id):
        return self.sql(
            "SELECT o.contract_signed_filename, o.contract_signed_date, "
            "o.signoff_state, a.id, a.checksum FROM sale_order o "
            "LEFT JOIN ir_attachment a ON a.res_model = 'sale.order' AND "
            "a.res_id = o.id AND a.res_field = 'contract_signed_file' "
            "WHERE o.id = %s ORDER BY a.id", (order_id,))

    def _reviewed_order(self):
        company_id = self.call("admin", "res.users", "read", [self.login(
            "salesperson")], ["company_id"])[0]["company_id"][0]
        self.call("admin", "res.company", "write", [company_id],
                  {"gendan_contract_signed_required": True})
        self.addCleanup(self.call, "admin", "res.company", "write", [company_id],
                        {"gendan_contract_signed_required": False})
        enquiry_id = self.call("merchandiser", "gendan.enquiry", "create", {
            "partner_id": self.xmlid("gendan_order.partner_harbor_demo"),
            "channel": "email", "target_market": "RPC contract copy",
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
        self.call("merchandiser", "sale.order", "action_request_price_approval",
                  [order_id])
        approval_id = self.call("admin", "gendan.price.approval", "search", [
            ("order_id", "=", order_id), ("state", "=", "to_approve")])[0]
        self.call("sales_manager", "gendan.price.approval", "action_signoff_sign",
                  [approval_id])
        # both answer a report action (with None values): JSON-RPC
        self.call_json("salesperson", "sale.order", "print_quotation", [order_id])
        self.call_json("salesperson", "sale.order", "action_issue_contract",
                       [order_id])
        self.call("salesperson", "sale.order", "write", [order_id], {
            "contract_signed_file": b64(b"%PDF-1.4 countersigned"),
            "contract_signed_filename": "signed.pdf"})
        review_ids = self.call("merchandiser", "gendan.order.review.line",
                               "search", [("order_id", "=", order_id)])
        self.call("merchandiser", "gendan.order.review.line",
                  "action_confirm_check", review_ids)
        self.call("merchandiser", "sale.order", "action_signoff_request",
                  [order_id])
        return order_id

    def test_copy_frozen_after_review(self):
        order_id = self._reviewed_order()
        before = self._rows(order_id)
        self.assertEqual(len(before), 1)
        self.assertEqual(before[0][0], "signed.pdf")
        self.assertEqual(before[0][2], "pending")
        attachment_id = before[0][3]
        self.assertTrue(attachment_id)
        breaches = []
        for login in SALES_LOGINS:
            for vals in ({"contract_signed_file": False},
                         {"contract_signed_file": b64(b"another scan")},
                         {"contract_signed_filename": "fake.pdf"}):
                breaches.append(self.attempt(login, "sale.order", "write",
                                             [order_id], vals))
            breaches.append(self.attempt(login, "ir.attachment", "unlink",
                                         [attachment_id]))
            breaches.append(self.attempt(login, "ir.attachment", "write",
                                         [attachment_id],
                                         {"datas": b64(b"another scan")}))
            breaches.append(self.attempt(login, "ir.attachment", "create", {
                "name": "contract", "res_model": "sale.order",
                "res_id": order_id, "res_field": "contract_signed_file",
                "datas": b64(b"another scan")}))
        self.assertEqual([breach for breach in breaches if breach], [])
        self.assertEqual(self._rows(order_id), before)
        message = self.assertRefused("salesperson", "sale.order", "write",
                                     [order_id], {"contract_signed_file": False})
        self.assertIn("used by the order review", message)
