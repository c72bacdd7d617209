"""The T&A guards through XML-RPC: a delivery waiting for a passed customer
re-inspection, and no MO on a superseded BOM revision (issue 15, item 7).

A real server on the test database; every attempt is made as a demo
department user, and the database is read back with SQL afterwards. The
records are created as admin (an order of the uncontrolled direct sales
channel, so the payment gate does not answer first) and cancelled at the
end.
"""
from odoo_server import RpcServerCase

LOGINS = ["merchandiser", "salesperson", "sales_manager", "general_manager",
          "engineer", "purchaser", "production", "qa", "packing_wh",
          "electronic_wh", "fg_wh", "finance", "documents_clerk"]


class TestTnaGuards(RpcServerCase):

    def _picking(self, picking_id):
        return self.sql("SELECT state, date_done FROM stock_picking WHERE id = %s",
                        (picking_id,))

    def test_failed_inspection_holds_delivery(self):
        product_id = self.xmlid("gendan_order.product_desk_lamp_demo")
        order_id = self.call("admin", "sale.order", "create", {
            "partner_id": self.call("admin", "res.partner", "search",
                                    [("customer", "=", True)], limit=1)[0],
            "team_id": self.xmlid("sales_team.team_sales_department"),
            "order_line": [(0, 0, {"product_id": product_id,
                                   "product_uom_qty": 2})]})
        self.addCleanup(self.call, "admin", "sale.order", "action_cancel",
                        [order_id])
        self.call("admin", "sale.order", "action_confirm", [order_id])
        task_id = self.call("merchandiser", "gendan.task.order", "create", {
            "sale_order_id": order_id, "date_deadline": "2099-01-01"})
        insp_id = self.call("merchandiser", "gendan.customer.inspection", "create", {
            "task_order_id": task_id, "date_scheduled": "2099-01-01",
            "result_note": "AQL exceeded"})
        self.call("qa", "gendan.customer.inspection", "action_fail", [insp_id])
        picking_ids = self.call("admin", "stock.picking", "search", [
            ("sale_id", "=", order_id), ("picking_type_code", "=", "outgoing")])
        self.assertTrue(picking_ids)
        before = self._picking(picking_ids[0])
        breaches = []
        for login in LOGINS:
            breaches += [
                self.attempt(login, "stock.picking", method, picking_ids)
                for method in ("button_validate", "action_done")]
        self.assertEqual([b for b in breaches if b], [])
        self.assertEqual(self._picking(picking_ids[0]), before)
        message = self.assertRefused("fg_wh", "stock.picking", "action_done",
                                     picking_ids)
        self.assertIn("re-inspection", message)

    def test_no_mo_on_superseded_bom(self):
        product_id = self.call("admin", "product.product", "create", {
            "name": "RPC guard product", "type": "consu"})
        product = self.call("admin", "product.product", "read", [product_id],
                            ["product_tmpl_id", "uom_id"])[0]
        tmpl_id, uom_id = product["product_tmpl_id"][0], product["uom_id"][0]
        component_id = self.call("admin", "product.product", "create", {
            "name": "RPC guard component", "type": "consu"})
        old_id = self.call("engineer", "mrp.bom", "create", {
            "product_tmpl_id": tmpl_id, "product_id": product_id,
            "code": "RPC-GUARD", "bom_line_ids": [
                (0, 0, {"product_id": component_id, "product_qty": 1})]})
        self.call("engineer", "mrp.bom", "action_control", [old_id])
        new_id = self.call("engineer", "mrp.bom", "action_new_revision",
                           [old_id])["res_id"]
        self.call("engineer", "mrp.bom", "action_control", [new_id])
        count = self.sql("SELECT count(*) FROM mrp_production")
        breaches = []
        for login in LOGINS:
            breaches.append(self.attempt(login, "mrp.production", "create", {
                "product_id": product_id, "product_qty": 1,
                "product_uom_id": uom_id, "bom_id": old_id}))
        self.assertEqual([b for b in breaches if b], [])
        self.assertEqual(self.sql("SELECT count(*) FROM mrp_production"), count)
        message = self.assertRefused("production", "mrp.production", "create", {
            "product_id": product_id, "product_qty": 1,
            "product_uom_id": uom_id, "bom_id": old_id})
        self.assertIn("superseded", message)
