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
