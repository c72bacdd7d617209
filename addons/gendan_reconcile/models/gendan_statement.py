import base64
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.addons.gendan_base.engine import (
    check_engine, engine, in_engine, insert_rows, transition)

# Customer deliveries (and returns) of the period with their sale line, the
# quantity delivered on that line so far (window over the line's moves) and
# what its posted invoices cover. Plain subqueries, no CTE: the planner then
# hash-joins them (a materialised CTE is estimated at one row and nested-looped).
CUSTOMER_MOVES_SQL = """
SELECT x.*, so.id AS sale_order_id, so.name AS order_ref,
       so.customer_po AS partner_ref, sp.name AS reference, sol.currency_id,
       sol.price_unit * (1 - COALESCE(sol.discount, 0) / 100.0) AS price_unit,
       inv.invoiced_qty, inv.invoice_id, inv.invoice_ref,
       ai.amount_total_company_signed / NULLIF(ai.amount_total_signed, 0)
           AS invoice_rate,
       so.user_id, so.merchandiser_id
  FROM (
    SELECT m.id AS move_id, m.date, m.picking_id, m.product_id,
           m.product_uom AS uom_id, m.sale_line_id AS order_line_id,
           p.commercial_partner_id AS partner_id,
           CASE WHEN dst.usage = 'customer' THEN m.product_uom_qty
                ELSE -m.product_uom_qty END AS quantity,
           SUM(CASE WHEN dst.usage = 'customer' THEN m.product_uom_qty
                    ELSE -m.product_uom_qty END)
               OVER (PARTITION BY m.sale_line_id ORDER BY m.date, m.id) AS cum_qty
      FROM stock_move m
      JOIN stock_location src ON src.id = m.location_id
      JOIN stock_location dst ON dst.id = m.location_dest_id
      JOIN sale_order_line sol ON sol.id = m.sale_line_id
      JOIN sale_order so ON so.id = sol.order_id
      JOIN res_partner p ON p.id = so.partner_id
     WHERE m.state = 'done' AND m.company_id = %(company)s AND m.date < %(stop)s
       AND (dst.usage = 'customer') <> (src.usage = 'customer')
       AND (%(all)s OR p.commercial_partner_id = ANY(%(partners)s))
       AND m.sale_line_id IN (
           SELECT pm.sale_line_id FROM stock_move pm
            WHERE pm.state = 'done' AND pm.date >= %(start)s AND pm.date < %(stop)s)
  ) x
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
     WHERE ai.state IN ('open', 'paid') AND rel.order_line_id IN (
           SELECT pm.sale_line_id FROM stock_move pm
            WHERE pm.state = 'done' AND pm.date >= %(start)s AND pm.date < %(stop)s)
     GROUP BY rel.order_line_id
  ) inv ON inv.order_line_id = x.order_line_id
  LEFT JOIN account_invoice ai ON ai.id = inv.invoice_id
 WHERE x.date >= %(start)s
"""

# Receipts (and returns to vendors) of the period, matched to vendor bills.
SUPPLIER_MOVES_SQL = """
SELECT x.*, NULL::integer AS sale_order_id, po.name AS order_ref,
       po.partner_ref AS partner_ref, sp.name AS reference, pol.currency_id,
       pol.price_unit, inv.invoiced_qty, inv.invoice_id, inv.invoice_ref,
       ai.amount_total_company_signed / NULLIF(ai.amount_total_signed, 0)
           AS invoice_rate,
       po.create_uid AS user_id, NULL::integer AS merchandiser_id
  FROM (
    SELECT m.id AS move_id, m.date, m.picking_id, m.product_id,
           m.product_uom AS uom_id, m.purchase_line_id AS order_line_id,
           p.commercial_partner_id AS partner_id,
           CASE WHEN src.usage = 'supplier' THEN m.product_uom_qty
                ELSE -m.product_uom_qty END AS quantity,
           SUM(CASE WHEN src.usage = 'supplier' THEN m.product_uom_qty
                    ELSE -m.product_uom_qty END)
               OVER (PARTITION BY m.purchase_line_id ORDER BY m.date, m.id) AS cum_qty
      FROM stock_move m
      JOIN stock_location src ON src.id = m.location_id
      JOIN stock_location dst ON dst.id = m.location_dest_id
      JOIN purchase_order_line pol ON pol.id = m.purchase_line_id
      JOIN purchase_order po ON po.id = pol.order_id
      JOIN res_partner p ON p.id = po.partner_id
     WHERE m.state = 'done' AND m.company_id = %(company)s AND m.date < %(stop)s
       AND (dst.usage = 'supplier') <> (src.usage = 'supplier')
       AND (%(all)s OR p.commercial_partner_id = ANY(%(partners)s))
       AND m.purchase_line_id IN (
           SELECT pm.purchase_line_id FROM stock_move pm
            WHERE pm.state = 'done' AND pm.date >= %(start)s AND pm.date < %(stop)s)
  ) x
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
     WHERE ai.state IN ('open', 'paid') AND ail.purchase_line_id IN (
           SELECT pm.purchase_line_id FROM stock_move pm
            WHERE pm.state = 'done' AND pm.date >= %(start)s AND pm.date < %(stop)s)
     GROUP BY ail.purchase_line_id
  ) inv ON inv.order_line_id = x.order_line_id
  LEFT JOIN account_invoice ai ON ai.id = inv.invoice_id
 WHERE x.date >= %(start)s
"""

# Receivable/payable movements of the partners up to the end of the period.
BALANCE_SQL = """
SELECT aml.partner_id,
       COALESCE(SUM(aml.balance) FILTER (WHERE aml.date < %(date_from)s), 0) AS opening,
       COALESCE(SUM(aml.balance) FILTER (WHERE aml.date >= %(date_from)s
                AND ai.type = %(invoice_type)s), 0) AS invoiced,
       COALESCE(SUM(aml.balance) FILTER (WHERE aml.date >= %(date_from)s
                AND ai.type = %(refund_type)s), 0) AS refunded,
       COALESCE(SUM(aml.balance) FILTER (WHERE aml.date >= %(date_from)s
                AND aml.payment_id IS NOT NULL), 0) AS paid,
       COALESCE(SUM(aml.balance) FILTER (WHERE aml.date >= %(date_from)s), 0)
           AS movement
  FROM account_move_line aml
  JOIN account_move am ON am.id = aml.move_id
  JOIN account_account aa ON aa.id = aml.account_id
  LEFT JOIN account_invoice ai ON ai.id = aml.invoice_id
 WHERE am.state = 'posted' AND aa.internal_type = %(account_type)s
   AND aml.company_id = %(company)s AND aml.date <= %(date_to)s
   AND aml.partner_id = ANY(%(partners)s)
 GROUP BY aml.partner_id
"""

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

# One row per partner: the statement's figures from its lines.
TOTALS_SQL = """
SELECT l.partner_id, COUNT(*) AS line_count, SUM(l.amount) AS amount_delivered,
       COALESCE(SUM(l.amount) FILTER (WHERE l.invoice_state <> 'invoiced'), 0)
           AS amount_uninvoiced,
       COUNT(*) FILTER (WHERE l.invoice_state <> 'invoiced') AS uninvoiced_count,
       (array_agg(l.user_id ORDER BY l.date DESC, l.move_id DESC))[1] AS user_id,
       (array_agg(l.merchandiser_id ORDER BY l.date DESC, l.move_id DESC))[1]
           AS merchandiser_id
  FROM gendan_statement_rows l
 GROUP BY l.partner_id
 ORDER BY l.partner_id
"""

# The lines themselves, inserted straight from the computed rows: a batch of
# 20,000 lines never travels to Python and back. %(statements)s pairs with
# %(partners)s (the statement of each partner; partners without one are left).
INSERT_LINES_SQL = """
INSERT INTO gendan_statement_line (
    statement_id, partner_id, move_id, date, picking_id, reference,
    sale_order_id, order_ref, partner_ref, product_id, uom_id, quantity,
    price_unit, line_currency_id, amount_currency, currency_rate, amount,
    invoice_state, invoice_id, invoice_ref, is_disputed,
    create_uid, create_date, write_uid, write_date)
SELECT st.statement_id, l.partner_id, l.move_id, l.date, l.picking_id, l.reference,
       l.sale_order_id, l.order_ref, l.partner_ref, l.product_id, l.uom_id,
       l.quantity, l.price_unit, l.currency_id, l.amount_currency,
       l.currency_rate, l.amount, l.invoice_state, l.invoice_id, l.invoice_ref,
       false, %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC'
  FROM gendan_statement_rows l
  JOIN unnest(%(partners)s::integer[], %(statements)s::integer[])
           AS st(partner_id, statement_id) ON st.partner_id = l.partner_id
 ORDER BY l.partner_id, l.date, l.move_id
"""

TYPE_SETTINGS = {
    "customer": dict(rows=CREATE_ROWS_SQL.format(
                         lines=LINES_SQL.format(moves=CUSTOMER_MOVES_SQL)),
                     account_type="receivable", sign=1, order_model="sale.order",
                     invoice_type="out_invoice", refund_type="out_refund"),
    "supplier": dict(rows=CREATE_ROWS_SQL.format(
                         lines=LINES_SQL.format(moves=SUPPLIER_MOVES_SQL)),
                     account_type="payable", sign=-1, order_model="purchase.order",
                     invoice_type="in_invoice", refund_type="in_refund"),
}
# computed once when the statement is prepared: never typed, never edited
SNAPSHOT_FIELDS = {
    "statement_type", "partner_id", "date_from", "date_to", "company_id",
    "amount_delivered", "amount_uninvoiced", "uninvoiced_count", "opening_balance",
    "invoiced_amount", "credit_note_amount", "payment_amount", "other_amount",
    "closing_balance"}
# fields the chatter, followers and activities may still change when locked
LOCK_FREE_PREFIXES = ("message_", "activity_")
EPSILON = 1e-6


def last_month(today):
    """(first day, last day) of the calendar month before ``today``."""
    first = today.replace(day=1) - relativedelta(months=1)
    return first, today.replace(day=1) - timedelta(days=1)


class GendanStatement(models.Model):
    """Monthly statement of account (业务对账单) of a customer or a vendor.

    Prepared from the done stock moves of the period, matched to the posted
    invoices of their order lines, with the balance of the receivable (or
    payable) account. Everything is computed once, when prepared; the lines
    can only receive the partner's dispute and its resolution.
    """
    _name = "gendan.statement"
    _description = "Statement of Account"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.signoff.mixin",
                "gendan.sla.mixin"]
    _order = "date_to desc, partner_id, id desc"
    _signoff_gated_states = ["signed", "sent", "confirmed", "disputed"]
    _signoff_reject_state = "draft"
    _state_button_fields = ("sent_date", "confirmed_date")
    _sla_start_field = "sent_date"
    _sla_working_days = 5
    _sla_done_states = ["confirmed", "disputed"]
    _sla_responsible_field = "user_id"

    def _default_date_from(self):
        return fields.Date.to_string(last_month(self._sla_today())[0])

    def _default_date_to(self):
        return fields.Date.to_string(last_month(self._sla_today())[1])

    name = fields.Char("Number", readonly=True, copy=False, default="/")
    statement_type = fields.Selection(
        [("customer", "Customer"), ("supplier", "Supplier")], "Type",
        required=True, default="customer", readonly=True,
        states={"draft": [("readonly", False)]})
    partner_id = fields.Many2one(
        "res.partner", required=True, index=True, readonly=True,
        states={"draft": [("readonly", False)]}, track_visibility="onchange",
        domain=[("is_company", "=", True)])
    partner_lang = fields.Selection(related="partner_id.lang", readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", readonly=True, store=True,
        string="Company Currency")
    date_from = fields.Date(
        "Period Start", required=True, default=lambda self: self._default_date_from(),
        readonly=True,
        states={"draft": [("readonly", False)]})
    date_to = fields.Date(
        "Period End", required=True, default=lambda self: self._default_date_to(),
        readonly=True,
        states={"draft": [("readonly", False)]})
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("sent", "Sent"),
         ("confirmed", "Confirmed"), ("disputed", "Disputed")],
        default="draft", required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange")
    user_id = fields.Many2one(
        "res.users", "Salesperson", index=True, track_visibility="onchange",
        help="Chases the reply and the overdue invoices.")
    merchandiser_id = fields.Many2one("res.users", index=True)
    line_ids = fields.One2many("gendan.statement.line", "statement_id", "Lines")
    line_count = fields.Integer("Deliveries", compute="_compute_line_stats")
    dispute_count = fields.Integer("Disputed Lines", compute="_compute_line_stats")
    amount_delivered = fields.Monetary(
        "Delivered Amount", readonly=True, currency_field="currency_id")
    amount_uninvoiced = fields.Monetary(
        "Not Invoiced", readonly=True, currency_field="currency_id")
    uninvoiced_count = fields.Integer("Lines Not Invoiced", readonly=True)
    opening_balance = fields.Monetary(readonly=True, currency_field="currency_id")
    invoiced_amount = fields.Monetary(
        "Invoiced", readonly=True, currency_field="currency_id")
    credit_note_amount = fields.Monetary(
        "Credit Notes", readonly=True, currency_field="currency_id")
    payment_amount = fields.Monetary(
        "Payments", readonly=True, currency_field="currency_id")
    other_amount = fields.Monetary(
        "Other Entries", readonly=True, currency_field="currency_id")
    closing_balance = fields.Monetary(readonly=True, currency_field="currency_id")
    sent_date = fields.Date(readonly=True, copy=False)
    confirmed_date = fields.Date(readonly=True, copy=False)
    stamped_copy = fields.Binary(
        attachment=True, copy=False,
        help="The statement returned with the partner's stamp (盖章回传件).")
    stamped_copy_filename = fields.Char(copy=False)
    note = fields.Text()

    _sql_constraints = [
        ("partner_period_uniq",
         "unique(statement_type, partner_id, company_id, date_from, date_to)",
         "There is already a statement of this partner for this period."),
    ]

    @api.depends("line_ids.is_disputed")
    def _compute_line_stats(self):
        data = self.env["gendan.statement.line"].read_group(
            [("statement_id", "in", self.ids)], ["statement_id", "is_disputed"],
            ["statement_id", "is_disputed"], lazy=False)
        counts = defaultdict(lambda: [0, 0])
        for row in data:
            counts[row["statement_id"][0]][0] += row["__count"]
            if row["is_disputed"]:
                counts[row["statement_id"][0]][1] += row["__count"]
        for rec in self:
            rec.line_count, rec.dispute_count = counts[rec.id]

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for rec in self:
            self._check_period(rec.date_from, rec.date_to)

    @api.model
    def _check_period(self, date_from, date_to):
        if not date_from or not date_to or date_to < date_from:
            raise ValidationError(_("The period must end on or after its start."))

    # -- CRUD -----------------------------------------------------------------
    @api.model
    def create(self, vals):
        if in_engine():
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "gendan.statement") or "/"
            return super(GendanStatement, self).create(vals)
        return self._create_from_form(vals)

    @api.model
    def _create_from_form(self, vals):
        """A statement typed in the form: prepare it like the batch does."""
        date_from = vals.get("date_from") or self._default_date_from()
        date_to = vals.get("date_to") or self._default_date_to()
        partner = self.env["res.partner"].browse(vals.get("partner_id"))
        if not partner:
            raise UserError(_("Choose the partner of the statement."))
        company = self.env["res.company"].browse(
            vals.get("company_id")) or self.env.user.company_id
        extra = {key: vals[key] for key in ("note", "user_id", "merchandiser_id")
                 if vals.get(key)}
        return self._prepare_statements(
            vals.get("statement_type") or "customer", date_from, date_to,
            partner.commercial_partner_id, company, extra_vals=extra, strict=True,
            refuse_existing=True)

    @api.multi
    def write(self, vals):
        fields_changed = {name for name in vals
                          if not name.startswith(LOCK_FREE_PREFIXES)}
        if fields_changed and self.filtered(lambda rec: rec.state == "confirmed"):
            raise UserError(_("A confirmed statement is locked: it cannot be changed."))
        if fields_changed & SNAPSHOT_FIELDS:
            check_engine(_("The figures, partner and period of a statement"))
        return super(GendanStatement, self).write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda rec: rec.state != "draft"):
            raise UserError(_("Only draft statements can be deleted."))
        with engine():
            self.mapped("line_ids").unlink()
        return super(GendanStatement, self).unlink()

    # -- actions --------------------------------------------------------------
    @api.multi
    def action_submit(self):
        """Ask the internal sign-off (merchandiser, then finance)."""
        if self.filtered(lambda rec: rec.state != "draft"):
            raise UserError(_("Only draft statements can be sent for signature."))
        return self.action_signoff_request()

    @api.multi
    def action_refresh(self):
        """Prepare a draft statement again (late invoice or payment)."""
        if self.filtered(lambda rec: rec.state != "draft"
                         or rec.signoff_state in ("pending", "approved")):
            raise UserError(_("Only draft statements not under sign-off can be "
                              "prepared again."))
        for rec in self:
            key = (rec.statement_type, rec.date_from, rec.date_to,
                   rec.partner_id, rec.company_id)
            with engine():
                rec.line_ids.unlink()
            rec._prepare_statements(*key, existing=rec, strict=True)
        return True

    @api.multi
    @transition(["signed", "sent"], "sent")
    def action_send(self):
        """E-mail the PDF (in the partner's language) and the XLSX."""
        no_email = self.filtered(lambda rec: not rec.partner_id.email)
        if no_email:
            raise UserError(_("Give an e-mail address to %s first.") % ", ".join(
                no_email.mapped("partner_id.display_name")))
        today = fields.Date.context_today(self)
        for rec in self:
            attachments = rec._render_attachments()
            rec.message_post(
                body=_("Please find our statement of account %(name)s for "
                       "%(start)s to %(end)s attached. Please check it, stamp "
                       "it and return it by %(reply)s.") % {
                    "name": rec.name, "start": rec.date_from, "end": rec.date_to,
                    "reply": self.env["gendan.sla"].add_working_days(
                        today, self._sla_working_days, rec.company_id)},
                subject=_("Statement of account %s") % rec.name,
                partner_ids=rec.partner_id.ids, attachment_ids=attachments.ids,
                message_type="comment", subtype="mail.mt_comment")
        self.filtered(lambda rec: rec.state == "signed").write(
            {"state": "sent", "sent_date": today})
        return True

    @api.multi
    @transition(["sent", "disputed"], "confirmed")
    def action_confirm(self):
        """Record the partner's confirmation; the stamped copy is required."""
        missing = self.filtered(lambda rec: not rec.stamped_copy)
        if missing:
            raise UserError(_("Attach the copy stamped by the partner to confirm %s.")
                            % ", ".join(missing.mapped("name")))
        open_disputes = self.mapped("line_ids").filtered(
            lambda line: line.is_disputed and not line.dispute_resolution)
        if open_disputes:
            raise UserError(_("Resolve the disputed lines first: %s.") % ", ".join(
                open_disputes.mapped("display_name")))
        return self.write({"state": "confirmed",
                           "confirmed_date": fields.Date.context_today(self)})

    @api.multi
    @transition(["sent"], "disputed")
    def action_dispute(self):
        """The partner does not agree: at least one line gives the reason."""
        undisputed = self.filtered(lambda rec: not rec.line_ids.filtered("is_disputed"))
        if undisputed:
            raise UserError(_("Mark the disputed lines and their reason on %s first.")
                            % ", ".join(undisputed.mapped("name")))
        return self.write({"state": "disputed"})

    @transition(["draft"], "signed")
    def _signoff_on_approved(self):
        self.write({"state": "signed"})

    def _render_attachments(self):
        """PDF (partner language) and XLSX of the statement as attachments."""
        self.ensure_one()
        lang = self.partner_id.lang or self.env.user.lang
        pdf = self.env.ref("gendan_reconcile.action_report_statement").with_context(
            lang=lang).render_qweb_pdf(self.ids)[0]
        xlsx_report = self.env.ref("gendan_reconcile.action_report_statement_xlsx")
        xlsx = xlsx_report.render_xlsx(self.ids, {})[0]
        base_name = (self.name or "statement").replace("/", "-")
        Attachment = self.env["ir.attachment"]
        return Attachment.create({
            "name": base_name + ".pdf", "datas_fname": base_name + ".pdf",
            "datas": base64.b64encode(pdf), "res_model": self._name,
            "res_id": self.id, "mimetype": "application/pdf"}) | Attachment.create({
                "name": base_name + ".xlsx", "datas_fname": base_name + ".xlsx",
                "datas": base64.b64encode(xlsx), "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument."
                            "spreadsheetml.sheet"})

    # -- preparation (set-based: the query count does not grow with deliveries) --
    @api.model
    def _prepare_statements(self, statement_type, date_from, date_to, partners=None,
                            company=None, extra_vals=None, existing=None, strict=False,
                            refuse_existing=False):
        """Create the missing statements of the period and return them.

        ``partners``: only these commercial partners (all with moves if None).
        ``strict``: refuse (UserError) a partner without moves instead of
        skipping it; ``refuse_existing``: likewise for a partner that has its
        statement already (else skipped: idempotent). ``existing``: refill
        this draft.

        Set-based, whatever the number of partners and deliveries: one query
        computes every line of the period into a temporary table, one sums
        them per partner, one inserts the statements and one inserts all the
        lines (``INSERT ... SELECT``). Access rights and record rules of the
        user are checked explicitly (``_check_prepare_access``, the statements'
        ``check_access_rule`` and ``_check_line_rules``).
        """
        self._check_period(date_from, date_to)
        company = company or self.env.user.company_id
        settings = TYPE_SETTINGS[statement_type]
        if statement_type == "supplier" and "purchase_line_id" not in \
                self.env["stock.move"]._fields:
            raise UserError(_("Supplier statements need the Purchase application."))
        self._check_prepare_access(settings, existing)
        cr = self.env.cr
        # a refused preparation earlier in the transaction may have left it
        cr.execute("DROP TABLE IF EXISTS gendan_statement_rows")
        cr.execute(settings["rows"], self._prepare_query_params(
            date_from, date_to, partners, company))
        cr.execute(TOTALS_SQL)
        totals = {row["partner_id"]: row for row in cr.dictfetchall()}
        if strict and partners and set(partners.ids) - set(totals):
            raise UserError(_(
                "%(partners)s had no delivery or receipt from %(start)s to %(end)s: "
                "there is nothing to reconcile.") % {
                    "partners": ", ".join(partners.filtered(
                        lambda p: p.id not in totals).mapped("display_name")),
                    "start": date_from, "end": date_to})
        if not existing:
            done = self.search([
                ("statement_type", "=", statement_type), ("date_from", "=", date_from),
                ("date_to", "=", date_to), ("company_id", "=", company.id),
                ("partner_id", "in", list(totals))])
            if refuse_existing and done:
                raise UserError(_("%s already exists for this partner and period.")
                                % ", ".join(done.mapped("name")))
            for partner_id in done.mapped("partner_id").ids:
                totals.pop(partner_id)
        if not totals:
            cr.execute("DROP TABLE gendan_statement_rows")
            return self.browse()
        partner_ids = sorted(totals)
        balances = self._fetch_balances(settings, date_from, date_to, partner_ids,
                                        company)
        vals_list = []
        for partner_id in partner_ids:
            vals = self._prepare_statement_vals(
                statement_type, date_from, date_to, company, totals[partner_id],
                balances.get(partner_id, {}))
            vals.update(extra_vals or {})
            vals_list.append(vals)
        with engine():
            if existing:
                existing.write(vals_list[0])
                statements = existing
            else:
                statements = self._insert_statements(vals_list, company)
            cr.execute(INSERT_LINES_SQL, {
                "partners": partner_ids, "statements": statements.ids,
                "uid": self.env.uid})
        cr.execute("DROP TABLE gendan_statement_rows")
        self._check_line_rules(statements)
        statements.invalidate_cache(["line_ids"])
        return statements

    @api.model
    def _check_prepare_access(self, settings, existing=None):
        """The preparation reads moves, orders and invoices and writes
        statements and lines in SQL: the user's access rights are checked
        here, as the ORM would."""
        if existing:
            existing.check_access_rights("write")
            existing.check_access_rule("write")
        else:
            self.check_access_rights("create")
        self.env["gendan.statement.line"].check_access_rights("create")
        for model in ("stock.move", settings["order_model"], "account.invoice"):
            self.env[model].check_access_rights("read")

    @api.model
    def _check_line_rules(self, statements):
        """The record rules of the lines for ``create``, over all the lines of
        ``statements`` in one query (``check_access_rule`` runs one query per
        thousand records)."""
        if self.env.uid == SUPERUSER_ID:
            return
        Line = self.env["gendan.statement.line"]
        where, where_params, tables = self.env["ir.rule"].domain_get(
            Line._name, "create")
        if not where:
            return
        table = Line._table
        # table names and clauses come from the ORM, the values are parameters
        query = 'SELECT COUNT(*), COUNT(*) FILTER (WHERE "%s".id IN (' \
                'SELECT "%s".id FROM %s WHERE %s)) FROM "%s" ' \
                'WHERE "%s".statement_id IN %%s' % (
                    table, table, ",".join(tables), " AND ".join(where), table,
                    table)
        self.env.cr.execute(  # pylint: disable=sql-injection
            query, where_params + [tuple(statements.ids)])
        total, allowed = self.env.cr.fetchone()
        if allowed != total:
            raise AccessError(_(
                "The access rules of %(model)s do not allow you to create "
                "%(count)s of the lines of these statements.") % {
                    "model": Line._description, "count": total - allowed})

    def _insert_statements(self, vals_list, company):
        """Create the draft statements in one query (Odoo 11 creates one
        record per query); returns them in the order of ``vals_list``."""
        names = self._next_names(len(vals_list))
        for vals, name in zip(vals_list, names):
            vals.update(name=name, state="draft", signoff_state="none",
                        signoff_revision=0, sla_done=False,
                        currency_id=company.currency_id.id)
        statements = insert_rows(self, vals_list)
        statements.check_access_rule("create")
        return statements

    def _next_names(self, count):
        """``count`` numbers of the statement sequence, in one query when the
        sequence is a standard PostgreSQL one."""
        sequence = self.env["ir.sequence"].sudo().search(
            [("code", "=", "gendan.statement"),
             ("company_id", "in", [self.env.user.company_id.id, False])],
            order="company_id", limit=1)
        if not sequence or sequence.implementation != "standard" \
                or sequence.use_date_range:
            return [self.env["ir.sequence"].next_by_code("gendan.statement") or "/"
                    for _index in range(count)]
        self.env.cr.execute(
            "SELECT nextval('ir_sequence_%03d') FROM generate_series(1, %%s)"
            % sequence.id, (count,))  # pylint: disable=sql-injection
        return [sequence.get_next_char(number) for (number,) in self.env.cr.fetchall()]

    @api.model
    def _prepare_query_params(self, date_from, date_to, partners, company):
        stop = fields.Date.from_string(date_to) + timedelta(days=1)
        return {
            "company": company.id, "start": date_from,
            "stop": fields.Date.to_string(stop), "date_to": date_to,
            "all": partners is None,
            "partners": partners.ids if partners is not None else [],
            "currency": company.currency_id.id,
            "rounding": company.currency_id.rounding, "epsilon": EPSILON}

    @api.model
    def _fetch_balances(self, settings, date_from, date_to, partner_ids, company):
        """{partner id: opening/invoiced/... in company currency, partner's view}."""
        self.env.cr.execute(BALANCE_SQL, {
            "date_from": date_from, "date_to": date_to, "company": company.id,
            "partners": partner_ids, "account_type": settings["account_type"],
            "invoice_type": settings["invoice_type"],
            "refund_type": settings["refund_type"]})
        sign = settings["sign"]
        result = {}
        for row in self.env.cr.dictfetchall():
            invoiced = sign * row["invoiced"]
            refunded = -sign * row["refunded"]
            paid = -sign * row["paid"]
            movement = sign * row["movement"]
            result[row["partner_id"]] = {
                "opening_balance": sign * row["opening"], "invoiced_amount": invoiced,
                "credit_note_amount": refunded, "payment_amount": paid,
                "other_amount": movement - invoiced + refunded + paid,
                "closing_balance": sign * (row["opening"] + row["movement"])}
        return result

    @api.model
    def _prepare_statement_vals(self, statement_type, date_from, date_to, company,
                                totals, balance):
        """Values of a statement from its ``totals`` (a row of TOTALS_SQL) and
        the ``balance`` of the partner's account."""
        vals = {
            "statement_type": statement_type, "partner_id": totals["partner_id"],
            "company_id": company.id, "date_from": date_from, "date_to": date_to,
            "user_id": totals["user_id"], "merchandiser_id": totals["merchandiser_id"],
            "amount_delivered": totals["amount_delivered"],
            "amount_uninvoiced": totals["amount_uninvoiced"],
            "uninvoiced_count": totals["uninvoiced_count"],
        }
        for key in ("opening_balance", "invoiced_amount", "credit_note_amount",
                    "payment_amount", "other_amount", "closing_balance"):
            vals[key] = balance.get(key, 0.0)
        return vals

    # -- crons ----------------------------------------------------------------
    @api.model
    def _cron_prepare_customer_statements(self):
        """Monthly, on the 1st: last month's statements of every customer."""
        date_from, date_to = last_month(self._sla_today())
        return self._prepare_statements_all_companies(
            "customer", fields.Date.to_string(date_from),
            fields.Date.to_string(date_to))

    @api.model
    def _cron_prepare_supplier_statements(self):
        """Daily; acts on days 1 to 5 (settlement window with the vendors)."""
        today = self._sla_today()
        if today.day > 5 or "purchase_line_id" not in self.env["stock.move"]._fields:
            return self.browse()
        date_from, date_to = last_month(today)
        return self._prepare_statements_all_companies(
            "supplier", fields.Date.to_string(date_from),
            fields.Date.to_string(date_to))

    @api.model
    def _prepare_statements_all_companies(self, statement_type, date_from, date_to):
        statements = self.browse()
        # every company: a handful of records
        companies = self.env["res.company"].search([])  # pylint: disable=no-search-all
        for company in companies:
            statements |= self._prepare_statements(
                statement_type, date_from, date_to, company=company)
        return statements
