"""The daily outbound register to finance over XML-RPC (gendan_dispatch,
issue 16 point 6): the warehouse issues it, only finance acknowledges it,
and its status, its signatures and its lines move only through its buttons.

A real server on the test database: a receipt is validated, the finished
goods warehouse issues the day's register; every department user then tries
to acknowledge it or to write past the buttons; the database, read back with
SQL, is unchanged until finance acknowledges it by its button.
"""
from odoo_server import RpcServerCase

LOGINS = ["merchandiser", "salesperson", "sales_manager", "general_manager",
          "engineer", "purchaser", "production", "qa", "packing_wh",
          "electronic_wh", "fg_wh", "documents_clerk"]
REGISTER = "gendan.outbound.register"


class TestOutboundRegisterGuards(RpcServerCase):

    def assertNoBreach(self, breaches):
        breaches = [b for b in breaches if b]
        self.assertEqual(breaches, [], "\n".join(breaches))

    def _receive(self):
        """A receipt of one product, validated by admin: a movement today."""
        product = self.call("admin", "product.product", "search_read",
                            [("type", "in", ("product", "consu"))],
                            ["uom_id"], limit=1)[0]
        source = self.xmlid("stock.stock_location_suppliers")
        stock = self.xmlid("stock.stock_location_stock")
        picking = self.call("admin", "stock.picking", "create", {
            "picking_type_id": self.xmlid("stock.picking_type_in"),
            "location_id": source, "location_dest_id": stock,
            "origin": "RPC register",
            "move_lines": [(0, 0, {
                "name": "RPC register", "product_id": product["id"],
                "product_uom_qty": 3, "product_uom": product["uom_id"][0],
                "location_id": source, "location_dest_id": stock})]})
        self.call("admin", "stock.picking", "action_confirm", [picking])
        moves = self.call("admin", "stock.picking", "read", [picking],
                          ["move_lines"])[0]["move_lines"]
        self.call("admin", "stock.move", "write", moves, {"quantity_done": 3})
        self.call("admin", "stock.picking", "action_done", [picking])
        return picking

    def _state(self, register):
        return self.sql("SELECT state, date, issued_uid IS NOT NULL, "
                        "acknowledged_uid FROM gendan_outbound_register "
                        "WHERE id = %s", (register,))

    def test_only_finance_acknowledges_through_the_button(self):
        picking = self._receive()
        register = self.call("fg_wh", REGISTER, "create", {})
        # finance does not issue it, nobody writes it issued
        self.assertRefused("finance", REGISTER, "action_issue", [register])
        self.assertNoBreach([
            self.attempt(login, REGISTER, "write", [register], {"state": "issued"})
            for login in LOGINS + ["finance"]])
        self.call("fg_wh", REGISTER, "action_issue", [register])
        lines = self.call("finance", REGISTER, "read", [register],
                          ["line_ids"])[0]["line_ids"]
        pickings = {line["picking_id"][0] for line in self.call(
            "finance", "gendan.outbound.register.line", "read", lines,
            ["picking_id"])}
        self.assertIn(picking, pickings)
        before = self._state(register)
        self.assertEqual((before[0][0], before[0][2:]), ("issued", (True, None)))
        line_rows = self.sql("SELECT id, move_id, quantity FROM "
                             "gendan_outbound_register_line WHERE register_id = %s "
                             "ORDER BY id", (register,))
        finance = self.login("finance")
        breaches = []
        for login in LOGINS:
            breaches += [
                self.attempt(login, REGISTER, "action_acknowledge", [register]),
                self.attempt(login, REGISTER, "write", [register],
                             {"state": "acknowledged"}),
                self.attempt(login, REGISTER, "write", [register],
                             {"acknowledged_uid": finance}),
                self.attempt(login, REGISTER, "unlink", [register]),
                self.attempt(login, REGISTER, "write", [register],
                             {"date": "2020-01-01"}),
                self.attempt(login, "gendan.outbound.register.line", "write",
                             lines, {"quantity": 99}),
                self.attempt(login, "gendan.outbound.register.line", "unlink",
                             lines),
            ]
        breaches += [
            self.attempt("finance", REGISTER, "write", [register],
                         {"state": "acknowledged"}),
            self.attempt("finance", REGISTER, "write", [register],
                         {"acknowledged_uid": finance}),
            self.attempt("finance", REGISTER, "unlink", [register]),
        ]
        self.assertNoBreach(breaches)
        message = self.assertRefused("fg_wh", REGISTER, "action_acknowledge",
                                     [register])
        self.assertIn("Finance", message)
        self.assertEqual(self._state(register), before)
        self.assertEqual(self.sql(
            "SELECT id, move_id, quantity FROM gendan_outbound_register_line "
            "WHERE register_id = %s ORDER BY id", (register,)), line_rows)
        # finance acknowledges by its button
        self.call("finance", REGISTER, "action_acknowledge", [register])
        after = self._state(register)
        self.assertEqual((after[0][0], after[0][2:]), ("acknowledged", (True, finance)))
