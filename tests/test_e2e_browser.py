"""Each department in the real web client (Debian chromium + chromedriver).

Logs in as every demo department user, in Chinese (zh_CN, Asia/Shanghai) at
1440x900 as a factory's people work, opens the user's main Gendan screen,
saves a screenshot <login>.png (to .data/screenshots, or where
GENDAN_SCREENSHOTS says: tests/browser.py) and fails on any JavaScript error
in the browser console.

Then the screens of the second round's modules (enquiry, price approval,
outsourcing list, pick-up slip, QA check, showroom machines, document
register, contact log, month-end count), each as the department user who
works there (one login per user): the list and the first record's form show
no raw model name (``gendan.``), do not scroll sideways at 1440 pixels, and
are saved as screenshots screen-<name>-list/form.png.

The statement of account of the demo (a disputed customer statement, the
confirmed supplier one) as finance: no list on any of its tabs scrolls
sideways (screenshots screen-statement-<number>-<tab>.png).

Last, the "My work" start screen of three roles (merchandiser, sales manager,
finished goods warehouse): it opens as their home, lists what waits for them,
and is saved as my-work-<login>.png.
"""
import os

from browser import needs_chromium, screenshot_dir, start_chromium
from odoo_server import RpcServerCase

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - selenium is pinned in requirements.txt
    pass


# login -> the window actions that are its main screen, first one installed wins
MAIN_SCREENS = [
    ("merchandiser", ["gendan_order.sale_order_action_cockpit",
                      "gendan_base.gendan_memo_action"]),
    ("salesperson", ["gendan_order.sale_order_action_cockpit",
                     "sale.action_quotations"]),
    ("sales_manager", ["gendan_production.gendan_task_order_action",
                       "gendan_base.gendan_memo_action"]),
    ("general_manager", ["gendan_production.gendan_task_order_action",
                         "gendan_base.gendan_memo_action"]),
    ("engineer", ["gendan_production.mrp_bom_action_controlled",
                  "mrp.mrp_bom_form_action"]),
    ("purchaser", ["gendan_production.gendan_material_check_action",
                   "gendan_base.gendan_memo_action"]),
    ("production", ["gendan_production.gendan_task_order_action",
                    "mrp.mrp_production_action"]),
    ("qa", ["gendan_complaint.gendan_complaint_action",
            "gendan_base.gendan_memo_action"]),
    ("fg_wh", ["gendan_shipping.gendan_shipment_action",
               "stock.action_picking_tree_all"]),
    ("finance", ["gendan_reconcile.gendan_statement_action",
                 "gendan_base.gendan_memo_action"]),
    ("documents_clerk", ["gendan_shipping.gendan_shipment_action",
                         "gendan_base.gendan_distribution_copy_action"]),
]


# login -> (screen name, window action) of the second round's screens
NEW_SCREENS = [
    ("salesperson", [("enquiry", "gendan_sales.gendan_enquiry_action"),
                     ("contact-log", "gendan_contact.gendan_contact_log_action")]),
    ("sales_manager", [("price-approval",
                        "gendan_sales.gendan_price_approval_action")]),
    ("purchaser", [("outsourcing-list",
                    "gendan_outsourcing.gendan_outsourcing_order_action")]),
    ("merchandiser", [("pickup-slip", "gendan_dispatch.gendan_pickup_slip_action"),
                      ("showroom-machines",
                       "gendan_showroom.gendan_showroom_machine_action")]),
    ("qa", [("qa-check", "gendan_dispatch.gendan_qa_check_action")]),
    ("documents_clerk", [("document-register",
                          "gendan_document.gendan_document_action")]),
    ("fg_wh", [("month-end-count", "gendan_stock.stock_inventory_action_month_end")]),
]

# the roles whose "My work" start screen the documentation shows
MY_WORK_LOGINS = ["merchandiser", "sales_manager", "fg_wh"]

# what the screen shows sideways: the page and Odoo's scrolling content area
OVERFLOW_JS = """
var page = document.documentElement, content = document.querySelector('.o_content');
var out = [];
if (page.scrollWidth > page.clientWidth) {
    out.push('page ' + page.scrollWidth + ' > ' + page.clientWidth);
}
if (content && content.scrollWidth > content.clientWidth + 1) {
    out.push('content ' + content.scrollWidth + ' > ' + content.clientWidth);
}
return out.join(', ');
"""

# what scrolls sideways inside a form: its x2many lists (Odoo 11 wraps them in
# a .table-responsive that scrolls by itself, the page does not)
LIST_OVERFLOW_JS = """
var out = [];
document.querySelectorAll('.o_form_view .o_field_x2many_list').forEach(function (f) {
    var box = f.querySelector('.table-responsive');
    if (box && box.offsetParent && box.scrollWidth > box.clientWidth + 1) {
        out.push(f.getAttribute('name') + ' ' + box.scrollWidth + ' > '
                 + box.clientWidth);
    }
});
return out.join(', ');
"""


@needs_chromium
class TestDepartmentScreens(RpcServerCase):

    workers = 0
    page_count = 0

    @classmethod
    def setUpClass(cls):
        super(TestDepartmentScreens, cls).setUpClass()
        cls.browser = start_chromium(1440, 900)
        cls.img = screenshot_dir()

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        super(TestDepartmentScreens, cls).tearDownClass()

    def _action_id(self, candidates):
        for xmlid in candidates + ["gendan_base.gendan_memo_action"]:
            res_id = self.call("admin", "ir.model.data", "xmlid_to_res_id", xmlid)
            if res_id:
                return res_id
        self.fail("none of %s is installed" % candidates)

    def _wait(self, css, timeout=180):
        WebDriverWait(self.browser, timeout).until(
            expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))

    def _wait_idle(self, timeout=180):
        """No RPC in flight (the loading indicator hidden, the UI not blocked)."""
        WebDriverWait(self.browser, timeout, 0.1).until(lambda b: b.execute_script(
            "return Array.from(document.querySelectorAll('.o_loading')).every("
            "function (e) { return getComputedStyle(e).display === 'none'; })"
            " && !document.querySelector('.blockUI')"
            " && document.readyState === 'complete';"))

    def _goto(self, fragment):
        """Open ``/web#fragment`` by a full page load, as a bookmark would: a
        hash change alone would race the user's home action ("My work")
        still loading after the login, and stack the screen on top of it."""
        type(self).page_count += 1
        self.browser.get("%s/web?reload=%s#%s" % (self.url, self.page_count, fragment))

    def _js_errors(self):
        return [entry["message"] for entry in self.browser.get_log("browser")
                if entry["level"] == "SEVERE"]

    def _login(self, login):
        browser = self.browser
        browser.delete_all_cookies()
        browser.get(self.url + "/web/login")
        browser.find_element(By.NAME, "login").send_keys(login)
        browser.find_element(By.NAME, "password").send_keys(login)
        browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self._wait(".o_main_navbar, .o_web_client")

    def _in_chinese(self, logins):
        """The users work in zh_CN for this test; their language is restored."""
        users = self.call("admin", "res.users", "search_read",
                          [("login", "in", logins)], fields=["lang", "tz"])
        for user in users:
            self.addCleanup(self.call, "admin", "res.users", "write", [user["id"]],
                            {"lang": user["lang"], "tz": user["tz"]})
        self.call("admin", "res.users", "write", [u["id"] for u in users],
                  {"lang": "zh_CN", "tz": "Asia/Shanghai"})

    def test_department_main_screens(self):
        """Every department opens its main screen in Chinese without a
        JavaScript error."""
        self._in_chinese([login for login, _screens in MAIN_SCREENS])
        for login, candidates in MAIN_SCREENS:
            with self.subTest(login=login):
                action_id = self._action_id(candidates)
                self._login(login)
                self._goto("action=%s" % action_id)
                self._wait(".o_control_panel .breadcrumb")
                self._wait(".o_content .o_view_manager_content > div, "
                           ".o_view_manager_content .o_list_view, "
                           ".o_view_manager_content .o_kanban_view")
                self._wait_idle()
                self.browser.save_screenshot(os.path.join(self.img, login + ".png"))
                self.assertEqual(self._js_errors(), [], "JS errors for %s" % login)
                self.assertNotIn("Odoo Server Error", self.browser.page_source)

    def _open_view(self, css, depth, timeout=180):
        """Wait for the view ``css`` under a breadcrumb of ``depth`` items
        (a hash change keeps the previous view on the page meanwhile)."""
        WebDriverWait(self.browser, timeout, 0.2).until(lambda b: b.execute_script(
            "return document.querySelectorAll('.o_control_panel .breadcrumb > li')"
            ".length === arguments[1] && !!document.querySelector(arguments[0]);",
            css, depth))
        self._wait_idle()

    def _screen_problems(self, label):
        """What is wrong with the screen on display (empty when nothing)."""
        problems = []
        text = self.browser.execute_script("return document.body.innerText;")
        if "gendan." in text:
            line = [row for row in text.splitlines() if "gendan." in row][0]
            problems.append("%s shows a model name: %s" % (label, line.strip()))
        overflow = self.browser.execute_script(OVERFLOW_JS)
        if overflow:
            problems.append("%s scrolls sideways: %s" % (label, overflow))
        if "Odoo Server Error" in self.browser.page_source:
            problems.append("%s: server error" % label)
        self.browser.save_screenshot(os.path.join(self.img, "screen-%s.png" % label))
        return problems

    def test_new_screens(self):
        """The second round's screens, list and a record's form, in Chinese
        as the department that works there: no raw model name, no sideways
        scrolling, no JavaScript error."""
        self._in_chinese([login for login, _screens in NEW_SCREENS])
        problems = []
        for login, screens in NEW_SCREENS:
            self._login(login)
            for name, xmlid in screens:
                action_id = self.xmlid(xmlid)
                self.assertTrue(action_id, xmlid)
                action = self.call("admin", "ir.actions.act_window", "read",
                                   [action_id], ["view_mode", "res_model"])[0]
                self._goto("action=%s" % action_id)
                # the list, or the action's help when its filter finds nothing
                self._open_view(".o_view_manager_content > div", 1)
                problems += self._screen_problems("%s-list" % name)
                if "form" not in action["view_mode"].split(","):
                    continue  # a report (e.g. the contact log): no form
                # the latest record the user reads, whatever the default filter
                ids = self.call(login, action["res_model"], "search", [],
                                limit=1, order="id desc")
                if not ids:
                    problems.append("%s: no record to open as %s" % (name, login))
                    continue
                self._goto("action=%s&model=%s&id=%s&view_type=form" % (
                    action_id, action["res_model"], ids[0]))
                self._open_view(".o_view_manager_content .o_form_view", 2)
                problems += self._screen_problems("%s-form" % name)
            problems += ["%s: JS error %s" % (login, error)
                         for error in self._js_errors()]
        self.assertEqual(problems, [], "\n".join(problems))

    def test_my_work_start_screen(self):
        """Three roles log in and land on "My work" (their home action) in
        Chinese: it lists their to-dos, shows no raw model name and does not
        scroll sideways."""
        self._in_chinese(MY_WORK_LOGINS)
        action_id = self.xmlid("gendan_base.action_gendan_my_work")
        problems = []
        for login in MY_WORK_LOGINS:
            user = self.call("admin", "res.users", "search_read",
                             [("login", "=", login)], fields=["action_id"])[0]
            self.assertEqual(user["action_id"] and user["action_id"][0], action_id,
                             "%s does not start on My work" % login)
            todos = self.call(login, "mail.activity", "search_count",
                              [("user_id", "=", user["id"])])
            self.assertTrue(todos, "%s has nothing waiting in the demo" % login)
            self._login(login)  # the home action opens by itself
            self._open_view(".o_view_manager_content .o_kanban_view, "
                            ".o_view_manager_content .o_list_view", 1)
            self._wait(".o_group_header, .o_data_row, .o_kanban_record")
            problems += self._screen_problems("my-work-%s" % login)
            problems += ["%s: JS error %s" % (login, error)
                         for error in self._js_errors()]
        self.assertEqual(problems, [], "\n".join(problems))

    def test_statement_form_fits(self):
        """Finance reads the demo's statements in Chinese at 1440 pixels:
        every tab of the form, the lines first, fits without sideways
        scrolling (the lines' detail and dispute are in the line's form)."""
        self._in_chinese(["finance"])
        statements = self.call("admin", "gendan.statement", "search_read", [
            "|", "&", ("statement_type", "=", "customer"), ("state", "=", "disputed"),
            "&", ("statement_type", "=", "supplier"), ("state", "=", "confirmed")],
            fields=["name", "line_ids"])
        self.assertEqual(len(statements), 2, "the demo has no such statements")
        action_id = self.xmlid("gendan_reconcile.gendan_statement_action")
        self._login("finance")
        problems = []
        for statement in statements:
            self.assertTrue(statement["line_ids"], statement["name"])
            self._goto("action=%s&model=gendan.statement&id=%s&view_type=form" % (
                action_id, statement["id"]))
            self._open_view(".o_view_manager_content .o_form_view", 2)
            self._wait(".o_field_widget[name='line_ids'] tr.o_data_row")
            tabs = self.browser.find_elements(
                By.CSS_SELECTOR, ".o_notebook .nav-tabs > li > a")
            for index in range(len(tabs)):
                tab = self.browser.find_elements(
                    By.CSS_SELECTOR, ".o_notebook .nav-tabs > li > a")[index]
                tab.click()
                self._wait_idle()
                label = "statement-%s-%s" % (
                    statement["name"].replace("/", "-"), index + 1)
                overflow = self.browser.execute_script(LIST_OVERFLOW_JS)
                if overflow:
                    problems.append("%s scrolls sideways: %s" % (label, overflow))
                problems += self._screen_problems(label)
        problems += ["finance: JS error %s" % error for error in self._js_errors()]
        self.assertEqual(problems, [], "\n".join(problems))
