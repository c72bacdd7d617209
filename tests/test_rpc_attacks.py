"""Attacks through XML-RPC on a real multi-worker server (not the Python API).

The server runs with ``--workers=2`` against the test database; every attempt
is made as a demo department user with its password, and the outcome is
checked on the database afterwards.
"""
import os
import socket
import subprocess
import sys
import threading
import time
import unittest
import xmlrpc.client

import odoo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RpcServerCase(unittest.TestCase):
    """Start ``./gendan``'s Odoo with two workers on a free port."""

    server = None

    @classmethod
    def setUpClass(cls):
        cls.db = odoo.tools.config["db_name"]
        cls.port = _free_port()
        cls.log = open(os.path.join(ROOT, ".data", "rpc-server.log"), "w")
        cls.server = subprocess.Popen(
            [sys.executable, "-m", "gendan_compat", "--config",
             os.path.join(ROOT, "odoo.conf"), "-d", cls.db, "--db-filter",
             "^%s$" % cls.db, "--http-port", str(cls.port),
             "--longpolling-port", str(_free_port()), "--workers", "2",
             "--max-cron-threads", "0", "--log-level", "warn"],
            cwd=ROOT, stdout=cls.log, stderr=subprocess.STDOUT)
        cls.url = "http://127.0.0.1:%s" % cls.port
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                xmlrpc.client.ServerProxy(cls.url + "/xmlrpc/2/common").version()
                break
            except (ConnectionError, OSError):
                time.sleep(0.5)
        else:
            raise RuntimeError("Odoo did not start: see .data/rpc-server.log")
        cls.uids = {}

    @classmethod
    def tearDownClass(cls):
        if cls.server:
            cls.server.terminate()
            cls.server.wait(30)
        cls.log.close()

    def login(self, login):
        if login not in self.uids:
            common = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/common")
            self.uids[login] = common.authenticate(self.db, login, login, {})
            self.assertTrue(self.uids[login], "demo user %s cannot log in" % login)
        return self.uids[login]

    def call(self, login, model, method, *args, **kwargs):
        proxy = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/object",
                                          allow_none=True)
        return proxy.execute_kw(self.db, self.login(login), login, model, method,
                                list(args), kwargs)

    def assertRefused(self, login, model, method, *args, **kwargs):
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self.call(login, model, method, *args, **kwargs)
        # 2: UserError/ValidationError, 3: access denied, 4: AccessError;
        # 1 would be a crash (application error with a traceback)
        self.assertIn(caught.exception.faultCode, (2, 3, 4),
                      caught.exception.faultString)
        return caught.exception.faultString


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
        # the general manager may not skip the sales manager... unless he holds
        # that role (implied); he then signs once, never both
        self.call("general_manager", "gendan.memo", "action_signoff_sign", [memo_id])
        self.assertRefused("general_manager", "gendan.memo", "action_signoff_sign",
                           [memo_id])
        memo = self._memo(memo_id)
        self.assertEqual(memo["signoff_state"], "pending")
        self.assertEqual(memo["state"], "to_sign")
        states = sorted(sig["state"] for sig in self._signatures(memo_id))
        self.assertEqual(states, ["pending", "signed"])
        # a document under sign-off cannot be deleted
        self.assertRefused("merchandiser", "gendan.memo", "unlink", [memo_id])
        self.assertTrue(self.call("admin", "gendan.memo", "search",
                                  [("id", "=", memo_id)]))

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
