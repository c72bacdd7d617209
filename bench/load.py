"""Load test: many department users on one server with --workers=N.

    ./gendan bench load                       60 users, 300 s, --workers=4
    ./gendan bench load --users 60 --duration 60     the smoke run

Simulated users log in as the demo department users (password = login),
each with its own session, and click through the web client's JSON-RPC
calls (``/web/dataset/search_read``, ``/web/dataset/call_kw``):

- merchandisers read the cockpit (first page of the open orders with the
  cockpit list's columns), the T&A table and an order's form;
- managers and the other signers sign the task orders waiting for them
  ("Waiting for me" filter, then the sign button);
- warehouses, production and QA acknowledge their controlled copies of the
  approved task orders; the finished-goods warehouse loads containers
  (fill the containers, mark the shipment loaded);
- finance registers the payments of open customer invoices.

The database (``--db``, default ``gendan_load``) is a fresh copy of a
template (``<db>_tpl``) built once from ``--source-db`` (default
``gendan_dev``) with 10,000 open orders (cloned in SQL) and, by the ORM,
task orders waiting for each signer, approved task orders with copies to
acknowledge, shipments to load and open invoices. The template is reused
while it exists (``GENDAN_LOAD_REUSE=0`` or ``--rebuild`` builds it again).

After the run the script checks with SQL that every signature, copy
acknowledgement, payment and loading the clients were told succeeded is
recorded exactly once, prints the table and writes JSON to
``.data/load-<db>.json``. See docs/reliability.md "Load test".
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

import psycopg2
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, ".data")
START = time.time()
TEMPLATE_MARK = "gendan_load.prepared"

# the factory: login -> simulated users (sessions) of that login; 60 in all
MIX = [("merchandiser", 24), ("salesperson", 4), ("sales_manager", 4),
       ("general_manager", 2), ("engineer", 3), ("packing_wh", 4),
       ("electronic_wh", 4), ("fg_wh", 6), ("finance", 5), ("production", 2),
       ("qa", 2)]
SIGNERS = {"salesperson", "sales_manager", "general_manager", "engineer",
           "packing_wh", "electronic_wh"}
ACKERS = {"packing_wh", "electronic_wh", "fg_wh", "production", "qa"}
# the refusals a role should get when two of its sessions race for one
# document (the engine refuses the second): expected, not errors; in English
# and as the demo users read them, in Chinese (from the engine's zh_CN.po)
EXPECTED_REFUSALS = {
    "sign": ("already signed", "cannot sign", "must be signed first",
             "do not hold", "is not waiting", "no signature", "not pending"),
    "acknowledge": ("no unacknowledged copy",),
}
ENGINE_PO = os.path.join(ROOT, "addons", "gendan_base", "i18n", "zh_CN.po")


def translated(fragments, po_path=ENGINE_PO):
    """The longest fixed part of the zh_CN translation of every message of
    ``po_path`` whose English holds one of ``fragments``."""
    from babel.messages.pofile import read_po
    with open(po_path, "rb") as po_file:
        catalog = read_po(po_file)
    return tuple(
        max(re.split(r"%(?:\(\w+\))?s", message.string), key=len).strip()
        for message in catalog
        if isinstance(message.id, str) and isinstance(message.string, str)
        and message.string and any(part in message.id for part in fragments))


REFUSALS = {action: words + translated(words)
            for action, words in EXPECTED_REFUSALS.items()}


def log(message):
    print("[load %5.0fs] %s" % (time.time() - START, message), flush=True)


def psql(query, db="postgres", params=(), fetch=True):
    conn = psycopg2.connect(dbname=db)
    conn.autocommit = True
    try:
        cr = conn.cursor()
        cr.execute(query, params)
        return cr.fetchall() if fetch and cr.description else None
    finally:
        conn.close()


def db_exists(name):
    return bool(psql("SELECT 1 FROM pg_database WHERE datname = %s", params=(name,)))


def copy_db(source, target):
    psql('DROP DATABASE IF EXISTS "%s"' % target)
    psql('CREATE DATABASE "%s" TEMPLATE "%s"' % (target, source))
    store = os.path.join(DATA, "filestore")
    shutil.rmtree(os.path.join(store, target), ignore_errors=True)
    if os.path.isdir(os.path.join(store, source)):
        shutil.copytree(os.path.join(store, source), os.path.join(store, target))


# -- the data ---------------------------------------------------------------------

def build_template(source, template, sizes):
    """``template`` := copy of ``source`` + the data the users work on; a
    template left half-built (interrupted) is completed, not started again."""
    if not db_exists(template):
        log("copying %s to %s" % (source, template))
        copy_db(source, template)
    log("generating the data in %s" % template)
    env_args = [sys.executable, os.path.abspath(__file__), "--generate", template,
                "--orders", str(sizes["orders"]), "--tasks", str(sizes["tasks"]),
                "--approved", str(sizes["approved"]),
                "--shipments", str(sizes["shipments"]),
                "--invoices", str(sizes["invoices"])]
    subprocess.run(env_args, cwd=ROOT, check=True)
    log("template %s ready" % template)


def generate(db, args):
    """Runs in its own process (Odoo in-process): commits in batches."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import common
    import scaling
    common.configure()
    import odoo
    from odoo.api import Environment
    from stdnum import iso6346
    registry = odoo.registry(db)
    with Environment.manage(), registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {})
        users = {login: env.ref("gendan_base.user_%s_demo" % login)
                 for login, _count in MIX + [("merchandiser", 0)]}
        # each part counts what an interrupted run already committed
        start = time.time()
        cr.execute("SELECT id FROM sale_order WHERE name LIKE 'CKPT/%%' ORDER BY id")
        order_ids = [row[0] for row in cr.fetchall()]
        if not order_ids:
            order_ids = scaling.clone_orders(env, args.orders)
            cr.commit()
        log("%d orders (%.0fs)" % (len(order_ids), time.time() - start))

        # a controlled BOM for the task orders
        Product = env["product.product"]
        product = Product.search([("default_code", "=", "LOAD-LAMP")])
        if not product:
            product = Product.create({"name": "Load lamp", "type": "consu",
                                      "default_code": "LOAD-LAMP",
                                      "list_price": 10.0})
            component = Product.create({"name": "Load LED", "type": "consu"})
            bom = env["mrp.bom"].sudo(users["engineer"]).create({
                "product_tmpl_id": product.product_tmpl_id.id, "product_qty": 1.0,
                "code": "LOAD", "bom_line_ids": [(0, 0, {"product_id": component.id,
                                                         "product_qty": 1.0})]})
            bom.sudo(users["engineer"]).action_control()
            cr.commit()
        bom = env["mrp.bom"].search([("product_tmpl_id", "=",
                                      product.product_tmpl_id.id)], limit=1)

        # task orders: waiting at each step of the sign-off, and approved
        # ones (their copies wait for the departments' acknowledgement)
        stages = [[], ["salesperson"], ["salesperson", "sales_manager"],
                  ["salesperson", "sales_manager", "engineer", "packing_wh",
                   "electronic_wh"]]
        full = ["salesperson", "sales_manager", "engineer", "packing_wh",
                "electronic_wh", "general_manager"]
        Task = env["gendan.task.order"].sudo(users["merchandiser"])
        total = args.tasks + args.approved
        start = time.time()
        done = Task.sudo().search_count([("sale_order_id", "in", order_ids)])
        for index in range(done, total):
            task = Task.create({
                "sale_order_id": order_ids[index], "date_deadline": "2030-01-31",
                "line_ids": [(0, 0, {"product_id": product.id, "customer_qty": 10.0,
                                     "product_qty": 10.0, "bom_id": bom.id})]})
            task.action_signoff_request()
            # 30 % wait for the salesperson, 30 % for the sales manager,
            # 20 % for engineering and the warehouses, 20 % for the GM
            stage = (0, 0, 0, 1, 1, 1, 2, 2, 3, 3)[index % 10]
            signers = full if index >= args.tasks else stages[stage]
            for login in signers:
                task.sudo(users[login]).action_signoff_sign()
            if index % 20 == 19:
                cr.commit()
                log("task orders %d/%d (%.0fs)" % (
                    index + 1, total, time.time() - start))
        cr.commit()

        # shipments to load: a delivery of two products, one container
        # with its number and seal, nothing loaded yet
        cartons = {"type": "consu", "carton_qty": 10, "carton_length": 40,
                   "carton_width": 30, "carton_height": 25,
                   "carton_gross_weight": 8, "carton_net_weight": 7}
        goods = [Product.search([("name", "=", "Load mug %d" % i)], limit=1)
                 or Product.create(dict(cartons, name="Load mug %d" % i))
                 for i in (1, 2)]
        stock = env.ref("stock.stock_location_stock")
        customers = env.ref("stock.stock_location_customers")
        partner = env.ref("gendan_order.partner_harbor_demo")
        ctype = env.ref("gendan_shipping.container_type_40hq")
        merchandiser = users["merchandiser"]
        start = time.time()
        done = env["gendan.shipment.container"].search_count(
            [("container_number", "=like", "LDTU%")])
        for index in range(done, args.shipments):
            picking = env["stock.picking"].create({
                "partner_id": partner.id,
                "picking_type_id": env.ref("stock.picking_type_out").id,
                "location_id": stock.id, "location_dest_id": customers.id,
                "move_lines": [(0, 0, {
                    "name": good.name, "product_id": good.id,
                    "product_uom_qty": 20.0 + index % 7, "product_uom": good.uom_id.id,
                    "location_id": stock.id, "location_dest_id": customers.id})
                    for good in goods]})
            picking.action_confirm()
            shipment = env["gendan.shipment"].sudo(merchandiser).create({
                "partner_id": partner.id, "picking_ids": [(6, 0, picking.ids)],
                "eta": "2030-03-01"})
            number = "LDTU%06d" % (100000 + index)
            env["gendan.shipment.container"].sudo(merchandiser).create({
                "shipment_id": shipment.id, "container_type_id": ctype.id,
                "container_number": number + iso6346.calc_check_digit(number),
                "seal_number": "LOAD-%06d" % index})
            if index % 10 == 9:
                cr.commit()
                log("shipments %d/%d (%.0fs)" % (
                    index + 1, args.shipments, time.time() - start))
        cr.commit()

        # open customer invoices for finance
        account = env["account.account"].search(
            [("user_type_id", "=", env.ref("account.data_account_type_revenue").id)],
            limit=1)
        Invoice = env["account.invoice"]
        start = time.time()
        done = Invoice.search_count([("origin", "=", "LOAD")])
        for index in range(done, args.invoices):
            invoice = Invoice.create({
                "partner_id": partner.id, "type": "out_invoice", "origin": "LOAD",
                "invoice_line_ids": [(0, 0, {
                    "name": "Load deposit %d" % index, "product_id": product.id,
                    "account_id": account.id, "quantity": 1,
                    "price_unit": 1000.0 + index})]})
            invoice.action_invoice_open()
            if index % 20 == 19:
                cr.commit()
                log("invoices %d/%d (%.0fs)" % (
                    index + 1, args.invoices, time.time() - start))
        env["ir.config_parameter"].set_param(TEMPLATE_MARK, json.dumps(vars(args)))
        cr.commit()
    cr = psycopg2.connect(dbname=db)
    cr.autocommit = True
    cr.cursor().execute("VACUUM ANALYZE")
    cr.close()


# -- the server -------------------------------------------------------------------

class Server(object):
    def __init__(self, db, port, workers):
        self.db, self.port, self.workers = db, port, workers
        self.logfile = os.path.join(DATA, "load-server-%s.log" % db)
        self.proc = None

    def start(self):
        handle = open(self.logfile, "w")
        cmd = [sys.executable, "-m", "gendan_compat",
               "--config=%s" % os.path.join(ROOT, "odoo.conf"), "-d", self.db,
               "--db-filter=^%s$" % self.db, "--http-port=%d" % self.port,
               "--longpolling-port=%d" % (self.port + 10),
               "--workers=%d" % self.workers, "--max-cron-threads=0",
               "--limit-time-cpu=600", "--limit-time-real=1200",
               "--log-level=warn"]
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "compat"))
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=handle,
                                     stderr=subprocess.STDOUT, env=env,
                                     start_new_session=True)
        url = "http://127.0.0.1:%d/web/login" % self.port
        for _attempt in range(240):
            if self.proc.poll() is not None:
                sys.exit("the server stopped: see %s" % self.logfile)
            try:
                if requests.get(url, timeout=30).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(1)
        sys.exit("the server did not answer: see %s" % self.logfile)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


# -- the simulated users ----------------------------------------------------------

class RpcError(Exception):
    def __init__(self, name, message):
        super(RpcError, self).__init__(message)
        self.name, self.message = name, message


class Client(object):
    """One browser session of one user."""

    def __init__(self, base, db, login):
        self.base, self.db, self.login = base, db, login
        self.http = requests.Session()
        self.ids = 0

    def rpc(self, path, params):
        self.ids += 1
        resp = self.http.post(self.base + path, json={
            "jsonrpc": "2.0", "method": "call", "params": params, "id": self.ids},
            timeout=300)
        resp.raise_for_status()
        body = resp.json()
        if "error" in body:
            data = body["error"].get("data") or {}
            raise RpcError(data.get("name") or "error",
                           (data.get("message") or body["error"].get("message")
                            or "").strip())
        return body["result"]

    def login_(self):
        result = self.rpc("/web/session/authenticate", {
            "db": self.db, "login": self.login, "password": self.login})
        self.uid = result["uid"]
        self.context = result["user_context"]

    def search_read(self, model, domain, fields, limit=80, sort=""):
        return self.rpc("/web/dataset/search_read", {
            "model": model, "domain": domain, "fields": fields, "limit": limit,
            "offset": 0, "sort": sort, "context": self.context})

    def call(self, model, method, args, kwargs=None):
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", self.context)
        return self.rpc("/web/dataset/call_kw/%s/%s" % (model, method), {
            "model": model, "method": method, "args": args, "kwargs": kwargs})


class Recorder(object):
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = collections.defaultdict(list)
        self.refusals = collections.Counter()
        self.refusal_text = collections.Counter()
        self.errors = collections.Counter()
        self.error_text = collections.Counter()
        self.done = collections.defaultdict(list)  # kind -> [(login, id)]

    def time(self, action, func, *args, **kwargs):
        start = time.perf_counter()
        try:
            result = func(*args, **kwargs)
        except RpcError as exc:
            seconds = time.perf_counter() - start
            expected = REFUSALS.get(action.split(":")[0], ())
            text = exc.message.splitlines()[0][:90] if exc.message else exc.name
            with self.lock:
                self.latencies[action].append(seconds)
                if exc.name.startswith("odoo.exceptions.") and any(
                        word in exc.message.lower() for word in expected):
                    self.refusals[action] += 1
                    self.refusal_text[text] += 1
                else:
                    self.errors[action] += 1
                    self.error_text["%s: %s" % (exc.name, text)] += 1
            return None
        except Exception as exc:  # noqa: B902 -- a transport failure is an error
            with self.lock:
                self.errors[action] += 1
                self.error_text["%s: %s" % (type(exc).__name__, str(exc)[:90])] += 1
            return None
        with self.lock:
            self.latencies[action].append(time.perf_counter() - start)
        return result if result is not None else True


COCKPIT_FIELDS = None  # read from the server once (fields of the cockpit list)


class User(threading.Thread):
    def __init__(self, base, db, login, slot, slots, rec, deadline, think, groups):
        super(User, self).__init__(daemon=True)
        self.client = Client(base, db, login)
        self.login, self.slot, self.slots = login, slot, slots
        self.rec, self.deadline, self.think = rec, deadline, think
        self.groups = groups
        self.rand = random.Random("%s-%d" % (login, slot))

    def run(self):
        if not self.rec.time("login", self.client.login_):
            return
        while time.time() < self.deadline:
            self.step()
            time.sleep(self.rand.uniform(*self.think))

    def step(self):
        login = self.login
        if login == "merchandiser":
            self.rand.choice([self.cockpit, self.cockpit, self.tna, self.order_form])()
        elif login == "finance":
            self.rand.choice([self.pay, self.pay, self.invoices])()
        elif login == "fg_wh":
            self.rand.choice([self.load, self.acknowledge])()
        elif login in SIGNERS and login in ACKERS:
            self.rand.choice([self.sign, self.acknowledge])()
        elif login in SIGNERS:
            self.sign()
        else:
            self.acknowledge()

    # merchandisers
    def cockpit(self):
        self.rec.time("cockpit page", self.client.search_read, "sale.order",
                      [["cockpit_state", "!=", "done"]], COCKPIT_FIELDS)

    def tna(self):
        self.rec.time("T&A page", self.client.search_read, "gendan.tna.line", [],
                      TNA_FIELDS)

    def order_form(self):
        page = self.rec.time("cockpit page", self.client.search_read, "sale.order",
                             [["cockpit_state", "!=", "done"]], COCKPIT_FIELDS)
        if page and page["records"]:
            record = self.rand.choice(page["records"])
            self.rec.time("order form", self.client.call, "sale.order", "read",
                          [[record["id"]], ORDER_FORM_FIELDS])

    # signers
    def sign(self):
        page = self.rec.time("sign: waiting list", self.client.search_read,
                             "gendan.task.order", [["signoff_waiting_me", "=", True]],
                             ["name", "state", "signoff_progress"], limit=20)
        if not page or not page["records"]:
            return
        task = self.rand.choice(page["records"])
        self.rec.time("sign: form", self.client.call, "gendan.task.order", "read",
                      [[task["id"]], TASK_FORM_FIELDS])
        if self.rec.time("sign", self.client.call, "gendan.task.order",
                         "action_signoff_sign", [[task["id"]]]):
            with self.rec.lock:
                self.rec.done["sign"].append((self.login, task["id"]))

    # copies
    def acknowledge(self):
        page = self.rec.time(
            "acknowledge: copies", self.client.search_read,
            "gendan.distribution.copy",
            [["res_model", "=", "gendan.task.order"], ["state", "=", "sent"],
             ["group_id", "in", self.groups]],
            ["res_id", "name", "copy_number", "revision"], limit=40)
        if not page or not page["records"]:
            return
        copy = self.rand.choice(page["records"])
        if self.rec.time("acknowledge", self.client.call, "gendan.task.order",
                         "action_distribution_acknowledge", [[copy["res_id"]]]):
            with self.rec.lock:
                self.rec.done["acknowledge"].append((self.login, copy["res_id"]))

    def _own_row(self, page):
        """A random row of a search_read page among this user's slot (one
        user per record: id modulo the users of the role), or None."""
        mine = [row for row in (page or {}).get("records", [])
                if row["id"] % self.slots == self.slot]
        return self.rand.choice(mine) if mine else None

    # finished goods warehouse: its own shipments (a loader per shipment)
    def load(self):
        page = self.rec.time("load: shipments", self.client.search_read,
                             "gendan.shipment", [["state", "=", "draft"]],
                             ["name", "state", "container_count"], limit=80)
        row = self._own_row(page)
        if not row:
            return
        shipment = row["id"]
        if self.rec.time("load: fill containers", self.client.call, "gendan.shipment",
                         "action_fill_containers", [[shipment]]) and \
                self.rec.time("load: mark loaded", self.client.call,
                              "gendan.shipment", "action_mark_loaded", [[shipment]]):
            with self.rec.lock:
                self.rec.done["load"].append((self.login, shipment))

    # finance: its own invoices (one clerk per invoice)
    def invoices(self):
        self.rec.time("invoices page", self.client.search_read, "account.invoice",
                      [["type", "=", "out_invoice"]],
                      ["number", "partner_id", "amount_total", "residual", "state"])

    def pay(self):
        page = self.rec.time("pay: open invoices", self.client.search_read,
                             "account.invoice",
                             [["type", "=", "out_invoice"], ["state", "=", "open"]],
                             ["number", "partner_id", "residual"], limit=80)
        invoice = self._own_row(page)
        if not invoice:
            return
        ctx = dict(self.client.context, active_model="account.invoice",
                   active_id=invoice["id"], active_ids=[invoice["id"]],
                   default_invoice_ids=[[4, invoice["id"], None]])
        defaults = self.rec.time(
            "pay: payment form", self.client.call, "account.payment", "default_get",
            [PAYMENT_FIELDS], {"context": ctx})
        if not defaults:
            return
        vals = {key: value for key, value in defaults.items()
                if key in ("payment_type", "partner_type", "partner_id", "amount",
                           "currency_id", "journal_id", "payment_method_id",
                           "payment_date", "communication")}
        vals.update(PAYMENT_DEFAULTS)
        vals["invoice_ids"] = [[6, 0, [invoice["id"]]]]
        payment = self.rec.time("pay: save", self.client.call, "account.payment",
                                "create", [vals], {"context": ctx})
        if payment and self.rec.time(
                "pay: validate", self.client.call, "account.payment",
                "action_validate_invoice_payment", [[payment]], {"context": ctx}):
            with self.rec.lock:
                self.rec.done["pay"].append((self.login, invoice["id"]))


TNA_FIELDS = ORDER_FORM_FIELDS = TASK_FORM_FIELDS = PAYMENT_FIELDS = None
PAYMENT_DEFAULTS = {}  # the bank journal and its manual method (the form's onchange)


def view_fields(db):
    """The fields the web client reads: those of the cockpit list, the T&A
    list, the order, task order and payment forms (from the views)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import common
    common.configure()
    import odoo
    with common.environment(db) as env:
        def of(model, view_type, xmlid=None):
            view = env.ref(xmlid).id if xmlid else None
            return sorted(env[model].fields_view_get(view, view_type)["fields"])
        result = {
            "cockpit": of("sale.order", "tree",
                          "gendan_order.sale_order_view_tree_cockpit"),
            "tna": of("gendan.tna.line", "tree"),
            "order": of("sale.order", "form"),
            "task": of("gendan.task.order", "form"),
            "payment": of("account.payment", "form",
                          "account.view_account_payment_invoice_form"),
        }
        journal = env["account.journal"].search([("type", "=", "bank")], limit=1)
        result["payment_defaults"] = {
            "journal_id": journal.id, "payment_type": "inbound",
            "partner_type": "customer",
            "payment_method_id": env.ref(
                "account.account_payment_method_manual_in").id}
        groups = {login: env.ref("gendan_base.user_%s_demo" % login)
                  ._gendan_own_groups().ids for login, _count in MIX}
        del odoo
    return result, groups


# -- CPU and lock samples ---------------------------------------------------------

class Sampler(threading.Thread):
    """Every ``period`` s: CPU seconds of the Odoo server's processes, of the
    PostgreSQL backends of ``db``, of this client and of everything else;
    pg_stat_activity states and lock waits of ``db``; the load average."""

    def __init__(self, server_pid, db, period=5.0):
        super(Sampler, self).__init__(daemon=True)
        self.server_pid, self.db, self.period = server_pid, db, period
        self.stop = threading.Event()
        self.cpu = collections.Counter()
        self.last = {}
        self.samples = []
        self.loadavg = []

    def kind(self, proc):
        import psutil
        try:
            if proc.pid == os.getpid():
                return "client"
            name = proc.name()
            if name.startswith("postgres"):
                cmd = " ".join(proc.cmdline())
                mine = " %s " % self.db in cmd
                return "postgres (%s)" % ("this db" if mine else "other")
            if proc.pid == self.server_pid or self.server_pid in [
                    p.pid for p in proc.parents()]:
                return "odoo"
        except psutil.Error:
            return None
        return "other"

    def tick(self):
        import psutil
        now = {}
        for proc in psutil.process_iter():
            try:
                times = proc.cpu_times()
                key = (proc.pid, proc.create_time())
            except psutil.Error:
                continue
            total = times.user + times.system
            if key in self.last:
                kind = self.last[key][1]
                self.cpu[kind] += total - self.last[key][0]
                now[key] = (total, kind)
            else:
                kind = self.kind(proc)
                if kind:
                    now[key] = (total, kind)
        self.last = now
        rows = psql("SELECT state, wait_event_type, count(*) FROM pg_stat_activity "
                    "WHERE datname = %s GROUP BY 1, 2", params=(self.db,))
        self.samples.append({"t": time.time(), "activity": [list(r) for r in rows]})
        self.loadavg.append(os.getloadavg())

    def run(self):
        self.tick()
        while not self.stop.wait(self.period):
            self.tick()
        self.tick()


# -- checks -----------------------------------------------------------------------

def exactly_once(db, since, rec):
    """SQL: what the clients were told succeeded is recorded exactly once."""
    out = {}
    signed = collections.Counter(rec.done["sign"])
    rows = psql("""
        SELECT u.login, s.res_id, count(*) FROM gendan_signature s
          JOIN res_users u ON u.id = s.signed_by_id
         WHERE s.res_model = 'gendan.task.order' AND s.state = 'signed'
           AND s.signed_date >= %s
         GROUP BY 1, 2""", db, (since,))
    recorded = {(login, res_id): count for login, res_id, count in rows}
    out["signatures"] = {
        "calls ok": sum(signed.values()), "rows": sum(recorded.values()),
        "pairs recorded twice": sum(1 for c in recorded.values() if c > 1),
        "ok calls not recorded once": sum(
            1 for key, calls in signed.items() if calls != 1 or recorded.get(key) != 1),
        "rows without an ok call": sum(1 for key in recorded if key not in signed)}
    dup = psql("""
        SELECT count(*) FROM (SELECT res_id, revision, signed_by_id
          FROM gendan_signature WHERE res_model = 'gendan.task.order'
           AND state = 'signed' GROUP BY 1, 2, 3 HAVING count(*) > 1) d""", db)
    out["signatures"]["same signer twice on a revision (all rows)"] = dup[0][0]
    msgs = psql("""
        SELECT count(*) FROM mail_message WHERE model = 'gendan.task.order'
           AND date >= %s AND body LIKE ANY(%s)""", db, (since, [
               "%%%s%%" % text for text in ("Signed as",) + translated(
                   ("Signed as",))]))
    out["signatures"]["chatter traces"] = msgs[0][0]

    acks = collections.Counter(rec.done["acknowledge"])
    rows = psql("""
        SELECT u.login, c.res_id, count(*) FROM gendan_distribution_copy c
          JOIN res_users u ON u.id = c.ack_user_id
         WHERE c.res_model = 'gendan.task.order' AND c.state = 'acknowledged'
           AND c.ack_date >= %s GROUP BY 1, 2""", db, (since,))
    recorded = {(login, res_id): count for login, res_id, count in rows}
    traces = psql("""
        SELECT count(*) FROM mail_message WHERE model = 'gendan.task.order'
           AND date >= %s AND body LIKE ANY(%s)""", db, (since, [
               "%%%s%%" % text for text in ("acknowledged (",) + translated(
                   ("acknowledged (",))]))
    out["acknowledgements"] = {
        "calls ok": sum(acks.values()), "copies acknowledged": sum(recorded.values()),
        "ok calls not recorded": sum(
            1 for key, calls in acks.items() if calls != 1 or key not in recorded),
        "acknowledged without an ok call": sum(
            1 for key in recorded if key not in acks),
        "chatter traces": traces[0][0]}

    loads = collections.Counter(shipment for _login, shipment in rec.done["load"])
    rows = psql("""
        SELECT s.id, s.state,
               (SELECT coalesce(sum(l.quantity), 0)
                  FROM gendan_shipment_container_line l
                  JOIN gendan_shipment_container c ON c.id = l.container_id
                 WHERE c.shipment_id = s.id),
               (SELECT coalesce(sum(m.product_uom_qty), 0) FROM stock_move m
                  JOIN stock_picking p ON p.id = m.picking_id
                 WHERE p.gendan_shipment_id = s.id)
          FROM gendan_shipment s WHERE s.state = 'loaded' AND s.write_date >= %s""",
                db, (since,))
    out["loadings"] = {
        "calls ok": sum(loads.values()), "shipments loaded": len(rows),
        "loaded != delivered": sum(1 for r in rows if r[2] != r[3]),
        "ok calls not loaded once": sum(1 for sid, n in loads.items()
                                        if n != 1 or sid not in {r[0] for r in rows})}

    pays = collections.Counter(inv for _login, inv in rec.done["pay"])
    rows = psql("""
        SELECT r.invoice_id, count(*) FROM account_invoice_payment_rel r
          JOIN account_payment p ON p.id = r.payment_id
         WHERE p.state != 'draft' AND p.create_date >= %s GROUP BY 1""", db, (since,))
    recorded = dict(rows)
    paid = psql("""SELECT count(*) FROM account_invoice WHERE id = ANY(%s)
                     AND state = 'paid'""", db, (list(pays) or [0],))
    out["payments"] = {
        "calls ok": sum(pays.values()), "payments posted": sum(recorded.values()),
        "invoices paid twice": sum(1 for c in recorded.values() if c > 1),
        "ok calls not recorded once": sum(1 for inv, n in pays.items()
                                          if n != 1 or recorded.get(inv) != 1),
        "their invoices now paid": paid[0][0]}
    return out


def percentile(values, pct):
    values = sorted(values)
    if not values:
        return 0.0
    index = min(len(values) - 1, max(0, int(round(pct / 100.0 * len(values))) - 1))
    return values[index]


def report(rec, seconds):
    """Per action: requests, requests/s, p50/p95/p99 ms, refusals, errors."""
    rows = []
    for action in sorted(set(rec.latencies) | set(rec.errors)):
        lat = rec.latencies[action]
        rows.append((action, len(lat), len(lat) / seconds,
                     percentile(lat, 50) * 1000, percentile(lat, 95) * 1000,
                     percentile(lat, 99) * 1000, rec.refusals[action],
                     rec.errors[action]))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=os.environ.get("GENDAN_LOAD_DB", "gendan_load"))
    parser.add_argument("--source-db", default="gendan_dev")
    parser.add_argument("--port", type=int,
                        default=int(os.environ.get("GENDAN_HTTP_PORT", 8069)))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--users", type=int, default=60,
                        help="simulated users, in the factory's proportions")
    parser.add_argument("--duration", type=float, default=300.0, help="seconds")
    parser.add_argument("--think", default="1,3",
                        help="pause between two clicks of a user: min,max seconds")
    parser.add_argument("--orders", type=int, default=10000)
    parser.add_argument("--tasks", type=int, default=400,
                        help="task orders waiting for signatures")
    parser.add_argument("--approved", type=int, default=100,
                        help="approved task orders with copies to acknowledge")
    parser.add_argument("--shipments", type=int, default=80)
    parser.add_argument("--invoices", type=int, default=120)
    parser.add_argument("--rebuild", action="store_true",
                        help="build the template again (also GENDAN_LOAD_REUSE=0)")
    parser.add_argument("--prepare-only", action="store_true")
    parser.add_argument("--generate", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--note", default="", help="recorded with the figures")
    args = parser.parse_args()
    if args.generate:
        return generate(args.generate, args)

    template = "%s_tpl" % args.db
    sizes = {k: getattr(args, k) for k in ("orders", "tasks", "approved",
                                           "shipments", "invoices")}
    ready = db_exists(template) and psql(
        "SELECT value FROM ir_config_parameter WHERE key = %s", template,
        (TEMPLATE_MARK,))
    if args.rebuild or os.environ.get("GENDAN_LOAD_REUSE") == "0":
        psql('DROP DATABASE IF EXISTS "%s"' % template)
        ready = False
    if not ready:
        build_template(args.source_db, template, sizes)
    else:
        log("reusing %s (GENDAN_LOAD_REUSE=0 or --rebuild builds it again)" % template)
    if args.prepare_only:
        return None
    copy_db(template, args.db)
    log("%s copied from %s" % (args.db, template))

    global COCKPIT_FIELDS, TNA_FIELDS, ORDER_FORM_FIELDS, TASK_FORM_FIELDS
    global PAYMENT_FIELDS
    fields, groups = view_fields(args.db)
    COCKPIT_FIELDS, TNA_FIELDS = fields["cockpit"], fields["tna"]
    ORDER_FORM_FIELDS, TASK_FORM_FIELDS = fields["order"], fields["task"]
    PAYMENT_FIELDS = fields["payment"]
    PAYMENT_DEFAULTS.update(fields["payment_defaults"])

    server = Server(args.db, args.port, args.workers)
    log("starting the server: --workers=%d on 127.0.0.1:%d" % (args.workers, args.port))
    server.start()
    try:
        return run(args, server, groups)
    finally:
        server.stop()


def plan(users):
    """login -> sessions, ``users`` in the MIX's proportions (at least 1 each)."""
    scale = users / float(sum(count for _login, count in MIX))
    counts = {login: max(1, int(round(count * scale))) for login, count in MIX}
    while sum(counts.values()) > users and counts["merchandiser"] > 1:
        counts["merchandiser"] -= 1
    while sum(counts.values()) < users:
        counts["merchandiser"] += 1
    return counts


def run(args, server, groups):
    base = "http://127.0.0.1:%d" % args.port
    think = tuple(float(x) for x in args.think.split(","))
    counts = plan(args.users)
    since = psql("SELECT now() AT TIME ZONE 'UTC'", args.db)[0][0]
    rec = Recorder()
    sampler = Sampler(server.proc.pid, args.db)
    work = """
        SELECT 'pending signatures', count(*) FROM gendan_signature
         WHERE res_model = 'gendan.task.order' AND state = 'pending'
        UNION ALL SELECT 'copies to acknowledge', count(*) FROM gendan_distribution_copy
         WHERE res_model = 'gendan.task.order' AND state = 'sent'
        UNION ALL SELECT 'shipments to load', count(*) FROM gendan_shipment
         WHERE state = 'draft'
        UNION ALL SELECT 'open invoices', count(*) FROM account_invoice
         WHERE state = 'open' AND type = 'out_invoice'
        UNION ALL SELECT 'orders', count(*) FROM sale_order"""
    before = dict(psql(work, args.db))
    log("work available: %s" % before)
    deadline = time.time() + args.duration
    threads = []
    for login, count in sorted(counts.items()):
        for slot in range(count):
            threads.append(User(base, args.db, login, slot, count, rec, deadline,
                                think, groups[login]))
    log("%d users (%s) for %.0f s, think %s s" % (
        len(threads), ", ".join("%s %d" % item for item in sorted(counts.items())),
        args.duration, args.think))
    sampler.start()
    started = time.time()
    for thread in threads:
        thread.start()
        time.sleep(0.05)  # the logins arrive over 3 s, not in one burst
    for thread in threads:
        thread.join(args.duration + 600)
    elapsed = time.time() - started
    sampler.stop.set()
    sampler.join()
    checks = exactly_once(args.db, since, rec)
    after = dict(psql(work, args.db))

    rows = report(rec, elapsed)
    requests_done = sum(len(v) for v in rec.latencies.values())
    cpu = dict(sampler.cpu)
    loads = [avg[0] for avg in sampler.loadavg]
    waits = collections.Counter()
    for sample in sampler.samples:
        for state, wait, count in sample["activity"]:
            waits["%s/%s" % (state, wait)] += count
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(started)),
        "users": len(threads), "mix": counts, "duration": elapsed,
        "workers": args.workers, "think": args.think, "note": args.note,
        "requests": requests_done, "rps": requests_done / elapsed,
        "errors": sum(rec.errors.values()), "refusals": sum(rec.refusals.values()),
        "actions": rows, "refusal_text": dict(rec.refusal_text),
        "error_text": dict(rec.error_text), "checks": checks, "before": before,
        "after": after,
        "cpu_seconds": cpu, "cpu_cores": os.cpu_count(),
        "loadavg_1min": {"min": min(loads), "max": max(loads),
                         "mean": sum(loads) / len(loads)},
        "pg_activity_samples": {"samples": len(sampler.samples),
                                "state/wait_event_type": dict(waits)},
    }
    out = os.path.join(DATA, "load-%s.json" % args.db)
    with open(out, "w") as handle:
        json.dump(result, handle, indent=1, default=str)
    print_result(result)
    log("written to %s" % out)
    bad = result["errors"] or any(
        value for group in checks.values() for key, value in group.items()
        if key.startswith(("ok calls not", "pairs recorded twice", "same signer",
                           "invoices paid twice", "loaded !=", "rows without",
                           "acknowledged without")))
    return 1 if bad else 0


def print_result(result):
    print("\n%d users, %.0f s, --workers=%d: %d requests, %.1f requests/s, "
          "%d errors, %d expected refusals" % (
              result["users"], result["duration"], result["workers"],
              result["requests"], result["rps"], result["errors"],
              result["refusals"]))
    print("\n| action | requests | req/s | p50 ms | p95 ms | p99 ms | refusals "
          "| errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in result["actions"]:
        print("| %s | %d | %.2f | %.0f | %.0f | %.0f | %d | %d |" % row)
    print("\nrefusals: %s" % json.dumps(result["refusal_text"], ensure_ascii=False))
    print("errors: %s" % json.dumps(result["error_text"], ensure_ascii=False))
    print("checks: %s" % json.dumps(result["checks"], indent=1))
    total = sum(result["cpu_seconds"].values()) or 1.0
    print("CPU seconds: %s" % ", ".join(
        "%s %.0f (%.0f%%)" % (kind, sec, 100 * sec / total)
        for kind, sec in sorted(result["cpu_seconds"].items(), key=lambda i: -i[1])))
    print("load average (1 min): %s" % result["loadavg_1min"])
    print("work before: %s\nwork after: %s" % (result["before"], result["after"]))
    print("pg_stat_activity: %s" % result["pg_activity_samples"])


if __name__ == "__main__":
    sys.exit(main())
