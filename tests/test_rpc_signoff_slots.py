"""Sign-off slots and controlled copies over XML-RPC, as the demo users.

A real server on the test database (see odoo_server.py). The demo task
order waits for its sales manager: the general manager pressing Sign is
refused with a clear message and nothing changes; the wizard tells the
sales manager which role they sign as. Every recipient department of the
demo controlled BOM acknowledges its own copy with read access only.
"""
import xmlrpc.client

from odoo_server import RpcServerCase

BOM_RECIPIENTS = {
    "packing_wh": "Packing Warehouse",
    "electronic_wh": "Electronic Warehouse",
    "fg_wh": "Warehouse Chief",
    "production": "Production",
    "qa": "Quality Assurance",
    "purchaser": "Purchasing",
    "finance": "Finance",
}


class TestRpcSignoffSlots(RpcServerCase):

    def _signatures(self, task_id):
        return self.sql("SELECT id, state, signed_by_id FROM gendan_signature "
                        "WHERE res_model = 'gendan.task.order' AND res_id = %s "
                        "ORDER BY id", (task_id,))

    def test_gm_refused_at_sales_manager_step(self):
        task_id = self.xmlid("gendan_production.task_order_pending_demo")
        before = self._signatures(task_id)
        message = self.assertRefused("general_manager", "gendan.task.order",
                                     "action_signoff_sign", [task_id])
        self.assertIn("must be signed first by: Sales Manager", message)
        wizard_id = self.call("general_manager", "gendan.signoff.wizard", "create", {
            "res_model": "gendan.task.order", "res_id": task_id, "action": "sign"})
        wizard = self.call("general_manager", "gendan.signoff.wizard", "read",
                           [wizard_id], ["candidate_count", "signing_as"])[0]
        self.assertEqual((wizard["candidate_count"], wizard["signing_as"]),
                         (0, False))
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self.call("general_manager", "gendan.signoff.wizard", "action_confirm",
                      [wizard_id])
        self.assertIn("must be signed first by: Sales Manager",
                      caught.exception.faultString)
        self.assertEqual(self._signatures(task_id), before)
        wizard_id = self.call("sales_manager", "gendan.signoff.wizard", "create", {
            "res_model": "gendan.task.order", "res_id": task_id, "action": "sign"})
        wizard = self.call("sales_manager", "gendan.signoff.wizard", "read",
                           [wizard_id], ["candidate_count", "signing_as"])[0]
        self.assertEqual((wizard["candidate_count"], wizard["signing_as"]),
                         (1, "Signing as [Sales Manager]"))
        self.assertEqual(self._signatures(task_id), before)

    def test_bom_copies_acknowledged_by_every_department(self):
        bom_id = self.xmlid("gendan_production.bom_desk_lamp_rev2_demo")
        state = self.call("admin", "mrp.bom", "read", [bom_id],
                          ["control_state", "distribution_revision"])[0]
        if state["control_state"] != "controlled":
            bom_id = self.xmlid("gendan_production.bom_desk_lamp_rev1_demo")
            state = self.call("admin", "mrp.bom", "read", [bom_id],
                              ["control_state", "distribution_revision"])[0]
        self.assertEqual(state["control_state"], "controlled")
        for login, department in BOM_RECIPIENTS.items():
            # no write access on the BOM ...
            self.assertRefused(login, "mrp.bom", "write", [bom_id],
                               {"revision_note": "edited by %s" % login})
            rows = self.sql(
                "SELECT id, state FROM gendan_distribution_copy WHERE "
                "res_model = 'mrp.bom' AND res_id = %s AND revision = %s "
                "AND department_label = %s",
                (bom_id, state["distribution_revision"], department))
            self.assertEqual(len(rows), 1, department)
            if rows[0][1] == "sent":  # ... yet the copy is acknowledged
                self.call(login, "mrp.bom", "action_distribution_acknowledge", [bom_id])
            row = self.sql(
                "SELECT c.state, u.login FROM gendan_distribution_copy c "
                "JOIN res_users u ON u.id = c.ack_user_id WHERE c.id = %s",
                (rows[0][0],))
            self.assertEqual(row[0][0], "acknowledged", department)
            if rows[0][1] == "sent":
                self.assertEqual(row[0][1], login)

    def test_copies_read_per_department(self):
        """A warehouse reads its own copies of the demo BOM, not another
        warehouse's: reading or acknowledging that one is refused and
        changes nothing; the documents clerk reads every department's."""
        bom_id = self.xmlid("gendan_production.bom_desk_lamp_rev2_demo")
        rows = dict(self.sql(
            "SELECT c.department_label, c.id FROM gendan_distribution_copy c "
            "JOIN mrp_bom b ON b.id = c.res_id "
            "AND b.distribution_revision = c.revision "
            "WHERE c.res_model = 'mrp.bom' AND c.res_id = %s", (bom_id,)))
        self.assertIn("Electronic Warehouse", rows)
        domain = [("res_model", "=", "mrp.bom"), ("res_id", "=", bom_id)]
        names = {row["name"] for row in self.call(
            "packing_wh", "gendan.distribution.copy", "search_read", domain, ["name"])}
        self.assertIn("Packing Warehouse", names)
        self.assertNotIn("Electronic Warehouse", names)
        theirs = rows["Electronic Warehouse"]
        before = self.sql("SELECT state, ack_user_id, ack_date FROM "
                          "gendan_distribution_copy WHERE id = %s", (theirs,))
        self.assertRefused("packing_wh", "gendan.distribution.copy", "read",
                           [theirs], ["name", "state"])
        self.assertRefused("packing_wh", "gendan.distribution.copy",
                           "action_acknowledge", [theirs])
        self.assertEqual(self.sql("SELECT state, ack_user_id, ack_date FROM "
                                  "gendan_distribution_copy WHERE id = %s",
                                  (theirs,)), before)
        own = self.call("electronic_wh", "gendan.distribution.copy", "read",
                        [theirs], ["name"])
        self.assertEqual(own[0]["name"], "Electronic Warehouse")
        self.assertEqual(len([row for row in self.call(
            "documents_clerk", "gendan.distribution.copy", "search_read",
            domain + [("id", "in", list(rows.values()))], ["name"])]), len(rows))
