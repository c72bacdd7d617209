"""Benchmark: prepare the statements of CUSTOMERS customers x DELIVERIES
deliveries each, against one raw SQL aggregate over the same moves.

    .venv/bin/python addons/gendan_reconcile/bench/bench_statements.py DB \
        [CUSTOMERS=500] [DELIVERIES=40]      (from the repository root)

Needs a database with gendan_reconcile and its demo data (a done delivery of a
sale line is cloned). The preparation runs as the demo merchandiser (as the
wizard would, access checks included). Also printed: the time of each query
of the preparation and, as floors, the time to write the same lines again
into their table (foreign keys and indexes) and into a bare temporary table.
Everything is rolled back at the end.
"""
import sys
import time
from contextlib import contextmanager

import gendan_compat  # noqa: F401  (must precede odoo)
import odoo
from odoo.api import Environment
from odoo.sql_db import Cursor
from odoo.tools import config

PERIOD = ("2001-01-01", "2001-01-31")


def columns(cr, table):
    cr.execute("SELECT column_name FROM information_schema.columns "
               "WHERE table_name = %s AND column_name != 'id'", (table,))
    return [row[0] for row in cr.fetchall()]


def clone(cr, table, template_id, overrides, source):
    """INSERT copies of row ``template_id``; ``overrides``: column -> SQL
    expression over ``source`` (a FROM fragment aliased ``g``)."""
    cols = columns(cr, table)
    select = ", ".join(overrides.get(col, "t.%s" % col) for col in cols)
    query = 'INSERT INTO "%s" (%s) SELECT %s FROM "%s" t, %s ' \
            "WHERE t.id = %%s ORDER BY g.n RETURNING id" % (
                table, ", ".join(cols), select, table, source)
    cr.execute(query, (template_id,))  # pylint: disable=sql-injection
    return [row[0] for row in cr.fetchall()]


def build(env, customers, deliveries):
    cr = env.cr
    move = env["stock.move"].search([
        ("sale_line_id", "!=", False), ("state", "=", "done"),
        ("location_dest_id.usage", "=", "customer")], limit=1)
    line = move.sale_line_id
    order = line.order_id
    partners = clone(cr, "res_partner", order.partner_id.id,
                     {"name": "'Bench Customer ' || g.n"},
                     "generate_series(1, %d) AS g(n)" % customers)
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
               (partners,))
    orders = clone(cr, "sale_order", order.id,
                   {"name": "'BENCH/' || g.n", "partner_id": "g.pid"},
                   "unnest(ARRAY%s) WITH ORDINALITY AS g(pid, n)" % partners)
    lines = clone(cr, "sale_order_line", line.id, {"order_id": "g.oid"},
                  "unnest(ARRAY%s) WITH ORDINALITY AS g(oid, n)" % orders)
    clone(cr, "stock_move", move.id, {
        "sale_line_id": "g.lid", "picking_id": "NULL",
        "date": "'2001-01-02'::timestamp + (g.n %% 28) * interval '1 day'"},
        "(SELECT lid, row_number() OVER () AS n FROM unnest(ARRAY%s) AS lid, "
        "generate_series(1, %d)) AS g" % (lines, deliveries))
    env["res.partner"].invalidate_cache()


@contextmanager
def timed_queries(timings):
    """Append (seconds, first words) of every query run in the block."""
    execute = Cursor.execute

    def timed(self, query, params=None, log_exceptions=None):
        start = time.time()
        try:
            return execute(self, query, params, log_exceptions)
        finally:
            timings.append((time.time() - start, " ".join(str(query).split())[:60]))
    Cursor.execute = timed
    try:
        yield
    finally:
        Cursor.execute = execute


def write_floors(cr, statement_ids):
    """Seconds to INSERT the prepared lines again into their table (11
    foreign keys and 4 indexes checked per row) and into a bare table."""
    cols = ", ".join(columns(cr, "gendan_statement_line"))
    select = "SELECT %s FROM gendan_statement_line WHERE statement_id = ANY(%%s)" % cols
    cr.execute("CREATE TEMPORARY TABLE bench_bare_lines AS %s LIMIT 0" % select,
               (statement_ids,))
    floors = []
    for table in ("gendan_statement_line", "bench_bare_lines"):
        start = time.time()
        cr.execute("INSERT INTO %s (%s) %s" % (table, cols, select), (statement_ids,))
        floors.append(time.time() - start)
    return floors


def main():
    config.parse_config(["--config", "odoo.conf", "--log-level", "warn"])
    db = sys.argv[1]
    customers = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    deliveries = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    registry = odoo.registry(db)
    with Environment.manage(), registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {})
        build(env, customers, deliveries)
        # statistics of the new rows, as a live database would have them
        cr.execute("ANALYZE res_partner, sale_order, sale_order_line, stock_move")
        start = time.time()
        cr.execute("""
            SELECT p.commercial_partner_id, SUM(m.product_uom_qty * sol.price_unit)
              FROM stock_move m
              JOIN sale_order_line sol ON sol.id = m.sale_line_id
              JOIN sale_order so ON so.id = sol.order_id
              JOIN res_partner p ON p.id = so.partner_id
             WHERE m.state = 'done' AND m.date >= %s AND m.date < %s::date + 1
             GROUP BY p.commercial_partner_id""", PERIOD)
        groups = len(cr.fetchall())
        raw = time.time() - start
        user = env.ref("gendan_base.user_merchandiser_demo")
        Statement = env["gendan.statement"].sudo(user)
        # warm the access caches (a month without deliveries creates nothing)
        Statement._prepare_statements("customer", "1990-01-01", "1990-01-31")
        queries = cr.sql_log_count
        timings = []
        start = time.time()
        with timed_queries(timings):
            statements = Statement._prepare_statements("customer", *PERIOD)
        prepared = time.time() - start
        queries = cr.sql_log_count - queries
        lines = env["gendan.statement.line"].search_count(
            [("statement_id", "in", statements.ids)])
        print("customers=%d deliveries/customer=%d" % (customers, deliveries))
        print("raw SQL aggregate: %.3fs (%d groups)" % (raw, groups))
        print("prepare statements: %.3fs, %d queries, %d statements, %d lines"
              % (prepared, queries, len(statements), lines))
        print("ratio: %.1fx" % (prepared / raw if raw else 0))
        for seconds, query in sorted(timings, reverse=True)[:4]:
            print("  %.3fs  %s" % (seconds, query))
        again, bare = write_floors(cr, statements.ids)
        print("floor, the same lines written again: %.3fs (%.1fx); into a bare "
              "table: %.3fs" % (again, again / raw if raw else 0, bare))
        cr.rollback()


if __name__ == "__main__":
    main()
