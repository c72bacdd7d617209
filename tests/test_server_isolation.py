"""Two servers of one checkout on one host: each renders its reports from
itself and keeps its own sessions (issue 20: `./gendan test` beside
`./gendan run`).

The test server (A) serves the test database. A second server (B) stands
for `./gendan run`: another database, a dbfilter that rejects A's. The
test database's `web.base.url` names B, as it does when the database was
created while B's port was the configured one. A user of A prints a PDF:
wkhtmltopdf must fetch the report's assets from A, and the user's session
must survive (B, given A's cookie, used to log it out).
"""
import os

import requests

from odoo_server import ROOT, RpcServerCase, free_port, start_server, wait_for_server


class TestServerIsolation(RpcServerCase):

    workers = 0
    log_level = "info"  # the request lines show who fetched what

    @classmethod
    def setUpClass(cls):
        super(TestServerIsolation, cls).setUpClass()
        cls.other_port = free_port()
        cls.other_url = "http://127.0.0.1:%s" % cls.other_port
        cls.other_log_path = os.path.join(
            ROOT, ".data", "other-server-%s.log" % cls.db)
        cls.other_log = open(cls.other_log_path, "w")
        cls.other = start_server("", cls.other_port, cls.other_log,
                                 log_level="info",
                                 db_filter="^%s_elsewhere$" % cls.db)
        try:
            wait_for_server(cls.other_url, cls.other_log_path)
        except RuntimeError:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.other.terminate()
        cls.other.wait(30)
        cls.other_log.close()
        super(TestServerIsolation, cls).tearDownClass()

    def setUp(self):
        saved = self.call("admin", "ir.config_parameter", "get_param",
                          "web.base.url")
        self.call("admin", "ir.config_parameter", "set_param", "web.base.url",
                  self.other_url)
        self.addCleanup(self.call, "admin", "ir.config_parameter", "set_param",
                        "web.base.url", saved)

    def _browser_session(self, login):
        session = requests.Session()
        answer = session.post(self.url + "/web/session/authenticate", json={
            "jsonrpc": "2.0", "method": "call", "params": {
                "db": self.db, "login": login, "password": login}}).json()
        self.assertTrue(answer["result"]["uid"], answer)
        return session

    def _session_uid(self, session):
        """The session's user, None when it was logged out ("Session
        Expired" answers an error)."""
        answer = session.post(self.url + "/web/session/get_session_info", json={
            "jsonrpc": "2.0", "method": "call", "params": {}}).json()
        return answer.get("result", {}).get("uid")

    def test_report_url_is_the_server_itself(self):
        """Without a report.url in the database, the server names itself."""
        self.assertEqual(
            self.call("admin", "ir.config_parameter", "get_param", "report.url"),
            self.url)
        self.assertFalse(self.sql(
            "SELECT value FROM ir_config_parameter WHERE key = 'report.url'"))

    def test_pdf_from_itself_session_kept(self):
        """A PDF printed on A fetches its assets from A; the session lives."""
        # not admin: an admin's web login sets web.base.url to its own URL
        session = self._browser_session("merchandiser")
        uid = self._session_uid(session)
        memo = self.xmlid("gendan_base.gendan_memo_demo_packaging")
        other_before = os.path.getsize(self.other_log_path)
        response = session.get("%s/report/pdf/gendan_base.report_memo/%s"
                               % (self.url, memo), timeout=300)
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.assertEqual(self._session_uid(session), uid,
                         "the user was logged out by printing a PDF")
        self.assertEqual(self.call("admin", "ir.config_parameter", "get_param",
                                   "web.base.url"), self.other_url)
        with open(self.other_log_path) as log:
            log.seek(other_before)
            self.assertNotIn("/web/content", log.read(),
                             "wkhtmltopdf fetched the assets from the other server")
        with open(self.log_path) as log:
            self.assertIn("GET /web/content/", log.read(),
                          "wkhtmltopdf fetched no asset from the server itself")
