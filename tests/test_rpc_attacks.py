"""Attacks through XML-RPC on a real multi-worker server (not the Python API).

The server runs with ``--workers=2`` against the test database; every attempt
is made as a demo department user with its password, and the outcome is
checked on the database afterwards.
"""
import threading
import time

from odoo_server import RpcServerCase


class TestSignoffAttacks(RpcServerCase):
    """The sign-off engine holds against RPC callers."""

    def _submitted_memo(self):
        memo_id = self.call("merchandiser", "gendan.memo", "create",
                            {"subject": "RPC attack target"})
        self.call("merchandiser", "gendan.memo", "action_submit", [memo_id])
        return memo_id

    def _memo(self, memo_id):
        return self.call("admin", "gendan.memo", "read", [memo_id],
                         ["state", "signoff_state", "signature_ids"])[0]

    def _signatures(self, memo_id):
        return self.call("admin", "gendan.signature", "search_read",
                         [("res_model", "=", "gendan.memo"), ("res_id", "=", memo_id)],
                         ["state", "signed_by_id", "name"])

    def test_forge_and_skip(self):
        """Writing signatures, skipping the sequence, signing for another role and
        writing the gated state are refused for every non-signer; nothing changes."""
        memo_id = self._submitted_memo()
        sig_ids = [sig["id"] for sig in self._signatures(memo_id)]
        for login in ("merchandiser", "salesperson", "engineer", "purchaser",
                      "production", "qa", "fg_wh", "finance", "documents_clerk"):
            self.assertRefused(login, "gendan.signature", "write", sig_ids,
                               {"state": "signed"})
            self.assertRefused(login, "gendan.signature", "create", {
                "res_model": "gendan.memo", "res_id": memo_id, "name": "Forged"})
            self.assertRefused(login, "gendan.signature", "unlink", sig_ids)
            self.assertRefused(login, "gendan.memo", "action_signoff_sign", [memo_id])
            self.assertRefused(login, "gendan.memo", "write", [memo_id],
                               {"state": "approved"})
            self.assertRefused(login, "gendan.memo", "write", [memo_id],
                               {"signoff_state": "approved"})
        # the general manager may not skip the sales manager, nor fill the sales
        # manager's line by rank (roles are slots, not ranks)
        message = self.assertRefused("general_manager", "gendan.memo",
                                     "action_signoff_sign", [memo_id])
        self.assertIn("must be signed first by: Sales Manager", message)
        memo = self._memo(memo_id)
        self.assertEqual(memo["signoff_state"], "pending")
        self.assertEqual(memo["state"], "to_sign")
        states = sorted(sig["state"] for sig in self._signatures(memo_id))
        self.assertEqual(states, ["pending", "pending"])
        # a document under sign-off cannot be deleted
        self.assertRefused("merchandiser", "gendan.memo", "unlink", [memo_id])
        self.assertTrue(self.call("admin", "gendan.memo", "search",
                                  [("id", "=", memo_id)]))

    def test_demo_steps_refused(self):
        """The demo data's steps act as any demo user: over RPC they are
        refused to every user, the administrator (uid 1, the superuser in
        Odoo 11) included, and change nothing."""
        memo_id = self.call("merchandiser", "gendan.memo", "create",
                            {"subject": "Demo step target"})
        for login in ("merchandiser", "general_manager", "admin"):
            message = self.assertRefused(
                login, "gendan.demo", "_run", "gendan.memo", [memo_id],
                "action_submit", ["draft"], "general_manager")
            self.assertIn("Private methods", message)
            self.assertRefused(login, "gendan.demo", "_sign", "gendan.memo",
                               [memo_id], ["general_manager"])
            self.assertRefused(login, "gendan.demo", "_load_translations",
                               "gendan_base")
        self.assertEqual(self._memo(memo_id)["state"], "draft")

    def test_concurrent_parallel_signatures(self):
        """20 users signing one document at once: each signature recorded once."""
        group_id = self.call("admin", "ir.model.data", "xmlid_to_res_id",
                             "gendan_base.group_user")
        model_id = self.call("admin", "ir.model", "search",
                             [("model", "=", "gendan.memo")])[0]
        stamp = str(int(time.time() * 1000))
        logins = []
        rule_ids = []
        for index in range(20):
            login = "rpc_signer_%s_%s" % (stamp, index)
            user_id = self.call("admin", "res.users", "create", {
                "name": "Parallel signer %s" % index, "login": login,
                "password": login, "email": login + "@test.example.com",
                "groups_id": [(6, 0, [group_id])]})
            logins.append(login)
            rule_ids.append(self.call("admin", "gendan.signoff.rule", "create", {
                "name": "Parallel %s" % index, "model_id": model_id,
                "sequence": 1, "signer_type": "user", "user_id": user_id,
                "domain": "[('subject', '=', 'parallel %s')]" % stamp}))
        memo_id = self.call("merchandiser", "gendan.memo", "create",
                            {"subject": "parallel %s" % stamp})
        self.call("merchandiser", "gendan.memo", "action_submit", [memo_id])
        for login in logins:
            self.login(login)
        errors = []

        def sign(login):
            try:
                self.call(login, "gendan.memo", "action_signoff_sign", [memo_id])
            except Exception as exc:  # reported below
                errors.append("%s: %s" % (login, exc))

        threads = [threading.Thread(target=sign, args=(login,)) for login in logins]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        self.call("admin", "gendan.signoff.rule", "write", rule_ids, {"active": False})
        self.assertEqual(errors, [])
        signed = [sig for sig in self._signatures(memo_id)
                  if sig["name"].startswith("Parallel")]
        self.assertEqual(len(signed), 20)
        self.assertEqual({sig["state"] for sig in signed}, {"signed"})
        self.assertEqual(len({sig["signed_by_id"][0] for sig in signed}), 20)

    def test_concurrent_acknowledgements(self):
        """20 recipients acknowledging their controlled copies at once: each copy
        acknowledged exactly once, the shared department copy by one of them."""
        stamp = str(int(time.time() * 1000))
        group_id = self.call("admin", "res.groups", "create", {
            "name": "RPC acknowledgers %s" % stamp,
            "implied_ids": [(4, self.xmlid("gendan_base.group_user"))]})
        logins, user_ids = [], []
        for index in range(20):
            login = "rpc_reader_%s_%s" % (stamp, index)
            user_ids.append(self.call("admin", "res.users", "create", {
                "name": "Parallel reader %s" % index, "login": login,
                "password": login, "email": login + "@test.example.com",
                "groups_id": [(6, 0, [group_id])]}))
            logins.append(login)
        list_id = self.xmlid("gendan_base.distribution_list_memo")
        line_ids = [self.call("admin", "gendan.distribution.list.line", "create", {
            "list_id": list_id, "sequence": 100, "name": "Reader %s" % index,
            "user_id": user_id}) for index, user_id in enumerate(user_ids)]
        line_ids.append(self.call("admin", "gendan.distribution.list.line", "create", {
            "list_id": list_id, "sequence": 101, "name": "Readers' office",
            "group_id": group_id}))
        self.addCleanup(self.call, "admin", "gendan.distribution.list.line",
                        "unlink", line_ids)
        memo_id = self.call("merchandiser", "gendan.memo", "create",
                            {"subject": "acknowledge %s" % stamp})
        self.call("merchandiser", "gendan.memo", "action_submit", [memo_id])
        self.call("sales_manager", "gendan.memo", "action_signoff_sign", [memo_id])
        self.call("general_manager", "gendan.memo", "action_signoff_sign", [memo_id])
        self.call("merchandiser", "gendan.memo", "action_distribute", [memo_id])
        for login in logins:
            self.login(login)
        errors = []

        def acknowledge(login):
            try:
                self.call(login, "gendan.memo", "action_distribution_acknowledge",
                          [memo_id])
            except Exception as exc:  # reported below, its last lines
                errors.append("%s: %s" % (login, str(exc)[-600:]))

        threads = [threading.Thread(target=acknowledge, args=(login,))
                   for login in logins]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        self.assertEqual(errors, [])
        rows = self.sql(
            "SELECT department_label, user_id, group_id, state, ack_user_id FROM "
            "gendan_distribution_copy WHERE res_model = 'gendan.memo' "
            "AND res_id = %s AND (user_id = ANY(%s) OR group_id = %s)",
            (memo_id, user_ids, group_id))
        personal = [row for row in rows if row[1]]
        self.assertEqual(len(personal), 20)
        self.assertEqual({row[3] for row in personal}, {"acknowledged"})
        self.assertEqual(sorted(row[1] for row in personal), sorted(user_ids))
        self.assertTrue(all(row[1] == row[4] for row in personal))
        shared = [row for row in rows if row[2]]
        self.assertEqual(len(shared), 1)
        self.assertEqual(shared[0][3], "acknowledged")
        self.assertIn(shared[0][4], user_ids)
        # the other departments' copies are still waiting for their readers
        self.assertEqual(self.sql(
            "SELECT DISTINCT state FROM gendan_distribution_copy WHERE "
            "res_model = 'gendan.memo' AND res_id = %s AND user_id IS NULL "
            "AND group_id != %s", (memo_id, group_id)), [("sent",)])
        # each acknowledgement is in the chatter once
        self.assertEqual(self.sql(
            "SELECT count(*) FROM mail_message WHERE model = 'gendan.memo' "
            "AND res_id = %s AND body LIKE %s", (memo_id, "%acknowledged%")),
            [(20,)])
