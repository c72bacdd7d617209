"""One export order through the whole flow, in the real web client.

Debian chromium + chromedriver drive the Odoo 11 web client. Each department's
demo user logs in once (its session is kept and reused when its turn comes
again) and clicks its own buttons, found by the method or action they run
(name="action_confirm": gendan_base/static/src/js/button_names.js), never by
their label; every wait is on a condition, none is a fixed sleep:
order review -> task order signed by every role -> controlled BOM -> material
check -> sample and first article -> MO done -> payment confirmed -> shipment
with two containers and seals -> packing list PDF -> complaint with 8D ->
monthly statement confirmed.

Only plain data is prepared through XML-RPC as admin before the flow (the
customer, the product and its components in stock, the draft BOM, the
quotation and the sample request); every signature, confirmation, validation
and state change is a click of the right user. After each step the database
is checked through XML-RPC, and the browser console must hold no error.
"""
import base64
import datetime
import io
import os
import re
import tempfile
import time
import xmlrpc.client
from urllib.parse import urlencode

import requests

from browser import needs_chromium, start_chromium
from odoo_server import RpcServerCase

try:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # pragma: no cover - selenium is pinned in requirements.txt
    pass

TIMEOUT = int(os.environ.get("GENDAN_E2E_TIMEOUT", 60))
# the roles of the task order, in signing order (the optional departments
# sign between the sales manager and the general manager)
TASK_ORDER_SIGNERS = ["salesperson", "sales_manager", "engineer", "purchaser",
                      "production", "qa", "packing_wh", "electronic_wh",
                      "general_manager"]
REVIEW_SIGNERS = ["salesperson", "engineer", "purchaser", "production", "qa"]
CONTAINERS = [("20' General Purpose", "CSQU3054383", "E2E-SEAL-%s-1"),
              ("40' High Cube", "MSKU9070323", "E2E-SEAL-%s-2")]


def _us_date(date):
    """A date as the en_US web client expects it typed."""
    return date.strftime("%m/%d/%Y")


def _cmap(font):
    """{glyph code: text} of a Type0 font's ToUnicode CMap."""
    mapping = {}
    if "/ToUnicode" not in font:
        return mapping
    data = font["/ToUnicode"].getObject().getData().decode("latin-1")

    def text(hexa):
        return bytes.fromhex(hexa).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<(\w+)>\s*<(\w+)>", block):
            mapping[int(src, 16)] = text(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, dst in re.findall(
                r"<(\w+)>\s*<(\w+)>\s*(<\w+>|\[[^\]]*\])", block):
            low, high = int(low, 16), int(high, 16)
            if dst.startswith("["):
                for code, item in zip(range(low, high + 1),
                                      re.findall(r"<(\w+)>", dst)):
                    mapping[code] = text(item)
            else:
                first = int(dst[1:-1], 16)
                for code in range(low, high + 1):
                    mapping[code] = chr(first + code - low)
    return mapping


def pdf_text(data):
    """Text of a PDF printed by wkhtmltopdf: its Type0 fonts show glyph
    codes, mapped back to characters with each font's ToUnicode CMap
    (PyPDF2 1.26's extractText does not read those maps)."""
    import PyPDF2
    reader = PyPDF2.PdfFileReader(io.BytesIO(data))
    chunks = []
    for page in reader.pages:
        fonts = page["/Resources"].getObject().get("/Font", {})
        cmaps = {name: _cmap(ref.getObject()) for name, ref in fonts.items()}
        cmap = {}
        content = PyPDF2.pdf.ContentStream(page.getContents(), reader)
        for operands, operator in content.operations:
            if operator == b"Tf":
                cmap = cmaps.get(operands[0], {})
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                strings = operands[-1] if operator == b"TJ" else operands[-1:]
                for string in strings:
                    if isinstance(string, bytes):
                        chunks.append("".join(
                            cmap.get(int.from_bytes(string[i:i + 2], "big"), "")
                            for i in range(0, len(string) - 1, 2)))
            elif operator == b"ET":
                chunks.append(" ")
    return re.sub(r"\s+", " ", "".join(chunks))


@needs_chromium
class TestExportOrderFlow(RpcServerCase):
    """The user story of one export order, department after department."""

    workers = 0

    @classmethod
    def setUpClass(cls):
        super(TestExportOrderFlow, cls).setUpClass()
        cls.browser = start_chromium(1440, 1000)
        cls.browser.set_script_timeout(TIMEOUT)
        cls.current_login = None
        cls.page_count = 0
        cls.sessions = {}  # login -> its session cookie (one login per role)
        cls.logins = []  # every pass through the login page
        # the story reads the English screens (the demo users work in zh_CN;
        # tests/test_e2e_browser.py walks the Chinese ones)
        users = cls.call_admin("res.users", "search_read", [("share", "=", False)],
                               ["lang"])
        cls.langs = {user["id"]: user["lang"] for user in users}
        cls.call_admin("res.users", "write", list(cls.langs), {"lang": "en_US"})

    @classmethod
    def call_admin(cls, model, method, *args):
        return xmlrpc.client.ServerProxy(cls.url + "/xmlrpc/2/object").execute_kw(
            cls.db, cls.admin_uid(), "admin", model, method, list(args))

    @classmethod
    def admin_uid(cls):
        return xmlrpc.client.ServerProxy(cls.url + "/xmlrpc/2/common").authenticate(
            cls.db, "admin", "admin", {})

    @classmethod
    def tearDownClass(cls):
        for user_id, lang in getattr(cls, "langs", {}).items():
            cls.call_admin("res.users", "write", [user_id], {"lang": lang})
        cls.browser.quit()
        super(TestExportOrderFlow, cls).tearDownClass()

    # -- RPC as admin ----------------------------------------------------------

    def admin(self, model, method, *args, **kwargs):
        return self.call("admin", model, method, *args, **kwargs)

    def read(self, model, res_id, fields):
        return self.admin(model, "read", [res_id], fields)[0]

    def xmlid(self, xmlid):
        return self.admin("ir.model.data", "xmlid_to_res_id", xmlid)

    def user_id(self, login):
        return self.admin("res.users", "search", [("login", "=", login)])[0]

    # -- browser helpers -------------------------------------------------------

    def wait(self, condition, timeout=TIMEOUT, message=None):
        return WebDriverWait(
            self.browser, timeout, 0.1,
            ignored_exceptions=(StaleElementReferenceException,)).until(
                lambda driver: condition(), message)

    def find(self, css, root=None):
        """The first visible element matching ``css`` (waits for it)."""
        def visible():
            for element in (root or self.browser).find_elements(By.CSS_SELECTOR, css):
                try:
                    if element.is_displayed():
                        return element
                except StaleElementReferenceException:
                    continue
            return False
        return self.wait(visible, message="no visible %s" % css)

    def visible(self, css):
        result = []
        for element in self.browser.find_elements(By.CSS_SELECTOR, css):
            try:
                if element.is_displayed():
                    result.append(element)
            except StaleElementReferenceException:
                continue
        return result

    def idle(self):
        """Wait until the web client has no RPC in flight."""
        self.wait(lambda: self.browser.execute_script(
            "return Array.from(document.querySelectorAll('.o_loading')).every("
            "function (e) { return getComputedStyle(e).display === 'none'; })"
            " && !document.querySelector('.blockUI')"
            " && document.readyState === 'complete';"))
        self.assert_no_error_dialog()

    def assert_no_error_dialog(self):
        for dialog in self.visible(".modal .o_dialog_warning, .modal .o_dialog_error,"
                                   " .modal .o_error_detail"):
            modal = dialog.find_element(By.XPATH, "ancestor::div[contains("
                                        "@class, 'modal-content')]")
            self.fail("%s: error dialog: %s" % (self.current_login, modal.text))

    def console_errors(self):
        return [entry["message"] for entry in self.browser.get_log("browser")
                if entry["level"] == "SEVERE"]

    def check_console(self, step):
        errors = self.console_errors()
        self.assertEqual(errors, [], "JS errors in the browser console after %s"
                         % step)

    def sign_in(self, login, model=None, res_id=None, action=None):
        """Work as ``login``, landing on the form of ``model`` (a new record
        without ``res_id``): the first time through the login page, then
        with the session the user got then (a user logs in once)."""
        browser = self.browser
        if self.current_login:
            self.check_console("the steps of %s" % self.current_login)
        target = "/web"
        if model:
            target = "/web#" + self._fragment(model, res_id, action)
        # leave the page first: no request of the previous user's page (its
        # long-polling) can answer with that user's cookie afterwards
        browser.get("about:blank")
        browser.execute_cdp_cmd("Network.clearBrowserCookies", {})
        if login in self.sessions:
            browser.execute_cdp_cmd("Network.setCookie", {
                "name": "session_id", "value": self.sessions[login],
                "url": self.url})
            type(self).page_count += 1
            browser.get("%s/web?reload=%s#%s" % (
                self.url, self.page_count, target.partition("#")[2]))
        else:
            browser.get("%s/web/login?%s" % (self.url, urlencode(
                {"redirect": target})))
            self.find("input[name=login]").send_keys(login)
            self.find("input[name=password]").send_keys(login)
            self.find("form button[type=submit]").click()
            self.logins.append(login)
        self.find("#oe_main_menu_navbar, .o_main_navbar")
        if model:
            self.find(".o_form_view")
        self.idle()
        self.current_login = login
        self.assertEqual(
            browser.execute_script("return odoo.session_info.username;"), login)
        self.sessions[login] = browser.get_cookie("session_id")["value"]

    def _fragment(self, model, res_id=None, action=None):
        fragment = "model=%s&view_type=form" % model
        if res_id:
            fragment = "id=%s&%s" % (res_id, fragment)
        if action:
            fragment += "&action=%s" % (
                self.xmlid(action) if isinstance(action, str) else action)
        return fragment

    def open(self, model, res_id=None, action=None):
        """Open a form by URL (a full page load, as a bookmark would)."""
        type(self).page_count += 1
        self.browser.get("%s/web?reload=%s#%s" % (
            self.url, self.page_count, self._fragment(model, res_id, action)))
        self.find(".o_form_view")
        self.idle()

    def form(self):
        """The form being worked on: the dialog's when a dialog is open."""
        dialogs = self.visible(".modal .o_form_view")
        return dialogs[-1] if dialogs else self.find(".o_content .o_form_view")

    def edit(self):
        buttons = self.visible(".o_form_button_edit")
        if buttons:
            buttons[0].click()
            self.idle()

    def save(self):
        buttons = self.visible(".o_form_button_save")
        if buttons:
            buttons[0].click()
            self.idle()
            self.find(".o_form_button_edit")

    def button(self, name, root=None):
        """The visible button that runs ``name``: a method, or a window
        action's XML id (module.xml_id)."""
        if "." in name:
            name = str(self.xmlid(name))
        css = "button[name='%s']" % name

        def found():
            for element in (root or self.browser).find_elements(By.CSS_SELECTOR, css):
                try:
                    if element.is_displayed():
                        return element
                except StaleElementReferenceException:
                    continue
            return False
        return self.wait(found, message="no visible button %s for %s" % (
            css, self.current_login))

    def click(self, name, root=None, opens=None):
        """Click the button running ``name`` and wait for the web client to
        settle (and, with ``opens``, for the view of that model the button
        opens: the previous form may have the same fields)."""
        self.retry(lambda: self.button(name, root).click())
        if opens:
            self.wait(lambda: re.search(r"[#&]model=%s&" % re.escape(opens),
                                        self.browser.current_url + "&"),
                      message="%s did not open %s" % (name, opens))
        self.idle()

    def retry(self, action, attempts=5):
        """Run ``action`` again when the web client re-rendered the element
        between finding and using it (finding waits for the new one)."""
        for attempt in range(attempts):
            try:
                return action()
            except StaleElementReferenceException:
                if attempt == attempts - 1:
                    raise

    def modal(self):
        return self.find(".modal.in .modal-content, .modal.show .modal-content")

    def modal_click(self, name=None):
        """Click a footer button of the open dialog (the one running
        ``name``; the dialog's own primary button, e.g. "Save & Close" of a
        line, when None) and wait for the dialog to close."""
        if name:
            self.click(name, self.modal())
        else:
            self.retry(lambda: self.find(".modal-footer .btn-primary",
                                         self.modal()).click())
            self.idle()
        self.wait(lambda: not self.visible(".modal.in, .modal.show"),
                  message="the dialog stays open")
        self.idle()

    def sign(self, comment=None):
        """Sign the open document through the sign-off dialog."""
        self.click("action_signoff_open_wizard")
        self.modal()
        if comment:
            self.set_field("comment", comment)
        self.modal_click("action_confirm")

    def field(self, name, root=None):
        """The widget of field ``name`` in the current form (or in the
        element matching the CSS selector ``root``)."""
        root = self.find(root) if root else self.form()
        return self.find(".o_field_widget[name='%s']" % name, root)

    def set_field(self, name, value, root=None):
        """Type ``value`` into field ``name`` whatever its widget."""
        return self.retry(lambda: self._set_field(name, value, root))

    def _set_field(self, name, value, root=None):
        widget = self.field(name, root)
        classes = widget.get_attribute("class")
        if "o_field_many2one" in classes:
            return self.set_many2one(widget, value)
        if widget.tag_name == "select":
            select = Select(widget)
            select.select_by_visible_text([
                option.text for option in select.options
                if option.text.strip().startswith(value)][0])
            return self.idle()
        if "o_field_boolean" in classes:
            box = widget.find_element(By.CSS_SELECTOR, "input")
            if box.is_selected() != bool(value):
                self.browser.execute_script("arguments[0].click();", box)
            return self.idle()
        target = widget
        if widget.tag_name not in ("input", "textarea"):
            target = widget.find_element(By.CSS_SELECTOR, "input, textarea")
        if isinstance(value, datetime.date):
            value = _us_date(value)
        target.clear()
        target.send_keys(str(value))
        target.send_keys(Keys.TAB)
        self.idle()

    def set_many2one(self, widget, text):
        entry = widget.find_element(By.CSS_SELECTOR, "input")
        entry.clear()
        entry.send_keys(text)
        self.find("ul.ui-autocomplete li.ui-menu-item a")
        item = self.wait(lambda: [
            a for a in self.visible("ul.ui-autocomplete li.ui-menu-item a")
            if text.lower() in a.text.lower()][:1] or False,
            message="no %s in the drop-down" % text)[0]
        item.click()
        self.idle()

    def tab(self, label):
        """Open the notebook page ``label`` of the form."""
        self.wait(lambda: any(tab.text.strip() == label for tab in self.visible(
            ".o_notebook .nav-tabs a")), message="no tab %s" % label)
        tab = [tab for tab in self.visible(".o_notebook .nav-tabs a")
               if tab.text.strip() == label][0]
        tab.click()
        pane = tab.get_attribute("href").partition("#")[2]
        self.find("#%s" % pane)

    def status(self):
        return self.find(".o_statusbar_status .btn-primary").text.strip()

    def assert_status(self, label):
        self.wait(lambda: self.status() == label,
                  message="the status bar does not show %s" % label)

    def assert_chatter(self, text):
        self.wait(lambda: any(text in message.text for message in self.visible(
            ".o_thread_message .o_thread_message_content")),
            message="no chatter message with %r" % text)

    def click_row_buttons(self, field_name, name):
        """Click the row buttons running ``name`` of the x2many list one
        after the other until none is left."""
        css = ".o_field_widget[name='%s'] button[name='%s']" % (field_name, name)
        clicked = 0
        while self.visible(css):
            left = len(self.visible(css))
            self.retry(lambda: self.visible(css)[0].click())
            self.wait(lambda: len(self.visible(css)) < left,
                      message="%s did not apply" % name)
            self.idle()
            clicked += 1
        return clicked

    def row_cell(self, field_name, row, column):
        """Cell ``column`` of data row ``row`` of the list of x2many field."""
        rows = self.field(field_name).find_elements(
            By.CSS_SELECTOR, "tbody tr.o_data_row")
        return rows[row].find_elements(By.CSS_SELECTOR, "td.o_data_cell")[column]

    # -- the data the departments start from -----------------------------------

    def prepare_world(self):
        """Plain data made by admin: customer, product, components in stock,
        the draft BOM, the quotation and the sample request."""
        stamp = self.stamp = time.strftime("%m%d%H%M%S")
        self.customer_name = "Baltic Lights Import %s" % stamp
        self.customer_id = self.admin("res.partner", "create", {
            "name": self.customer_name, "is_company": True, "customer": True,
            "email": "buyer%s@balticlights.example" % stamp, "lang": "en_US"})
        # 100 lanterns of 0.5 CBM: more than a 20' container holds
        self.product_id = self.admin("product.product", "create", {
            "name": "Solar Garden Lantern SL-%s" % stamp,
            "default_code": "SL-%s" % stamp, "type": "product",
            "invoice_policy": "order", "list_price": 25.0,
            "carton_qty": 1, "carton_length": 100, "carton_width": 100,
            "carton_height": 50, "carton_gross_weight": 20,
            "carton_net_weight": 18})
        components = [self.admin("product.product", "create", {
            "name": "%s %s" % (name, stamp), "type": "product",
            "default_code": "%s-%s" % (code, stamp)})
            for code, name in (("LED", "LED module"), ("BAT", "Li-ion battery"))]
        stock = self.xmlid("stock.stock_location_stock")
        inventory = self.admin("stock.inventory", "create", {
            "name": "E2E components %s" % stamp, "filter": "partial",
            "location_id": stock})
        self.admin("stock.inventory", "action_start", [inventory])
        self.admin("stock.inventory", "write", [inventory], {"line_ids": [
            (0, 0, {"product_id": comp, "location_id": stock, "product_qty": 1000})
            for comp in components]})
        self.admin("stock.inventory", "action_done", [inventory])
        tmpl = self.read("product.product", self.product_id,
                         ["product_tmpl_id"])["product_tmpl_id"][0]
        self.bom_id = self.admin("mrp.bom", "create", {
            "product_tmpl_id": tmpl, "product_qty": 1.0, "code": "SL-%s" % stamp,
            "bom_line_ids": [(0, 0, {"product_id": comp, "product_qty": 2.0})
                             for comp in components]})
        self.order_id = self.admin("sale.order", "create", {
            "partner_id": self.customer_id,
            "user_id": self.user_id("salesperson"),
            "merchandiser_id": self.user_id("merchandiser"),
            # admin sells in the uncontrolled direct channel: an export order
            "team_id": self.xmlid("gendan_order.crm_team_export_demo"),
            "customer_po": "BLI-PO-%s" % stamp,
            "payment_term_id": self.xmlid("gendan_shipping.payment_term_tt_demo"),
            "order_line": [(0, 0, {"product_id": self.product_id,
                                   "product_uom_qty": 100, "price_unit": 25.0})]})
        self.order_name = self.read("sale.order", self.order_id, ["name"])["name"]
        self.sample_id = self.admin("gendan.sample", "create", {
            "order_id": self.order_id, "product_id": self.product_id,
            "material": "SL lantern, warm white, matt black housing",
            "quantity": 2, "purpose": "Customer approval of colour and print",
            "is_first_time": True, "user_id": self.user_id("merchandiser"),
            "date_due": str(datetime.date.today() + datetime.timedelta(days=7))})

    # -- the flow ---------------------------------------------------------------

    def test_export_order_flow(self):
        """One export order from review to the confirmed monthly statement."""
        started = time.time()
        self.prepare_world()
        steps = [self.step_order_review, self.step_controlled_bom,
                 self.step_task_order, self.step_material_check,
                 self.step_sample, self.step_first_article,
                 self.step_manufacturing, self.step_payment,
                 self.step_shipment, self.step_packing_list,
                 self.step_complaint_8d, self.step_statement]
        for step in steps:
            step()
            self.check_console(step.__name__)
        self.timing = time.time() - started
        # each department logged in once, then worked in its own session
        self.assertEqual(sorted(self.logins), sorted(set(self.logins)))
        self.assertEqual(set(self.logins), set(self.sessions))

    def step_order_review(self):
        """Merchandiser: checklist and request; five departments and the
        merchandiser sign; the salesperson confirms the order."""
        cockpit = "gendan_order.sale_order_action_cockpit"
        self.sign_in("merchandiser", "sale.order", self.order_id)
        self.assertEqual(self.find(".o_field_widget[name='customer_po']").text,
                         "BLI-PO-%s" % self.stamp)
        self.tab("Order Review")
        self.assertEqual(
            self.click_row_buttons("review_line_ids", "action_confirm_check"), 7)
        self.assertTrue(self.read("sale.order", self.order_id,
                                  ["review_checklist_done"])["review_checklist_done"])
        self.click("action_signoff_request")
        self.assert_chatter("Sign-off requested")
        self.assertEqual(self.read("sale.order", self.order_id, ["signoff_state"])[
            "signoff_state"], "pending")
        for login in REVIEW_SIGNERS:
            self.sign_in(login, "sale.order", self.order_id, cockpit)
            self.sign()
            self.assert_chatter("Signed as")
        # the merchandiser signs last, then confirms the reviewed order
        self.sign_in("merchandiser", "sale.order", self.order_id)
        self.sign()
        self.assert_chatter("All required signatures given")
        order = self.read("sale.order", self.order_id,
                          ["signoff_state", "signoff_progress", "review_date"])
        self.assertEqual((order["signoff_state"], order["signoff_progress"]),
                         ("approved", "6/6"))
        self.assertTrue(order["review_date"])
        self.click("action_confirm")
        self.assert_status("Sales Order")
        self.assertEqual(self.read("sale.order", self.order_id, ["state"])["state"],
                         "sale")

    def step_controlled_bom(self):
        """Engineering confirms the BOM as a controlled revision."""
        self.sign_in("engineer", "mrp.bom", self.bom_id)
        self.click("action_control")
        self.assert_status("Controlled")
        bom = self.read("mrp.bom", self.bom_id, ["control_state", "revision",
                                                 "controlled_by_id"])
        self.assertEqual((bom["control_state"], bom["revision"]), ("controlled", 1))
        self.assertEqual(bom["controlled_by_id"][0], self.user_id("engineer"))

    def step_task_order(self):
        """The merchandiser makes the task order from the order and asks the
        signatures; every role signs, the general manager last."""
        self.sign_in("merchandiser", "sale.order", self.order_id)
        self.click("action_gendan_create_task_order", opens="gendan.task.order")
        tasks = self.admin("gendan.task.order", "search",
                           [("sale_order_id", "=", self.order_id)])
        self.assertEqual(len(tasks), 1)
        self.task_id = tasks[0]
        task = self.read("gendan.task.order", self.task_id, ["line_ids"])
        line = self.read("gendan.task.order.line", task["line_ids"][0],
                         ["bom_id", "product_qty"])
        self.assertEqual((line["bom_id"][0], line["product_qty"]),
                         (self.bom_id, 100.0))
        self.click("action_signoff_request")
        self.assert_status("Waiting for Signatures")
        for login in TASK_ORDER_SIGNERS:
            self.sign_in(login, "gendan.task.order", self.task_id)
            self.sign()
            self.assert_chatter("Signed as")
        task = self.read("gendan.task.order", self.task_id, [
            "state", "signoff_state", "signature_ids", "distribution_copy_ids"])
        self.assertEqual((task["state"], task["signoff_state"]),
                         ("approved", "approved"))
        signed = self.admin("gendan.signature", "search_read", [
            ("id", "in", task["signature_ids"]), ("state", "=", "signed")],
            fields=["signed_by_id"])
        self.assertEqual(sorted(sig["signed_by_id"][0] for sig in signed),
                         sorted(self.user_id(login) for login in TASK_ORDER_SIGNERS))
        self.assertTrue(task["distribution_copy_ids"])
        self.assert_status("Approved")
        # production acknowledges its controlled copy
        self.sign_in("production", "gendan.task.order", self.task_id)
        self.click("action_distribution_acknowledge")

        def acknowledged():
            # the web client may show no loading indicator before the answer
            copies = self.admin("gendan.distribution.copy", "search_read", [
                ("id", "in", task["distribution_copy_ids"]),
                ("ack_user_id", "=", self.user_id("production"))], fields=["state"])
            return copies and all(c["state"] == "acknowledged" for c in copies)
        self.wait(acknowledged, message="production's copy was not acknowledged")

    def step_material_check(self):
        """The merchandiser opens the material check (components in stock:
        no risk) and confirms it; the VP role is notified."""
        self.sign_in("merchandiser", "gendan.task.order", self.task_id)
        self.click("action_create_material_check", opens="gendan.material.check")
        checks = self.admin("gendan.material.check", "search_read", [
            ("task_order_id", "=", self.task_id)], fields=["line_ids", "state"])
        self.assertEqual(len(checks), 1)
        self.assertEqual(len(checks[0]["line_ids"]), 2)
        self.click("action_confirm")
        self.assert_status("Confirmed")
        check = self.read("gendan.material.check", checks[0]["id"],
                          ["state", "is_material_risk", "confirmed_by_id"])
        self.assertEqual((check["state"], check["is_material_risk"]),
                         ("confirmed", False))
        self.assertEqual(check["confirmed_by_id"][0], self.user_id("merchandiser"))

    def step_sample(self):
        """Sample: VP approval, delivery, each role's checklist and signature."""
        self.sign_in("merchandiser", "gendan.sample", self.sample_id)
        self.click("action_submit")
        self.sign_in("general_manager", "gendan.sample", self.sample_id)
        self.click("action_vp_approve")
        self.sign_in("merchandiser", "gendan.sample", self.sample_id)
        self.click("action_deliver")
        sample = self.read("gendan.sample", self.sample_id,
                           ["state", "signoff_state", "check_ids"])
        self.assertEqual((sample["state"], sample["signoff_state"]),
                         ("delivered", "pending"))
        checks = self.admin("gendan.sample.check", "read", sample["check_ids"],
                            ["role"])
        for login, role in (("salesperson", "sales"), ("qa", "qa"),
                            ("engineer", "engineering")):
            self.sign_in(login, "gendan.sample", self.sample_id)
            self.edit()
            mine = [index for index, check in enumerate(checks)
                    if check["role"] == role]
            for index in mine:
                self.row_cell("check_ids", index, 2).click()
                self.idle()
                self.set_field("result", "Pass",
                               root=".o_field_widget[name='check_ids']")
            self.save()
            results = self.admin("gendan.sample.check", "search_read", [
                ("sample_id", "=", self.sample_id), ("role", "=", role)],
                fields=["result", "checked_by_id"])
            self.assertEqual({r["result"] for r in results}, {"pass"})
            self.sign()
        sample = self.read("gendan.sample", self.sample_id,
                           ["state", "signoff_progress"])
        self.assertEqual((sample["state"], sample["signoff_progress"]),
                         ("approved", "3/3"))

    def step_first_article(self):
        """QA checks the first article, merchandiser and QA sign it."""
        self.sign_in("merchandiser", "gendan.task.order", self.task_id)
        self.click("action_create_first_article", opens="gendan.first.article")
        articles = self.admin("gendan.first.article", "search_read", [
            ("task_order_id", "=", self.task_id)], fields=["item_ids"])
        self.assertEqual(len(articles), 1)
        self.article_id = articles[0]["id"]
        self.sign_in("qa", "gendan.first.article", self.article_id)
        self.edit()
        for index in range(len(articles[0]["item_ids"])):
            self.row_cell("item_ids", index, 2).click()
            self.idle()
            self.set_field("is_checked", True,
                           root=".o_field_widget[name='item_ids']")
        self.save()
        items = self.admin("gendan.first.article.item", "read",
                           articles[0]["item_ids"], ["is_checked"])
        self.assertTrue(all(item["is_checked"] for item in items))
        self.sign_in("merchandiser", "gendan.first.article", self.article_id)
        self.click("action_signoff_request")
        self.assert_status("Waiting for Signatures")
        self.sign()
        self.sign_in("qa", "gendan.first.article", self.article_id)
        self.sign()
        self.assert_status("Passed")
        self.assertEqual(self.read("gendan.first.article", self.article_id,
                                   ["state"])["state"], "passed")

    def step_manufacturing(self):
        """The merchandiser releases the MO; production reserves, produces
        and marks it done."""
        self.sign_in("merchandiser", "gendan.task.order", self.task_id)
        self.click("action_create_productions", opens="mrp.production")
        productions = self.admin("mrp.production", "search_read", [
            ("gendan_task_order_id", "=", self.task_id)],
            fields=["state", "product_qty"])
        self.assertEqual(len(productions), 1)
        self.production_id = productions[0]["id"]
        self.assertEqual(self.read("gendan.task.order", self.task_id,
                                   ["state"])["state"], "production")
        self.sign_in("production", "mrp.production", self.production_id)
        self.click("action_assign")
        self.click("open_produce_product")
        self.modal_click("do_produce")
        # QA passes the finished goods before they enter stock (gendan_dispatch)
        check_id = self.call("production", "mrp.production", "action_gendan_request_qa",
                             [self.production_id])["res_id"]
        self.call("qa", "gendan.qa.check", "action_pass", [check_id])
        self.click("button_mark_done")
        self.assert_status("Done")
        production = self.read("mrp.production", self.production_id, ["state"])
        self.assertEqual(production["state"], "done")
        qty = self.read("product.product", self.product_id,
                        ["qty_available"])["qty_available"]
        self.assertEqual(qty, 100.0)

    def step_payment(self):
        """The salesperson invoices the order; finance validates the invoice
        and registers the customer's payment: the delivery may leave."""
        self.sign_in("salesperson", "sale.order", self.order_id)
        self.click("sale.action_view_sale_advance_payment_inv")
        self.modal_click("create_invoices")
        invoices = self.admin("account.invoice", "search_read", [
            ("origin", "=", self.order_name)], fields=["state", "amount_total"])
        self.assertEqual(len(invoices), 1)
        self.invoice_id = invoices[0]["id"]
        self.sign_in("finance", "account.invoice", self.invoice_id)
        self.click("action_invoice_open")
        self.assert_status("Open")
        self.click("account.action_account_invoice_payment")
        self.modal()
        self.set_field("journal_id", "Bank")
        self.modal_click("action_validate_invoice_payment")
        self.assert_status("Paid")
        invoice = self.read("account.invoice", self.invoice_id,
                            ["state", "residual"])
        self.assertEqual((invoice["state"], invoice["residual"]), ("paid", 0.0))
        pickings = self.admin("stock.picking", "search_read", [
            ("sale_id", "=", self.order_id)],
            fields=["gendan_payment_state", "state"])
        self.assertEqual(len(pickings), 1)
        self.picking_id = pickings[0]["id"]
        self.assertEqual(pickings[0]["gendan_payment_state"], "paid")

    def step_shipment(self):
        """The documents clerk plans the shipment of the delivery; the finished
        goods warehouse adds two containers with their seals, loads them,
        marks them loaded and validates the delivery; the merchandiser ships."""
        self.shipment_id = self.admin("gendan.shipment", "create", {
            "partner_id": self.customer_id, "port_discharge": "Gdansk, Poland",
            "picking_ids": [(6, 0, [self.picking_id])],
            "etd": str(datetime.date.today() + datetime.timedelta(days=3)),
            "eta": str(datetime.date.today() + datetime.timedelta(days=35))})
        self.seals = [seal % self.stamp for _t, _n, seal in CONTAINERS]
        self.sign_in("fg_wh", "gendan.shipment", self.shipment_id)
        self.edit()
        self.tab("Containers")
        for (ctype, number, _seal), seal in zip(CONTAINERS, self.seals):
            self.find(".o_field_widget[name='container_ids'] "
                      ".o_field_x2many_list_row_add a").click()
            self.modal()
            self.set_field("container_type_id", ctype)
            self.set_field("container_number", number)
            self.set_field("seal_number", seal)
            self.modal_click()
        self.save()
        containers = self.admin("gendan.shipment.container", "search_read", [
            ("shipment_id", "=", self.shipment_id)],
            fields=["container_number", "seal_number"])
        self.assertEqual(sorted((c["container_number"], c["seal_number"])
                                for c in containers),
                         sorted(zip([n for _t, n, _s in CONTAINERS], self.seals)))
        self.click("action_fill_containers")
        containers = self.admin("gendan.shipment.container", "search_read", [
            ("shipment_id", "=", self.shipment_id)], fields=["carton_count"])
        self.assertTrue(all(c["carton_count"] for c in containers),
                        "both containers are loaded: %s" % containers)
        self.assertEqual(sum(c["carton_count"] for c in containers), 100)
        self.click("action_mark_loaded")
        self.assert_status("Loaded")
        self.issue_pickup_slip()
        self.open("stock.picking", self.picking_id)
        self.click("action_assign")
        self.click("button_validate")
        # the immediate-transfer dialog opens after the RPC that returns it
        # (and its fade): wait for it or for the validated delivery
        self.wait(lambda: self.visible(".modal.in, .modal.show")
                  or self.status() == "Done",
                  message="validating the delivery shows neither a dialog nor Done")
        if self.visible(".modal.in, .modal.show"):
            self.modal_click("process")
        self.assert_status("Done")
        self.assertEqual(self.read("stock.picking", self.picking_id,
                                   ["state"])["state"], "done")
        self.sign_in("merchandiser", "gendan.shipment", self.shipment_id)
        self.click("action_ship")
        self.assert_status("Shipped")
        self.assertEqual(self.read("gendan.shipment", self.shipment_id,
                                   ["state"])["state"], "shipped")

    def issue_pickup_slip(self):
        """The customer confirms the photos of the goods and the merchandiser
        issues the pick-up slip (gendan_dispatch), by RPC as the departments."""
        photo_id = self.call("production", "gendan.goods.photo", "create", {
            "sale_order_id": self.order_id, "picking_id": self.picking_id})
        with open(os.path.join(os.path.dirname(__file__), os.pardir, "addons",
                               "gendan_dispatch", "demo", "goods_photo.png"),
                  "rb") as image:
            datas = base64.b64encode(image.read()).decode()
        attachment_id = self.call("salesperson", "ir.attachment", "create", {
            "name": "lantern.png", "datas_fname": "lantern.png", "datas": datas,
            "res_model": "gendan.goods.photo", "res_id": photo_id})
        self.call("salesperson", "gendan.goods.photo", "write", [photo_id],
                  {"attachment_ids": [(6, 0, [attachment_id])]})
        self.call("salesperson", "gendan.goods.photo", "action_photos_ready",
                  [photo_id])
        self.call("salesperson", "gendan.goods.photo", "message_post", [photo_id],
                  body="Photos of your lanterns", message_type="comment",
                  partner_ids=[self.customer_id], attachment_ids=[attachment_id])
        self.call("salesperson", "gendan.goods.photo", "write", [photo_id],
                  {"customer_reply": "OK to ship"})
        self.call("salesperson", "gendan.goods.photo", "action_customer_confirm",
                  [photo_id])
        slip_id = self.call("merchandiser", "stock.picking",
                            "action_gendan_pickup_slip", [self.picking_id])["res_id"]
        checks = self.call("merchandiser", "gendan.pickup.slip.check", "search",
                           [("slip_id", "=", slip_id)])
        self.call("merchandiser", "gendan.pickup.slip.check", "write", checks,
                  {"is_ok": True})
        self.call("merchandiser", "gendan.pickup.slip", "action_issue", [slip_id])

    def step_packing_list(self):
        """The documents clerk prints the packing list: a PDF with both
        containers and their seals."""
        self.sign_in("documents_clerk", "gendan.shipment", self.shipment_id)
        session = requests.Session()
        for cookie in self.browser.get_cookies():
            session.cookies.set(cookie["name"], cookie["value"])
        response = session.get("%s/report/pdf/%s/%s" % (
            self.url, "gendan_shipping.report_packing_list", self.shipment_id),
            timeout=120)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))
        text = pdf_text(response.content)
        for _ctype, number, _seal in CONTAINERS:
            self.assertIn(number, text)
        for seal in self.seals:
            self.assertIn(seal, text)
        self.assertIn("PACKING LIST", text)
        self.assertIn("SAY TOTAL 100 CARTONS ONLY", text)

    def step_complaint_8d(self):
        """QA records the customer's complaint and walks the 8D report from
        D0 to closure; the customer gets the reply; the complaint is closed."""
        today = datetime.date.today()
        self.sign_in("qa", "gendan.complaint",
                     action="gendan_complaint.gendan_complaint_action")
        self.set_field("order_id", self.order_name)
        self.set_field("symptom", "3 lanterns stay dark after one night of sun")
        self.set_field("qty_affected", "3")
        self.set_field("eightd_required", True)
        self.save()
        complaints = self.admin("gendan.complaint", "search_read", [
            ("order_id", "=", self.order_id)], fields=["partner_id", "state"],
            order="id desc", limit=1)
        self.assertEqual(complaints[0]["state"], "new")
        self.complaint_id = complaints[0]["id"]
        self.assertEqual(complaints[0]["partner_id"][0], self.customer_id)
        self.click("action_start_analysis")
        self.assert_status("Analysis")
        discipline = {
            "d0": {"d0_response": "Replacement lanterns sent by air"},
            "d1": {},
            "d2": {"d2_what": "Lantern does not light", "d2_where": "Gdansk store",
                   "d2_when": "First week", "d2_who": "End customers",
                   "d2_why": "Battery not charged", "d2_how": "Solar test",
                   "d2_how_many": "3 of 100", "d2_is": "Batch %s" % self.stamp,
                   "d2_is_not": "Other batches"},
            "d3": {"d3_containment": "Sorted the stock: 0 defects found"},
            "d4": {"d4_why_1": "Battery connector loose",
                   "d4_root_cause": "Crimping tool worn out",
                   "d4_escape_point": "Final test without battery load",
                   "cause_id": "Defective component"},
            "d5": {"d5_verification": "Pull test on 50 connectors: all pass"},
            "d6": {"d6_validation": "New crimping tool in use since today"},
            "d7": {"d7_prevention": "Tool life added to the maintenance plan"},
            "d8": {"d8_closure": "Team thanked at the weekly meeting"},
        }
        tabs = {"d0": "8D: D0-D2", "d1": "8D: D0-D2", "d2": "8D: D0-D2",
                "d3": "8D: D3-D4", "d4": "8D: D3-D4"}
        # QA writes the report, discipline by discipline, then saves it
        self.edit()
        for step, values in sorted(discipline.items()):
            self.tab(tabs.get(step, "8D: D5-D8"))
            for name, value in values.items():
                self.set_field(name, value)
            if step == "d1":
                self.set_team_member("8D champion")
            if step == "d5":
                self.add_corrective_action()
            self.set_field("%s_user_id" % step, "QA")
            self.set_field("%s_date" % step, today)
        self.save()
        # the corrective action is implemented, then each discipline is
        # closed in turn (the server checks each one)
        self.mark_actions_done()
        for step in sorted(discipline):
            self.click("action_eightd_next")
            # the click returns before the server answered: wait for the move
            self.wait(lambda step=step: self.read(
                "gendan.complaint", self.complaint_id,
                ["eightd_step"])["eightd_step"] != step,
                message="the 8D stayed at %s" % step)
        self.assertEqual(self.read("gendan.complaint", self.complaint_id,
                                   ["eightd_step"])["eightd_step"], "closed")
        self.click("action_reply_send")
        self.modal_click("send_mail_action")
        self.assert_status("Replied")
        self.click("action_close")
        self.assert_status("Closed")
        complaint = self.read("gendan.complaint", self.complaint_id,
                              ["state", "reply_date", "eightd_step"])
        self.assertEqual((complaint["state"], complaint["eightd_step"]),
                         ("closed", "closed"))
        self.assertTrue(complaint["reply_date"])

    def set_team_member(self, role):
        self.find(".o_field_widget[name='team_member_ids'] "
                  ".o_field_x2many_list_row_add a").click()
        self.idle()
        team = ".o_field_widget[name='team_member_ids']"
        self.set_field("user_id", "QA", root=team)
        self.set_field("role", role, root=team)

    def add_corrective_action(self):
        self.find(".o_field_widget[name='action_ids'] "
                  ".o_field_x2many_list_row_add a").click()
        self.modal()
        self.set_field("action_type", "Corrective (D5)")
        self.set_field("name", "Replace the crimping tool")
        self.set_field("user_id", "Production")
        self.set_field("date_deadline", datetime.date.today())
        self.modal_click()

    def mark_actions_done(self):
        self.tab("8D: D5-D8")
        self.click_row_buttons("action_ids", "action_done")
        actions = self.admin("gendan.complaint.action", "search_read", [
            ("complaint_id", "=", self.complaint_id)], fields=["is_done"])
        self.assertTrue(actions and all(a["is_done"] for a in actions))

    def step_statement(self):
        """Finance prepares the month's statement of the customer; the
        merchandiser and finance sign; finance sends it, records the
        customer's dispute of the line and its resolution (the line's form,
        opened from the list), attaches the copy stamped by the customer and
        records the confirmation."""
        today = datetime.date.today()
        self.sign_in("finance", "gendan.statement",
                     action="gendan_reconcile.gendan_statement_action")
        self.set_field("partner_id", self.customer_name)
        self.set_field("date_from", today.replace(day=1))
        self.set_field("date_to", today)
        self.save()
        statements = self.admin("gendan.statement", "search_read", [
            ("partner_id", "=", self.customer_id)],
            fields=["line_ids", "amount_delivered", "state"])
        self.assertEqual(len(statements), 1)
        statement = statements[0]
        self.statement_id = statement["id"]
        self.assertEqual(len(statement["line_ids"]), 1)
        self.statement_line_id = statement["line_ids"][0]
        self.assertEqual(statement["amount_delivered"], 2500.0)
        self.click("action_submit")
        self.sign_in("merchandiser", "gendan.statement", self.statement_id)
        self.sign()
        self.sign_in("finance", "gendan.statement", self.statement_id)
        self.sign()
        self.assert_status("Signed")
        self.click("action_send")
        self.assert_status("Sent")
        # the customer disputes the line: a click on it opens its form in a
        # dialog, where finance marks it with the reason, then the resolution
        self.edit()
        self.edit_statement_line(0, is_disputed=True,
                                 dispute_reason="5 lanterns short on arrival")
        self.save()
        self.click("action_dispute")
        self.assert_status("Disputed")
        self.edit()
        self.edit_statement_line(
            0, dispute_resolution="Short delivery confirmed: credit note for 5 pcs")
        line = self.read("gendan.statement.line", self.statement_line_id, [
            "is_disputed", "dispute_reason", "dispute_resolution"])
        self.assertEqual((line["is_disputed"], line["dispute_reason"],
                          line["dispute_resolution"]), (
            True, "5 lanterns short on arrival", False))
        self.tab("Confirmation")
        stamped = os.path.join(tempfile.mkdtemp(), "stamped-statement.pdf")
        with open(stamped, "wb") as handle:
            handle.write(base64.b64decode(
                b"JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDw+PgplbmRvYmoKdHJhaWxlcgo8PC9S"
                b"b290IDEgMCBSPj4KJSVFT0YK"))
        upload = self.field("stamped_copy").find_element(
            By.CSS_SELECTOR, "input[type=file]")
        upload.send_keys(stamped)
        self.wait(lambda: self.field("stamped_copy").find_element(
            By.CSS_SELECTOR, "input[type=text], .o_input").get_attribute("value"))
        self.save()
        self.click("action_confirm")
        self.assert_status("Confirmed")
        statement = self.read("gendan.statement", self.statement_id,
                              ["state", "confirmed_date", "signoff_state"])
        self.assertEqual((statement["state"], statement["signoff_state"]),
                         ("confirmed", "approved"))
        self.assertTrue(statement["confirmed_date"])
        line = self.read("gendan.statement.line", self.statement_line_id,
                         ["dispute_resolution"])
        self.assertEqual(line["dispute_resolution"],
                         "Short delivery confirmed: credit note for 5 pcs")

    def edit_statement_line(self, row, **values):
        """Open line ``row`` of the statement (its form in a dialog), type
        ``values`` in the order given and save the dialog."""
        self.tab("Lines")
        self.retry(lambda: self.row_cell("line_ids", row, 0).click())
        self.wait(lambda: self.visible(".modal .o_form_view"),
                  message="the line's form does not open")
        for name, value in values.items():
            self.set_field(name, value)
        self.modal_click()
