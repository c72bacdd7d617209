"""A real Odoo server for the tests that go through HTTP (RPC, browser).

The server runs with ``--workers=2`` against the test database, so what it
sees is what was committed: the demo data and what the test creates through
the server itself.
"""
import atexit
import json
import os
import socket
import subprocess
import sys
import time
import unittest
import urllib.request
import xmlrpc.client
from contextlib import closing

import odoo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db, port, log, workers=0, log_level="warn", db_filter=None):
    """``./gendan``'s Odoo serving ``db`` on ``port``, logging to ``log``
    (an open file); this checkout's compat module, whatever the venv's."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [os.path.join(ROOT, "compat"), os.environ.get("PYTHONPATH")])))
    return subprocess.Popen(
        [sys.executable, "-m", "gendan_compat", "--config",
         os.path.join(ROOT, "odoo.conf"), "-d", db, "--db-filter",
         db_filter or "^%s$" % db, "--http-port", str(port),
         "--longpolling-port", str(free_port()), "--workers", str(workers),
         "--max-cron-threads", "0", "--log-level", log_level],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)


def wait_for_server(url, log_path, timeout=120):
    """Wait until the server at ``url`` answers XML-RPC."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common").version()
            return
        except (ConnectionError, OSError):
            time.sleep(0.5)
    raise RuntimeError("Odoo did not start: see %s" % log_path)


# the prefork servers of this pytest process, one per (database, workers,
# log level): their workers keep nothing between two XML-RPC requests, so
# every test class of the same kind can call the same server
_SHARED = {}


def _stop_shared():
    for shared in _SHARED.values():
        shared["server"].terminate()
        shared["server"].wait(30)
        shared["log"].close()


atexit.register(_stop_shared)


class RpcServerCase(unittest.TestCase):
    """Start ``./gendan``'s Odoo with two workers on a free port (once per
    pytest process, shared by the classes that keep the defaults)."""

    server = None
    # two prefork workers; the browser test uses the threaded server (0), which
    # also answers /longpolling/poll without a reverse proxy, started for its
    # class alone
    workers = 2
    log_level = "warn"

    @classmethod
    def setUpClass(cls):
        cls.db = odoo.tools.config["db_name"]
        cls.uids = {}
        key = (cls.db, cls.workers, cls.log_level)
        shared = _SHARED.get(key)
        if shared and shared["server"].poll() is None:
            cls.port, cls.url, cls.log_path = (
                shared["port"], shared["url"], shared["log_path"])
            return
        cls.port = free_port()
        # one log per database: several test runs may share the machine
        cls.log_path = os.path.join(ROOT, ".data", "rpc-server-%s.log" % cls.db)
        cls.log = open(cls.log_path, "w")
        cls.server = start_server(cls.db, cls.port, cls.log, cls.workers,
                                  cls.log_level)
        cls.url = "http://127.0.0.1:%s" % cls.port
        try:
            wait_for_server(cls.url, cls.log_path)
        except RuntimeError:
            cls.tearDownClass()
            raise
        if cls.workers:
            _SHARED[key] = {"server": cls.server, "log": cls.log, "port": cls.port,
                            "url": cls.url, "log_path": cls.log_path}
            cls.server = None  # stopped at exit, not with this class

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

    @staticmethod
    def _english(kwargs):
        """The demo users work in zh_CN; the tests read the server's
        messages in English unless a call names its language."""
        context = dict(kwargs.get("context") or {})
        context.setdefault("lang", "en_US")
        return dict(kwargs, context=context)

    def call(self, login, model, method, *args, **kwargs):
        kwargs = self._english(kwargs)
        proxy = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/object",
                                          allow_none=True)
        return proxy.execute_kw(self.db, self.login(login), login, model, method,
                                list(args), kwargs)

    def call_json(self, login, model, method, *args, **kwargs):
        """The same call through JSON-RPC (/jsonrpc); errors raise RpcRefused."""
        kwargs = self._english(kwargs)
        payload = json.dumps({
            "jsonrpc": "2.0", "method": "call", "id": 1,
            "params": {"service": "object", "method": "execute_kw",
                       "args": [self.db, self.login(login), login, model, method,
                                list(args), kwargs]}}).encode()
        request = urllib.request.Request(
            self.url + "/jsonrpc", payload, {"Content-Type": "application/json"})
        with closing(urllib.request.urlopen(request, timeout=120)) as response:
            answer = json.loads(response.read().decode())
        if "error" in answer:
            raise RpcRefused(answer["error"]["data"]["name"],
                             answer["error"]["data"]["message"])
        return answer["result"]

    def xmlid(self, xmlid):
        """Database id of a record from its XML id (read as admin)."""
        return self.call("admin", "ir.model.data", "xmlid_to_res_id", xmlid, True)

    def sql(self, query, params=()):
        """Rows of ``query`` read on the database, outside any server."""
        with closing(odoo.sql_db.db_connect(self.db).cursor()) as cr:
            cr.execute(query, params)
            return cr.fetchall()

    def attempt(self, login, model, method, *args, **kwargs):
        """Make the call; return None when it was refused, else a description
        of what went through (or crashed: a refusal must be a clean error)."""
        try:
            result = self.call(login, model, method, *args, **kwargs)
        except xmlrpc.client.Fault as fault:
            if refusal(fault):
                return None
            return "%s %s.%s%r crashed: %s" % (login, model, method, args,
                                               fault.faultString[-300:])
        return "%s %s.%s%r went through (returned %r)" % (
            login, model, method, args, result)

    def assertRefused(self, login, model, method, *args, **kwargs):
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self.call(login, model, method, *args, **kwargs)
        self.assertTrue(refusal(caught.exception), caught.exception.faultString)
        return caught.exception.faultString


class RpcRefused(Exception):
    """A JSON-RPC call answered with an error (name: the exception class)."""

    def __init__(self, name, message):
        super(RpcRefused, self).__init__("%s: %s" % (name, message))
        self.name = name
        self.message = message


def refusal(fault):
    """Whether an XML-RPC fault is a clean refusal, not a crash.

    2: UserError, 3: access denied, 4: AccessError; Odoo 11 reports a
    ValidationError (a constraint) as code 1 with its traceback, which is a
    refusal too. Any other code 1 is a crash (a server error)."""
    if fault.faultCode in (2, 3, 4):
        return True
    last = fault.faultString.strip().splitlines()[-1:] or [""]
    return fault.faultCode == 1 and last[0].startswith(
        ("odoo.exceptions.ValidationError", "odoo.exceptions.except_orm"))
