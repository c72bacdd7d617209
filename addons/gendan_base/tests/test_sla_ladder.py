from datetime import date, timedelta

from odoo import fields

from .common import GendanCase


class TestSlaLadder(GendanCase):
    """An overdue item climbs owner -> superior -> general manager, one step
    every N working days, until it is done; a to-do marked done comes back."""

    @classmethod
    def setUpClass(cls):
        super(TestSlaLadder, cls).setUpClass()
        cls.company = cls.env.user.company_id
        # the arithmetic below counts on a Monday-to-Friday week without
        # holidays (the demo company works Saturdays)
        cls.company.write({"gendan_escalation_days": 2,
                           "gendan_escalation_levels": 2,
                           "resource_calendar_id": cls.env["resource.calendar"].create(
                               {"name": "Mon-Fri (test)"}).id})
        cls.owner = cls.users["qa"]
        cls.boss = cls.users["production"]
        cls.owner.gendan_superior_id = cls.boss
        # the test's general manager is the only one: the top of the ladder
        group = cls.env.ref("gendan_base.group_general_manager")
        (group.users - cls.users["general_manager"]).filtered(
            lambda user: user.id > 2).write({"active": False})
        cls.memo = cls.env["gendan.memo"].create({
            "subject": "Late", "user_id": cls.owner.id,
            "date": fields.Date.to_string(date.today() - timedelta(days=30))})
        cls.Memo = cls.env["gendan.memo"]

    def _todo_users(self):
        return self.env["mail.activity"]._todo_open(self.memo, "sla").mapped("user_id")

    def _days_pass(self):
        """The last escalation step was a week ago (5+ working days)."""
        self.memo._sla_set_escalation(
            self.memo.sla_escalation_level,
            fields.Date.to_string(date.today() - timedelta(days=7)))

    def _run(self):
        self.env["gendan.sla"]._cron_escalate_overdue()
        self.memo.invalidate_cache()

    def test_ladder(self):
        self.assertEqual(self.memo.sla_status, "overdue")
        self._run()
        self.assertEqual(self._todo_users(), self.owner)
        self.assertEqual(self.memo.sla_escalation_level, 0)
        messages = len(self.memo.message_ids)
        self._run()  # idempotent
        self.assertEqual(self._todo_users(), self.owner)
        self.assertEqual(len(self.memo.message_ids), messages)
        # marked done without fixing the item: it comes back
        self.env["mail.activity"]._todo_done(self.memo, "sla", self.owner)
        self.assertFalse(self._todo_users())
        self._run()
        self.assertEqual(self._todo_users(), self.owner)
        # N working days later: the superior
        self._days_pass()
        self._run()
        self.assertEqual(self.memo.sla_escalation_level, 1)
        self.assertEqual(self._todo_users(), self.owner | self.boss)
        self.assertIn(self.boss.name, self.memo.message_ids[0].body)
        # then the general manager (the superior has no superior)
        self._days_pass()
        self._run()
        self.assertEqual(self.memo.sla_escalation_level, 2)
        self.assertEqual(self._todo_users(),
                         self.owner | self.boss | self.users["general_manager"])
        # the top: no further level, nothing added
        self._days_pass()
        self._run()
        self.assertEqual(self.memo.sla_escalation_level, 2)
        self.assertEqual(len(self._todo_users()), 3)
        # done (no longer overdue): the to-dos go, the ladder starts again
        self.memo.write({"date": fields.Date.context_today(self.memo)})
        self._run()
        self.assertFalse(self._todo_users())
        self.assertEqual((self.memo.sla_escalation_level,
                          self.memo.sla_escalated_on), (0, False))

    def test_levels_configurable(self):
        """With one level, the ladder stops at the owner's superior."""
        self.company.gendan_escalation_levels = 1
        self._run()
        for _step in range(3):
            self._days_pass()
            self._run()
        self.assertEqual(self._todo_users(), self.owner | self.boss)

    def test_working_days_between(self):
        """Working days after a Friday up to the next Tuesday: 2."""
        sla = self.env["gendan.sla"]
        friday = date(2026, 3, 6)
        self.assertEqual(friday.weekday(), 4)
        self.assertEqual(sla.working_days_between(
            friday, friday + timedelta(days=4), self.company), 2)
        self.assertEqual(sla.working_days_between(
            friday, friday - timedelta(days=1), self.company), 0)
