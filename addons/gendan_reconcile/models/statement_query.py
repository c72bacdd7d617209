"""The SQL of the statements of account, in one place.

A preparation computes every line of a period once, into a temporary table
(``StatementQuery.compute``), sums it per partner, reads the partners'
account balances and inserts all the lines with one ``INSERT ... SELECT``:
the number of queries does not grow with partners or deliveries.
"""
from datetime import timedelta

from odoo import fields

# The done moves of the partners' order lines up to the end of the period,
# for the order lines moved in the period: {line} is the move's order line
# field, {usage} the partner's location usage ({ours}: the location, source or
# destination, that is the partner's when the goods go our usual way).
PERIOD_LINES_SQL = """
           SELECT pm.{line} FROM stock_move pm
            WHERE pm.state = 'done' AND pm.date >= %(start)s AND pm.date < %(stop)s"""
MOVES_SQL = """\
    SELECT m.id AS move_id, m.date, m.picking_id, m.product_id,
           m.product_uom AS uom_id, m.{line} AS order_line_id,
           p.commercial_partner_id AS partner_id,
           CASE WHEN {ours}.usage = '{usage}' THEN m.product_uom_qty
                ELSE -m.product_uom_qty END AS quantity,
           SUM(CASE WHEN {ours}.usage = '{usage}' THEN m.product_uom_qty
                    ELSE -m.product_uom_qty END)
               OVER (PARTITION BY m.{line} ORDER BY m.date, m.id) AS cum_qty
      FROM stock_move m
      JOIN stock_location src ON src.id = m.location_id
      JOIN stock_location dst ON dst.id = m.location_dest_id
      JOIN {line_table} ON {line_alias}.id = m.{line}
      JOIN {order_table} ON {order_alias}.id = {line_alias}.order_id
      JOIN res_partner p ON p.id = {order_alias}.partner_id
     WHERE m.state = 'done' AND m.company_id = %(company)s AND m.date < %(stop)s
       AND (dst.usage = '{usage}') <> (src.usage = '{usage}')
       AND (%(all)s OR p.commercial_partner_id = ANY(%(partners)s))
       AND m.{line} IN ({period_lines})
"""


def _moves_of(line, ours, usage, line_table, order_table):
    """{moves, period_lines} of one type (tables given with their alias)."""
    period_lines = PERIOD_LINES_SQL.format(line=line)
    return {"period_lines": period_lines, "moves": MOVES_SQL.format(
        line=line, ours=ours, usage=usage, line_table=line_table,
        line_alias=line_table.split()[1], order_table=order_table,
        order_alias=order_table.split()[1], period_lines=period_lines)}


# The posted invoice that covers a move, whose rate values it: the line's
# invoices in order (date, id), each covering the next stretch of the line's
# quantity; a move belongs to the one whose stretch holds its cumulative
# quantity (a line invoiced twice at two rates: each delivery at its own).
COVER_SQL = """
  LEFT JOIN (
    SELECT q.order_line_id, q.invoice_id, SUM(q.qty) OVER w - q.qty AS cum_from,
           SUM(q.qty) OVER w AS cum_to
      FROM (SELECT {line_col} AS order_line_id, ai.id AS invoice_id,
                   ai.date_invoice, SUM(ail.quantity) AS qty
              FROM {invoice_lines}
              JOIN account_invoice ai ON ai.id = ail.invoice_id
             WHERE ai.state IN ('open', 'paid') AND ai.type = '{invoice_type}'
               AND {line_col} IN ({period_lines})
             GROUP BY {line_col}, ai.id, ai.date_invoice) q
    WINDOW w AS (PARTITION BY q.order_line_id ORDER BY q.date_invoice, q.invoice_id)
  ) cover ON cover.order_line_id = x.order_line_id
         AND x.cum_qty > cover.cum_from + %(epsilon)s
         AND x.cum_qty <= cover.cum_to + %(epsilon)s
  LEFT JOIN account_invoice ai ON ai.id = COALESCE(cover.invoice_id, inv.invoice_id)"""


# Customer deliveries (and returns) of the period with their sale line, the
# quantity delivered on that line so far (window over the line's moves) and
# what its posted invoices cover. Plain subqueries, no CTE: the planner then
# hash-joins them (a materialised CTE is estimated at one row and nested-looped).
_CUSTOMER = _moves_of(
    "sale_line_id", "dst", "customer", "sale_order_line sol", "sale_order so")
CUSTOMER_MOVES_SQL = """
SELECT x.*, so.id AS sale_order_id, so.name AS order_ref,
       so.customer_po AS partner_ref, sp.name AS reference, sol.currency_id,
       sol.price_unit * (1 - COALESCE(sol.discount, 0) / 100.0) AS price_unit,
       inv.invoiced_qty, COALESCE(cover.invoice_id, inv.invoice_id) AS invoice_id,
       inv.invoice_ref,
       ai.amount_total_company_signed / NULLIF(ai.amount_total_signed, 0)
           AS invoice_rate,
       so.user_id, so.merchandiser_id
  FROM (
{moves}  ) x
  JOIN sale_order_line sol ON sol.id = x.order_line_id
  JOIN sale_order so ON so.id = sol.order_id
  LEFT JOIN stock_picking sp ON sp.id = x.picking_id
  LEFT JOIN (
    SELECT rel.order_line_id,
           SUM(CASE WHEN ai.type = 'out_refund' THEN -ail.quantity
                    ELSE ail.quantity END) AS invoiced_qty,
           MAX(ai.id) FILTER (WHERE ai.type = 'out_invoice') AS invoice_id,
           string_agg(DISTINCT ai.number, ', ') AS invoice_ref
      FROM sale_order_line_invoice_rel rel
      JOIN account_invoice_line ail ON ail.id = rel.invoice_line_id
      JOIN account_invoice ai ON ai.id = ail.invoice_id
     WHERE ai.state IN ('open', 'paid') AND rel.order_line_id IN ({period_lines})
     GROUP BY rel.order_line_id
  ) inv ON inv.order_line_id = x.order_line_id{cover}
 WHERE x.date >= %(start)s
""".format(cover=COVER_SQL.format(
    line_col="rel.order_line_id", invoice_type="out_invoice",
    invoice_lines="sale_order_line_invoice_rel rel JOIN account_invoice_line ail "
                  "ON ail.id = rel.invoice_line_id",
    period_lines=_CUSTOMER["period_lines"]), **_CUSTOMER)

# Receipts (and returns to vendors) of the period, matched to vendor bills.
_SUPPLIER = _moves_of(
    "purchase_line_id", "src", "supplier", "purchase_order_line pol",
    "purchase_order po")
SUPPLIER_MOVES_SQL = """
SELECT x.*, NULL::integer AS sale_order_id, po.name AS order_ref,
       po.partner_ref AS partner_ref, sp.name AS reference, pol.currency_id,
       pol.price_unit, inv.invoiced_qty,
       COALESCE(cover.invoice_id, inv.invoice_id) AS invoice_id, inv.invoice_ref,
       ai.amount_total_company_signed / NULLIF(ai.amount_total_signed, 0)
           AS invoice_rate,
       po.create_uid AS user_id, NULL::integer AS merchandiser_id
  FROM (
{moves}  ) x
  JOIN purchase_order_line pol ON pol.id = x.order_line_id
  JOIN purchase_order po ON po.id = pol.order_id
  LEFT JOIN stock_picking sp ON sp.id = x.picking_id
  LEFT JOIN (
    SELECT ail.purchase_line_id AS order_line_id,
           SUM(CASE WHEN ai.type = 'in_refund' THEN -ail.quantity
                    ELSE ail.quantity END) AS invoiced_qty,
           MAX(ai.id) FILTER (WHERE ai.type = 'in_invoice') AS invoice_id,
           string_agg(DISTINCT COALESCE(ai.reference, ai.number), ', ') AS invoice_ref
      FROM account_invoice_line ail
      JOIN account_invoice ai ON ai.id = ail.invoice_id
     WHERE ai.state IN ('open', 'paid') AND ail.purchase_line_id IN ({period_lines})
     GROUP BY ail.purchase_line_id
  ) inv ON inv.order_line_id = x.order_line_id{cover}
 WHERE x.date >= %(start)s
""".format(cover=COVER_SQL.format(
    line_col="ail.purchase_line_id", invoice_type="in_invoice",
    invoice_lines="account_invoice_line ail",
    period_lines=_SUPPLIER["period_lines"]), **_SUPPLIER)

# Rate of a currency ({currency}) at a date ({date}): the latest rate up to that
# day (the company's own before a shared one), else the earliest rate up to
# the end of the period, else 1.
RATE_AT_SQL = """COALESCE(
    (SELECT r.rate FROM res_currency_rate r
      WHERE r.currency_id = {currency} AND r.name <= {date}::date
        AND (r.company_id = %(company)s OR r.company_id IS NULL)
      ORDER BY r.name DESC, r.company_id NULLS LAST LIMIT 1),
    (SELECT r.rate FROM res_currency_rate r
      WHERE r.currency_id = {currency} AND r.name <= %(date_to)s
        AND (r.company_id = %(company)s OR r.company_id IS NULL)
      ORDER BY r.name, r.company_id NULLS LAST LIMIT 1),
    1.0)"""

# Receivable/payable movements of the partners up to the end of the period,
# in the company currency (balance) and in each partner's statement currency
# (%(currencies)s pairs with %(partners)s): an entry in that currency counts its
# own amount (an exchange difference counts nothing), any other is converted
# at the rate of its day (looked up once per currency and day).
BALANCE_SQL = """
WITH entries AS MATERIALIZED (
    SELECT aml.partner_id, aml.date, aml.balance, aml.payment_id, ai.type,
           p.currency_id,
           CASE WHEN p.currency_id = %(currency)s THEN aml.balance
                WHEN aml.currency_id = p.currency_id THEN aml.amount_currency
           END AS amount_currency
      FROM account_move_line aml
      JOIN unnest(%(partners)s::integer[], %(currencies)s::integer[])
               AS p(partner_id, currency_id) ON p.partner_id = aml.partner_id
      JOIN account_move am ON am.id = aml.move_id
      JOIN account_account aa ON aa.id = aml.account_id
      LEFT JOIN account_invoice ai ON ai.id = aml.invoice_id
     WHERE am.state = 'posted' AND aa.internal_type = %(account_type)s
       AND aml.company_id = %(company)s AND aml.date <= %(date_to)s
), day_rates AS (
    SELECT d.currency_id, d.day, {statement_rate} / {company_rate} AS rate
      FROM (SELECT DISTINCT currency_id, date AS day FROM entries
             WHERE amount_currency IS NULL) d
)
SELECT e.partner_id, {sums}, {sums_currency}
  FROM (SELECT e.*, COALESCE(e.amount_currency, ROUND(
                   e.balance * dr.rate / c.rounding) * c.rounding) AS amount_in
          FROM entries e
          JOIN res_currency c ON c.id = e.currency_id
          LEFT JOIN day_rates dr ON dr.currency_id = e.currency_id AND dr.day = e.date
       ) e
 GROUP BY e.partner_id
"""
BALANCE_SUMS = """
       COALESCE(SUM(e.{amount}) FILTER (WHERE e.date < %(date_from)s), 0)
           AS opening{suffix},
       COALESCE(SUM(e.{amount}) FILTER (WHERE e.date >= %(date_from)s
                AND e.type = %(invoice_type)s), 0) AS invoiced{suffix},
       COALESCE(SUM(e.{amount}) FILTER (WHERE e.date >= %(date_from)s
                AND e.type = %(refund_type)s), 0) AS refunded{suffix},
       COALESCE(SUM(e.{amount}) FILTER (WHERE e.date >= %(date_from)s
                AND e.payment_id IS NOT NULL), 0) AS paid{suffix},
       COALESCE(SUM(e.{amount}) FILTER (WHERE e.date >= %(date_from)s), 0)
           AS movement{suffix}"""

BALANCE_SQL = BALANCE_SQL.format(
    statement_rate=RATE_AT_SQL.format(currency="d.currency_id", date="d.day"),
    company_rate=RATE_AT_SQL.format(currency="%(currency)s", date="d.day"),
    sums=BALANCE_SUMS.format(amount="balance", suffix=""),
    sums_currency=BALANCE_SUMS.format(amount="amount_in", suffix="_currency"))

# The statement lines, computed from the moves query ({moves}): how far the
# delivered quantity is invoiced, the rate (the invoice's when invoiced, else
# the delivery day's) and the amounts rounded like the currencies round them.
# Rates are looked up once per currency and day (not per line: the planner
# would cost a subquery per line and JIT-compile the query for seconds).
LINES_SQL = """
WITH moves AS MATERIALIZED (
    SELECT m.*, m.quantity * m.price_unit AS amount_raw,
           CASE WHEN COALESCE(m.invoiced_qty, 0) >= m.cum_qty - %(epsilon)s
                    THEN 'invoiced'
                WHEN COALESCE(m.invoiced_qty, 0)
                     > m.cum_qty - m.quantity + %(epsilon)s THEN 'partial'
                ELSE 'none' END AS invoice_state
      FROM ({moves}) m
), day_rates AS (
    SELECT d.currency_id, d.day, {company_rate} / {line_rate} AS rate
      FROM (SELECT DISTINCT currency_id, date::date AS day FROM moves
             WHERE currency_id <> %(currency)s) d
)
SELECT v.*,
       ROUND(v.amount_raw * v.currency_rate / %(rounding)s) * %(rounding)s AS amount
  FROM (
    SELECT s.*,
           ROUND(s.amount_raw / lc.rounding) * lc.rounding AS amount_currency,
           CASE WHEN s.invoice_state <> 'none' AND s.invoice_rate <> 0
                    THEN s.invoice_rate
                WHEN s.currency_id = %(currency)s THEN 1.0
                ELSE dr.rate END AS currency_rate
      FROM moves s
      JOIN res_currency lc ON lc.id = s.currency_id
      LEFT JOIN day_rates dr
             ON dr.currency_id = s.currency_id AND dr.day = s.date::date
  ) v
""".format(moves="{moves}",
           company_rate=RATE_AT_SQL.format(currency="%(currency)s", date="d.day"),
           line_rate=RATE_AT_SQL.format(currency="d.currency_id", date="d.day"))

# The lines are computed once, into a temporary table that the statements'
# figures and the line insert both read (the moves query is the costly part).
CREATE_ROWS_SQL = """
CREATE TEMPORARY TABLE gendan_statement_rows ON COMMIT DROP AS
{lines}
"""

# The period's posted documents that are no delivery or receipt but belong on
# the statement as lines: customer credit notes (a complaint's compensation,
# a discount) and, for vendors, their credit notes and the bills not matched
# to a purchase line (freight and other charges of the shipments). Amounts in
# the partner's view, signed like the invoice (a credit note is negative).
DOCS_SQL = """
CREATE TEMPORARY TABLE gendan_statement_docs ON COMMIT DROP AS
SELECT ai.id AS invoice_id, ai.commercial_partner_id AS partner_id,
       ai.date_invoice::timestamp AS date, ai.number AS reference,
       ai.origin AS order_ref, ai.reference AS partner_ref,
       ai.currency_id, ai.amount_total_signed AS amount_currency,
       ai.amount_total_company_signed AS amount,
       COALESCE(ai.amount_total_company_signed
                / NULLIF(ai.amount_total_signed, 0), 1.0) AS currency_rate,
       CASE WHEN ai.type IN ('out_refund', 'in_refund') THEN 'credit_note'
            ELSE 'charge' END AS line_type,
       COALESCE(ai.user_id, ai.create_uid) AS user_id
  FROM account_invoice ai
 WHERE ai.state IN ('open', 'paid') AND ai.company_id = %(company)s
   AND ai.date_invoice >= %(start)s AND ai.date_invoice < %(stop)s
   AND (%(all)s OR ai.commercial_partner_id = ANY(%(partners)s))
   AND ({documents})
"""
CUSTOMER_DOCS = "ai.type = 'out_refund'"
SUPPLIER_DOCS = """ai.type = 'in_refund' OR (ai.type = 'in_invoice' AND NOT EXISTS (
       SELECT 1 FROM account_invoice_line ail
        WHERE ail.invoice_id = ai.id AND ail.purchase_line_id IS NOT NULL))"""

# One row per partner with deliveries or documents: the statement's figures
# from its lines (the delivered amounts from the delivery lines only). The
# statement is stated in the currency of its lines when they have one (the
# customer's orders and invoices in USD: a statement in USD), else in the
# company's.
TOTALS_SQL = """
SELECT p.partner_id, COALESCE(l.line_count, 0) + COALESCE(d.doc_count, 0)
           AS line_count,
       COALESCE(l.amount_delivered, 0) AS amount_delivered,
       COALESCE(l.amount_uninvoiced, 0) AS amount_uninvoiced,
       COALESCE(l.uninvoiced_count, 0) AS uninvoiced_count,
       COALESCE(l.user_id, d.user_id) AS user_id, l.merchandiser_id,
       CASE WHEN p.currencies = 1 THEN p.currency_id ELSE %(currency)s END
           AS statement_currency_id,
       COALESCE(CASE WHEN p.currencies = 1 THEN l.amount_delivered_currency
                     ELSE l.amount_delivered END, 0) AS amount_delivered_currency,
       COALESCE(CASE WHEN p.currencies = 1 THEN l.amount_uninvoiced_currency
                     ELSE l.amount_uninvoiced END, 0) AS amount_uninvoiced_currency
  FROM (SELECT partner_id, COUNT(DISTINCT currency_id) AS currencies,
               MIN(currency_id) AS currency_id
          FROM (SELECT partner_id, currency_id FROM gendan_statement_rows
                UNION ALL SELECT partner_id, currency_id FROM gendan_statement_docs) c
         GROUP BY partner_id) p
  LEFT JOIN (
    SELECT l.partner_id, COUNT(*) AS line_count, SUM(l.amount) AS amount_delivered,
           COALESCE(SUM(l.amount) FILTER (WHERE l.invoice_state <> 'invoiced'), 0)
               AS amount_uninvoiced,
           SUM(l.amount_currency) AS amount_delivered_currency,
           COALESCE(SUM(l.amount_currency) FILTER (
               WHERE l.invoice_state <> 'invoiced'), 0) AS amount_uninvoiced_currency,
           COUNT(*) FILTER (WHERE l.invoice_state <> 'invoiced') AS uninvoiced_count,
           (array_agg(l.user_id ORDER BY l.date DESC, l.move_id DESC))[1] AS user_id,
           (array_agg(l.merchandiser_id ORDER BY l.date DESC, l.move_id DESC))[1]
               AS merchandiser_id
      FROM gendan_statement_rows l
     GROUP BY l.partner_id
  ) l ON l.partner_id = p.partner_id
  LEFT JOIN (
    SELECT d.partner_id, COUNT(*) AS doc_count,
           (array_agg(d.user_id ORDER BY d.date DESC, d.invoice_id DESC))[1]
               AS user_id
      FROM gendan_statement_docs d
     GROUP BY d.partner_id
  ) d ON d.partner_id = p.partner_id
 ORDER BY p.partner_id
"""

# The lines themselves, inserted straight from the computed rows: a batch of
# 20,000 lines never travels to Python and back. %(statements)s pairs with
# %(partners)s (the statement of each partner; partners without one are left).
INSERT_LINES_SQL = """
INSERT INTO gendan_statement_line (
    statement_id, partner_id, move_id, date, picking_id, reference,
    sale_order_id, order_ref, partner_ref, product_id, uom_id, quantity,
    price_unit, line_currency_id, amount_currency, currency_rate, amount,
    invoice_state, invoice_id, invoice_ref, is_disputed, line_type,
    create_uid, create_date, write_uid, write_date)
SELECT st.statement_id, l.partner_id, l.move_id, l.date, l.picking_id, l.reference,
       l.sale_order_id, l.order_ref, l.partner_ref, l.product_id, l.uom_id,
       l.quantity, l.price_unit, l.currency_id, l.amount_currency,
       l.currency_rate, l.amount, l.invoice_state, l.invoice_id, l.invoice_ref,
       false, 'delivery', %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s,
       now() AT TIME ZONE 'UTC'
  FROM gendan_statement_rows l
  JOIN unnest(%(partners)s::integer[], %(statements)s::integer[])
           AS st(partner_id, statement_id) ON st.partner_id = l.partner_id
 ORDER BY l.partner_id, l.date, l.move_id
"""

# The document lines (credit notes, charges), after the deliveries.
INSERT_DOCS_SQL = """
INSERT INTO gendan_statement_line (
    statement_id, partner_id, date, reference, order_ref, partner_ref,
    line_currency_id, amount_currency, currency_rate, amount, invoice_state,
    invoice_id, invoice_ref, is_disputed, line_type,
    create_uid, create_date, write_uid, write_date)
SELECT st.statement_id, d.partner_id, d.date, d.reference, d.order_ref,
       d.partner_ref, d.currency_id, d.amount_currency, d.currency_rate, d.amount,
       'invoiced', d.invoice_id, d.reference, false, d.line_type,
       %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC'
  FROM gendan_statement_docs d
  JOIN unnest(%(partners)s::integer[], %(statements)s::integer[])
           AS st(partner_id, statement_id) ON st.partner_id = d.partner_id
 ORDER BY d.partner_id, d.date, d.invoice_id
"""

TYPE_SETTINGS = {
    "customer": dict(rows=CREATE_ROWS_SQL.format(
                         lines=LINES_SQL.format(moves=CUSTOMER_MOVES_SQL)),
                     docs=DOCS_SQL.format(documents=CUSTOMER_DOCS),
                     account_type="receivable", sign=1, order_model="sale.order",
                     invoice_type="out_invoice", refund_type="out_refund"),
    "supplier": dict(rows=CREATE_ROWS_SQL.format(
                         lines=LINES_SQL.format(moves=SUPPLIER_MOVES_SQL)),
                     docs=DOCS_SQL.format(documents=SUPPLIER_DOCS),
                     account_type="payable", sign=-1, order_model="purchase.order",
                     invoice_type="in_invoice", refund_type="in_refund"),
}

EPSILON = 1e-6


class StatementQuery(object):
    """The queries of one preparation: one type, company and period."""

    def __init__(self, cr, statement_type, company, date_from, date_to):
        self.cr = cr
        self.settings = TYPE_SETTINGS[statement_type]
        self.company = company
        self.date_from, self.date_to = date_from, date_to

    def compute(self, partners=None):
        """Compute the lines of ``partners`` (all if None) into the temporary
        table; returns {partner id: row of TOTALS_SQL}."""
        stop = fields.Date.from_string(self.date_to) + timedelta(days=1)
        currency = self.company.currency_id
        # a refused preparation earlier in the transaction may have left it
        self.drop()
        params = {
            "company": self.company.id, "start": self.date_from,
            "stop": fields.Date.to_string(stop), "date_to": self.date_to,
            "all": partners is None,
            "partners": partners.ids if partners is not None else [],
            "currency": currency.id, "rounding": currency.rounding,
            "epsilon": EPSILON}
        self.cr.execute(self.settings["rows"], params)
        self.cr.execute(self.settings["docs"], params)
        self.cr.execute(TOTALS_SQL, params)
        return {row["partner_id"]: row for row in self.cr.dictfetchall()}

    def balances(self, partner_ids, currency_ids):
        """{partner id: opening/invoiced/... in the partner's view, in company
        currency and, suffixed ``_currency``, in the statement currency of
        the partner (``currency_ids[i]`` of ``partner_ids[i]``)}."""
        settings = self.settings
        self.cr.execute(BALANCE_SQL, {
            "date_from": self.date_from, "date_to": self.date_to,
            "company": self.company.id, "partners": partner_ids,
            "currencies": currency_ids, "currency": self.company.currency_id.id,
            "account_type": settings["account_type"],
            "invoice_type": settings["invoice_type"],
            "refund_type": settings["refund_type"]})
        result = {}
        for row in self.cr.dictfetchall():
            figures = self._balance_figures(row, "")
            figures.update(self._balance_figures(row, "_currency"))
            result[row["partner_id"]] = figures
        return result

    def _balance_figures(self, row, suffix):
        """The statement's account figures from a row of BALANCE_SQL."""
        sign = self.settings["sign"]
        opening, movement = row["opening" + suffix], row["movement" + suffix]
        invoiced = sign * row["invoiced" + suffix]
        refunded = -sign * row["refunded" + suffix]
        paid = -sign * row["paid" + suffix]
        figures = {
            "opening_balance": sign * opening, "invoiced_amount": invoiced,
            "credit_note_amount": refunded, "payment_amount": paid,
            "other_amount": sign * movement - invoiced + refunded + paid,
            "closing_balance": sign * (opening + movement)}
        return {name + suffix: value for name, value in figures.items()}

    def insert_lines(self, partner_ids, statement_ids, uid):
        """Insert the computed lines, those of ``partner_ids[i]`` into
        ``statement_ids[i]``."""
        params = {"partners": partner_ids, "statements": statement_ids, "uid": uid}
        self.cr.execute(INSERT_LINES_SQL, params)
        self.cr.execute(INSERT_DOCS_SQL, params)

    def drop(self):
        self.cr.execute("DROP TABLE IF EXISTS gendan_statement_rows")
        self.cr.execute("DROP TABLE IF EXISTS gendan_statement_docs")


def count_lines_outside_rule(cr, table, rule, statement_ids):
    """(lines of ``statement_ids``, those the record rule ``rule`` (a
    ``ir.rule.domain_get`` triple) lets through), in one query."""
    where, where_params, tables = rule
    # table names and clauses come from the ORM, the values are parameters
    query = 'SELECT COUNT(*), COUNT(*) FILTER (WHERE "%s".id IN (' \
            'SELECT "%s".id FROM %s WHERE %s)) FROM "%s" ' \
            'WHERE "%s".statement_id IN %%s' % (
                table, table, ",".join(tables), " AND ".join(where), table, table)
    cr.execute(  # pylint: disable=sql-injection
        query, where_params + [tuple(statement_ids)])
    return cr.fetchone()


def next_sequence_numbers(cr, sequence, count):
    """``count`` numbers of a standard PostgreSQL ``ir.sequence``, in one query."""
    cr.execute("SELECT nextval('ir_sequence_%03d') FROM generate_series(1, %%s)"
               % sequence.id, (count,))  # pylint: disable=sql-injection
    return [sequence.get_next_char(number) for (number,) in cr.fetchall()]
