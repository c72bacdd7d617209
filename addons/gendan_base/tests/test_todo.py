from .common import GendanCase


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
