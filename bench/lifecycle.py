"""Upgrade from the previous release (bench/upgrade.py), then install,
upgrade (-u all) and uninstall every gendan module on a database with data;
core documents must survive the uninstalls.

    ./gendan lifecycle                  (databases gendan_upgrade*, gendan_lifecycle)
    ./gendan lifecycle --upgrade-only   (the upgrade from the previous release only)
    GENDAN_LIFECYCLE_DB=mydb ./gendan lifecycle --modules gendan_shipping,gendan_stock
        (on the existing database mydb, e.g. made with createdb -T: uninstall
        those modules, check the core records, re-install them; prints the
        steps, does not write docs/lifecycle.md)

Writes the outcome to docs/lifecycle.md and exits non-zero on any failure.
"""
import ast
import datetime
import os
import platform
import subprocess
import sys

import gendan_compat  # noqa: F401  (must precede odoo)
import odoo
from odoo.api import Environment

import upgrade

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get("GENDAN_LIFECYCLE_DB", "gendan_lifecycle")
CORE_MODELS = ["res.partner", "product.product", "sale.order", "sale.order.line",
               "purchase.order", "mrp.production", "mrp.bom", "stock.picking",
               "stock.move", "account.invoice", "mrp.repair"]


def uninstall_order(modules):
    """``modules`` with every module before the gendan modules it depends on."""
    depends = {}
    for name in modules:
        path = os.path.join(ROOT, "addons", name, "__manifest__.py")
        with open(path, encoding="utf-8") as handle:
            manifest = ast.literal_eval(handle.read())
        depends[name] = [dep for dep in manifest.get("depends", []) if dep in modules]
    order = []

    def visit(name):
        if name not in order:
            for dep in depends[name]:
                visit(dep)
            order.append(name)
    for name in sorted(modules):
        visit(name)
    return order[::-1]


def odoo_cli(*args):
    """Run the Odoo CLI; return (ok, log lines with ERROR/CRITICAL)."""
    run = subprocess.run(
        [sys.executable, "-m", "gendan_compat", "--config",
         os.path.join(ROOT, "odoo.conf"), "-d", DB, "--stop-after-init",
         "--log-level=warn"] + list(args),
        cwd=ROOT, capture_output=True, text=True)
    output = run.stdout + run.stderr
    odoo_cli.calls = getattr(odoo_cli, "calls", 0) + 1
    with open(os.path.join(ROOT, ".data", "lifecycle-%d.log" % odoo_cli.calls),
              "w") as handle:
        handle.write(" ".join(args) + "\n" + output)
    errors = [line for line in output.splitlines()
              if " ERROR " in line or " CRITICAL " in line]
    return run.returncode == 0 and not errors, errors


def core_records():
    """{model: ids} of the core records that no gendan module created as data."""
    registry = odoo.registry(DB)
    with Environment.manage(), registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {})
        result = {}
        for model in CORE_MODELS:
            if model not in env:
                continue
            cr.execute("SELECT res_id FROM ir_model_data WHERE model = %s "
                       "AND module LIKE 'gendan%%'", (model,))
            owned = {row[0] for row in cr.fetchall()}
            ids = env[model].with_context(active_test=False).search([]).ids
            result[model] = set(ids) - owned
        return result


def missing(before):
    """{model: number of ``before`` records that no longer exist}."""
    registry = odoo.registry(DB)
    with Environment.manage(), registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {})
        lost = {}
        for model, ids in before.items():
            gone = len(ids) - len(env[model].browse(list(ids)).exists())
            if gone:
                lost[model] = gone
        return lost


def uninstall(module):
    """Uninstall ``module``; return its state afterwards (or the error)."""
    odoo.modules.registry.Registry.delete(DB)
    registry = odoo.registry(DB)
    try:
        with Environment.manage(), registry.cursor() as cr:
            env = Environment(cr, odoo.SUPERUSER_ID, {})
            record = env["ir.module.module"].search([("name", "=", module)])
            if record.state != "installed":
                return False
            record.button_immediate_uninstall()
            cr.commit()
    except Exception as exc:  # reported in the table, the run goes on
        return "error: %s" % str(exc).splitlines()[0][:200]
    with Environment.manage(), odoo.registry(DB).cursor() as cr:
        cr.execute("SELECT state FROM ir_module_module WHERE name = %s", (module,))
        return cr.fetchone()[0]


def main():
    odoo.tools.config.parse_config(["--config", os.path.join(ROOT, "odoo.conf"),
                                    "--log-level=warn"])
    modules = sorted(name for name in os.listdir(os.path.join(ROOT, "addons"))
                     if name.startswith("gendan_"))
    rows, ok_all = [], True

    def record(step, ok, detail=""):
        nonlocal ok_all
        ok_all &= ok
        rows.append((step, "ok" if ok else "FAILED", detail))
        print("[lifecycle] %-40s %s %s" % (step, "ok" if ok else "FAILED", detail),
              flush=True)

    if "--modules" in sys.argv:
        names = sys.argv[sys.argv.index("--modules") + 1].split(",")
        reinstall(names, record)
        return 0 if ok_all else 1
    upgrade.run(record)
    if "--upgrade-only" not in sys.argv:
        lifecycle(modules, record)
    write_report(rows)
    return 0 if ok_all else 1


def lifecycle(modules, record):
    """Install, upgrade, uninstall one by one, re-install."""
    subprocess.run(["dropdb", "--if-exists", DB], check=True)
    # as ./gendan builds a database: base, the company made Chinese (the
    # chart of accounts in CNY), then Odoo's apps
    ok, errors = odoo_cli("-i", "base", "--load-language=en_US,zh_CN")
    china = os.path.join(ROOT, "compat", "china_company.py")
    ok = ok and subprocess.run([sys.executable, china, DB]).returncode == 0
    ok2, errors2 = odoo_cli("-i", "sale_management,sale_stock,mrp,purchase,"
                            "account_invoicing,mrp_repair")
    ok, errors = ok and ok2, errors + errors2
    record("install Odoo's apps with demo data", ok, "; ".join(errors[:3]))
    ok, errors = odoo_cli("-i", ",".join(modules))
    record("install all gendan modules with demo data", ok, "; ".join(errors[:3]))
    ok, errors = odoo_cli("-u", "all")
    record("upgrade -u all", ok, "; ".join(errors[:3]))
    before = core_records()
    for module in uninstall_order(modules):
        state = uninstall(module)
        lost = missing(before)
        record("uninstall %s" % module, state == "uninstalled" and not lost,
               "state %s; core records lost: %s" % (state, lost or "none"))
    with Environment.manage(), odoo.registry(DB).cursor() as cr:
        cr.execute("SELECT tablename FROM pg_tables WHERE tablename LIKE 'gendan%%'")
        tables = [row[0] for row in cr.fetchall()]
        cr.execute("SELECT model FROM ir_model WHERE model LIKE 'gendan%%'")
        tables += [row[0] for row in cr.fetchall()]
    record("no gendan table or model left", not tables, ", ".join(tables[:10]))
    ok, errors = odoo_cli("-i", ",".join(modules))
    record("re-install all", ok, "; ".join(errors[:3]))


def reinstall(modules, record):
    """Uninstall ``modules`` (and what depends on them) on the existing
    database, then install them again."""
    before = core_records()
    for module in uninstall_order(modules):
        state = uninstall(module)
        lost = missing(before)
        record("uninstall %s" % module, state in ("uninstalled", False) and not lost,
               "state %s; core records lost: %s" % (state, lost or "none"))
    ok, errors = odoo_cli("-i", ",".join(modules))
    record("re-install %s" % ",".join(modules), ok, "; ".join(errors[:3]))


def write_report(rows):
    with open(os.path.join(ROOT, "docs", "lifecycle.md"), "w") as handle:
        handle.write("# Upgrade, install and uninstall\n\n")
        handle.write("Run %s on %s (%s), command `./gendan lifecycle %s`, commit %s.\n"
                     "Upgrade from release %s: the tables compared before and after "
                     "(key fields, SQL): %s.\n"
                     "Uninstall: core records checked (all but gendan's own data): "
                     "%s.\n\n" % (
                         datetime.date.today(), platform.machine(),
                         platform.python_version(), " ".join(sys.argv[1:]), commit(),
                         upgrade.OLD[:7], ", ".join(upgrade.KEY_FIELDS),
                         ", ".join(CORE_MODELS)))
        handle.write("| step | result | detail |\n| --- | --- | --- |\n")
        for step, result, detail in rows:
            handle.write("| %s | %s | %s |\n" % (step, result, detail or ""))


def commit():
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                          capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
