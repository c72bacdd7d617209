from odoo import SUPERUSER_ID, _

from .common import GendanCase, shift_date


class TestTodo(GendanCase):
    """The one to-do helper (mail.activity._todo_*)."""

    def test_ensure_is_idempotent_and_closes(self):
        """Ensuring twice creates one to-do per user; done closes them all."""
        memo = self.env["gendan.memo"].create({"subject": "Carton change"})
        Activity = self.env["mail.activity"]
        users = self.users["qa"] | self.users["finance"]
        first = Activity._todo_ensure(memo, "review", users, "Review it")
        again = Activity._todo_ensure(memo, "review", users, "Review it")
        self.assertEqual(len(first), 2)
        self.assertFalse(again)
        mine = Activity.sudo(self.users["qa"]).search([
            ("user_id", "=", self.users["qa"].id), ("res_id", "=", memo.id),
            ("res_model", "=", "gendan.memo")])
        self.assertEqual(mine.summary, "Review it")
        Activity._todo_done(memo, "review", self.users["qa"])
        self.assertEqual(Activity._todo_open(memo, "review").user_id,
                         self.users["finance"])
        Activity._todo_cancel(memo, "review")
        self.assertFalse(Activity._todo_open(memo, "review"))
        self.assertTrue(Activity._todo_ensure(memo, "review", users, "Again"))

    def test_stored_deadline_follows(self):
        """The document's stored "next activity deadline" (sorting, filters)
        follows the to-dos the engine writes and removes by SQL."""
        memo = self.env["gendan.memo"].create({"subject": "Label change"})
        Activity = self.env["mail.activity"]
        Activity._todo_ensure(memo, "a", self.users["qa"], "A", deadline="2031-03-05")
        Activity._todo_ensure(memo, "b", self.users["qa"], "B", deadline="2031-03-02")
        self.assertEqual(memo.activity_date_deadline, "2031-03-02")
        self.assertEqual(self.env["gendan.memo"].search([
            ("id", "=", memo.id), ("activity_date_deadline", "=", "2031-03-02")]), memo)
        Activity._todo_done(memo, "b")
        self.assertEqual(memo.activity_date_deadline, "2031-03-05")
        Activity._todo_done(memo, "a", feedback="Checked with QA")
        self.assertFalse(memo.activity_date_deadline)
        self.assertTrue(memo.message_ids.filtered(
            lambda msg: "Checked with QA" in (msg.body or "")))

    def _english_cron(self):
        """The environment of a cron: the superuser, in English."""
        return self.env(user=SUPERUSER_ID,
                        context=dict(self.env.context, lang="en_US"))

    def _chinese_and_english(self):
        """A zh_CN user (QA) and an en_US user (finance)."""
        self.env["res.lang"].load_lang("zh_CN")
        self.users["qa"].lang = "zh_CN"
        self.users["finance"].lang = "en_US"
        return self.users["qa"], self.users["finance"]

    def _summary_seen_by(self, record, key, user):
        """The summary of ``user``'s to-do ``key`` in their "My work"."""
        return self.env["mail.activity"].sudo(user).search([
            ("res_model", "=", record._name), ("res_id", "=", record.id),
            ("gendan_key", "=", key), ("user_id", "=", user.id)]).summary

    def test_texts_in_assignee_language(self):
        """An English caller gives a Chinese user a Chinese to-do and an
        English user an English one, in one go."""
        chinese, english = self._chinese_and_english()
        memo = self.env["gendan.memo"].create({"subject": "Carton change"})
        created = self._english_cron()["mail.activity"]._todo_ensure(
            memo, "sign", chinese | english,
            lambda self: _("Sign %s") % self.display_name,
            note=lambda self: _("Overdue since %s") % "2031-03-05")
        self.assertEqual(len(created), 2)
        self.assertEqual(self._summary_seen_by(memo, "sign", chinese),
                         "签核 %s" % memo.display_name)
        self.assertEqual(self._summary_seen_by(memo, "sign", english),
                         "Sign %s" % memo.display_name)
        self.assertEqual(created.filtered(
            lambda todo: todo.user_id == chinese).note, "自 2031-03-05 起超期")

    def test_sla_escalation_in_owner_language(self):
        """The escalation cron (English) writes "overdue" in the language of
        each item's owner."""
        chinese, english = self._chinese_and_english()
        Memo = self.env["gendan.memo"]
        late = dict(subject="Late", date=shift_date(days=-30))
        memo_zh = Memo.create(dict(late, user_id=chinese.id))
        memo_en = Memo.create(dict(late, user_id=english.id))
        self._english_cron()["gendan.sla"]._cron_escalate_overdue()
        self.assertEqual(self._summary_seen_by(memo_zh, "sla", chinese),
                         "自 %s 起超期" % memo_zh.sla_deadline)
        self.assertEqual(self._summary_seen_by(memo_en, "sla", english),
                         "Overdue since %s" % memo_en.sla_deadline)
