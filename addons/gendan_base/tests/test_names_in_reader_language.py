from .common import GendanCase


class TestNamesInReaderLanguage(GendanCase):
    """Signature roles and copy departments are read in the reader's
    language (the translated name of their sign-off rule / distribution list
    line), whoever asked for or sent them; a sign-off line of the chatter is
    in one language, its signer's."""

    @classmethod
    def setUpClass(cls):
        super(TestNamesInReaderLanguage, cls).setUpClass()
        cls.env["res.lang"].load_lang("zh_CN")
        cls.reader_zh = cls._create_user("t_reader_zh", ["gendan_base.group_user"])
        cls.reader_zh.lang = "zh_CN"
        # reads every department's copies (a user reads only the copies they hold)
        cls.clerk_zh = cls._create_user(
            "t_clerk_zh", ["gendan_base.group_documents_clerk"])
        cls.clerk_zh.lang = "zh_CN"

    def _as(self, record, user):
        """``record`` as ``user`` sees it in the web client (their language)."""
        return record.sudo(user).with_context(lang=user.lang)

    def _submitted(self, user=None):
        user = user or self.users["merchandiser"]
        memo = self._as(self.env["gendan.memo"], user).create(
            {"subject": "Carton change"})
        memo.action_submit()
        return memo

    def test_signature_role_in_reader_language(self):
        """An en_US sales manager signs; a zh_CN user reads 业务经理 where
        an en_US user reads Sales Manager, also once the rule is gone."""
        memo = self._submitted()
        self._as(memo, self.users["sales_manager"]).action_signoff_sign()
        self.assertEqual(
            self._as(memo, self.reader_zh)._signoff_current().mapped("name"),
            ["业务经理", "总经理"])
        self.assertEqual(
            self._as(memo, self.users["qa"])._signoff_current().mapped("name"),
            ["Sales Manager", "General Manager"])
        signatures = self._as(self.env["gendan.signature"], self.reader_zh)
        self.assertEqual(signatures.search([
            ("res_model", "=", "gendan.memo"), ("res_id", "=", memo.id),
            ("name", "=", "业务经理")]).mapped("state"), ["signed"])
        self.env.ref("gendan_base.signoff_rule_memo_sales_manager").unlink()
        memo.invalidate_cache()
        self.assertEqual(
            self._as(memo, self.reader_zh)._signoff_current().mapped("name"),
            ["Sales Manager", "总经理"])

    def test_requested_in_chinese_kept_in_source(self):
        """Signatures asked by a zh_CN merchandiser keep the role's source
        name as their label: an en_US reader does not see Chinese."""
        merchandiser = self.users["merchandiser"]
        merchandiser.lang = "zh_CN"
        memo = self._submitted(merchandiser)
        signatures = memo._signoff_current()
        self.assertEqual(signatures.mapped("role_label"),
                         ["Sales Manager", "General Manager"])
        self.assertEqual(self._as(memo, self.users["qa"])._signoff_current().mapped(
            "name"), ["Sales Manager", "General Manager"])

    def test_chatter_line_in_signer_language(self):
        """A zh_CN signer's line is Chinese throughout (no "以 Sales Manager
        身份签核"); an en_US signer's is English throughout."""
        memo = self._submitted()
        manager = self.users["sales_manager"]
        manager.lang = "zh_CN"
        self._as(memo, manager).action_signoff_sign()
        self._as(memo, self.users["general_manager"]).action_signoff_sign("OK")
        bodies = memo.message_ids.mapped("body")
        self.assertTrue(any("以 业务经理 身份签核" in body for body in bodies), bodies)
        self.assertFalse([body for body in bodies if "Sales Manager" in body])
        self.assertTrue(any("Signed as General Manager: OK" in body
                            for body in bodies), bodies)
        self.assertFalse([body for body in bodies if "总经理" in body])

    def test_copy_department_in_reader_language(self):
        """Copies sent by an en_US merchandiser name their department in the
        reader's language: 品质部 for a zh_CN reader, in the list of who has
        not acknowledged and in the copy's name too."""
        memo = self._submitted()
        self._as(memo, self.users["sales_manager"]).action_signoff_sign()
        self._as(memo, self.users["general_manager"]).action_signoff_sign()
        self._as(memo, self.users["merchandiser"]).action_distribute()
        copies_zh = self._as(memo, self.reader_zh)._distribution_current()
        self.assertIn("品质部", copies_zh.mapped("name"))
        self.assertIn("品质部", self._as(memo, self.reader_zh).distribution_pending_names)
        qa_copy = copies_zh.filtered(lambda copy: copy.name == "品质部")
        self.assertIn("品质部", qa_copy.display_name)
        self.assertEqual(qa_copy.department_label, "Quality Assurance")
        self.assertEqual(self._as(qa_copy, self.users["qa"]).name, "Quality Assurance")
        copies = self._as(self.env["gendan.distribution.copy"], self.clerk_zh)
        groups = copies.read_group(
            [("res_model", "=", "gendan.memo"), ("res_id", "=", memo.id)],
            ["list_line_id"], ["list_line_id"])
        self.assertIn("品质部", [group["list_line_id"][1] for group in groups])

    def test_signoff_labels_distinct(self):
        """On every signed document the list of signatures and the progress
        ("2/5") have their own label, in English and in Chinese."""
        heirs = [name for name in self.env.registry
                 if not self.env[name]._abstract
                 and "signoff_progress" in self.env[name]._fields]
        self.assertIn("gendan.memo", heirs)
        for lang in ("en_US", "zh_CN"):
            for name in heirs:
                labels = self.env[name].with_context(lang=lang).fields_get(
                    ["signature_ids", "signoff_progress"], ["string"])
                self.assertNotEqual(labels["signature_ids"]["string"],
                                    labels["signoff_progress"]["string"],
                                    "%s (%s)" % (name, lang))
