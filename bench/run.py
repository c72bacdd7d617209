"""Gendan benchmarks: every figure measured in one run, beside its baseline.

    ./gendan bench                full sizes (50 orders: 45 minutes on 2 cores)
    ./gendan bench --orders 3     full sizes but 3 orders
    ./gendan bench --quick        small sizes (smoke run)

Builds what it needs (database gendan_bench_core with Odoo's apps only,
gendan_bench_gendan with every gendan module and demo data), prints the table
and writes it to docs/benchmarks.md. Every benchmark is rolled back: the two
databases are reused as they are by the next run. See bench/README.md.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import subprocess
import sys
import time

import common
import flow
import scaling

CORE_APPS = "sale_management,sale_stock,mrp,purchase,account_invoicing,mrp_repair"
FULL = {"orders": 50, "lines": 20, "cockpit": 10000, "customers": 500,
        "deliveries": 40, "xlsx": (10000, 50000, 100000),
        "signed": 100000, "pending": 1000, "mos": 10000}
QUICK = {"orders": 2, "lines": 5, "cockpit": 1000, "customers": 50,
         "deliveries": 10, "xlsx": (1000, 5000, 10000),
         "signed": 10000, "pending": 100, "mos": 1000}
SECTIONS = "flow,scaling,cockpit,mywork,tna,feasibility,statements,xlsx"
STAMP_KEY = "gendan_bench.addons_hash"


def log(message):
    print("[bench %5.0fs] %s" % (time.time() - START, message), flush=True)


# -- databases ----------------------------------------------------------------

def psql(query, db="postgres", params=()):
    import psycopg2
    conn = psycopg2.connect(dbname=db)
    conn.autocommit = True
    try:
        cr = conn.cursor()
        cr.execute(query, params)
        return cr.fetchall() if cr.description else None
    finally:
        conn.close()


def db_exists(name):
    return bool(psql("SELECT 1 FROM pg_database WHERE datname = %s", params=(name,)))


def odoo_cli(db, *args):
    logfile = os.path.join(common.ROOT, ".data", "bench-%s.log" % db)
    with open(logfile, "a") as handle:
        run = subprocess.run(
            [sys.executable, "-m", "gendan_compat", "--config", common.CONFIG,
             "-d", db, "--stop-after-init", "--log-level=warn"] + list(args),
            cwd=common.ROOT, stdout=handle, stderr=subprocess.STDOUT, check=False)
    if run.returncode:
        sys.exit("odoo %s on %s failed: see %s" % (" ".join(args), db, logfile))


def gendan_modules():
    return sorted(name for name in os.listdir(os.path.join(common.ROOT, "addons"))
                  if name.startswith("gendan_"))


def addons_hash():
    digest = hashlib.sha1()
    for module in gendan_modules():
        base = os.path.join(common.ROOT, "addons", module)
        for folder, dirs, files in os.walk(base):
            dirs[:] = sorted(d for d in dirs
                             if d not in ("__pycache__", "tests", "bench"))
            for name in sorted(files):
                if name.endswith((".py", ".xml", ".csv", ".po")):
                    with open(os.path.join(folder, name), "rb") as handle:
                        digest.update(name.encode() + handle.read())
    return digest.hexdigest()


def stamp(db, value=None):
    if value is None:
        rows = psql("SELECT value FROM ir_config_parameter WHERE key = %s", db,
                    (STAMP_KEY,))
        return rows and rows[0][0]
    psql("DELETE FROM ir_config_parameter WHERE key = %s", db, (STAMP_KEY,))
    psql("INSERT INTO ir_config_parameter (key, value) VALUES (%s, %s)", db,
         (STAMP_KEY, value))
    return value


def install_core(db):
    """``base``, the company made Chinese, then Odoo's apps: as ./gendan
    builds a database (the chart of accounts in CNY)."""
    odoo_cli(db, "-i", "base")
    china = os.path.join(common.ROOT, "compat", "china_company.py")
    subprocess.run([sys.executable, china, db], check=True)
    odoo_cli(db, "-i", CORE_APPS)


def prepare_core(db):
    if not db_exists(db):
        log("building %s: Odoo's apps only, demo data (a few minutes)" % db)
        install_core(db)


def prepare_gendan(db, source):
    modules = ",".join(gendan_modules())
    wanted = addons_hash()
    if not db_exists(db):
        if source and db_exists(source):
            log("copying %s to %s" % (source, db))
            for attempt in range(10):
                try:
                    psql('CREATE DATABASE "%s" TEMPLATE "%s"' % (db, source))
                    break
                except Exception as exc:  # pylint: disable=broad-except
                    if "is being accessed" not in str(exc) or attempt == 9:
                        raise
                    time.sleep(10)
            store = os.path.join(common.ROOT, ".data", "filestore")
            if os.path.isdir(os.path.join(store, source)):
                subprocess.run(["cp", "-r", os.path.join(store, source),
                                os.path.join(store, db)], check=True)
        else:
            log("building %s: Odoo's apps, then every gendan module, demo data" % db)
            install_core(db)
            odoo_cli(db, "-i", modules)
        stamp(db, wanted)
    elif stamp(db) != wanted:
        log("the gendan modules changed: upgrading %s" % db)
        odoo_cli(db, "-u", modules)
        stamp(db, wanted)


# -- benchmarks -------------------------------------------------------------------

def bench_flow(core_db, gendan_db, sizes):
    """Both databases side by side: order i on core, then order i on gendan."""
    flow.LINES = sizes["lines"]
    results = {}
    with common.environment(core_db) as core_env, \
            common.environment(gendan_db) as gendan_env:
        worlds = {False: (core_env, flow.build_world(core_env, False)),
                  True: (gendan_env, flow.build_world(gendan_env, True))}
        meters = {key: common.Meter(env.cr) for key, (env, _world) in worlds.items()}
        for serial in range(sizes["orders"] + 1):
            for gendan in (False, True):
                env, world = worlds[gendan]
                # a first order of 2 lines on each side fills the caches
                meter = meters[gendan] if serial else common.Meter(env.cr)
                flow.run_order(env, world, gendan, meter, serial,
                               None if serial else 2)
            if serial and serial % 10 == 0:
                log("order-to-invoice: %d/%d orders" % (serial, sizes["orders"]))
        for gendan, meter in meters.items():
            results["gendan" if gendan else "core"] = {
                name: (meter.seconds[name] / sizes["orders"],
                       meter.queries[name] / sizes["orders"]) for name in meter.seconds}
    return results


def bench_xlsx(db, sizes):
    result = {}
    for lines in sizes["xlsx"]:
        for mode in ("report", "workbook"):
            run = subprocess.run(
                [sys.executable, os.path.join(common.ROOT, "bench", "repair_xlsx.py"),
                 db, str(lines), mode], cwd=common.ROOT, capture_output=True,
                text=True, check=False)
            if run.returncode:
                raise RuntimeError("repair_xlsx.py failed:\n%s" % run.stderr[-3000:])
            result[(lines, mode)] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


# -- the table --------------------------------------------------------------------

class Table(object):
    def __init__(self):
        self.rows = []
        self.notes = []

    def add(self, figure, value, baseline, ratio, target, verdict):
        self.rows.append((figure, value, baseline, ratio, target, verdict))

    def markdown(self):
        lines = ["| figure | gendan | baseline | ratio | target | result |",
                 "| --- | ---: | ---: | ---: | --- | --- |"]
        lines += ["| %s |" % " | ".join(row) for row in self.rows]
        return "\n".join(lines)

    def text(self):
        widths = [max(len(row[i]) for row in self.rows + [HEAD]) for i in range(6)]
        out = []
        for row in [HEAD] + self.rows:
            out.append("  ".join(
                cell.ljust(widths[i]) if i in (0, 4, 5) else cell.rjust(widths[i])
                for i, cell in enumerate(row)))
        return "\n".join(out)


HEAD = ("figure", "gendan", "baseline", "ratio", "target", "result")


def ratio_row(table, figure, value, baseline, fmt, limit, target):
    ratio = value / baseline if baseline else float("inf")
    table.add(figure, fmt % value, fmt % baseline, "%.2f" % ratio, target,
              "ok" if ratio <= limit else "MISSED")
    return ratio


def fill_flow(table, res):
    core, gendan = res["core"], res["gendan"]
    for index, label, fmt in ((0, "s/order", "%.2f"), (1, "queries/order", "%.0f")):
        value = sum(gendan[s][index] for s in flow.CORE_STEPS)
        base = sum(core[s][index] for s in flow.CORE_STEPS)
        ratio_row(table, "**order-to-invoice, core steps, %s**" % label, value, base,
                  fmt, 1.10, "overhead <= 10%")
    for step in flow.CORE_STEPS:
        table.add("  %s: s / queries per order" % step,
                  "%.2f / %.0f" % gendan[step], "%.2f / %.0f" % core[step],
                  "%.2f / %.2f" % (gendan[step][0] / core[step][0],
                                   gendan[step][1] / core[step][1]), "(detail)", "")
    extra = [s for s in flow.GENDAN_STEPS if s in gendan]
    table.add("gendan's own steps: s / queries per order",
              "%.2f / %.0f" % (sum(gendan[s][0] for s in extra),
                               sum(gendan[s][1] for s in extra)),
              "-", "-", "reported", "-")
    for step in extra:
        table.add("  %s: s / queries per order" % step,
                  "%.2f / %.0f" % gendan[step], "-", "-", "(detail)", "")


def fill_scaling(table, res, sizes):
    for name, counts in res.items():
        if "per article" in name:  # issue 21: <= 100 queries per article
            target = "<= 100 per article, not growing with N"
            ok = max(counts) <= 100 and counts[-1] <= counts[0]
        else:
            target, ok = "constant in N", len(set(counts)) == 1
        table.add("queries of %s at N = %s" % (name, ", ".join(map(str, sizes))),
                  " / ".join(map(str, counts)), str(counts[0]),
                  "%.2f" % (counts[-1] / counts[0]), target, "ok" if ok else "MISSED")


def fill_cockpit(table, res, count):
    ratio_row(table, "**cockpit search_read, %d open orders, %d fields (s)** vs bare "
              "(name, partner, state)" % (res["cockpit"][2], res["fields"]),
              res["cockpit"][0], res["bare"][0], "%.3f", 2.0, "<= 2x")
    table.add("  same, queries", str(res["cockpit"][1]), str(res["bare"][1]),
              "%.2f" % (res["cockpit"][1] / res["bare"][1]), "(detail)", "")
    table.add("  cockpit vs as many core columns of sale.order (s)",
              "%.3f" % res["cockpit"][0], "%.3f" % res["core"][0],
              "%.2f" % (res["cockpit"][0] / res["core"][0]), "(detail)", "")
    table.add("  first page (80 rows, what the list view reads) vs bare page (s)",
              "%.4f" % res["cockpit page"][0], "%.4f" % res["bare page"][0],
              "%.2f" % (res["cockpit page"][0] / res["bare page"][0]), "(detail)", "")
    # issue 15: the first page against a bare page of as many core columns
    ratio_row(table, "**cockpit first page (80 rows, %d fields) vs a bare sale.order "
              "page of as many core columns (s)**" % res["fields"],
              res["cockpit page"][0], res["core page"][0], "%.4f", 1.5, "<= 1.5x")
    table.add("  same, queries", str(res["cockpit page"][1]), str(res["core page"][1]),
              "%.2f" % (res["cockpit page"][1] / res["core page"][1]), "(detail)", "")


def fill_mywork(table, res, sizes):
    large, small = res["large"], res.get("small")
    for key, label in (("my work", '"My work" (the user\'s to-dos, mail.activity)'),
                       ("waiting", '"Waiting for Me" (memos the user may sign now)')):
        ratio_row(table, "**%s, %d signed documents, %d pending (s)** vs bare indexed "
                  "search_count" % (label, sizes["signed"], sizes["pending"]),
                  large[key][0], large[key + " bare"][0], "%.4f", 2.0, "<= 2x")
        if small:
            counts = [small[key][1], large[key][1]]
            table.add("  same, queries at %d / %d signed documents" % (
                sizes["signed"] // 10, sizes["signed"]),
                " / ".join(map(str, counts)), str(large[key + " bare"][1]),
                "%.2f" % (counts[1] / counts[0]), "constant in N",
                "ok" if counts[0] == counts[1] else "MISSED")


def fill_tna(table, res):
    few, many, more = res["few"], res["many"], res["more"]
    table.add("**T&A form reads: queries of an order in production (%d milestones), "
              "as it is and with %d more documents**" % (many[2], res["added"]),
              str(more[0]), str(many[0]), "%.2f" % (more[0] / many[0]),
              "constant in milestones and documents",
              "ok" if more[0] == many[0] else "MISSED")
    table.add("  a quotation (%d milestones, no documents): queries" % few[2],
              str(few[0]), "-", "-", "(detail)", "")


def fill_feasibility(table, res, mos):
    large, small = res["large"], res["small"]
    table.add("**feasibility of a new order, %d open MOs (s)**" % large[2],
              "%.3f" % large[0], "1 s", "%.2f" % large[0], "<= 1 s",
              "ok" if large[0] <= 1.0 else "MISSED")
    table.add("  same, queries at %d / %d open MOs" % (small[2], large[2]),
              "%d / %d" % (small[1], large[1]), "-", "%.2f" % (large[1] / small[1]),
              "constant in N", "ok" if small[1] == large[1] else "MISSED")


def fill_statements(table, res, customers, deliveries):
    ratio_row(table, "**statements, %d customers x %d deliveries (s)** vs one raw SQL "
              "aggregate" % (customers, deliveries), res["prepared"], res["raw"],
              "%.3f", 3.0, "<= 3x")
    table.add("  same: queries, statements, lines", "%d, %d, %d" % (
        res["queries"], res["statements"], res["lines"]), "1", "-", "(detail)", "")


def fill_xlsx(table, res, sizes):
    mib = 1024.0 * 1024.0
    extras = {}
    for lines in sizes:
        report, book = res[(lines, "report")], res[(lines, "workbook")]
        extras[lines] = (report["tracemalloc_peak"] - book["tracemalloc_peak"],
                         report["rss_growth"] - book["rss_growth"])
        table.add("repair XLSX %d lines: peak tracemalloc / RSS growth (MiB)" % lines,
                  "%.1f / %.1f" % (report["tracemalloc_peak"] / mib,
                                   report["rss_growth"] / mib),
                  "%.1f / %.1f" % (book["tracemalloc_peak"] / mib,
                                   book["rss_growth"] / mib),
                  "%.2f" % (report["tracemalloc_peak"]
                            / max(book["tracemalloc_peak"], 1)),
                  "(detail)", "%.1f s, %.0f KiB file" % (
                      report["seconds"], report["file_size"] / 1024.0))
    small, large = extras[sizes[0]], extras[sizes[-1]]
    # beyond the workbook: may not grow by more than 10% of the workbook's growth
    book_growth = (res[(sizes[-1], "workbook")]["tracemalloc_peak"]
                   - res[(sizes[0], "workbook")]["tracemalloc_peak"])
    growth = large[0] - small[0]
    table.add("**repair XLSX: memory beyond the workbook's own, %d -> %d lines "
              "(tracemalloc / RSS, MiB)**" % (sizes[0], sizes[-1]),
              "%.1f -> %.1f / %.1f -> %.1f" % (small[0] / mib, large[0] / mib,
                                               small[1] / mib, large[1] / mib),
              "workbook +%.1f" % (book_growth / mib),
              "%.2f" % (growth / book_growth if book_growth else 0.0),
              "does not grow with the lines",
              "ok" if growth <= 0.1 * book_growth else "MISSED")


# -- main -------------------------------------------------------------------------

def git_commit():
    """Short commit of the checkout, marked when its addons or bench differ."""
    def git(*args):
        return subprocess.run(["git"] + list(args), cwd=common.ROOT, check=False,
                              capture_output=True, text=True).stdout.strip()
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    if git("status", "--porcelain", "--", "addons", "bench"):
        commit += " with local changes"
    return commit


def versions(db):
    rows = psql("SHOW server_version", db)
    return {
        "commit": git_commit(),
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": platform.machine(), "cpus": os.cpu_count(),
        "python": platform.python_version(), "postgresql": rows[0][0],
        "load": "%.1f %.1f %.1f" % os.getloadavg(),
    }


def write_doc(path, table, info, args, sizes, seconds):
    with open(path, "w") as handle:
        command = "./gendan bench" + (" --quick" if args.quick else "") + (
            " --orders %d" % args.orders if args.orders else "")
        handle.write(DOC_HEAD % dict(info, command=command,
                                     minutes=seconds / 60.0,
                                     orders=sizes["orders"], lines=sizes["lines"]))
        handle.write(table.markdown() + "\n")
        if os.path.exists(NOTES):
            with open(NOTES) as notes:
                handle.write("\n" + notes.read())


NOTES = os.path.join(common.ROOT, "bench", "NOTES.md")
DOC_HEAD = """# Benchmarks

Measured by `%(command)s` (bench/run.py, see bench/README.md) on %(date)s,
commit %(commit)s:
`uname -m` %(machine)s, %(cpus)s CPUs, Python %(python)s, PostgreSQL %(postgresql)s;
load average at the end %(load)s (the machine is shared: absolute times vary,
the ratios are measured side by side in the same run). The whole run took
%(minutes).1f minutes.

Order-to-invoice: %(orders)s orders of %(lines)s lines on each database, one
after the other (order i on core Odoo, then order i with gendan), after one
2-line warm-up order each. Core steps only in the ratio; gendan's own steps (review,
task order, deposit, first articles) are the lines below it. Times are
wall-clock seconds, queries are counted on the cursor.

"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke run)")
    parser.add_argument("--orders", type=int, help="orders of the flow benchmark")
    parser.add_argument("--core-db", default="gendan_bench_core")
    parser.add_argument("--gendan-db", default="gendan_bench_gendan")
    parser.add_argument("--source-db", default=os.environ.get("GENDAN_BENCH_SOURCE"),
                        help="database to copy for the gendan side when it does not "
                             "exist (default: build it)")
    parser.add_argument("--output", default=os.path.join(common.ROOT, "docs",
                                                         "benchmarks.md"))
    parser.add_argument("--only", help="comma-separated sections: " + SECTIONS)
    args = parser.parse_args()
    sizes = dict(QUICK if args.quick else FULL)
    if args.orders:
        sizes["orders"] = args.orders
    sections = set((args.only or SECTIONS).split(","))
    common.configure()
    prepare_core(args.core_db)
    prepare_gendan(args.gendan_db, args.source_db)
    table = Table()
    if "flow" in sections:
        log("order-to-invoice: %d orders of %d lines, core and gendan" % (
            sizes["orders"], sizes["lines"]))
        fill_flow(table, bench_flow(args.core_db, args.gendan_db, sizes))
    if "scaling" in sections:
        log("queries per action at N = %s" % (scaling.SIZES,))
        with common.environment(args.gendan_db) as env:
            fill_scaling(table, scaling.queries_per_n(env), scaling.SIZES)
    if "cockpit" in sections:
        log("cockpit read of %d orders" % sizes["cockpit"])
        with common.environment(args.gendan_db) as env:
            fill_cockpit(table, scaling.cockpit_vs_bare(env, sizes["cockpit"]),
                         sizes["cockpit"])
    if "mywork" in sections:
        log('"My work" and "Waiting for Me": %d signed, %d pending' % (
            sizes["signed"], sizes["pending"]))
        with common.environment(args.gendan_db) as env:
            fill_mywork(table, scaling.my_work_vs_bare(
                env, sizes["signed"], sizes["pending"], sizes["signed"] // 10), sizes)
    if "tna" in sections:
        log("T&A form reads")
        with common.environment(args.gendan_db) as env:
            fill_tna(table, scaling.tna_form_queries(env))
    if "feasibility" in sections:
        log("feasibility with %d open MOs" % sizes["mos"])
        with common.environment(args.gendan_db) as env:
            fill_feasibility(table, scaling.feasibility(env, sizes["mos"]),
                             sizes["mos"])
    if "statements" in sections:
        log("statements: %d customers x %d deliveries" % (
            sizes["customers"], sizes["deliveries"]))
        fill_statements(table, scaling.statements_vs_sql(
            args.gendan_db, sizes["customers"], sizes["deliveries"]),
            sizes["customers"], sizes["deliveries"])
    if "xlsx" in sections:
        log("repair XLSX at %s lines" % (sizes["xlsx"],))
        fill_xlsx(table, bench_xlsx(args.gendan_db, sizes), sizes["xlsx"])
    seconds = time.time() - START
    print()
    print(table.text())
    print("\nwhole run: %.1f minutes" % (seconds / 60.0))
    write_doc(args.output, table, versions(args.gendan_db), args, sizes, seconds)
    log("written to %s" % args.output)
    return 0


START = time.time()

if __name__ == "__main__":
    sys.exit(main())
