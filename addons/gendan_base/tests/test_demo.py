"""The demo data loads twice: what `-i` of an installed module does."""
from odoo.modules.module import get_module_resource
from odoo.tests.common import SavepointCase
from odoo.tools import convert_file


class TestDemoTwice(SavepointCase):

    def _memo_states(self):
        memos = self.env["gendan.memo"].search([]).sorted("id")
        return [(memo.id, memo.state, memo.signoff_state) for memo in memos]

    def test_memo_demo_loads_again(self):
        """Loading the memo demo file again (init mode) changes nothing."""
        submitted = self.env.ref("gendan_base.gendan_memo_demo_holiday")
        self.assertEqual(submitted.state, "to_sign")
        before = self._memo_states()
        path = get_module_resource("gendan_base", "demo", "gendan_memo_demo.xml")
        convert_file(self.cr, "gendan_base", "demo/gendan_memo_demo.xml", {},
                     mode="init", noupdate=True, kind="demo", pathname=path)
        self.env["gendan.memo"].invalidate_cache()
        self.assertEqual(self._memo_states(), before)

    def test_run_acts_in_the_starting_state_only(self):
        """The demo step submits a draft memo once; a second call skips it."""
        memo = self.env["gendan.memo"].create({
            "subject": "Demo step", "user_id": self.env.ref(
                "gendan_base.user_merchandiser_demo").id})
        demo = self.env["gendan.demo"]
        self.assertTrue(demo._run("gendan.memo", memo.ids, "action_submit",
                                  ["draft"], "merchandiser"))
        self.assertEqual(memo.state, "to_sign")
        self.assertFalse(demo._run("gendan.memo", memo.ids, "action_submit",
                                   ["draft"], "merchandiser"))
        self.assertEqual(memo.state, "to_sign")
