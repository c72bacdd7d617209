"""The outsourcing guards over XML-RPC (issue 17, parts 3 and 4).

A real server on the test database. On the demo outsourced order (SO of
the LED solar garden light) admin adds a second purchase order to the
factory with its outsourcing list in draft; the department users then try
to confirm the purchase order (button, state write) and to move the list
by writing its status: every attempt refused, the database read back with
SQL unchanged. After the four signatures, purchasing confirms it.
"""
from odoo_server import RpcServerCase

LOGINS = ["merchandiser", "salesperson", "sales_manager", "general_manager",
          "engineer", "purchaser", "production", "qa", "packing_wh",
          "electronic_wh", "fg_wh", "finance", "documents_clerk"]
SIGNERS = ["merchandiser", "purchaser", "sales_manager", "general_manager"]


class TestRpcOutsourcing(RpcServerCase):

    def _create_list(self):
        order_id = self.xmlid("gendan_outsourcing.order_outsourced_demo")
        factory_id = self.xmlid("gendan_outsourcing.partner_factory_demo")
        product_id = self.xmlid("gendan_outsourcing.product_solar_light_demo")
        po_id = self.call("admin", "purchase.order", "create", {
            "partner_id": factory_id,
            "order_line": [(0, 0, {
                "product_id": product_id, "name": "SG-10 (RPC test)",
                "product_qty": 10, "price_unit": 28.5,
                "product_uom": self.xmlid("product.product_uom_unit"),
                "date_planned": "2099-01-01 08:00:00"})]})
        list_id = self.call("merchandiser", "gendan.outsourcing.order", "create", {
            "purchase_id": po_id, "sale_order_id": order_id,
            "date_delivery": "2099-01-01",
            "material_ids": [(0, 0, {"name": "Solar panel", "product_qty": 10})]})
        self.addCleanup(self._drop_list, po_id, list_id)
        return po_id, list_id

    def _drop_list(self, po_id, list_id):
        """Delete the unsigned list and its order; a signed one stays,
        cancelled with its order (signatures are never deleted)."""
        po_state, (list_state, signoff) = self._state(po_id, list_id)
        if signoff == "none" and list_state == "draft":
            self.call("admin", "gendan.outsourcing.order", "unlink", [list_id])
            self.call("admin", "purchase.order", "unlink", [po_id])
            return
        if po_state != "cancel":
            # button_cancel returns None, which XML-RPC cannot answer: the
            # cancellation is committed before the answer fails
            self.attempt("admin", "purchase.order", "button_cancel", [po_id])
        self.call("merchandiser", "gendan.outsourcing.order", "action_cancel",
                  [list_id])
        self.assertEqual(self._state(po_id, list_id)[:1] + (
            self._state(po_id, list_id)[1][0],), ("cancel", "cancel"))

    def _state(self, po_id, list_id):
        return (self.sql("SELECT state FROM purchase_order WHERE id = %s",
                         (po_id,))[0][0],
                self.sql("SELECT state, signoff_state FROM gendan_outsourcing_order "
                         "WHERE id = %s", (list_id,))[0])

    def test_purchase_order_not_confirmed_before_signoff(self):
        po_id, list_id = self._create_list()
        before = self._state(po_id, list_id)
        self.assertEqual(before, ("draft", ("draft", "none")))
        message = self.assertRefused("purchaser", "purchase.order", "button_confirm",
                                     [po_id])
        self.assertIn("signed off", message)
        for login in LOGINS:
            self.assertTrue(self.attempt(login, "purchase.order", "write", [po_id],
                                         {"state": "purchase"}) is None, login)
            for state in ("approved", "confirmed", "done"):
                self.assertTrue(self.attempt(
                    login, "gendan.outsourcing.order", "write", [list_id],
                    {"state": state}) is None, login)
            self.assertTrue(self.attempt(
                login, "gendan.outsourcing.order", "action_confirm_purchase",
                [list_id]) is None, login)
        self.assertEqual(self._state(po_id, list_id), before)
        read = self.call("purchaser", "purchase.order", "read", [po_id], ["state"])
        self.assertEqual(read[0]["state"], "draft")
        # signed in turn by the four roles, then purchasing confirms it
        self.call("merchandiser", "gendan.outsourcing.order",
                  "action_signoff_request", [list_id])
        self.assertRefused("general_manager", "gendan.outsourcing.order",
                           "action_signoff_sign", [list_id])
        for login in SIGNERS:
            self.call(login, "gendan.outsourcing.order", "action_signoff_sign",
                      [list_id])
        self.assertEqual(self._state(po_id, list_id)[1], ("approved", "approved"))
        self.call("purchaser", "gendan.outsourcing.order", "action_confirm_purchase",
                  [list_id])
        self.assertEqual(self._state(po_id, list_id)[0], "purchase")
