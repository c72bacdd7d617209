from odoo.exceptions import AccessError, UserError

from .common import GendanCase
from ..engine import transition


class TestStateMachine(GendanCase):
    """One guard for every state field (gendan.state.machine), on the memo."""

    @classmethod
    def setUpClass(cls):
        super(TestStateMachine, cls).setUpClass()
        cls.memo = cls.env["gendan.memo"].sudo(cls.users["merchandiser"]).create(
            {"subject": "Colour box artwork V3"})

    def _db_state(self, record):
        record.env.cr.execute(
            'SELECT state FROM "%s" WHERE id = %%s' % record._table, (record.id,))
        return record.env.cr.fetchone()[0]

    def test_direct_write_refused_naming_the_button(self):
        """Writing the state field is refused, for every user, superuser too;
        the message names the button that makes the move."""
        for user in (self.users["merchandiser"], self.env.user):
            with self.assertRaisesRegex(UserError, "Close"):
                self.memo.sudo(user).write({"state": "closed"})
            self.assertEqual(self._db_state(self.memo), "draft")

    def test_create_in_a_later_state_refused(self):
        """A record starts in its initial state."""
        with self.assertRaises(UserError):
            self.env["gendan.memo"].create({"subject": "x", "state": "approved"})
        memo = self.env["gendan.memo"].create({"subject": "x", "state": "draft"})
        self.assertEqual(memo.state, "draft")

    def test_button_from_wrong_state_refused(self):
        """A button refuses records outside its declared source states."""
        with self.assertRaisesRegex(UserError, "Draft"):
            self.memo.sudo(self.users["merchandiser"]).action_close()
        self.assertEqual(self._db_state(self.memo), "draft")

    def test_button_moves_only_its_records(self):
        """The privilege of a running button covers its own records only."""
        other = self.memo.copy()
        memo = self.memo.sudo(self.users["merchandiser"])
        memo.action_cancel()
        self.assertEqual(self._db_state(self.memo), "cancel")
        with self.assertRaises(UserError):
            memo.with_context(active_ids=other.ids).browse(other.id).write(
                {"state": "cancel"})
        self.assertEqual(self._db_state(other), "draft")
        memo.action_draft()
        self.assertEqual(self._db_state(self.memo), "draft")

    def test_rejection_moves_back_through_the_engine(self):
        """The sign-off engine's declared move (reject -> draft) is allowed."""
        memo = self.memo.sudo(self.users["merchandiser"])
        memo.action_submit()
        self.assertEqual(memo.state, "to_sign")
        memo.sudo(self.users["sales_manager"]).action_signoff_reject("Wrong box")
        self.assertEqual(self._db_state(self.memo), "draft")
        self.assertIn("action_signoff_reject", self.memo._state_transitions())

    def test_transitions_declared_once(self):
        """The model lists its transitions with the buttons that make them."""
        moves = self.memo._state_transitions()
        self.assertEqual(moves["action_close"][0][:2], (("distributed",), "closed"))
        self.assertEqual(moves["action_draft"][0][:2], (("cancel",), "draft"))

    def test_groups_of_a_transition(self):
        """A transition declared for a role refuses the others."""
        model = self.env["gendan.memo"]
        cls = type(model)

        def action_cancel(records):
            return records.write({"state": "cancel"})
        guarded = transition(["draft"], "cancel",
                             groups=["gendan_base.group_general_manager"])(
                                 action_cancel)
        with self.assertRaisesRegex(AccessError, "General Manager"):
            guarded(self.memo.sudo(self.users["qa"]))
        self.assertEqual(self._db_state(self.memo), "draft")
        guarded(self.memo.sudo(self.users["general_manager"]))
        self.assertEqual(self._db_state(self.memo), "cancel")
        self.assertFalse(hasattr(cls, "guarded"))
