"""The goods' last checks through XML-RPC (gendan_dispatch, issue 17 part 5):
a controlled order's delivery does not leave without an issued pick-up slip,
and neither an MO's finished goods nor the goods bought for a controlled order
(a purchase receipt) enter stock without a passed QA check.

A real server on the test database; every attempt is made as each demo
department user, and the database is read back with SQL afterwards.
"""
from odoo_server import RpcServerCase

LOGINS = ["merchandiser", "salesperson", "sales_manager", "general_manager",
          "engineer", "purchaser", "production", "qa", "packing_wh",
          "electronic_wh", "fg_wh", "finance", "documents_clerk"]


class TestDispatchGuards(RpcServerCase):

    def _row(self, table, record_id, columns):
        # table and columns are constants of this test
        return self.sql("SELECT %s FROM %s WHERE id = %%s" % (columns, table),
                        (record_id,))

    def _moves(self, column, record_id):
        return self.sql("SELECT id, state, product_uom_qty, date FROM stock_move "
                        "WHERE %s = %%s ORDER BY id" % column, (record_id,))

    def test_delivery_without_pickup_slip_refused(self):
        """The at-risk demo order has no pick-up slip: nobody validates its
        delivery, by button, action_done or a state write."""
        order_id = self.xmlid("gendan_order.order_at_risk_demo")
        picking_id = self.call("admin", "stock.picking", "search", [
            ("sale_id", "=", order_id), ("picking_type_code", "=", "outgoing"),
            ("state", "not in", ("done", "cancel"))])[0]
        self.assertFalse(self.call("admin", "gendan.pickup.slip", "search", [
            ("picking_id", "=", picking_id), ("state", "=", "issued")]))
        before = self._row("stock_picking", picking_id, "state, date_done")
        moves = self._moves("picking_id", picking_id)
        move_ids = [row[0] for row in moves]
        quants = self.sql("SELECT sum(quantity) FROM stock_quant")
        breaches = []
        for login in LOGINS:
            breaches += [
                self.attempt(login, "stock.picking", "button_validate", [picking_id]),
                self.attempt(login, "stock.picking", "action_done", [picking_id]),
                self.attempt(login, "stock.picking", "write", [picking_id],
                             {"state": "done"}),
                self.attempt(login, "stock.move", "write", move_ids,
                             {"state": "done"}),
            ]
        self.assertEqual([b for b in breaches if b], [])
        message = self.assertRefused("fg_wh", "stock.picking", "action_done",
                                     [picking_id])
        self.assertIn("pick-up slip", message)
        self.assertEqual(self._row("stock_picking", picking_id, "state, date_done"),
                         before)
        self.assertEqual(self._moves("picking_id", picking_id), moves)
        self.assertEqual(self.sql("SELECT sum(quantity) FROM stock_quant"), quants)

    def test_mo_done_without_qa_pass_refused(self):
        """A new MO of the task order in production (first article passed):
        without a passed QA check nobody finishes it or posts its goods."""
        task_id = self.xmlid("gendan_production.task_order_production_demo")
        line = self.call("admin", "gendan.task.order.line", "search_read",
                         [("task_order_id", "=", task_id)],
                         ["product_id", "bom_id"])[0]
        product = self.call("admin", "product.product", "read",
                            [line["product_id"][0]], ["uom_id"])[0]
        production_id = self.call("admin", "mrp.production", "create", {
            "product_id": line["product_id"][0], "product_qty": 2,
            "product_uom_id": product["uom_id"][0],
            "bom_id": line["bom_id"] and line["bom_id"][0],
            "gendan_task_order_id": task_id, "origin": "RPC QA check"})
        self.addCleanup(self.call, "admin", "mrp.production", "action_cancel",
                        [production_id])
        self.assertEqual(self.call("admin", "mrp.production", "read", [production_id],
                                   ["gendan_qa_state"])[0]["gendan_qa_state"],
                         "missing")
        columns = "state, date_finished"
        before = self._row("mrp_production", production_id, columns)
        moves = self._moves("production_id", production_id)
        move_ids = [row[0] for row in moves]
        breaches = []
        for login in LOGINS:
            breaches += [
                self.attempt(login, "mrp.production", method, [production_id])
                for method in ("button_mark_done", "post_inventory")]
            breaches += [
                self.attempt(login, "mrp.production", "write", [production_id],
                             {"state": "done"}),
                self.attempt(login, "stock.move", "write", move_ids,
                             {"state": "done"})]
        self.assertEqual([b for b in breaches if b], [])
        message = self.assertRefused("production", "mrp.production",
                                     "button_mark_done", [production_id])
        self.assertIn("QA", message)
        # QA itself cannot declare the check passed by a write
        check_id = self.call("production", "mrp.production", "action_gendan_request_qa",
                             [production_id])["res_id"]
        self.addCleanup(self.call, "admin", "gendan.qa.check", "unlink", [check_id])
        self.assertRefused("qa", "gendan.qa.check", "write", [check_id],
                           {"state": "passed"})
        self.assertEqual(self._row("gendan_qa_check", check_id, "state"),
                         [("to_check",)])
        self.assertEqual(self._row("mrp_production", production_id, columns), before)
        self.assertEqual(self._moves("production_id", production_id), moves)

    def test_receipt_without_qa_pass_refused(self):
        """Goods bought for the on-track demo order (a purchase order in its
        procurement group, confirmed by admin): nobody receives them before
        QA passed them, by button, action_done or a state write."""
        order_id = self.xmlid("gendan_order.order_on_track_demo")
        order = self.call("admin", "sale.order", "read", [order_id],
                          ["procurement_group_id", "order_line"])[0]
        line = self.call("admin", "sale.order.line", "read", order["order_line"][:1],
                         ["product_id", "product_uom"])[0]
        supplier = self.call("admin", "res.partner", "create",
                             {"name": "RPC Lamp Works", "supplier": True})
        po_id = self.call("admin", "purchase.order", "create", {
            "partner_id": supplier, "group_id": order["procurement_group_id"][0],
            "order_line": [(0, 0, {
                "product_id": line["product_id"][0], "name": "RPC QA receipt",
                "product_qty": 7, "price_unit": 8.0,
                "product_uom": line["product_uom"][0],
                "date_planned": "2099-01-01 08:00:00"})]})
        # button_cancel answers None, which XML-RPC cannot marshal: attempt()
        # makes the call without raising
        self.addCleanup(self.attempt, "admin", "purchase.order", "button_cancel",
                        [po_id])
        self.addCleanup(self.call, "admin", "res.partner", "write", [supplier],
                        {"active": False})
        self.call("admin", "purchase.order", "button_confirm", [po_id])
        picking_id = self.call("admin", "purchase.order", "read", [po_id],
                               ["picking_ids"])[0]["picking_ids"][0]
        self.assertEqual(self.call("admin", "stock.picking", "read", [picking_id],
                                   ["gendan_qa_state"])[0]["gendan_qa_state"],
                         "missing")
        moves = self._moves("picking_id", picking_id)
        move_ids = [row[0] for row in moves]
        for move_id, _state, qty, _date in moves:
            self.call("admin", "stock.move", "write", [move_id], {"quantity_done": qty})
        before = self._row("stock_picking", picking_id, "state, date_done")
        moves = self._moves("picking_id", picking_id)
        quants = self.sql("SELECT sum(quantity) FROM stock_quant")
        breaches = []
        for login in LOGINS:
            breaches += [
                self.attempt(login, "stock.picking", "button_validate", [picking_id]),
                self.attempt(login, "stock.picking", "action_done", [picking_id]),
                self.attempt(login, "stock.picking", "write", [picking_id],
                             {"state": "done"}),
                self.attempt(login, "stock.move", "write", move_ids,
                             {"state": "done"}),
            ]
        self.assertEqual([b for b in breaches if b], [])
        message = self.assertRefused("fg_wh", "stock.picking", "button_validate",
                                     [picking_id])
        self.assertIn("QA", message)
        # the check QA is asked for is passed by its button only
        check_id = self.call("fg_wh", "stock.picking", "action_gendan_request_qa",
                             [picking_id])["res_id"]
        self.addCleanup(self.call, "admin", "gendan.qa.check", "unlink", [check_id])
        self.assertRefused("qa", "gendan.qa.check", "write", [check_id],
                           {"state": "passed"})
        self.assertRefused("fg_wh", "stock.picking", "button_validate", [picking_id])
        self.assertEqual(self._row("gendan_qa_check", check_id, "state"),
                         [("to_check",)])
        self.assertEqual(self._row("stock_picking", picking_id, "state, date_done"),
                         before)
        self.assertEqual(self._moves("picking_id", picking_id), moves)
        self.assertEqual(self.sql("SELECT sum(quantity) FROM stock_quant"), quants)
