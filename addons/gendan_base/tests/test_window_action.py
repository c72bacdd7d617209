from odoo.addons.gendan_base.tools_actions import window_action

from .common import GendanCase, QueryCounter

XMLID = "gendan_base.gendan_signoff_wizard_action"


class TestWindowAction(GendanCase):
    """The window action a button returns is read once per user and
    language (ir.actions.act_window._gendan_button_values): each caller gets
    its own copy, and a change of the action or of its views shows at once."""

    def test_cached_copy_follows_changes(self):
        env = self.env(user=self.users["merchandiser"].id,
                       context={"lang": "en_US"})
        first = window_action(env, XMLID)
        first["context"] = {"changed": True}
        first["views"].append((False, "kanban"))
        with QueryCounter(self.env.cr) as counter:
            second = window_action(env, XMLID)
        self.assertEqual(counter.count, 0)
        self.assertNotIn("changed", str(second.get("context")))
        self.assertNotIn((False, "kanban"), second["views"])
        self.assertNotIn("search_view", second)
        action = self.env.ref(XMLID)
        action.write({"name": "Sign or reject"})
        self.assertEqual(window_action(env, XMLID)["name"], "Sign or reject")
        self.env["ir.actions.act_window.view"].create(
            {"act_window_id": action.id, "view_mode": "form", "sequence": 1})
        self.assertEqual(window_action(env, XMLID)["views"][0][1], "form")
