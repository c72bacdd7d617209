"""The internal contact form's print: the one stamp (issue 14, point 7)."""
from odoo.exceptions import UserError

from .common import GendanCase

CONTROLLED = "受控文件 / CONTROLLED COPY"
DRAFT = "草稿 / NOT APPROVED"


class TestMemoStamp(GendanCase):

    @classmethod
    def setUpClass(cls):
        super(TestMemoStamp, cls).setUpClass()
        cls.report = cls.env.ref("gendan_base.action_report_memo")

    def _html(self, memo, login, mode=None):
        report = self.report.sudo(self.users[login])
        if mode:
            report = report.with_context(gendan_print_copies=mode)
        return report.render_qweb_html(memo.ids)[0].decode("utf-8")

    def _memo(self):
        memo = self.env["gendan.memo"].sudo(self.users["merchandiser"]).create(
            {"subject": "Barcode moved"})
        memo.action_submit()
        return memo

    def test_memo_stamp_follows_the_document(self):
        """Never sent, signed but not distributed: NOT APPROVED. Distributed:
        one controlled copy per holder, the memo's revision. Cancelled: void."""
        memo = self._memo()
        html = self._html(memo, "qa")
        self.assertNotIn("受控文件", html)
        self.assertEqual(html.count(DRAFT), 1)
        memo.sudo(self.users["sales_manager"]).action_signoff_sign()
        memo.sudo(self.users["general_manager"]).action_signoff_sign()
        self.assertEqual(memo.state, "approved")
        self.assertNotIn(CONTROLLED, self._html(memo, "qa"))
        memo.sudo(self.users["merchandiser"]).action_distribute()
        copies = memo._distribution_current()
        html = self._html(memo, "qa")
        self.assertEqual(html.count(CONTROLLED), len(copies))
        self.assertIn("Rev. %d" % memo.signoff_revision, html)
        self.assertIn("Holder: Quality Assurance — ", html)
        self.assertIn(self.users["qa"].name, html)
        # my copy: the QA page only
        html = self._html(memo, "qa", mode="mine")
        self.assertEqual(html.count(CONTROLLED), 1)
        self.assertIn("Holder: Quality Assurance", html)
        self.assertNotIn("Holder: Production", html)
        with self.assertRaises(UserError):
            memo.sudo(self.users["finance"])._distribution_print_copies("mine")
        html = self._html(memo, "finance", mode="reference")
        self.assertEqual(html.count("REFERENCE COPY"), 1)
        self.assertNotIn(CONTROLLED, html)
        memo.sudo(self.users["merchandiser"]).action_cancel()
        html = self._html(memo, "qa")
        self.assertNotIn(CONTROLLED, html)
        self.assertIn("作废 / VOID", html)

    def test_revision_is_the_documents(self):
        """A re-approved memo prints its sign-off revision, not the number of
        distributions."""
        memo = self._memo()
        memo.sudo(self.users["sales_manager"]).action_signoff_reject("No")
        self.assertEqual(memo.state, "draft")
        memo.sudo(self.users["merchandiser"]).action_submit()
        memo.sudo(self.users["sales_manager"]).action_signoff_sign()
        memo.sudo(self.users["general_manager"]).action_signoff_sign()
        memo.sudo(self.users["merchandiser"]).action_distribute()
        self.assertEqual(memo.distribution_revision, 1)
        self.assertEqual(memo.signoff_revision, 2)
        html = self._html(memo, "production")
        self.assertIn("Rev. 2", html)
        self.assertNotIn("Rev. 1<", html)

    def test_print_wizard(self):
        """Print ▸ Controlled Copies...: the chosen copies travel with the
        report action; "my copy" is refused to a user without one."""
        memo = self._memo()
        memo.sudo(self.users["sales_manager"]).action_signoff_sign()
        memo.sudo(self.users["general_manager"]).action_signoff_sign()
        memo.sudo(self.users["merchandiser"]).action_distribute()
        Wizard = self.env["gendan.distribution.print"].with_context(
            active_model="gendan.memo", active_ids=memo.ids,
            gendan_report="gendan_base.action_report_memo")
        action = Wizard.sudo(self.users["production"]).create(
            {"mode": "mine"}).action_print()
        self.assertEqual(action["report_name"], "gendan_base.report_memo")
        html = self.report.sudo(self.users["production"]).render_qweb_html(
            None, data=action["data"])[0].decode("utf-8")
        self.assertEqual(html.count(CONTROLLED), 1)
        self.assertIn("Holder: Production", html)
        with self.assertRaises(UserError):
            Wizard.sudo(self.users["finance"]).create({"mode": "mine"}).action_print()
