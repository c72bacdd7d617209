"""Builds statements of account from the period's moves, invoices and payments.

Two uses: ``create_missing`` prepares the statements of a period in bulk (the
monthly cron, the wizard) and ``fill`` computes the figures and lines of
statements that exist already (created from the form, or prepared again).
Either way the queries (``StatementQuery``) do not grow with the number of
partners or deliveries. The SQL bypasses the ORM, so the user's access rights
and record rules are checked here, as the ORM would.
"""
from collections import defaultdict

from odoo import SUPERUSER_ID, _
from odoo.exceptions import AccessError, UserError
from odoo.addons.gendan_base.engine import engine, insert_rows

from .statement_query import (
    TYPE_SETTINGS, StatementQuery, count_lines_outside_rule, next_sequence_numbers)

BALANCE_FIELDS = tuple(
    name + suffix for suffix in ("", "_currency") for name in (
        "opening_balance", "invoiced_amount", "credit_note_amount",
        "payment_amount", "other_amount", "closing_balance"))
TOTAL_FIELDS = ("amount_delivered", "amount_uninvoiced", "uninvoiced_count",
                "statement_currency_id", "amount_delivered_currency",
                "amount_uninvoiced_currency")


class StatementBuilder(object):
    """Prepares ``gendan.statement`` records as the user of ``statements``."""

    def __init__(self, statements):
        self.model = statements.browse()
        self.env = statements.env

    # -- the two uses ---------------------------------------------------------------

    def create_missing(self, statement_type, date_from, date_to, partners=None,
                       company=None, strict=False):
        """Create the missing statements of the period and return them.

        ``partners``: only these commercial partners (all with moves if None);
        ``strict``: refuse a partner without moves instead of skipping it.
        Partners that have their statement already are skipped (idempotent).
        """
        company = company or self.env.user.company_id
        query = self._query(statement_type, company, date_from, date_to)
        self.model.check_access_rights("create")
        totals = query.compute(partners)
        if strict and partners:
            self._check_moves(partners, totals, date_from, date_to)
        done = self.model.search([
            ("statement_type", "=", statement_type), ("date_from", "=", date_from),
            ("date_to", "=", date_to), ("company_id", "=", company.id),
            ("partner_id", "in", list(totals))])
        for partner_id in done.mapped("partner_id").ids:
            totals.pop(partner_id)
        if not totals:
            query.drop()
            return self.model
        partner_ids = sorted(totals)
        balances = self._balances(query, totals, partner_ids)
        vals_list = [dict(
            self._figures(totals[partner_id], balances.get(partner_id, {})),
            statement_type=statement_type, partner_id=partner_id,
            company_id=company.id, date_from=date_from, date_to=date_to,
            user_id=totals[partner_id]["user_id"],
            merchandiser_id=totals[partner_id]["merchandiser_id"])
            for partner_id in partner_ids]
        with engine():
            statements = self._insert_statements(vals_list, company)
            query.insert_lines(partner_ids, statements.ids, self.env.uid)
        query.drop()
        self._check_line_rules(statements)
        statements.invalidate_cache(["line_ids"])
        return statements

    def fill(self, statements):
        """Compute the figures and lines of draft ``statements`` from their
        period (the lines they had are replaced); a partner without moves in
        the period is refused. What the user entered (salesperson,
        merchandiser, note...) is kept."""
        groups = defaultdict(lambda: self.model)
        for rec in statements:
            groups[(rec.statement_type, rec.company_id, rec.date_from,
                    rec.date_to)] |= rec
        for (statement_type, company, date_from, date_to), recs in groups.items():
            self._fill_period(
                self._query(statement_type, company, date_from, date_to), recs)
        return statements

    # -- steps ----------------------------------------------------------------------

    def _query(self, statement_type, company, date_from, date_to):
        self.model._check_period(date_from, date_to)
        if statement_type == "supplier" and "purchase_line_id" not in \
                self.env["stock.move"]._fields:
            raise UserError(_("Supplier statements need the Purchase application."))
        self.env["gendan.statement.line"].check_access_rights("create")
        for model in ("stock.move", TYPE_SETTINGS[statement_type]["order_model"],
                      "account.invoice"):
            self.env[model].check_access_rights("read")
        return StatementQuery(self.env.cr, statement_type, company, date_from,
                              date_to)

    def _fill_period(self, query, statements):
        partners = statements.mapped("partner_id")
        totals = query.compute(partners)
        self._check_moves(partners, totals, query.date_from, query.date_to)
        balances = self._balances(query, totals, partners.ids)
        with engine():
            statements.mapped("line_ids").unlink()
            for rec in statements:
                row = totals[rec.partner_id.id]
                vals = self._figures(row, balances.get(rec.partner_id.id, {}))
                vals.update({name: row[name] for name in ("user_id", "merchandiser_id")
                             if not rec[name]})
                rec.write(vals)
            query.insert_lines([rec.partner_id.id for rec in statements],
                               statements.ids, self.env.uid)
        query.drop()
        self._check_line_rules(statements)
        statements.invalidate_cache(["line_ids"])

    @staticmethod
    def _balances(query, totals, partner_ids):
        """The account figures of ``partner_ids``, each also in its statement
        currency (``totals``: rows of TOTALS_SQL by partner)."""
        return query.balances(partner_ids, [
            totals[partner_id]["statement_currency_id"] for partner_id in partner_ids])

    @staticmethod
    def _figures(totals, balance):
        """The figures of a statement from its ``totals`` (a row of TOTALS_SQL)
        and the ``balance`` of the partner's account."""
        vals = {name: totals[name] for name in TOTAL_FIELDS}
        vals.update({name: balance.get(name, 0.0) for name in BALANCE_FIELDS})
        return vals

    def _check_moves(self, partners, totals, date_from, date_to):
        idle = partners.filtered(lambda partner: partner.id not in totals)
        if idle:
            raise UserError(_(
                "%(partners)s had no delivery or receipt from %(start)s to %(end)s: "
                "there is nothing to reconcile.") % {
                    "partners": ", ".join(idle.mapped("display_name")),
                    "start": date_from, "end": date_to})

    def _check_line_rules(self, statements):
        """The record rules of the lines for ``create``, over all the lines of
        ``statements`` in one query (``check_access_rule`` runs one query per
        thousand records)."""
        if self.env.uid == SUPERUSER_ID:
            return
        Line = self.env["gendan.statement.line"]
        rule = self.env["ir.rule"].domain_get(Line._name, "create")
        if not rule[0]:
            return
        total, allowed = count_lines_outside_rule(
            self.env.cr, Line._table, rule, statements.ids)
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
                        currency_id=company.currency_id.id,
                        settlement_deadline=self.model._settlement_deadline(
                            vals["statement_type"], vals["date_to"]))
        statements = insert_rows(self.model, vals_list)
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
        return next_sequence_numbers(self.env.cr, sequence, count)
