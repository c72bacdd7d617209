from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import transition

MERCHANDISER = ["gendan_base.group_merchandiser"]
SATURDAY = 5
TODO_KEY = "showroom_check"


class GendanShowroomCheck(models.Model):
    """The merchandiser's Saturday check of the showroom (每周六样机检查):
    quantity, working order and accessories, one line per machine."""

    _name = "gendan.showroom.check"
    _description = "Showroom Weekly Check"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin"]
    _gendan_sequence_date_field = "date"
    _order = "date desc, id desc"
    _state_button_fields = ("user_id",)

    name = fields.Char("Number", readonly=True, copy=False, default="/")
    date = fields.Date("Check Date", required=True, readonly=True,
                       default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", "Checked By", readonly=True, copy=False,
        track_visibility="onchange")
    line_ids = fields.One2many(
        "gendan.showroom.check.line", "check_id", "Machines", copy=True,
        readonly=True, states={"draft": [("readonly", False)]})
    expected_count = fields.Integer(
        "Machines Expected", compute="_compute_counts", store=True)
    present_count = fields.Integer(
        "Machines Present", compute="_compute_counts", store=True)
    broken_count = fields.Integer(
        "Machines Broken", compute="_compute_counts", store=True)
    incomplete_count = fields.Integer(
        "Accessories Incomplete", compute="_compute_counts", store=True)
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("draft", "To Check"), ("done", "Submitted")],
        default="draft", required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange")

    _sql_constraints = [
        ("date_company_uniq", "unique(date, company_id)",
         "There is already a showroom check for this date."),
    ]

    @api.depends("line_ids.is_present", "line_ids.is_working",
                 "line_ids.accessories_complete")
    def _compute_counts(self):
        for check in self:
            lines = check.line_ids
            present = lines.filtered("is_present")
            check.expected_count = len(lines)
            check.present_count = len(present)
            check.broken_count = len(present.filtered(
                lambda line: not line.is_working))
            check.incomplete_count = len(present.filtered(
                lambda line: not line.accessories_complete))

    def _check_draft(self):
        if self.filtered(lambda check: check.state != "draft"):
            raise UserError(_("A submitted showroom check cannot be changed."))

    @api.multi
    @transition(["draft"], "done", groups=MERCHANDISER)
    def action_submit(self):
        """Submit the check: a missing machine goes to the administration
        department, a broken one to repair."""
        for check in self:
            unchecked = check.line_ids.filtered(lambda line: not line.is_checked)
            if unchecked:
                raise UserError(_("Check every machine before submitting %(check)s; "
                                  "not checked: %(machines)s.") % {
                                      "check": check.name, "machines": ", ".join(
                                          unchecked.mapped("machine_id.name"))})
        self.write({"state": "done", "user_id": self.env.user.id})
        for check in self:
            check.line_ids._report_findings()
        self.env["mail.activity"]._todo_done(self, TODO_KEY)
        return True

    @api.multi
    def action_refresh_lines(self):
        """Add a line for each machine now in the showroom (draft only)."""
        self._check_draft()
        for check in self:
            check.write({"line_ids": check._prepare_line_commands()})
        return True

    # -- the Saturday to-do -------------------------------------------------------

    def _prepare_line_commands(self):
        """Create commands for the machines of the company not yet listed."""
        self.ensure_one()
        machines = self.env["gendan.showroom.machine"].search([
            ("company_id", "=", self.company_id.id),
            ("state", "in", ("showroom", "broken"))])
        listed = self.line_ids.mapped("machine_id")
        return [(0, 0, {"machine_id": machine.id}) for machine in machines - listed]

    @api.model
    def _cron_saturday_check(self, today=None):
        """Each Saturday: one check per company with a line per machine, and
        a to-do for its keeper. Any other day: nothing. Runs daily; running
        it twice the same day adds nothing."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        if today.weekday() != SATURDAY:
            return self.browse()
        day = fields.Date.to_string(today)
        checks = self.browse()
        machines = self.env["gendan.showroom.machine"].search(
            [("state", "in", ("showroom", "broken"))])
        for company in machines.mapped("company_id"):
            check = self.search([("date", "=", day),
                                 ("company_id", "=", company.id)])
            if not check:
                check = self.create({"date": day, "company_id": company.id})
                check.action_refresh_lines()
            checks |= check
        self.env["mail.activity"]._todo_ensure(
            checks.filtered(lambda check: check.state == "draft"), TODO_KEY,
            lambda check: check.company_id._showroom_keepers(),
            lambda self: _("Saturday check of the showroom sample machines"),
            deadline=lambda check: check.date)
        return checks
