from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.gendan_base.engine import transition

REPORT_DAY = 25  # the monthly sales report is due on the 25th


class GendanSalesReport(models.Model):
    """One month's sales and shipments report (月度销售报表)."""

    _name = "gendan.sales.report"
    _description = "Monthly Sales Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine"]
    _order = "date_from desc"

    name = fields.Char(required=True)
    date_from = fields.Date("From", required=True)
    date_to = fields.Date("To", required=True)
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("draft", "To Do"), ("done", "Submitted")], default="draft",
        readonly=True, track_visibility="onchange")

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
    @transition(["draft"], "done")
    def action_done(self):
        self.write({"state": "done"})
        self.mapped("activity_ids").action_feedback(_("Report submitted."))
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
        """{label: [qty, amount]} of ``lines`` grouped by ``key``."""
        rows = {}
        for line in lines:
            row = rows.setdefault(key(line) or _("(none)"), [0.0, 0.0])
            row[0] += qty(line)
            row[1] += amount(line)
        return sorted(rows.items())

    # -- reminder -------------------------------------------------------------

    @api.model
    def _cron_monthly_reminder(self):
        """Create this month's report and remind the sales managers (due 25th)."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        vals = self._prepare_month_vals(today)
        report = self.search([("date_from", "=", vals["date_from"]),
                              ("company_id", "=", self.env.user.company_id.id)])
        if not report:
            report = self.create(vals)
        if report.state == "draft":
            report._remind_sales_managers(
                date(today.year, today.month, REPORT_DAY))
        return report

    def _remind_sales_managers(self, deadline):
        """One reminder activity per sales manager (idempotent)."""
        managers = self.env["res.users"].search([("groups_id", "in", self.env.ref(
            "gendan_base.group_sales_manager").id)])
        reminded = self.activity_ids.mapped("user_id")
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        for user in managers - reminded:
            self.env["mail.activity"].create({
                "res_model_id": model_id, "res_id": self.id,
                "activity_type_id": activity_type.id, "user_id": user.id,
                "date_deadline": fields.Date.to_string(deadline),
                "summary": _("Monthly sales report due on the %sth") % REPORT_DAY})
