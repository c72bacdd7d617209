import base64
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.gendan_base.engine import transition

REPORT_DAY = 25  # the monthly sales report is due on the 25th
REMIND_WORKING_DAYS = 3  # the merchandiser is reminded 3 working days before


class GendanSalesReport(models.Model):
    """One month's sales and shipments report (月度销售报表)."""

    _name = "gendan.sales.report"
    _description = "Monthly Sales Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine"]
    _order = "date_from desc"
    _state_button_fields = ("submitted_uid", "submitted_date", "acknowledged_uid",
                            "acknowledged_date")

    name = fields.Char(required=True)
    date_from = fields.Date("From", required=True)
    date_to = fields.Date("To", required=True)
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("draft", "To Do"), ("done", "Submitted"),
         ("acknowledged", "Acknowledged by Finance")], default="draft",
        readonly=True, track_visibility="onchange")
    submitted_uid = fields.Many2one("res.users", "Submitted By", readonly=True,
                                    copy=False)
    submitted_date = fields.Date("Submitted On", readonly=True, copy=False)
    acknowledged_uid = fields.Many2one(
        "res.users", "Acknowledged By", readonly=True, copy=False)
    acknowledged_date = fields.Date("Acknowledged On", readonly=True, copy=False)

    _sql_constraints = [
        ("month_uniq", "unique(company_id, date_from)",
         "There is one sales report per month."),
    ]

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for report in self:
            if report.date_to < report.date_from:
                raise ValidationError(_("The report ends before it starts."))

    @api.model
    def _prepare_month_vals(self, day):
        first = day.replace(day=1)
        last = first + relativedelta(months=1) - timedelta(days=1)
        return {"name": first.strftime("%Y-%m"),
                "date_from": fields.Date.to_string(first),
                "date_to": fields.Date.to_string(last)}

    @api.multi
    @transition(["draft"], "done", groups=["gendan_base.group_merchandiser",
                                           "gendan_base.group_sales_manager"])
    def action_done(self):
        """The merchandiser submits the report to finance: an e-mail to the
        finance users with the XLSX attached, and a to-do to acknowledge it."""
        finance = self.env.ref("gendan_base.group_finance").users
        today = fields.Date.context_today(self)
        self.write({"state": "done", "submitted_uid": self.env.uid,
                    "submitted_date": today})
        for report in self:
            content, _kind = self.env.ref("gendan_order.sales_report_xlsx").render(
                report.ids, {})
            attachment = self.env["ir.attachment"].create({
                "name": "monthly_sales_%s.xlsx" % report.name,
                "datas_fname": "monthly_sales_%s.xlsx" % report.name,
                "datas": base64.b64encode(content), "res_model": report._name,
                "res_id": report.id})
            report.message_post(
                body=_("Monthly sales report %s submitted to finance.") % report.name,
                subject=_("Monthly sales report %s") % report.name,
                partner_ids=finance.mapped("partner_id").ids,
                attachment_ids=attachment.ids, message_type="comment",
                subtype="mail.mt_comment")
        Todo = self.env["mail.activity"]
        Todo._todo_done(self, "gendan_sales_report_due",
                        feedback=_("Report submitted."))
        Todo._todo_ensure(self, "gendan_sales_report_ack", finance,
                          lambda self: _("Acknowledge the monthly sales report"))
        return True

    @api.multi
    @transition(["done"], "acknowledged", groups=["gendan_base.group_finance"])
    def action_acknowledge(self):
        """Finance acknowledges the report."""
        self.write({"state": "acknowledged", "acknowledged_uid": self.env.uid,
                    "acknowledged_date": fields.Date.context_today(self)})
        self.env["mail.activity"]._todo_done(
            self, "gendan_sales_report_ack", feedback=_("Acknowledged."))
        return True

    # -- data of the report (batched) -----------------------------------------

    def _sales_lines(self):
        """Confirmed order lines of the month."""
        self.ensure_one()
        return self.env["sale.order.line"].search([
            ("order_id.state", "in", ["sale", "done"]),
            ("order_id.confirmation_date", ">=", self.date_from),
            ("order_id.confirmation_date", "<=", self.date_to + " 23:59:59"),
            ("order_id.company_id", "=", self.company_id.id)])

    def _shipment_moves(self):
        """Delivered customer moves of the month, of the order lines the
        reader may see (as ``_sales_lines``: a salesperson, their own)."""
        self.ensure_one()
        moves = self.env["stock.move"].search([
            ("state", "=", "done"), ("sale_line_id", "!=", False),
            ("location_dest_id.usage", "=", "customer"),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to + " 23:59:59"),
            ("company_id", "=", self.company_id.id)])
        visible = set(self.env["sale.order.line"].search(
            [("id", "in", moves.mapped("sale_line_id").ids)]).ids)
        return moves.filtered(lambda move: move.sale_line_id.id in visible)

    def _group_rows(self, lines, key, qty, amount):
        """{(label, currency name): [qty, amount, amount in company currency]}
        of ``lines`` grouped by ``key``, as sorted pairs; ``amount(line)`` is
        (amount, currency, date of the conversion)."""
        rows = {}
        company_currency = self.company_id.currency_id
        for line in lines:
            value, currency, day = amount(line)
            row = rows.setdefault((key(line) or _("(none)"), currency.name),
                                  [0.0, 0.0, 0.0])
            row[0] += qty(line)
            row[1] += value
            row[2] += currency.with_context(date=day).compute(
                value, company_currency)
        return sorted(rows.items())

    @api.model
    def _conversion_date(self, sale_line):
        """The date a sales amount is converted at: its posted invoice's date,
        else the order's confirmation."""
        invoices = sale_line.invoice_lines.mapped("invoice_id").filtered(
            lambda inv: inv.state in ("open", "paid") and inv.date_invoice)
        if invoices:
            return min(invoices.mapped("date_invoice"))
        order = sale_line.order_id
        return (order.confirmation_date or order.date_order or "")[:10] or False

    # -- reminder -------------------------------------------------------------

    @api.model
    def _cron_monthly_reminder(self, today=None):
        """Daily: create this month's report; from three working days before
        the 25th, a to-do for the merchandisers (once) until it is submitted."""
        today = today or fields.Date.from_string(fields.Date.context_today(self))
        vals = self._prepare_month_vals(today)
        report = self.search([("date_from", "=", vals["date_from"]),
                              ("company_id", "=", self.env.user.company_id.id)])
        if not report:
            report = self.create(vals)
        deadline = date(today.year, today.month, REPORT_DAY)
        if report.state == "draft" and today >= report._remind_day(deadline):
            report._remind_merchandisers(deadline)
        return report

    def _remind_day(self, deadline):
        """The day ``REMIND_WORKING_DAYS`` working days before ``deadline``
        (company calendar and holidays)."""
        weekdays, holidays = self.env["gendan.sla"]._calendar_days(
            self.company_id, deadline - timedelta(days=60), deadline)
        day, left = deadline, REMIND_WORKING_DAYS
        while left > 0:
            day -= timedelta(days=1)
            if day.weekday() in weekdays and day not in holidays:
                left -= 1
        return day

    def _remind_merchandisers(self, deadline):
        """One to-do per merchandiser (idempotent), due on the 25th."""
        merchandisers = self.env.ref("gendan_base.group_merchandiser").users
        return self.env["mail.activity"]._todo_ensure(
            self, "gendan_sales_report_due", merchandisers,
            lambda self: _("Monthly sales report due on the %sth: prepare and "
                           "submit it to finance") % REPORT_DAY,
            deadline=fields.Date.to_string(deadline))
