"""The demo is a Chinese factory: users in Chinese in Shanghai time, a
six-day week without China's public holidays, role names in Chinese."""
from datetime import date, timedelta

from odoo import fields
from odoo.tests.common import SavepointCase

from odoo.addons.gendan_base.models.gendan_cn_holidays import cn_public_holidays

CJK = "\u4e00", "\u9fff"


def has_cjk(text):
    return any(CJK[0] <= char <= CJK[1] for char in text or "")


class TestDemoCompany(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.sla = cls.env["gendan.sla"]
        cls.year = fields.Date.from_string(fields.Date.today()).year

    def test_demo_users_work_in_chinese(self):
        """Every department's demo user reads Chinese in Shanghai time."""
        users = self.env["res.users"].search([("login", "in", [
            "merchandiser", "salesperson", "sales_manager", "general_manager",
            "engineer", "purchaser", "production", "qa", "packing_wh",
            "electronic_wh", "fg_wh", "finance", "documents_clerk"])])
        self.assertEqual(len(users), 13)
        self.assertEqual(set(users.mapped("lang")), {"zh_CN"})
        self.assertEqual(set(users.mapped("tz")), {"Asia/Shanghai"})

    def test_saturday_is_a_working_day(self):
        """The company calendar works on Saturdays: a Friday in March of next
        year (no public holiday) plus one working day is the Saturday."""
        calendar = self.company.resource_calendar_id
        self.assertEqual(calendar, self.env.ref(
            "gendan_base.resource_calendar_six_day_demo"))
        friday = date(self.year + 1, 3, 1)
        friday += timedelta(days=(4 - friday.weekday()) % 7)
        self.assertEqual(self.sla.add_working_days(friday, 1, self.company),
                         friday + timedelta(days=1))
        # Sunday stays off: Saturday + 1 working day is Monday
        self.assertEqual(self.sla.add_working_days(friday + timedelta(days=1), 1,
                                                   self.company),
                         friday + timedelta(days=3))

    def test_public_holidays_are_not_working_days(self):
        """National Day of this year and the next, and the Spring Festival
        of next year, are not working days."""
        for year in (self.year, self.year + 1):
            after = self.sla.add_working_days(date(year, 9, 30), 1, self.company)
            self.assertGreater(after, date(year, 10, 7))
            self.assertEqual(self.sla.working_days_between(
                date(year, 9, 30), date(year, 10, 7), self.company), 0)
        spring = [first for name, first, last in cn_public_holidays(self.year + 1)
                  if "Spring" in name]
        if spring:  # a year in the lunar table
            self.assertEqual(self.sla.working_days_between(
                spring[0] - timedelta(days=1), spring[0] + timedelta(days=6),
                self.company), 0)

    def test_holidays_added_once(self):
        """Adding the holidays again adds nothing."""
        calendar = self.company.resource_calendar_id
        self.assertFalse(self.sla.ensure_cn_holidays(
            calendar, [self.year, self.year + 1]))

    def test_holiday_table(self):
        """The fixed-date holidays exist every year; a Mid-Autumn Festival in
        National Day's week lengthens it (2025: 1 to 8 October)."""
        names = [name for name, first, last in cn_public_holidays(2025)]
        self.assertEqual(len(names), 6)
        national = [(first, last) for name, first, last in cn_public_holidays(2025)
                    if "National" in name]
        self.assertEqual(national, [(date(2025, 10, 1), date(2025, 10, 8))])
        self.assertEqual(len(cn_public_holidays(2099)), 3)

    def test_role_and_department_names_in_chinese(self):
        """A zh_CN user sees the shipped roles and departments in Chinese."""
        user = self.env.ref("gendan_base.user_merchandiser_demo")
        env = self.env(user=user, context=user.sudo(user).context_get())
        self.assertEqual(env.lang, "zh_CN")
        rule = env["gendan.signoff.rule"].sudo().browse(
            self.env.ref("gendan_base.signoff_rule_memo_general_manager").id)
        line = env["gendan.distribution.list.line"].sudo().browse(
            self.env.ref("gendan_base.distribution_list_memo_line_qa").id)
        self.assertTrue(has_cjk(rule.name), rule.name)
        self.assertTrue(has_cjk(line.name), line.name)
        english = self.env.ref(
            "gendan_base.signoff_rule_memo_general_manager").with_context(lang="en_US")
        self.assertEqual(english.name, "General Manager")

    def test_no_placeholder_company_left(self):
        """Nobody of the demo signs as base's "YourCompany": the administrator
        posts in the chatter as "Administrator"."""
        partners = self.env["res.partner"].with_context(active_test=False).search(
            ["|", ("display_name", "ilike", "YourCompany"),
             ("commercial_company_name", "ilike", "YourCompany")])
        self.assertFalse(partners.mapped("display_name"))
        self.assertEqual(self.env.ref("base.partner_root").display_name,
                         "Administrator")
