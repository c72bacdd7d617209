"""Peak memory of the quarterly repair analysis XLSX (gendan_complaint) for
LINES repair returns, against the workbook's own: the same rows streamed from
the same query into a bare XlsxWriter workbook with the same options.

    .venv/bin/python bench/repair_xlsx.py DB LINES report|workbook

Prints one JSON object: lines, mode, peak RSS growth and tracemalloc peak
(bytes), size of the file. One process per measure: RSS peaks are per process.
Everything is rolled back.
"""
import io
import json
import sys
import threading
import time
import tracemalloc

import xlsxwriter

from common import environment

YEAR = 2001
TEMPLATES = "SELECT id FROM mrp_repair WHERE is_customer_return ORDER BY id"


def rss():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096


class RssPeak(object):
    """Highest resident set size seen every 5 ms while the block runs."""

    def __init__(self):
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, rss())
            time.sleep(0.005)

    def __enter__(self):
        self.start = rss()
        self.peak = self.start
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss())
        self.growth = self.peak - self.start
        return False


def build(env, lines):
    """``lines`` customer returns in Q1 of YEAR, cloned from the demo returns."""
    cr = env.cr
    cr.execute(TEMPLATES)
    templates = [row[0] for row in cr.fetchall()]
    cr.execute("SELECT column_name FROM information_schema.columns "
               "WHERE table_name = 'mrp_repair' AND column_name != 'id'")
    cols = [row[0] for row in cr.fetchall()]
    overrides = {
        "name": "'BENCH/' || g.n",
        "return_date": "'%d-01-01'::date + mod(g.n, 90)" % YEAR,
    }
    select = ", ".join(overrides.get(col, "t.%s" % col) for col in cols)
    cr.execute(  # pylint: disable=sql-injection
        "INSERT INTO mrp_repair (%s) SELECT %s FROM generate_series(1, %%s) g(n) "
        "JOIN mrp_repair t ON t.id = (%%s::int[])[1 + mod(g.n, %%s)]" % (
            ", ".join(cols), select), (lines, templates, len(templates)))
    quarter = env["gendan.repair.quarter"].create({"year": YEAR, "quarter": "1"})
    quarter.action_refresh()
    assert quarter.repair_count == lines, quarter.repair_count
    return quarter


def export_report(env, quarter):
    report = env.ref("gendan_complaint.action_report_repair_quarter_xlsx")
    data, kind = report.render_xlsx(quarter.ids, {})
    assert kind == "xlsx"
    return data


def export_workbook(env, quarter):
    """The workbook's own: the detail rows written as the report writes them,
    fetched in pages, into a workbook created as report_xlsx creates it."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, env["report.report_xlsx.abstract"]
                                   .get_workbook_options())
    sheet = workbook.add_worksheet("Detail")
    rows = env["report.gendan_complaint.repair_quarter_xlsx"]._detail_rows(quarter)
    for row, values in enumerate(rows, 1):
        for col, value in enumerate(values):
            sheet.write(row, col, value)
    workbook.close()
    buffer.seek(0)
    return buffer.read()


def main():
    db, lines, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    export = {"report": export_report, "workbook": export_workbook}[mode]
    with environment(db) as env:
        # warm the code paths on an empty quarter
        export(env, env["gendan.repair.quarter"].create({"year": YEAR + 1}))
        quarter = build(env, lines)
        env["base"].invalidate_cache()
        with RssPeak() as peak:
            start = time.perf_counter()
            data = export(env, quarter)
            seconds = time.perf_counter() - start
        size = len(data)
        del data
        env["base"].invalidate_cache()
        tracemalloc.start()
        export(env, quarter)
        _current, traced = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(json.dumps({"lines": lines, "mode": mode, "rss_growth": peak.growth,
                      "tracemalloc_peak": traced, "seconds": seconds,
                      "file_size": size}))


if __name__ == "__main__":
    main()
