"""Upgrade in place from the release factories run today (issue 21, part 1).

    ./gendan lifecycle --upgrade-only       (or as the first step of ./gendan lifecycle)

1. The previous release's addons (``GENDAN_UPGRADE_FROM``, default the commit
   recorded in RELEASE below) are exported with ``git archive``.
2. A database is built with them: Odoo's apps, every gendan module of that
   release with its demo data, then a month of activity driven by that
   release's own code (its bench/flow.py): orders at every stage, signed task
   orders, deposits, first articles, MOs done, deliveries and invoices; a
   statement confirmed. The factory then edits its settings (a sign-off rule,
   a distribution list, a payment term's gate) as a factory would.
3. The current code upgrades it: ``-u`` every module that existed, ``-i`` the
   new ones. No ERROR, and a SQL comparison of before and after: no
   signature, copy, shipment, statement or core document lost or changed
   (key fields), the factory's edits kept, the new release's default rules
   and lists present.

The outcome is returned as rows for docs/lifecycle.md.
"""
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# main before the issues of the second round (tag it v11.0.1 where releases are tagged)
RELEASE = "95d860c9d71a35128974657b81dba51af8d9c468"
OLD = os.environ.get("GENDAN_UPGRADE_FROM", RELEASE)
DB = os.environ.get("GENDAN_UPGRADE_DB", "gendan_upgrade")
DB_OLD = DB + "_old"
DATA = os.path.join(ROOT, ".data")
CORE_APPS = "sale_management,sale_stock,mrp,purchase,account_invoicing,mrp_repair"

# what must survive the upgrade unchanged: table -> key fields
KEY_FIELDS = {
    "gendan_signature": ["res_model", "res_id", "user_id", "revision", "state",
                         "signed_by_id", "signed_date"],
    "gendan_distribution_copy": ["res_model", "res_id", "user_id", "revision", "state",
                                 "ack_user_id", "ack_date"],
    "gendan_task_order": ["name", "sale_order_id", "state", "signoff_revision"],
    "gendan_shipment": ["name", "state"],
    "gendan_shipment_container": ["shipment_id", "container_number", "seal_number"],
    "gendan_statement": ["name", "partner_id", "state", "date_from", "date_to"],
    "gendan_statement_line": ["statement_id", "move_id", "amount"],
    "gendan_complaint": ["name", "state"],
    "sale_order": ["name", "state", "amount_total", "partner_id"],
    "sale_order_line": ["order_id", "product_id", "product_uom_qty", "price_unit"],
    "mrp_production": ["name", "state", "product_qty"],
    "stock_picking": ["name", "state", "partner_id"],
    "stock_move": ["product_id", "product_uom_qty", "state"],
    "account_invoice": ["number", "state", "amount_total", "residual"],
    "account_payment": ["name", "state", "amount"],
    "purchase_order": ["name", "state", "amount_total"],
    "mrp_bom": ["product_tmpl_id", "code"],
}

# A month of activity with the OLD release's code (runs in its odoo shell).
ACTIVITY = r'''
import sys
sys.path.insert(0, %(bench)r)
import contextlib
import flow
from odoo.addons.gendan_order.tests.common import approve_order_review


class Meter:
    @contextlib.contextmanager
    def step(self, name):
        yield


world = flow.build_world(env, True)
users = world["users"]
for serial in range(5):                      # delivered and invoiced
    flow.run_order(env, world, True, Meter(), serial, lines=2)
for serial in range(5, 8):                   # task order, deposit, first articles
    order = env["sale.order"].create(flow._order_vals(world, True, serial, 2))
    approve_order_review(order)
    order.action_confirm()
    task = flow._task_order(env, world, order)
    order.sudo(users["finance"]).action_confirm_deposit()
    flow._first_articles(env, world, task)
for serial in range(8, 10):                  # confirmed, review done
    order = env["sale.order"].create(flow._order_vals(world, True, serial, 2))
    approve_order_review(order)
    order.action_confirm()
for serial in range(10, 12):                 # quotations
    env["sale.order"].create(flow._order_vals(world, True, serial, 2))
# a statement confirmed by the customer
statement = env["gendan.statement"].search([("state", "=", "confirmed")], limit=1)
print("GENDAN-ACTIVITY statements confirmed:", len(statement))
# the factory edits its settings
rule = env["gendan.signoff.rule"].search([], limit=1, order="id")
rule.write({"name": rule.name + " (factory)"})
dlist = env["gendan.distribution.list"].search([], limit=1, order="id")
dlist.write({"name": dlist.name + " (factory)"})
term = env.ref("account.account_payment_term_immediate")
term.write({"name": term.name + " (factory)"})
env.cr.commit()
print("GENDAN-ACTIVITY done")
'''


def odoo_cli(db, addons_path, *args, shell_input=None):
    """Run the Odoo CLI on ``db`` with ``addons_path`` (the shell when
    ``shell_input`` is given); (ok, errors, output)."""
    command = ["shell"] if shell_input is not None else []
    run = subprocess.run(
        [sys.executable, "-m", "gendan_compat"] + command +
        ["--config", os.path.join(ROOT, "odoo.conf"), "--addons-path", addons_path,
         "-d", db, "--log-level=warn"] + list(args),
        cwd=ROOT, capture_output=True, text=True, input=shell_input)
    output = run.stdout + run.stderr
    errors = [line for line in output.splitlines()
              if (" ERROR " in line or " CRITICAL " in line or "Traceback" in line)
              and "security risk" not in line]
    return run.returncode == 0 and not errors, errors, output


def export_release(commit):
    """The release's addons and bench, exported once under .data."""
    target = os.path.join(DATA, "release-%s" % commit[:12])
    if not os.path.isdir(os.path.join(target, "addons")):
        os.makedirs(target, exist_ok=True)
        archive = subprocess.run(["git", "archive", commit, "addons", "bench"],
                                 cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", target], input=archive, check=True)
    return target


def gendan_modules(addons):
    return sorted(name for name in os.listdir(addons) if name.startswith("gendan_")
                  and os.path.exists(os.path.join(addons, name, "__manifest__.py")))


def psql(db, sql):
    run = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\x1f", "-d", db,
                          "-c", sql],
                         capture_output=True, text=True, check=True)
    return [tuple(line.split("\x1f")) for line in run.stdout.splitlines() if line]


def copy_db(source, target):
    subprocess.run(["dropdb", "--if-exists", target], check=True)
    subprocess.run(["createdb", "-T", source, target], check=True)
    store = os.path.join(DATA, "filestore")
    shutil.rmtree(os.path.join(store, target), ignore_errors=True)
    if os.path.isdir(os.path.join(store, source)):
        shutil.copytree(os.path.join(store, source), os.path.join(store, target))


def columns(db):
    """{table: key fields that ``db`` has} for the tables in KEY_FIELDS."""
    result = {}
    for table, names in KEY_FIELDS.items():
        present = {row[0] for row in psql(db, (
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = '%s'" % table))}
        if present:
            result[table] = [name for name in names if name in present]
    return result


def snapshot(db, tables):
    """{table: {id: key fields}} of ``tables`` ({table: fields}), as stored."""
    result = {}
    for table, names in tables.items():
        values = ", ".join('COALESCE("%s"::text, \'\')' % n for n in names)
        rows = psql(db, "SELECT id, %s FROM %s" % (values or "NULL", table))
        result[table] = {row[0]: row[1:] for row in rows}
    return result


def compare(before, after):
    """'table: n lost, m changed' for every table that lost or changed rows."""
    problems = []
    for table, rows in before.items():
        new = after.get(table, {})
        lost = [key for key in rows if key not in new]
        changed = [key for key in rows if key in new and new[key] != rows[key]]
        if lost or changed:
            sample = changed[:1] and " e.g. id %s: %s -> %s" % (
                changed[0], rows[changed[0]], new[changed[0]])
            problems.append("%s: %d lost, %d changed%s" % (
                table, len(lost), len(changed), sample or ""))
    return problems


def counts(snap):
    return ", ".join("%s %d" % (table.replace("gendan_", ""), len(rows))
                     for table, rows in snap.items() if table.startswith("gendan_"))


def build_old(release, record):
    old_addons = os.path.join(release, "addons")
    subprocess.run(["dropdb", "--if-exists", DB_OLD], check=True)
    # as the release's launcher built it (company currency USD, generic
    # chart): the database a factory running that release has
    ok, errors, _out = odoo_cli(DB_OLD, old_addons, "-i", CORE_APPS,
                                "--load-language=en_US,zh_CN", "--stop-after-init")
    release_name = "release %s" % OLD[:7]
    record("%s: Odoo's apps" % release_name, ok, "; ".join(errors[:3]))
    ok, errors, _out = odoo_cli(DB_OLD, old_addons, "-i",
                                ",".join(gendan_modules(old_addons)),
                                "--stop-after-init")
    record("%s: gendan modules with demo data" % release_name, ok,
           "; ".join(errors[:3]))
    ok, errors, out = odoo_cli(DB_OLD, old_addons, shell_input=ACTIVITY % {
        "bench": os.path.join(release, "bench")})
    ok = ok and "GENDAN-ACTIVITY done" in out
    detail = "" if ok else "; ".join(errors[:3]) or out.strip()[-200:]
    record("%s: a month of activity (12 orders at every stage)" % release_name,
           ok, detail)
    return ok


def benign_unmet(db, errors):
    """(errors, notes): Odoo logs "Unmet dependencies" for an installed
    module whose new dependency it installs later in the same run; that is
    no error when the dependency ends up installed."""
    real, notes = [], []
    for line in errors:
        if "Unmet dependencies:" in line:
            deps = [dep.strip()
                    for dep in line.split("Unmet dependencies:")[1].split(",")]
            if all(psql(db, "SELECT 1 FROM ir_module_module WHERE name = '%s' "
                            "AND state = 'installed'" % dep) for dep in deps):
                note = "new dependency installed in the same run: %s" % ", ".join(deps)
                if note not in notes:
                    notes.append(note)
                continue
        real.append(line)
    return real, notes


def factory_edits_kept(db):
    tables = ("gendan_signoff_rule", "gendan_distribution_list", "account_payment_term")
    names = [row[0] for table in tables for row in psql(
        db, "SELECT name FROM %s WHERE name LIKE '%%(factory)'" % table)]
    return len(names) == 3, names


def new_defaults_present(db, addons):
    """(checked, missing): the signoff rules / distribution lists that the
    new code ships as data."""
    missing, checked = [], 0
    for module in gendan_modules(addons):
        folder = os.path.join(addons, module, "data")
        for model in ("gendan.signoff.rule", "gendan.distribution.list"):
            if not os.path.isdir(folder):
                continue
            for name in os.listdir(folder):
                text = open(os.path.join(folder, name), encoding="utf-8").read()
                for chunk in text.split("<record ")[1:]:
                    if 'model="%s"' % model not in chunk.split(">")[0]:
                        continue
                    xml_id = chunk.split('id="')[1].split('"')[0]
                    checked += 1
                    found = psql(db, "SELECT 1 FROM ir_model_data WHERE module = '%s' "
                                     "AND name = '%s'" % (module, xml_id))
                    if not found:
                        missing.append("%s.%s" % (module, xml_id))
    return checked, missing


def run(record):
    """The upgrade step; ``record(step, ok, detail)`` collects the outcome."""
    release = export_release(subprocess.run(
        ["git", "rev-parse", OLD], cwd=ROOT, capture_output=True, text=True,
        check=True).stdout.strip())
    reuse = os.environ.get("GENDAN_UPGRADE_REUSE") and psql("postgres", (
        "SELECT 1 FROM pg_database WHERE datname = '%s'" % DB_OLD))
    if not reuse and not build_old(release, record):
        return
    copy_db(DB_OLD, DB)
    tables = columns(DB)
    before = snapshot(DB, tables)
    old_modules = gendan_modules(os.path.join(release, "addons"))
    new_modules = [name for name in gendan_modules(os.path.join(ROOT, "addons"))
                   if name not in old_modules]
    addons = os.path.join(ROOT, "addons")
    # what ./gendan run does on an existing database (upgrade_db): one run
    args = ["-u", ",".join(old_modules)] + (["-i", ",".join(new_modules)]
                                            if new_modules else [])
    ok, errors, _out = odoo_cli(DB, addons, *(args + ["--stop-after-init"]))
    errors, notes = benign_unmet(DB, errors)
    states = psql(DB, "SELECT name, state FROM ir_module_module WHERE name IN (%s) "
                      "AND state <> 'installed'" % ", ".join(
                          "'%s'" % name for name in old_modules + new_modules))
    record("upgrade to this code: -u %s%s" % (
        ", ".join(old_modules), new_modules and "; -i " + ", ".join(new_modules) or ""),
        ok or not errors and not states,
        "; ".join(errors[:3] + ["%s %s" % row for row in states] + notes))
    after = snapshot(DB, tables)
    problems = compare(before, after)
    record("nothing lost or changed (SQL, key fields)", not problems,
           "; ".join(problems) or "before: %s" % counts(before))
    ok, names = factory_edits_kept(DB)
    record("the factory's edits kept (rule, list, payment term)", ok, ", ".join(names))
    checked, missing = new_defaults_present(DB, addons)
    record("the new release's rules and lists present", checked and not missing,
           ", ".join(missing[:5]) or "%d checked" % checked)
    pending, untold = waiting_signers(DB)
    record("every document waiting for signatures has its sign to-dos", not untold,
           ", ".join(untold[:5]) or "%d pending documents" % pending)


def waiting_signers(db):
    """(pending documents, [those without a sign to-do or waiting signers]):
    a release before the to-dos had none; the upgrade gives them."""
    tables = [row[0] for row in psql(db, (
        "SELECT table_name FROM information_schema.columns "
        "WHERE column_name = 'signoff_waiting_uids'"))]
    pending, untold = 0, []
    for table in tables:
        rows = psql(db, (
            "SELECT t.id, t.signoff_waiting_uids IS NOT NULL AND EXISTS ("
            "SELECT 1 FROM mail_activity a WHERE a.gendan_key = 'signoff' "
            "AND a.res_id = t.id AND a.res_model = replace('%s', '_', '.')) "
            "FROM %s t WHERE t.signoff_state = 'pending'" % (table, table)))
        pending += len(rows)
        untold += ["%s %s" % (table, row[0]) for row in rows if row[1] != "t"]
    return pending, untold


if __name__ == "__main__":
    failures = []

    def _print(step, ok, detail=""):
        print("[upgrade] %-60s %s %s" % (step, "ok" if ok else "FAILED", detail))
        if not ok:
            failures.append(step)
    run(_print)
    sys.exit(1 if failures else 0)
