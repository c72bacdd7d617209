from datetime import date, datetime, timedelta

from odoo import fields

from .common import GendanCase


class TestSla(GendanCase):
    """Working-day deadlines and the overdue escalation cron."""

    @classmethod
    def setUpClass(cls):
        super(TestSla, cls).setUpClass()
        cls.sla = cls.env["gendan.sla"]
        cls.company = cls.env.user.company_id
        # a Monday-to-Friday week without holidays (the demo company works
        # Saturdays; its calendar is tested in test_demo_company)
        cls.calendar = cls.env["resource.calendar"].create({"name": "Mon-Fri (test)"})
        cls.company.resource_calendar_id = cls.calendar

    def test_weekend_skipped(self):
        """Friday + 2 working days is Tuesday (Mon-Fri calendar)."""
        friday = date(2026, 11, 20)
        self.assertEqual(friday.weekday(), 4)
        self.assertEqual(self.sla.add_working_days(friday, 2, self.company),
                         date(2026, 11, 24))
        self.assertEqual(self.sla.add_working_days("2026-11-20", 1, self.company),
                         date(2026, 11, 23))

    def test_holiday_skipped(self):
        """A global leave of the calendar is not a working day."""
        self.env["resource.calendar.leaves"].create({
            "name": "Company holiday", "calendar_id": self.calendar.id,
            "date_from": "2026-11-23 00:00:00", "date_to": "2026-11-23 23:59:59"})
        # Friday + 2 working days: Monday is a holiday -> Wednesday
        self.assertEqual(self.sla.add_working_days(date(2026, 11, 20), 2, self.company),
                         date(2026, 11, 25))

    def test_memo_deadline_and_status(self):
        """The memo's deadline follows its date and reply time; status is searchable."""
        memo = self.env["gendan.memo"].create({
            "subject": "Old", "date": "2026-11-20", "reply_days": 2})
        self.assertEqual(memo.sla_deadline, "2026-11-24")
        memo.write({"reply_days": 3})
        self.assertEqual(memo.sla_deadline, "2026-11-25")
        old = self.env["gendan.memo"].create({
            "subject": "Late", "date": fields.Date.to_string(
                date.today() - timedelta(days=30))})
        self.assertEqual(old.sla_status, "overdue")
        overdue = self.env["gendan.memo"].search([("sla_status", "=", "overdue")])
        self.assertIn(old, overdue)
        old.action_cancel()
        self.assertEqual(old.sla_status, "done")
        self.assertNotIn(old, self.env["gendan.memo"].search(
            [("sla_status", "=", "overdue")]))

    def test_cron_idempotent(self):
        """The daily cron creates one activity per overdue record, once."""
        late = self.env["gendan.memo"].create({
            "subject": "Late", "user_id": self.users["qa"].id,
            "date": fields.Date.to_string(date.today() - timedelta(days=30))})
        on_time = self.env["gendan.memo"].create({"subject": "Fresh"})
        activity_type = self.env.ref("gendan_base.mail_activity_type_sla_overdue")

        def activities(memo):
            return self.env["mail.activity"].search([
                ("res_model", "=", "gendan.memo"), ("res_id", "=", memo.id),
                ("activity_type_id", "=", activity_type.id)])

        self.sla._cron_escalate_overdue()
        self.assertEqual(len(activities(late)), 1)
        self.assertEqual(activities(late).user_id, self.users["qa"])
        self.assertFalse(activities(on_time))
        self.sla._cron_escalate_overdue()
        self.assertEqual(len(activities(late)), 1)
        self.assertTrue(datetime.now())
