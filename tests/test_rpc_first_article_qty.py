"""The first-article gate over XML-RPC (issue 15 §7): before the first
article passed, an MO of a controlled order may be reserved and record the
first article's pieces, and no more, whatever the way (the produce wizard,
the finished move's quantity, a move line, finishing the MO, a state
write), as every demo department user; the database, read back with SQL,
is unchanged by every refused attempt.
"""
from odoo_server import RpcServerCase

LOGINS = ["merchandiser", "salesperson", "sales_manager", "general_manager",
          "engineer", "purchaser", "production", "qa", "packing_wh",
          "electronic_wh", "fg_wh", "finance", "documents_clerk"]


class TestRpcFirstArticleQty(RpcServerCase):

    def _produced(self, production_id):
        return self.sql(
            "SELECT p.state, coalesce(sum(l.qty_done), 0) FROM mrp_production p "
            "LEFT JOIN stock_move m ON m.production_id = p.id "
            "LEFT JOIN stock_move_line l ON l.move_id = m.id "
            "WHERE p.id = %s GROUP BY p.id", (production_id,))

    def _cancel(self, production_id):
        """Undo what was recorded (Odoo cancels no MO that consumed), then
        cancel."""
        line_ids = self.call("admin", "stock.move.line", "search", [
            "|", ("move_id.production_id", "=", production_id),
            ("move_id.raw_material_production_id", "=", production_id)])
        self.call("admin", "stock.move.line", "write", line_ids, {"qty_done": 0})
        self.call("admin", "mrp.production", "action_cancel", [production_id])

    def _production(self):
        """An MO of the demo's approved task order (no deposit asked) and a
        draft first article of 2 pieces."""
        task_id = self.xmlid("gendan_production.task_order_approved_demo")
        line = self.call("admin", "gendan.task.order.line", "search_read",
                         [("task_order_id", "=", task_id)],
                         ["product_id", "bom_id"])[0]
        product_id = line["product_id"][0]
        uom_id = self.call("admin", "product.product", "read", [product_id],
                           ["uom_id"])[0]["uom_id"][0]
        production_id = self.call("admin", "mrp.production", "create", {
            "product_id": product_id, "product_qty": 10,
            "product_uom_id": uom_id,
            "bom_id": line["bom_id"] and line["bom_id"][0],
            "gendan_task_order_id": task_id, "origin": "RPC first article"})
        self.addCleanup(self._cancel, production_id)
        article_id = self.call("merchandiser", "gendan.first.article", "create", {
            "task_order_id": task_id, "product_id": product_id,
            "product_qty": 2})
        self.addCleanup(self.attempt, "admin", "gendan.first.article", "unlink",
                        [article_id])
        return production_id, product_id, uom_id

    def _attempts(self, production_id, product_id, uom_id, qty):
        breaches = []
        finished_id = self.call("admin", "stock.move", "search", [
            ("production_id", "=", production_id),
            ("product_id", "=", product_id)])[0]
        locations = self.call("admin", "stock.move", "read", [finished_id], [
            "location_id", "location_dest_id"])[0]
        for login in LOGINS:
            try:
                wizard_id = self.call(
                    login, "mrp.product.produce", "create",
                    {"production_id": production_id, "product_qty": qty},
                    context={"active_id": production_id,
                             "active_ids": [production_id]})
            except Exception:  # noqa: BLE001 (no access to the wizard: refused)
                wizard_id = None
            if wizard_id:
                breaches.append(self.attempt(login, "mrp.product.produce",
                                             "do_produce", [wizard_id]))
            breaches += [
                self.attempt(login, "stock.move", "write", [finished_id],
                             {"quantity_done": qty + 2}),
                self.attempt(login, "stock.move.line", "create", {
                    "move_id": finished_id, "product_id": product_id,
                    "product_uom_id": uom_id, "qty_done": qty,
                    "location_id": locations["location_id"][0],
                    "location_dest_id": locations["location_dest_id"][0]}),
                self.attempt(login, "mrp.production", "button_mark_done",
                             [production_id]),
                self.attempt(login, "mrp.production", "write", [production_id],
                             {"state": "done"}),
            ]
        return [breach for breach in breaches if breach]

    def test_first_article_quantity(self):
        production_id, product_id, uom_id = self._production()
        # reserving is allowed before the first article passed
        self.call("production", "mrp.production", "action_assign", [production_id])
        before = self._produced(production_id)
        self.assertEqual(before[0][1], 0)
        self.assertEqual(self._attempts(production_id, product_id, uom_id, 3), [])
        self.assertEqual(self._produced(production_id), before)
        # the first article's two pieces are recorded
        wizard_id = self.call(
            "production", "mrp.product.produce", "create",
            {"production_id": production_id, "product_qty": 2},
            context={"active_id": production_id, "active_ids": [production_id]})
        self.call("production", "mrp.product.produce", "do_produce", [wizard_id])
        after = self._produced(production_id)
        self.assertEqual(after, [("progress", 2.0)])
        self.assertEqual(self._attempts(production_id, product_id, uom_id, 1), [])
        self.assertEqual(self._produced(production_id), after)
        message = self.assertRefused("production", "mrp.production",
                                     "open_produce_product", [production_id])
        self.assertIn("first article", message)
