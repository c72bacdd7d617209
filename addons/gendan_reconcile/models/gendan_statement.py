import base64
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.addons.gendan_base.engine import (
    button, button_running, check_engine, engine, transition)

from .statement_builder import StatementBuilder

# computed once when the statement is prepared: never typed, never edited
SNAPSHOT_FIELDS = {
    "statement_type", "partner_id", "date_from", "date_to", "company_id",
    "amount_delivered", "amount_uninvoiced", "uninvoiced_count", "opening_balance",
    "invoiced_amount", "credit_note_amount", "payment_amount", "other_amount",
    "closing_balance", "statement_currency_id", "amount_delivered_currency",
    "amount_uninvoiced_currency", "opening_balance_currency",
    "invoiced_amount_currency", "credit_note_amount_currency",
    "payment_amount_currency", "other_amount_currency", "closing_balance_currency"}
# fields the chatter, followers and activities may still change when locked
LOCK_FREE_PREFIXES = ("message_", "activity_")
# what finance's scheduling of the payment fills on a confirmed supplier statement
SETTLEMENT_FIELDS = {"payment_scheduled_date", "payment_scheduled_uid"}
# the supplier settlement (对账与结算) is done by this day of the next month
SETTLEMENT_DAY = 5


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
                "gendan.numbered.mixin",
                "gendan.signoff.mixin",
                "gendan.sla.mixin"]
    _order = "date_to desc, partner_id, id desc"
    _signoff_gated_states = ["signed", "sent", "confirmed", "disputed"]
    _signoff_reject_state = "draft"
    _signoff_approve_move = (["draft"], "signed")
    _state_button_fields = ("sent_date", "confirmed_date", "payment_scheduled_date",
                            "payment_scheduled_uid")
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
    line_count = fields.Integer("Number of Lines", compute="_compute_line_stats")
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
    # the same figures in the currency the partner is stated in
    statement_currency_id = fields.Many2one(
        "res.currency", readonly=True,
        help="The currency the partner is stated in: the currency of the period's "
             "orders and invoices when they are all in one (a USD customer gets "
             "a statement in USD), else the company currency.")
    foreign_currency = fields.Boolean(
        compute="_compute_foreign_currency",
        help="Stated in another currency than the company's.")
    amount_delivered_currency = fields.Monetary(
        "Delivered (Statement Currency)", readonly=True,
        currency_field="statement_currency_id")
    amount_uninvoiced_currency = fields.Monetary(
        "Not Invoiced (Statement Currency)", readonly=True,
        currency_field="statement_currency_id")
    opening_balance_currency = fields.Monetary(
        "Opening Balance (Statement Currency)", readonly=True,
        currency_field="statement_currency_id")
    invoiced_amount_currency = fields.Monetary(
        "Invoiced (Statement Currency)", readonly=True,
        currency_field="statement_currency_id")
    credit_note_amount_currency = fields.Monetary(
        "Credit Notes (Statement Currency)", readonly=True,
        currency_field="statement_currency_id")
    payment_amount_currency = fields.Monetary(
        "Payments (Statement Currency)", readonly=True,
        currency_field="statement_currency_id")
    other_amount_currency = fields.Monetary(
        "Other Entries (Statement Currency)", readonly=True,
        currency_field="statement_currency_id",
        help="Entries in another currency, converted at the rate of their day; an "
             "exchange difference is no amount in the statement currency.")
    closing_balance_currency = fields.Monetary(
        "Closing Balance (Statement Currency)", readonly=True,
        currency_field="statement_currency_id")
    sent_date = fields.Date(readonly=True, copy=False)
    confirmed_date = fields.Date(readonly=True, copy=False)
    settlement_deadline = fields.Date(
        compute="_compute_settlement_deadline", store=True,
        help="Supplier statements are confirmed and their payment scheduled by "
             "the 5th of the month after the period (每月1-5号对账与结算).")
    payment_scheduled_date = fields.Date(
        "Payment Scheduled On", readonly=True, copy=False,
        track_visibility="onchange",
        help="The day finance will pay the confirmed supplier statement.")
    payment_scheduled_uid = fields.Many2one(
        "res.users", "Payment Scheduled By", readonly=True, copy=False)
    settlement_late = fields.Boolean(
        compute="_compute_settlement_late",
        search="_search_settlement_late",
        help="A supplier statement not confirmed with its payment scheduled "
             "after the 5th.")
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

    @api.depends("statement_currency_id", "currency_id")
    def _compute_foreign_currency(self):
        for rec in self:
            rec.foreign_currency = bool(rec.statement_currency_id) and \
                rec.statement_currency_id != rec.currency_id

    @api.model
    def _settlement_deadline(self, statement_type, date_to):
        """The 5th of the month after the period of a supplier statement (the
        bulk preparation inserts it with the statement)."""
        if statement_type != "supplier" or not date_to:
            return False
        end = fields.Date.from_string(date_to)
        return fields.Date.to_string(
            end.replace(day=1) + relativedelta(months=1, day=SETTLEMENT_DAY))

    @api.depends("statement_type", "date_to")
    def _compute_settlement_deadline(self):
        for rec in self:
            rec.settlement_deadline = self._settlement_deadline(
                rec.statement_type, rec.date_to)

    def _settlement_late_domain(self):
        """Supplier statements past their settlement day (from the 6th) that
        are not confirmed with their payment scheduled."""
        return ["&", "&", ("statement_type", "=", "supplier"),
                ("settlement_deadline", "<", fields.Date.to_string(self._sla_today())),
                "|", ("state", "!=", "confirmed"),
                ("payment_scheduled_date", "=", False)]

    def _compute_settlement_late(self):
        saved = self.filtered("id")
        late = saved and self.search(
            [("id", "in", saved.ids)] + self._settlement_late_domain())
        for rec in self:
            rec.settlement_late = rec in late

    def _search_settlement_late(self, operator, value):
        domain = self._settlement_late_domain()
        if (operator == "=") != bool(value):
            return [("id", "not in", self.search(domain).ids)]
        return domain

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
        """A statement typed in the form keeps what the user entered; its
        figures and lines are computed from the period (a partner without
        moves in it is refused, nothing is written)."""
        vals = self._normalize_partner(dict(vals))
        self._check_not_prepared(vals)
        self.browse()._check_stamped_copy(vals)
        with self.env.cr.savepoint():
            statement = super(GendanStatement, self).create(vals)
            StatementBuilder(self).fill(statement)
        return statement

    @api.model
    def _normalize_partner(self, vals):
        """A statement is the commercial partner's (its lines are)."""
        partner = self.env["res.partner"].browse(vals.get("partner_id"))
        if not partner:
            raise UserError(_("Choose the partner of the statement."))
        vals["partner_id"] = partner.commercial_partner_id.id
        return vals

    @api.model
    def _check_not_prepared(self, vals):
        """One statement per partner, type and period."""
        done = self.search([
            ("statement_type", "=", vals.get("statement_type") or "customer"),
            ("partner_id", "=", vals["partner_id"]),
            ("company_id", "=", vals.get("company_id") or self.env.user.company_id.id),
            ("date_from", "=", vals.get("date_from") or self._default_date_from()),
            ("date_to", "=", vals.get("date_to") or self._default_date_to())])
        if done:
            raise UserError(_("%s already exists for this partner and period.")
                            % ", ".join(done.mapped("name")))

    @api.multi
    def write(self, vals):
        fields_changed = {name for name in vals
                          if not name.startswith(LOCK_FREE_PREFIXES)}
        if fields_changed <= SETTLEMENT_FIELDS and button_running(self):
            fields_changed = set()  # finance schedules the payment
        if fields_changed and self.filtered(lambda rec: rec.state == "confirmed"):
            raise UserError(_("A confirmed statement is locked: it cannot be changed."))
        if fields_changed & SNAPSHOT_FIELDS:
            check_engine(_("The figures, partner and period of a statement"))
        self._check_stamped_copy(vals)
        return super(GendanStatement, self).write(vals)

    def _check_stamped_copy(self, vals):
        """The partner stamps the statement it was sent: its copy is attached
        while the statement is sent or disputed (also over RPC)."""
        if vals.get("stamped_copy") and (not self or self.filtered(
                lambda rec: rec.state not in ("sent", "disputed"))):
            raise UserError(_("The partner's stamped copy is attached once the "
                              "statement is sent."))

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
        StatementBuilder(self).fill(self)
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

    @api.multi
    @button(groups=["gendan_base.group_finance"])
    def action_schedule_payment(self, payment_date):
        """Finance schedules the payment of confirmed supplier statements."""
        wrong = self.filtered(lambda rec: rec.statement_type != "supplier"
                              or rec.state != "confirmed")
        if wrong:
            raise UserError(_(
                "Only supplier statements confirmed by the vendor can have their "
                "payment scheduled: %s.") % ", ".join(wrong.mapped("name")))
        if not payment_date:
            raise UserError(_("Give the day the payment is scheduled for."))
        if fields.Date.to_string(fields.Date.from_string(payment_date)) < \
                fields.Date.to_string(self._sla_today()):
            raise UserError(_("The payment cannot be scheduled in the past (%s).")
                            % payment_date)
        self.write({"payment_scheduled_date": payment_date,
                    "payment_scheduled_uid": self.env.uid})
        self.env["mail.activity"]._todo_done(self, "gendan_settlement_late")
        for rec in self:
            rec.message_post(body=_("Payment of %(amount)s scheduled on %(date)s.") % {
                "amount": "%.2f %s" % (rec.closing_balance_currency,
                                       rec.statement_currency_id.name),
                "date": payment_date})
        return True

    @api.multi
    def action_open_schedule_payment(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window",
                "res_model": "gendan.statement.schedule", "view_mode": "form",
                "target": "new", "context": {"default_statement_id": self.id}}

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

    # -- preparation (StatementBuilder, its SQL in StatementQuery) --------------
    @api.model
    def _prepare_statements(self, statement_type, date_from, date_to, partners=None,
                            company=None, strict=False):
        """Create the missing statements of the period and return them (see
        ``StatementBuilder.create_missing``)."""
        return StatementBuilder(self).create_missing(
            statement_type, date_from, date_to, partners, company, strict=strict)

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
    def _cron_supplier_settlement_late(self):
        """Daily: from the 6th, a to-do to the statement's responsible and
        finance for every supplier statement not settled (idempotent);
        returns the late statements."""
        late = self.sudo().search(self._settlement_late_domain())
        finance = self.env.ref("gendan_base.group_finance").users
        self.env["mail.activity"]._todo_ensure(
            late, "gendan_settlement_late",
            lambda rec: (rec.user_id | finance),
            lambda self: _("Supplier settlement late (due %s): confirm the "
                           "statement and schedule the payment.")
            % self.settlement_deadline)
        return late

    @api.model
    def _prepare_statements_all_companies(self, statement_type, date_from, date_to):
        statements = self.browse()
        # every company: a handful of records
        companies = self.env["res.company"].search([])  # pylint: disable=no-search-all
        for company in companies:
            statements |= self._prepare_statements(
                statement_type, date_from, date_to, company=company)
        return statements
