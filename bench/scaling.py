"""SQL queries of gendan actions at N = 1, 10, 100 records, the 10,000-order
cockpit read against a bare read of the same orders, and the statements
benchmark of gendan_reconcile (its own script, as a subprocess)."""
import os
import re
import subprocess
import sys
import time

from common import ROOT, count_queries

SIZES = (1, 10, 100)
RECONCILE_BENCH = os.path.join(ROOT, "addons", "gendan_reconcile", "bench")


def _user(env, login):
    return env.ref("gendan_base.user_%s_demo" % login)


def _savepoint(env, func, *args):
    """Run ``func`` and undo what it wrote (the benchmarks share one transaction)."""
    env.cr.execute("SAVEPOINT bench_scaling")
    try:
        return func(*args)
    finally:
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_scaling")
        env["base"].invalidate_cache()


# -- task order approval: one task order of N lines, request + every signature
def _task_order_approval(env, lines):
    from odoo.addons.gendan_order.tests.common import approve_order_review
    from odoo.addons.gendan_production.tests.common import TASK_SIGNERS
    merchandiser = _user(env, "merchandiser")
    product = env["product.product"].create({
        "name": "Bench lamp", "type": "consu", "list_price": 10.0})
    component = env["product.product"].create({"name": "Bench LED", "type": "consu"})
    bom = env["mrp.bom"].create({
        "product_tmpl_id": product.product_tmpl_id.id, "product_qty": 1.0,
        "bom_line_ids": [(0, 0, {"product_id": component.id, "product_qty": 1.0})]})
    bom.sudo(_user(env, "engineer")).action_control()
    order = env["sale.order"].create({
        "partner_id": env.ref("gendan_order.partner_harbor_demo").id,
        "user_id": _user(env, "salesperson").id, "merchandiser_id": merchandiser.id,
        "team_id": env.ref("gendan_order.crm_team_export_demo").id,
        "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 100.0})]})
    approve_order_review(order)
    order.action_confirm()
    task = env["gendan.task.order"].sudo(merchandiser).create({
        "sale_order_id": order.id, "date_deadline": "2030-01-31",
        "line_ids": [(0, 0, {"product_id": product.id, "customer_qty": 10.0,
                             "product_qty": 10.0, "bom_id": bom.id})
                     for _index in range(lines)]})
    env["base"].invalidate_cache()

    def approve():
        task.action_signoff_request()
        for login in TASK_SIGNERS:
            task.sudo(_user(env, login)).action_signoff_sign()
    queries = count_queries(env.cr, approve)[0]
    assert task.state == "approved"
    return queries


# -- first-article sign-off: N products, each article created, checked,
#    requested and signed by the merchandiser and QA; queries per article
def _first_article_signoff(env, articles):
    from odoo.addons.gendan_order.tests.common import approve_order_review
    from odoo.addons.gendan_production.tests.common import TASK_SIGNERS
    merchandiser, qa = _user(env, "merchandiser"), _user(env, "qa")
    products = env["product.product"].browse([env["product.product"].create({
        "name": "Bench article %03d" % index, "type": "consu",
        "list_price": 10.0}).id for index in range(articles)])
    component = env["product.product"].create({"name": "Bench part", "type": "consu"})
    for product in products:
        env["mrp.bom"].create({
            "product_tmpl_id": product.product_tmpl_id.id, "product_qty": 1.0,
            "bom_line_ids": [(0, 0, {"product_id": component.id, "product_qty": 1.0})],
        }).sudo(_user(env, "engineer")).action_control()
    order = env["sale.order"].create({
        "partner_id": env.ref("gendan_order.partner_harbor_demo").id,
        "user_id": _user(env, "salesperson").id, "merchandiser_id": merchandiser.id,
        "team_id": env.ref("gendan_order.crm_team_export_demo").id,
        "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 10.0})
                       for product in products]})
    approve_order_review(order)
    order.action_confirm()
    Task = env["gendan.task.order"].sudo(merchandiser)
    task = Task.create({
        "sale_order_id": order.id, "date_deadline": "2030-01-31",
        "line_ids": [(0, 0, vals) for vals in Task._prepare_line_vals(order)]})
    task.action_signoff_request()
    for login in TASK_SIGNERS:
        task.sudo(_user(env, login)).action_signoff_sign()
    env["base"].invalidate_cache()

    def sign_off():
        task.sudo(merchandiser).action_create_first_article()
        for article in task.first_article_ids:
            article.item_ids.sudo(qa).write({"is_checked": True})
            article.sudo(merchandiser).action_signoff_request()
            article.sudo(merchandiser).action_signoff_sign()
            article.sudo(qa).action_signoff_sign()
    queries = count_queries(env.cr, sign_off)[0]
    assert set(task.first_article_ids.mapped("state")) == {"passed"}
    return queries // articles


# -- shipment validation: mark loaded (the full-quantity check) with N lines
def _shipment_validation(env, lines):
    Product = env["product.product"]
    products = Product.browse([Product.create({
        "name": "Bench mug %03d" % index, "type": "consu", "carton_qty": 10,
        "carton_length": 40, "carton_width": 30, "carton_height": 25,
        "carton_gross_weight": 8, "carton_net_weight": 7}).id
        for index in range(lines)])
    stock = env.ref("stock.stock_location_stock")
    customers = env.ref("stock.stock_location_customers")
    partner = env.ref("gendan_order.partner_harbor_demo")
    picking = env["stock.picking"].create({
        "partner_id": partner.id,
        "picking_type_id": env.ref("stock.picking_type_out").id,
        "location_id": stock.id, "location_dest_id": customers.id,
        "move_lines": [(0, 0, {
            "name": product.name, "product_id": product.id, "product_uom_qty": 20.0,
            "product_uom": product.uom_id.id, "location_id": stock.id,
            "location_dest_id": customers.id}) for product in products]})
    picking.action_confirm()
    merchandiser = _user(env, "merchandiser")
    shipment = env["gendan.shipment"].sudo(merchandiser).create({
        "partner_id": partner.id, "picking_ids": [(6, 0, picking.ids)],
        "eta": "2030-03-01"})
    ctype = env.ref("gendan_shipping.container_type_40hq")
    for number, seal in (("CSQU3054383", "S-1"), ("MSKU9070323", "S-2")):
        env["gendan.shipment.container"].sudo(merchandiser).create({
            "shipment_id": shipment.id, "container_type_id": ctype.id,
            "container_number": number, "seal_number": seal,
            "line_ids": [(0, 0, {"product_id": product.id, "quantity": 10.0})
                         for product in products]})
    env["base"].invalidate_cache()
    shipment = shipment.sudo(_user(env, "fg_wh"))
    queries = count_queries(env.cr, shipment.action_mark_loaded)[0]
    assert shipment.state == "loaded"
    return queries


# -- cockpit: orders cloned in SQL from an open demo order
def clone_orders(env, count):
    """``count`` open orders (copies of an open, reviewed demo order)."""
    cr = env.cr
    template = env.ref("gendan_order.order_on_track_demo")
    cr.execute("SELECT column_name FROM information_schema.columns "
               "WHERE table_name = 'sale_order' AND column_name != 'id'")
    cols = [row[0] for row in cr.fetchall()]
    overrides = {"name": "'CKPT/' || lpad(g.n::text, 6, '0')",
                 "customer_po": "'PO-' || g.n",
                 "access_token": "NULL"}
    select = ", ".join(overrides.get(col, "t.%s" % col) for col in cols)
    cr.execute(  # pylint: disable=sql-injection
        "INSERT INTO sale_order (%s) SELECT %s FROM sale_order t, "
        "generate_series(1, %%s) g(n) WHERE t.id = %%s RETURNING id" % (
            ", ".join(cols), select), (count, template.id))
    ids = [row[0] for row in cr.fetchall()]
    cr.execute("ANALYZE sale_order")
    return ids


def cockpit_fields(env):
    view = env.ref("gendan_order.sale_order_view_tree_cockpit")
    return sorted(env["sale.order"].fields_view_get(view.id, "tree")["fields"])


def _cockpit_read(env, ids):
    Order = env["sale.order"].sudo(_user(env, "merchandiser"))
    fields = cockpit_fields(env)
    env["base"].invalidate_cache()
    queries, _seconds, rows = count_queries(
        env.cr, Order.search_read, [("id", "in", ids)], fields)
    assert len(rows) == len(ids)
    return queries


def core_fields(env, count):
    """``count`` stored sale.order columns that core Odoo defines (no gendan)."""
    fields = [name for name, field in sorted(env["sale.order"]._fields.items())
              if field.store and field.type not in ("one2many", "many2many", "binary")
              and not (field._module or "").startswith("gendan")
              and name not in ("id", "__last_update")]
    return fields[:count]


def cockpit_vs_bare(env, count, repeat=3):
    """Best of ``repeat`` timings of the cockpit read (the action's 'Open'
    filter, the cockpit list's fields) and of reads of the same orders: bare
    (name, partner, state), as many core columns as the cockpit has, and the
    first page (80 rows) the web client really reads."""
    clone_orders(env, count)
    Order = env["sale.order"].sudo(_user(env, "merchandiser"))
    domain = [("cockpit_state", "!=", "done")]
    fields = cockpit_fields(env)
    reads = [("cockpit", fields, None), ("bare", ["name", "partner_id", "state"], None),
             ("core", core_fields(env, len(fields)), None),
             ("cockpit page", fields, 80),
             ("bare page", ["name", "partner_id", "state"], 80),
             ("core page", core_fields(env, len(fields)), 80)]
    result = {}
    for name, names, limit in reads:
        best = None
        for index in range(repeat + 1):  # the first run warms the caches
            env["base"].invalidate_cache()
            queries = env.cr.sql_log_count
            start = time.perf_counter()
            rows = Order.search_read(domain, names, limit=limit)
            seconds = time.perf_counter() - start
            queries = env.cr.sql_log_count - queries
            if index and (best is None or seconds < best):
                best = seconds
        result[name] = (best, queries, len(rows))
    assert result["cockpit"][2] == result["bare"][2] >= count
    result["fields"] = len(fields)
    return result


# -- statements: gendan_reconcile's bench (built in SQL, 2001-01)
def _statement_preparation(env, customers):
    sys.path.insert(0, RECONCILE_BENCH)
    try:
        import bench_statements
    finally:
        sys.path.remove(RECONCILE_BENCH)
    bench_statements.build(env, customers, 5)
    Statement = env["gendan.statement"]
    queries, _seconds, statements = count_queries(
        env.cr, Statement._prepare_statements, "customer", *bench_statements.PERIOD)
    assert len(statements) == customers, len(statements)
    return queries


def statements_vs_sql(db, customers, deliveries):
    """Run gendan_reconcile's bench script; parse its figures."""
    run = subprocess.run(
        [sys.executable, os.path.join(RECONCILE_BENCH, "bench_statements.py"), db,
         str(customers), str(deliveries)],
        cwd=ROOT, capture_output=True, text=True, check=False)
    out = run.stdout
    raw = re.search(r"raw SQL aggregate: ([\d.]+)s", out)
    prepared = re.search(r"prepare statements: ([\d.]+)s, (\d+) queries, (\d+) "
                         r"statements, (\d+) lines", out)
    if run.returncode or not (raw and prepared):
        raise RuntimeError("bench_statements.py failed:\n%s%s" % (
            out, run.stderr[-2000:]))
    return {"raw": float(raw.group(1)), "prepared": float(prepared.group(1)),
            "queries": int(prepared.group(2)), "statements": int(prepared.group(3)),
            "lines": int(prepared.group(4))}


ACTIONS = [
    ("task order approval (lines)", _task_order_approval),
    ("first-article sign-off, per article (articles)", _first_article_signoff),
    ("shipment validation: mark loaded (lines)", _shipment_validation),
    ("cockpit read (orders)", None),  # _cockpit_at
    ("statement preparation (customers)", _statement_preparation),
]


def queries_per_n(env, sizes=SIZES):
    """{action: [queries at each size]}; each size in its own savepoint,
    after one untimed run that fills the caches."""
    result = {}
    for name, func in ACTIONS:
        if func is None:
            func = _cockpit_at
        _savepoint(env, func, env, sizes[0])
        result[name] = [_savepoint(env, func, env, size) for size in sizes]
    return result


def _cockpit_at(env, size):
    ids = clone_orders(env, size)
    return _cockpit_read(env, ids)


# -- "My work" and "Waiting for Me" (issue 14): memos cloned in SQL, signed
#    ones with their signatures, pending ones waiting for the sales manager
def _clone_memos(env, count, pending):
    """``count`` signed-off memos (copies of the signed demo memo, with its
    signatures) and ``pending`` memos waiting for the sales manager (copies
    of the pending demo memo, its signatures and a "sign" to-do each)."""
    cr = env.cr
    Memo = env["gendan.memo"]
    signed_memo = Memo.search([("signoff_state", "=", "approved")], limit=1)
    pending_memo = Memo.search([("signoff_state", "=", "pending")], limit=1)
    cr.execute("SELECT column_name FROM information_schema.columns "
               "WHERE table_name = 'gendan_memo' AND column_name != 'id'")
    memo_cols = [row[0] for row in cr.fetchall()]
    cr.execute("SELECT column_name FROM information_schema.columns "
               "WHERE table_name = 'gendan_signature' "
               "AND column_name NOT IN ('id', 'res_id')")
    sig_cols = [row[0] for row in cr.fetchall()]
    user = _user(env, "sales_manager")
    for template, number in ((signed_memo, count), (pending_memo, pending)):
        select = ", ".join("'BENCH/' || g.n" if col == "name" else "t.%s" % col
                           for col in memo_cols)
        cr.execute(  # pylint: disable=sql-injection
            "INSERT INTO gendan_memo (%s) SELECT %s FROM gendan_memo t, "
            "generate_series(1, %%s) g(n) WHERE t.id = %%s RETURNING id" % (
                ", ".join(memo_cols), select), (number, template.id))
        ids = [row[0] for row in cr.fetchall()]
        cr.execute(  # pylint: disable=sql-injection
            "INSERT INTO gendan_signature (res_id, %s) SELECT m.id, %s "
            "FROM gendan_signature s, unnest(%%s) m(id) "
            "WHERE s.res_model = 'gendan.memo' AND s.res_id = %%s" % (
                ", ".join(sig_cols), ", ".join("s.%s" % c for c in sig_cols)),
            (ids, template.id))
        if template == pending_memo:
            cr.execute(
                "INSERT INTO mail_activity (res_id, res_model_id, res_model, "
                "res_name, activity_type_id, summary, date_deadline, user_id, "
                "gendan_key) SELECT m.id, %s, 'gendan.memo', 'BENCH', %s, "
                "'Sign', CURRENT_DATE, %s, 'signoff' FROM unnest(%s) m(id)",
                (env["ir.model"]._get_id("gendan.memo"),
                 env.ref("mail.mail_activity_data_todo").id, user.id, ids))
    cr.execute("ANALYZE gendan_memo")
    cr.execute("ANALYZE gendan_signature")
    cr.execute("ANALYZE mail_activity")
    env["base"].invalidate_cache()
    return user


# sub-millisecond counts: the best of a few runs is the machine's noise
MS_REPEAT = 25


def _best(env, func, repeat=3):
    """(best seconds, queries, result) of ``func()`` after a warm-up run."""
    best = None
    for index in range(repeat + 1):
        env["base"].invalidate_cache()
        queries, seconds, result = count_queries(env.cr, func)
        if index and (best is None or seconds < best):
            best = seconds
    return best, queries, result


def _my_work_at(env, signed, pending):
    user = _clone_memos(env, signed, pending)
    Memo = env["gendan.memo"].sudo(user)
    Activity = env["mail.activity"]
    # the domain of "My work" (gendan_base.action_gendan_my_work)
    domain = [("user_id", "=", user.id)]
    counts = {
        "my work": lambda: Activity.sudo(user).search_count(domain),
        "my work bare": lambda: Activity.sudo().search_count(
            [("user_id", "=", user.id)]),
        "waiting": lambda: Memo.search_count([("signoff_waiting_me", "=", True)]),
        "waiting bare": lambda: Memo.search_count(
            [("signoff_state", "=", "pending")]),
    }
    res = {name: _best(env, func, MS_REPEAT) for name, func in counts.items()}
    assert res["waiting"][2] >= pending, res["waiting"]
    assert res["my work"][2] >= pending, res["my work"]
    return res


def my_work_vs_bare(env, signed, pending, small=None):
    """"My work" (the user's to-dos) and "Waiting for Me" (the documents the
    user may sign now) over ``signed`` signed-off memos and ``pending``
    waiting for the user, against a bare indexed search_count of the same
    model; the queries again at ``small`` signed memos (constant in N)."""
    result = {"large": _savepoint(env, _my_work_at, env, signed, pending)}
    if small:
        result["small"] = _savepoint(env, _my_work_at, env, small, pending)
    return result


# -- cockpit first page (issue 15): 80 rows vs a bare page of as many core
#    columns; see cockpit_vs_bare ("core page")


# -- T&A form (issue 15): the sale order form's reads, with few and with
#    many milestones and related documents
def _form_fields(env):
    """Fields of the cockpit's follow-up form (the T&A table and smart buttons)."""
    view = env.ref("gendan_order.sale_order_view_form_cockpit")
    arch = env["sale.order"].fields_view_get(view.id, "form")
    return arch["fields"]


def _tna_form_read(env, order):
    """Queries of what the web client reads opening the order's form: its
    fields, then the T&A lines' columns (one2many)."""
    fields_info = _form_fields(env)
    merchandiser = _user(env, "merchandiser")
    Order = env["sale.order"].sudo(merchandiser)

    def read():
        row = Order.browse(order.id).read(list(fields_info))[0]
        sub = fields_info["tna_line_ids"]["views"]["tree"]["fields"]
        env["gendan.tna.line"].sudo(merchandiser).browse(
            row["tna_line_ids"]).read(list(sub))
        return len(row["tna_line_ids"])
    env["base"].invalidate_cache()
    count_queries(env.cr, read)  # warm-up
    env["base"].invalidate_cache()
    queries, seconds, lines = count_queries(env.cr, read)
    return queries, seconds, lines


# the order's documents the T&A form shows (table, column of the order),
# and those of its task order
TNA_DOCUMENTS = (
    ("mrp_production", "gendan_sale_order_id"), ("stock_picking", "sale_id"),
    ("gendan_shipping_notice", "sale_order_id"), ("gendan_sample", "order_id"),
    ("gendan_complaint", "order_id"), ("gendan_packaging_spec", "sale_order_id"),
    ("gendan_requirement_item", "order_id"), ("gendan_document", "sale_order_id"))
TNA_TASK_DOCUMENTS = ("gendan_material_check", "gendan_first_article",
                      "gendan_customer_inspection", "gendan_production_exception")


def _clone_rows(cr, table, column, ids, copies):
    """``copies`` more rows of ``table`` for each row whose ``column`` is in
    ``ids`` (names and revision keys made unique); rows added."""
    cr.execute("SELECT column_name FROM information_schema.columns "
               "WHERE table_name = %s AND column_name != 'id'", (table,))
    cols = [row[0] for row in cr.fetchall()]
    select = ", ".join(
        "t.%s || '/C' || g.n" % col if col in ("name", "history_key") else "t.%s" % col
        for col in cols)
    cr.execute(  # pylint: disable=sql-injection
        "INSERT INTO %s (%s) SELECT %s FROM %s t, generate_series(1, %%s) g(n) "
        "WHERE t.%s IN %%s" % (table, ", ".join(cols), select, table, column),
        (copies, tuple(ids)))
    return cr.rowcount


def _multiply_documents(env, order, copies):
    """Clone every document of ``order`` the T&A form shows ``copies``
    times; {table: rows added}."""
    cr = env.cr
    added = {table: _clone_rows(cr, table, column, order.ids, copies)
             for table, column in TNA_DOCUMENTS}
    tasks = order.gendan_task_order_ids.ids
    added.update({table: _clone_rows(cr, table, "task_order_id", tasks, copies)
                  for table in TNA_TASK_DOCUMENTS})
    env["base"].invalidate_cache()
    return added


def _tna_multiplied(env, order, copies):
    added = _multiply_documents(env, order, copies)
    return _tna_form_read(env, order), sum(added.values())


def tna_form_queries(env, copies=9):
    """{label: (queries, seconds, T&A lines)}: an order in production (every
    milestone, task order, MOs, first articles...) as it is and with
    ``copies`` more of each of its documents (``"more"``, with the number
    of rows added), and a quotation (few milestones, no documents)."""
    quotation = env["sale.order"].search([("state", "in", ("draft", "sent"))],
                                         limit=1)
    busy = env["sale.order"].search(
        [("state", "=", "sale"), ("gendan_task_order_ids", "!=", False)],
        order="id", limit=20)
    busy = max(busy, key=lambda o: len(o.tna_line_ids) * 1000 + len(
        o.production_ids) + len(o.picking_ids))
    result = {"few": _tna_form_read(env, quotation),
              "many": _tna_form_read(env, busy)}
    result["more"], result["added"] = _savepoint(
        env, _tna_multiplied, env, busy, copies)
    return result


# -- feasibility (issue 15): a new order's feasible date with N open MOs
def _clone_mos(env, count):
    cr = env.cr
    template = env["mrp.production"].search(
        [("routing_id", "!=", False), ("bom_id", "!=", False)], limit=1)
    assert template, "no demo MO with a routing"
    cr.execute("SELECT column_name FROM information_schema.columns "
               "WHERE table_name = 'mrp_production' AND column_name != 'id'")
    cols = [row[0] for row in cr.fetchall()]
    overrides = {"name": "'BENCH/MO/' || g.n", "state": "'confirmed'"}
    select = ", ".join(overrides.get(col, "t.%s" % col) for col in cols)
    cr.execute(  # pylint: disable=sql-injection
        "INSERT INTO mrp_production (%s) SELECT %s FROM mrp_production t, "
        "generate_series(1, %%s) g(n) WHERE t.id = %%s" % (", ".join(cols), select),
        (count, template.id))
    cr.execute("ANALYZE mrp_production")
    return template


def _feasibility_at(env, mos):
    template = _clone_mos(env, mos)
    order = env["sale.order"].create({
        "partner_id": env.ref("gendan_order.partner_harbor_demo").id,
        "user_id": _user(env, "salesperson").id,
        "order_line": [(0, 0, {"product_id": template.product_id.id,
                               "product_uom_qty": 100.0})]})
    salesperson = _user(env, "salesperson")

    def feasible():
        env["base"].invalidate_cache()
        return order.sudo(salesperson).gendan_feasible_date
    seconds, queries, date = _best(env, feasible)
    assert date
    cr = env.cr
    cr.execute("SELECT count(*) FROM mrp_production WHERE state NOT IN "
               "('done', 'cancel')")
    return seconds, queries, cr.fetchone()[0]


def feasibility(env, mos, small=100):
    """(seconds, queries, open MOs) of the feasible date of a new order with
    ``mos`` open MOs cloned on the demo MO's work centres, and with ``small``."""
    return {"large": _savepoint(env, _feasibility_at, env, mos),
            "small": _savepoint(env, _feasibility_at, env, small)}
