"""A real Odoo server for the tests that go through HTTP (RPC, browser).

The server runs with ``--workers=2`` against the test database, so what it
sees is what was committed: the demo data and what the test creates through
the server itself.
"""
import os
import socket
import subprocess
import sys
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
    # two prefork workers; the browser test uses the threaded server (0), which
    # also answers /longpolling/poll without a reverse proxy
    workers = 2

    @classmethod
    def setUpClass(cls):
        cls.db = odoo.tools.config["db_name"]
        cls.port = _free_port()
        cls.log = open(os.path.join(ROOT, ".data", "rpc-server.log"), "w")
        cls.server = subprocess.Popen(
            [sys.executable, "-m", "gendan_compat", "--config",
             os.path.join(ROOT, "odoo.conf"), "-d", cls.db, "--db-filter",
             "^%s$" % cls.db, "--http-port", str(cls.port),
             "--longpolling-port", str(_free_port()), "--workers", str(cls.workers),
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
