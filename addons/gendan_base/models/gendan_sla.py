from datetime import datetime, time, timedelta

from odoo import _, api, fields, models, tools

from .gendan_cn_holidays import cn_public_holidays


class GendanSla(models.AbstractModel):
    """Working-day arithmetic on the company's calendar and the SLA cron."""

    _name = "gendan.sla"
    _description = "SLA Clock"

    @api.model
    def _calendar_days(self, company, date_from, date_to):
        """(working weekdays, holiday dates) of the company's calendar."""
        company = company or self.env.user.company_id
        # one query says which calendar and which version of its days and
        # leaves (row counts and last changes: a rolled-back change is seen
        # too); what they are is kept in the registry's cache under that key
        self.env.cr.execute(
            "SELECT c.resource_calendar_id, ("
            " SELECT count(*) || '/' || coalesce(max(write_date)::text, '')"
            " FROM resource_calendar_attendance"
            " WHERE calendar_id = c.resource_calendar_id), ("
            " SELECT count(*) || '/' || coalesce(max(write_date)::text, '')"
            " FROM resource_calendar_leaves"
            " WHERE calendar_id = c.resource_calendar_id AND resource_id IS NULL)"
            " FROM res_company c WHERE c.id = %s", (company.id,))
        calendar_id, days_version, leaves_version = self.env.cr.fetchone()
        if not calendar_id:
            return set(range(5)), set()
        weekdays, leaves = self._calendar_data(calendar_id, days_version,
                                               leaves_version)
        start = fields.Datetime.to_string(date_from)
        end = fields.Datetime.to_string(date_to)
        holidays = set()
        for leave_from, leave_to in leaves:
            if leave_from > end or leave_to < start:
                continue
            day = fields.Datetime.from_string(leave_from).date()
            last = fields.Datetime.from_string(leave_to).date()
            while day <= last:
                holidays.add(day)
                day += timedelta(days=1)
        return set(weekdays) or set(range(5)), holidays

    @api.model
    @tools.ormcache("calendar_id", "days_version", "leaves_version")
    def _calendar_data(self, calendar_id, days_version, leaves_version):
        """(working weekdays, global leaves as (from, to) strings) of the
        calendar at that version (see ``_calendar_days``)."""
        self.env.cr.execute(
            "SELECT DISTINCT dayofweek FROM resource_calendar_attendance "
            "WHERE calendar_id = %s", (calendar_id,))
        weekdays = tuple(sorted(int(row[0]) for row in self.env.cr.fetchall()))
        self.env.cr.execute(
            "SELECT date_from, date_to FROM resource_calendar_leaves "
            "WHERE calendar_id = %s AND resource_id IS NULL", (calendar_id,))
        # the cursor gives timestamps as strings (or datetimes): same format
        leaves = tuple((str(date_from)[:19], str(date_to)[:19])
                       for date_from, date_to in self.env.cr.fetchall())
        return weekdays, leaves

    @api.model
    def ensure_cn_holidays(self, calendar, years):
        """Add China's public holidays of ``years`` to ``calendar`` as global
        leaves (whole days, as the working-day clock reads them); a holiday
        already there is kept. Returns the leaves added."""
        leaves = self.env["resource.calendar.leaves"].sudo()
        added = leaves.browse()
        for year in years:
            for name, first, last in cn_public_holidays(year):
                date_from = fields.Datetime.to_string(
                    datetime.combine(first, time.min))
                if leaves.search([("calendar_id", "=", calendar.id),
                                  ("resource_id", "=", False),
                                  ("date_from", "=", date_from)], limit=1):
                    continue
                added |= leaves.create({
                    "name": name, "calendar_id": calendar.id, "tz": "UTC",
                    "date_from": date_from,
                    "date_to": fields.Datetime.to_string(
                        datetime.combine(last, time(23, 59, 59)))})
        return added

    @api.model
    def add_working_days(self, date_from, days, company=None):
        """The date ``days`` working days after ``date_from`` (date or string).

        Weekends are the days without attendance in the company's
        resource.calendar; holidays are its global leaves.
        """
        if not date_from:
            return False
        if isinstance(date_from, str):
            date_from = fields.Date.from_string(date_from[:10])
        horizon = date_from + timedelta(days=days * 3 + 60)
        weekdays, holidays = self._calendar_days(company, date_from, horizon)
        day, left = date_from, days
        while left > 0:
            day += timedelta(days=1)
            if day.weekday() in weekdays and day not in holidays:
                left -= 1
        return day

    @api.model
    def working_days_between(self, date_from, date_to, company=None):
        """Working days after ``date_from`` up to ``date_to`` (0 if before)."""
        if isinstance(date_from, str):
            date_from = fields.Date.from_string(date_from[:10])
        if isinstance(date_to, str):
            date_to = fields.Date.from_string(date_to[:10])
        if not date_from or not date_to or date_to <= date_from:
            return 0
        weekdays, holidays = self._calendar_days(company, date_from, date_to)
        count, day = 0, date_from
        while day < date_to:
            day += timedelta(days=1)
            if day.weekday() in weekdays and day not in holidays:
                count += 1
        return count

    @api.model
    def _sla_models(self):
        """Names of the concrete models that inherit gendan.sla.mixin."""
        return [name for name in self.env.registry.models
                if not self.env[name]._abstract and not self.env[name]._transient
                and hasattr(self.env[name], "_sla_escalate")]

    @api.model
    def _cron_escalate_overdue(self):
        """Escalate the overdue items one level up the ladder when due
        (idempotent: running it twice adds nothing)."""
        for name in self._sla_models():
            self.env[name]._sla_escalate()
        return True

    @api.model
    def _activity_type(self):
        return self.env.ref("gendan_base.mail_activity_type_sla_overdue")

    @api.model
    def _overdue_summary(self):
        return _("SLA overdue")
