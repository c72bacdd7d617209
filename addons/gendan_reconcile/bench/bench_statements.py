"""Benchmark: prepare the statements of CUSTOMERS customers x DELIVERIES
deliveries each, against one raw SQL aggregate over the same moves.

    .venv/bin/python addons/gendan_reconcile/bench/bench_statements.py DB \
        [CUSTOMERS=500] [DELIVERIES=40]      (from the repository root)

Needs a database with gendan_reconcile and its demo data (a done delivery of a
sale line is cloned). Everything is rolled back at the end.
"""
import sys
import time

import gendan_compat  # noqa: F401  (must precede odoo)
import odoo
from odoo.api import Environment
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


def main():
    config.parse_config(["--config", "odoo.conf", "--log-level", "warn"])
    db = sys.argv[1]
    customers = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    deliveries = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    registry = odoo.registry(db)
    with Environment.manage(), registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {})
        build(env, customers, deliveries)
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
        queries = cr.sql_log_count
        start = time.time()
        statements = env["gendan.statement"]._prepare_statements("customer", *PERIOD)
        prepared = time.time() - start
        queries = cr.sql_log_count - queries
        lines = env["gendan.statement.line"].search_count(
            [("statement_id", "in", statements.ids)])
        print("customers=%d deliveries/customer=%d" % (customers, deliveries))
        print("raw SQL aggregate: %.3fs (%d groups)" % (raw, groups))
        print("prepare statements: %.3fs, %d queries, %d statements, %d lines"
              % (prepared, queries, len(statements), lines))
        print("ratio: %.1fx" % (prepared / raw if raw else 0))
        cr.rollback()


if __name__ == "__main__":
    main()
