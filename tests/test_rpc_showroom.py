"""The showroom guards through XML-RPC, as the demo department users.

A real server on the test database (see odoo_server.py). The property
register form (财产登记表) moves its sample machine only when both the
merchandiser and finance have signed; no user writes a machine's or a
form's status, or the dates the buttons fill; production only reads. The
database is read back with SQL after every refused attempt.
"""
import time

from odoo_server import RpcServerCase

LOGINS = ["merchandiser", "salesperson", "sales_manager", "general_manager",
          "engineer", "purchaser", "production", "qa", "packing_wh",
          "electronic_wh", "fg_wh", "finance", "documents_clerk"]
MACHINE_STATES = ["draft", "showroom", "out", "broken", "missing", "withdrawn"]


class TestRpcShowroom(RpcServerCase):

    def _machine_row(self, machine_id):
        return self.sql("SELECT state, date_in, date_out, location FROM "
                        "gendan_showroom_machine WHERE id = %s", (machine_id,))

    def _register_row(self, register_id):
        return self.sql(
            "SELECT r.state, r.signoff_state, array_agg(s.state ORDER BY s.id) "
            "FROM gendan_showroom_register r LEFT JOIN gendan_signature s ON "
            "s.res_model = 'gendan.showroom.register' AND s.res_id = r.id "
            "WHERE r.id = %s GROUP BY r.id", (register_id,))

    def test_signature_guard(self):
        """One signature moves nothing; the status cannot be forced; the
        second party's signature moves the machine."""
        product_id = self.xmlid("gendan_order.product_desk_lamp_demo")
        machine_id = self.call("merchandiser", "gendan.showroom.machine", "create", {
            "product_id": product_id, "serial_no": "RPC-%s" % time.time(),
            "value": 50.0})
        register_id = self.call("merchandiser", "gendan.showroom.register", "create", {
            "line_ids": [(0, 0, {"machine_id": machine_id, "value": 50.0})]})
        self.call("merchandiser", "gendan.showroom.register", "action_submit",
                  [register_id])
        self.call("merchandiser", "gendan.showroom.register", "action_signoff_sign",
                  [register_id])
        machine, register = self._machine_row(machine_id), self._register_row(
            register_id)
        self.assertEqual(machine[0][0], "draft")
        self.assertEqual(register[0][:2], ("to_sign", "pending"))
        breaches = []
        for login in LOGINS:
            breaches += [self.attempt(login, "gendan.showroom.machine", "write",
                                      [machine_id], {"state": state})
                         for state in MACHINE_STATES if state != "draft"]
            breaches += [self.attempt(login, "gendan.showroom.machine", "write",
                                      [machine_id], {"date_in": "2030-01-01"})]
            breaches += [self.attempt(login, "gendan.showroom.register", "write",
                                      [register_id], vals)
                         for vals in ({"state": "done"},
                                      {"signoff_state": "approved"})]
        # the merchandiser signs once; production does not sign
        for login in ("merchandiser", "production"):
            breaches.append(self.attempt(login, "gendan.showroom.register",
                                         "action_signoff_sign", [register_id]))
        self.assertEqual([b for b in breaches if b], [])
        self.assertEqual(self._machine_row(machine_id), machine)
        self.assertEqual(self._register_row(register_id), register)
        self.call("finance", "gendan.showroom.register", "action_signoff_sign",
                  [register_id])
        self.assertEqual(self._register_row(register_id)[0][:2], ("done", "approved"))
        self.assertEqual(self._machine_row(machine_id)[0][0], "showroom")

    def test_state_writes_and_buttons(self):
        """On the demo machine: no user writes the status, only merchandisers
        press its buttons; finance and production read it."""
        machine_id = self.xmlid("gendan_showroom.machine_desk_lamp_demo")
        before = self._machine_row(machine_id)
        breaches = []
        for login in LOGINS:
            breaches += [self.attempt(login, "gendan.showroom.machine", "write",
                                      [machine_id], {"state": state})
                         for state in MACHINE_STATES if state != before[0][0]]
            if login != "merchandiser":
                breaches += [self.attempt(login, "gendan.showroom.machine", method,
                                          [machine_id])
                             for method in ("action_report_broken",
                                            "action_report_missing")]
                breaches.append(self.attempt(login, "gendan.showroom.machine",
                                             "write", [machine_id],
                                             {"location": "Warehouse"}))
        self.assertEqual([b for b in breaches if b], [])
        self.assertEqual(self._machine_row(machine_id), before)
        for login in ("finance", "production"):
            self.assertEqual(self.call(login, "gendan.showroom.machine", "read",
                                       [machine_id], ["state"])[0]["state"],
                             before[0][0])

    def test_check_with_unchecked_machine_refused(self):
        """The demo Saturday check cannot be submitted with unchecked
        machines, nor by production."""
        check_ids = self.call("admin", "gendan.showroom.check", "search",
                              [("state", "=", "draft")], limit=1)
        self.assertTrue(check_ids)
        state = self.sql("SELECT state FROM gendan_showroom_check WHERE id = %s",
                         check_ids)
        message = self.assertRefused("merchandiser", "gendan.showroom.check",
                                     "action_submit", check_ids)
        self.assertIn("not checked", message)
        self.assertRefused("production", "gendan.showroom.check", "action_submit",
                           check_ids)
        self.assertEqual(self.sql("SELECT state FROM gendan_showroom_check "
                                  "WHERE id = %s", check_ids), state)
