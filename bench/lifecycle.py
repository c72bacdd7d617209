"""Install, upgrade (-u all) and uninstall every gendan module on a database
with data; core documents must survive the uninstalls.

    ./gendan lifecycle          (database gendan_lifecycle, rebuilt each run)

Writes the outcome to docs/lifecycle.md and exits non-zero on any failure.
"""
import datetime
import os
import platform
import subprocess
import sys

import gendan_compat  # noqa: F401  (must precede odoo)
import odoo
from odoo.api import Environment

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get("GENDAN_LIFECYCLE_DB", "gendan_lifecycle")
CORE_MODELS = ["res.partner", "product.product", "sale.order", "sale.order.line",
               "purchase.order", "mrp.production", "mrp.bom", "stock.picking",
               "stock.move", "account.invoice", "mrp.repair"]
# uninstall order: dependants first
ORDER = ["gendan_reconcile", "gendan_complaint", "gendan_shipping",
         "gendan_production", "gendan_order", "gendan_base"]


def odoo_cli(*args):
    """Run the Odoo CLI; return (ok, log lines with ERROR/CRITICAL)."""
    run = subprocess.run(
        [sys.executable, "-m", "gendan_compat", "--config",
         os.path.join(ROOT, "odoo.conf"), "-d", DB, "--stop-after-init",
         "--log-level=warn"] + list(args),
        cwd=ROOT, capture_output=True, text=True)
    errors = [line for line in (run.stdout + run.stderr).splitlines()
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
    subprocess.run(["dropdb", "--if-exists", DB], check=True)
    rows, ok_all = [], True

    def record(step, ok, detail=""):
        nonlocal ok_all
        ok_all &= ok
        rows.append((step, "ok" if ok else "FAILED", detail))
        print("[lifecycle] %-40s %s %s" % (step, "ok" if ok else "FAILED", detail))

    ok, errors = odoo_cli("-i", "sale_management,sale_stock,mrp,purchase,"
                          "account_invoicing,mrp_repair")
    record("install Odoo's apps with demo data", ok, "; ".join(errors[:3]))
    ok, errors = odoo_cli("-i", ",".join(modules))
    record("install all gendan modules with demo data", ok, "; ".join(errors[:3]))
    ok, errors = odoo_cli("-u", "all")
    record("upgrade -u all", ok, "; ".join(errors[:3]))
    before = core_records()
    for module in [name for name in ORDER if name in modules]:
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

    with open(os.path.join(ROOT, "docs", "lifecycle.md"), "w") as handle:
        handle.write("# Install, upgrade and uninstall\n\n")
        handle.write("Run %s on %s (%s), command `./gendan lifecycle`.\n"
                     "Core records checked (all but gendan's own data): %s.\n\n" % (
                         datetime.date.today(), platform.machine(),
                         platform.python_version(), ", ".join(CORE_MODELS)))
        handle.write("| step | result | detail |\n| --- | --- | --- |\n")
        for step, result, detail in rows:
            handle.write("| %s | %s | %s |\n" % (step, result, detail or ""))
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
