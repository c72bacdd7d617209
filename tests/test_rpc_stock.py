"""Stock and expense guards over XML-RPC (gendan_stock, issue 18).

A real server on the test database; each department user tries to move a
daily expense past its buttons, to register a negative or zero expense and to
enter a negative stock count. Every attempt is refused and the database, read
back with SQL, is unchanged.
"""
import time

from odoo_server import RpcServerCase

LOGINS = ["merchandiser", "purchaser", "fg_wh", "electronic_wh", "finance",
          "general_manager"]


class TestStockRpc(RpcServerCase):

    def assertNoBreach(self, breaches):
        breaches = [b for b in breaches if b]
        self.assertEqual(breaches, [], "\n".join(breaches))

    def _expense(self):
        courier = self.call("admin", "res.partner", "create",
                            {"name": "RPC Courier", "supplier": True})
        return self.call("admin", "gendan.expense", "create", {
            "expense_type": "freight", "partner_id": courier,
            "description": "RPC freight", "amount": 88.0}), courier

    def test_expense_states_and_amounts(self):
        """Nobody posts an unchecked expense, writes its status, who checked
        it or its bill, nor registers a negative or zero amount."""
        expense, courier = self._expense()
        before = self.sql("SELECT state, amount, checked_by_id, invoice_id "
                          "FROM gendan_expense WHERE id = %s", (expense,))
        count = self.sql("SELECT count(*) FROM gendan_expense")
        bills = self.sql("SELECT count(*) FROM account_invoice")
        breaches = []
        for login in LOGINS:
            uid = self.login(login)
            breaches += [
                self.attempt(login, "gendan.expense", "write", [expense],
                             {"state": "posted"}),
                self.attempt(login, "gendan.expense", "write", [expense],
                             {"state": "checked", "checked_by_id": uid}),
                self.attempt(login, "gendan.expense", "action_approve", [expense]),
                self.attempt(login, "gendan.expense", "write", [expense],
                             {"amount": -5.0}),
                self.attempt(login, "gendan.expense", "create", {
                    "expense_type": "daily", "partner_id": courier,
                    "description": "negative", "amount": -10.0}),
                self.attempt(login, "gendan.expense", "create", {
                    "expense_type": "daily", "partner_id": courier,
                    "description": "zero", "amount": 0.0}),
                self.attempt(login, "gendan.expense", "create", {
                    "expense_type": "daily", "partner_id": courier,
                    "description": "posted", "amount": 5.0, "state": "posted"}),
            ]
        self.assertNoBreach(breaches)
        self.assertEqual(self.sql("SELECT state, amount, checked_by_id, invoice_id "
                                  "FROM gendan_expense WHERE id = %s", (expense,)),
                         before)
        self.assertEqual(self.sql("SELECT count(*) FROM gendan_expense"), count)
        self.assertEqual(self.sql("SELECT count(*) FROM account_invoice"), bills)
        # the real path: checked by the merchandiser, posted by finance
        self.call("merchandiser", "gendan.expense", "action_check", [expense])
        self.call("finance", "gendan.expense", "action_approve", [expense])
        state, bill = self.sql("SELECT e.state, i.state FROM gendan_expense e "
                               "JOIN account_invoice i ON i.id = e.invoice_id "
                               "WHERE e.id = %s", (expense,))[0]
        self.assertEqual((state, bill), ("posted", "open"))

    def test_negative_count_refused(self):
        """The warehouse and the merchandiser enter counts; a negative one is
        refused, the count read back is the one entered before."""
        stamp = str(int(time.time() * 1000))[-8:]
        product = self.call("admin", "product.product", "create", {
            "name": "RPC Count %s" % stamp, "type": "product"})
        location = self.xmlid("stock.stock_location_stock")
        inventory = self.call("admin", "stock.inventory", "create", {
            "name": "RPC count %s" % stamp, "location_id": location,
            "filter": "partial"})
        self.call("admin", "stock.inventory", "action_start", [inventory])
        line = self.call("admin", "stock.inventory.line", "create", {
            "inventory_id": inventory, "product_id": product,
            "location_id": location, "product_qty": 10.0})
        self.call("fg_wh", "stock.inventory.line", "write", [line],
                  {"product_qty": 12.0})
        breaches = []
        for login in ("fg_wh", "electronic_wh", "packing_wh", "merchandiser"):
            breaches += [
                self.attempt(login, "stock.inventory.line", "write", [line],
                             {"product_qty": -3.0}),
                self.attempt(login, "stock.inventory.line", "create", {
                    "inventory_id": inventory, "product_id": product,
                    "location_id": location, "product_qty": -1.0}),
            ]
        self.assertNoBreach(breaches)
        self.assertEqual(self.sql(
            "SELECT product_qty FROM stock_inventory_line WHERE inventory_id = %s",
            (inventory,)), [(12.0,)])
