import datetime

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import transition
from odoo.addons.gendan_base.tools_actions import window_action

QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]


class GendanRepairQuarter(models.Model):
    """Quarterly analysis of the repair returns (Pareto of causes, XLSX)."""

    _name = "gendan.repair.quarter"
    _description = "Quarterly Repair Analysis"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine"]
    _order = "year desc, quarter desc"

    name = fields.Char(compute="_compute_dates", store=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.from_string(
        fields.Date.context_today(self)).year)
    quarter = fields.Selection(QUARTERS, required=True, default="1")
    date_from = fields.Date(compute="_compute_dates", store=True)
    date_to = fields.Date(compute="_compute_dates", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.user.company_id)
    line_ids = fields.One2many(
        "gendan.repair.quarter.line", "quarter_id", "Pareto of Causes", readonly=True)
    repair_count = fields.Integer("Repair Returns", readonly=True)
    _state_button_fields = ("sent_date",)

    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent to Management")], default="draft",
        required=True, readonly=True, track_visibility="onchange")
    sent_date = fields.Date(readonly=True)

    _sql_constraints = [
        ("quarter_uniq", "unique(year, quarter, company_id)",
         "There is already an analysis for this quarter."),
    ]

    @api.depends("year", "quarter")
    def _compute_dates(self):
        for rec in self:
            if not (rec.year and rec.quarter):
                continue
            start = datetime.date(rec.year, 3 * int(rec.quarter) - 2, 1)
            end = start + relativedelta(months=3, days=-1)
            rec.date_from = fields.Date.to_string(start)
            rec.date_to = fields.Date.to_string(end)
            rec.name = "%d-Q%s" % (rec.year, rec.quarter)

    # -- analysis
    def _repair_domain(self):
        self.ensure_one()
        return [("is_customer_return", "=", True),
                ("return_date", ">=", self.date_from),
                ("return_date", "<=", self.date_to),
                ("company_id", "=", self.company_id.id)]

    def _group_counts(self, groupby):
        """[(name, count)] of the quarter's returns by ``groupby``, largest first."""
        groups = self.env["mrp.repair"].read_group(
            self._repair_domain(), [groupby], [groupby], lazy=False)
        rows = [(group[groupby] and group[groupby][1] or _("Undefined"),
                 group["__count"]) for group in groups]
        return sorted(rows, key=lambda row: (-row[1], row[0]))

    def _pareto_rows(self):
        """Causes sorted by count with their share and cumulative share (%)."""
        groups = self.env["mrp.repair"].read_group(
            self._repair_domain(), ["repair_cause_id"], ["repair_cause_id"],
            lazy=False)
        groups.sort(key=lambda group: -group["__count"])
        total = sum(group["__count"] for group in groups)
        rows, cumulative = [], 0
        for sequence, group in enumerate(groups, 1):
            cumulative += group["__count"]
            cause = group["repair_cause_id"]
            rows.append({
                "sequence": sequence,
                "cause_id": cause and cause[0] or False,
                "cause_name": cause and cause[1] or _("Not analysed yet"),
                "repair_count": group["__count"],
                "percent": total and 100.0 * group["__count"] / total or 0.0,
                "cumulative_percent": total and 100.0 * cumulative / total or 0.0,
            })
        return rows

    @api.multi
    def action_refresh(self):
        for rec in self:
            rows = rec._pareto_rows()
            commands = [(5, 0, 0)] + [(0, 0, {
                key: row[key] for key in ("sequence", "cause_id", "repair_count",
                                          "percent", "cumulative_percent")})
                for row in rows]
            rec.write({"line_ids": commands,
                       "repair_count": sum(row["repair_count"] for row in rows)})
        return True

    @api.multi
    def action_export_xlsx(self):
        return self.env.ref(
            "gendan_complaint.action_report_repair_quarter_xlsx").report_action(self)

    @api.multi
    def action_view_repairs(self):
        self.ensure_one()
        action = window_action(self.env, "gendan_complaint.mrp_repair_action_analysis")
        action["domain"] = self._repair_domain()
        return action

    @api.multi
    @transition(["draft"], "sent")
    def action_mark_sent(self):
        if self.filtered(lambda r: not r.line_ids):
            raise UserError(_("Compute the analysis before sending it."))
        self.write({"state": "sent", "sent_date": fields.Date.context_today(self)})
        activities = self.env["mail.activity"].search([
            ("res_model", "=", self._name), ("res_id", "in", self.ids)])
        activities.action_done()
        return True

    # -- reminder
    @api.model
    def _previous_quarter(self, today=None):
        today = today or fields.Date.from_string(fields.Date.context_today(self))
        start = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        previous = start - relativedelta(months=3)
        return previous.year, str((previous.month - 1) // 3 + 1)

    @api.model
    def _cron_quarterly_reminder(self, today=None):
        """Prepare last quarter's analysis and remind the business head / VP."""
        year, quarter = self._previous_quarter(today)
        analysis = self.search([("year", "=", year), ("quarter", "=", quarter),
                                ("company_id", "=", self.env.user.company_id.id)])
        if not analysis:
            analysis = self.create({"year": year, "quarter": quarter})
            analysis.action_refresh()
        if analysis.state == "sent":
            return analysis
        self.env["mail.activity"]._todo_ensure(
            analysis, "repair_quarter_send",
            self.env.ref("gendan_base.group_general_manager").users,
            lambda self: _("Send the repair analysis %s to the business head "
                           "and VP") % self.name)
        return analysis
