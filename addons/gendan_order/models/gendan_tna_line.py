from datetime import timedelta

from odoo import api, fields, models, tools

from .sale_order import MILESTONE_STATES

DEPARTMENTS = [
    ("sales", "Sales"), ("merchandiser", "Merchandiser"),
    ("engineering", "Engineering"), ("purchasing", "Purchasing"),
    ("production", "Production"), ("qa", "Quality"), ("finance", "Finance"),
    ("warehouse", "Warehouse")]


class GendanTnaLine(models.Model):
    """One milestone of an order's time-and-action (T&A) plan.

    A SQL view over the milestone fields of ``sale.order`` (one row per
    applicable milestone of every installed module), rebuilt when a module
    adds milestones (``sale.order.init``). Reading an order's plan is one
    query whatever the number of milestones.
    """

    _name = "gendan.tna.line"
    _description = "Time and Action Milestone"
    _auto = False
    _order = "order_id, sequence"
    _rec_name = "milestone"

    order_id = fields.Many2one("sale.order", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    sequence = fields.Integer(readonly=True)
    milestone = fields.Selection("_selection_milestone", readonly=True)
    department = fields.Selection(DEPARTMENTS, readonly=True)
    owner_id = fields.Many2one("res.users", readonly=True)
    state = fields.Selection(MILESTONE_STATES, readonly=True)
    date_planned = fields.Date("Planned", readonly=True,
                               help="Deadline of the open milestone.")
    date_done = fields.Date("Actual", readonly=True)
    date_deadline = fields.Date("Date", readonly=True,
                                help="Deadline, or the day it was done.")
    late_days = fields.Integer(
        "Late (working days)", compute="_compute_late_days",
        help="Working days since the deadline of a late milestone.")

    @api.model
    def _selection_milestone(self):
        return self.env["sale.order"]._selection_milestone_next()

    @api.model
    def _view_query(self):
        """One SELECT per milestone of ``sale.order``, in plan order."""
        order = self.env["sale.order"]
        plan = order._tna_plan()
        names = sorted(order._milestone_names(),
                       key=lambda n: (plan.get(n, (99,))[0], n))
        parts = []
        for index, name in enumerate(names):
            sequence, department, owner = plan.get(
                name, (99, "merchandiser", "merchandiser_id"))
            parts.append("""
                SELECT so.id * 100 + %(index)d AS id, so.id AS order_id,
                       so.company_id, so.partner_id,
                       %(sequence)d AS sequence, '%(name)s'::varchar AS milestone,
                       '%(department)s'::varchar AS department,
                       so.%(owner)s AS owner_id,
                       so.milestone_%(name)s_state AS state,
                       so.milestone_%(name)s_date AS date_deadline,
                       CASE WHEN so.milestone_%(name)s_state = 'done'
                            THEN NULL ELSE so.milestone_%(name)s_date
                       END AS date_planned,
                       CASE WHEN so.milestone_%(name)s_state = 'done'
                            THEN so.milestone_%(name)s_date
                       END AS date_done
                  FROM sale_order so
                 WHERE so.milestone_%(name)s_state != 'na'""" % {
                     "index": index, "sequence": sequence, "name": name,
                     "department": department, "owner": owner})
        return " UNION ALL ".join(parts)

    @api.model_cr
    def init(self):
        self._create_view()

    @api.model
    def _create_view(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        query = self._view_query()
        if query:
            # the query is built from field names, not from user input
            self.env.cr.execute(  # pylint: disable=sql-injection
                "CREATE VIEW %s AS (%s)" % (self._table, query))

    def _compute_late_days(self):
        """Working days from the deadline to today (one calendar read)."""
        for line in self:
            line.late_days = 0
        late = self.filtered(lambda line: line.state == "late" and line.date_planned)
        if not late:
            return
        today = fields.Date.from_string(fields.Date.context_today(self))
        first = fields.Date.from_string(min(late.mapped("date_planned")))
        sla = self.env["gendan.sla"]
        for company in set(line.company_id for line in late):
            weekdays, holidays = sla._calendar_days(company or None, first, today)
            for line in late.filtered(lambda ln, c=company: ln.company_id == c):
                day = fields.Date.from_string(line.date_planned)
                count = 0
                while day < today:
                    day += timedelta(days=1)
                    if day.weekday() in weekdays and day not in holidays:
                        count += 1
                line.late_days = count

    @api.multi
    def action_open_document(self):
        """The document behind the milestone (the order's, when several)."""
        self.ensure_one()
        return self.order_id._tna_open(self.milestone)
