import re

from lxml import etree

from odoo.exceptions import AccessError, UserError

from .common import (
    GendanCase, QueryCounter, pdf_page_count, pdf_text_layer, render_pdf)


class TestSignoff(GendanCase):
    """The sign-off engine on the internal contact form (gendan.memo)."""

    @classmethod
    def setUpClass(cls):
        super(TestSignoff, cls).setUpClass()
        cls.Memo = cls.env["gendan.memo"]
        cls.Rule = cls.env["gendan.signoff.rule"]
        # the shipped rules: Sales Manager (10) then General Manager (20)
        cls.model_id = cls.env["ir.model"]._get_id("gendan.memo")

    def _memo(self, user=None, **vals):
        vals.setdefault("subject", "Carton change")
        return self.Memo.sudo(user or self.users["merchandiser"]).create(vals)

    def _submitted(self):
        memo = self._memo()
        memo.action_submit()
        return memo

    def test_request_creates_signatures_in_order(self):
        """Requesting asks one pending signature per applicable rule."""
        memo = self._submitted()
        self.assertEqual(memo.state, "to_sign")
        self.assertEqual(memo.signoff_state, "pending")
        sigs = memo._signoff_current()
        self.assertEqual(sigs.mapped("name"), ["Sales Manager", "General Manager"])
        self.assertEqual(set(sigs.mapped("state")), {"pending"})
        self.assertEqual(memo.signoff_progress, "0/2")

    def test_full_sequence_approves(self):
        """Sales manager then GM sign: the document is signed off and moves on."""
        memo = self._submitted()
        memo.sudo(self.users["sales_manager"]).action_signoff_sign("OK")
        self.assertEqual(memo.signoff_state, "pending")
        memo.sudo(self.users["general_manager"]).action_signoff_sign()
        self.assertEqual(memo.signoff_state, "approved")
        self.assertEqual(memo.state, "approved")
        sig = memo._signoff_current()[0]
        self.assertEqual(sig.signed_by_id, self.users["sales_manager"])
        self.assertEqual(sig.comment, "OK")
        self.assertTrue(any("Signed as Sales Manager: OK" in body
                            for body in memo.message_ids.mapped("body")))

    def test_role_not_held_refused(self):
        """A QA user cannot sign for the sales manager."""
        memo = self._submitted()
        with self.assertRaisesRegex(UserError, "do not hold a role"):
            memo.sudo(self.users["qa"]).action_signoff_sign()
        self.assertEqual(set(memo._signoff_current().mapped("state")), {"pending"})

    def test_out_of_sequence_refused(self):
        """The GM cannot sign before the sales manager (sequential rules)."""
        # the GM also holds the sales manager role through the implied chain,
        # so give the sales-manager signature to a named user instead
        memo_rule = self.env.ref("gendan_base.signoff_rule_memo_sales_manager")
        memo_rule.write({"signer_type": "user",
                         "user_id": self.users["sales_manager"].id})
        memo = self._submitted()
        with self.assertRaisesRegex(UserError, "signed first by: Sales Manager"):
            memo.sudo(self.users["general_manager"]).action_signoff_sign()
        self.assertFalse(memo._signoff_current().filtered(
            lambda s: s.state != "pending"))

    def test_sign_twice_refused(self):
        """A general manager does not sign the sales manager's line by rank;
        where the rule lets a superior sign it, they sign it for the sales
        manager and, another general manager being there, not twice."""
        memo = self._submitted()
        gm = self.users["general_manager"]
        with self.assertRaisesRegex(UserError, "signed first by: Sales Manager"):
            memo.sudo(gm).action_signoff_sign()
        rule = self.env.ref("gendan_base.signoff_rule_memo_sales_manager")
        rule.allow_superior = True
        self._create_user("t_gm_two", ["gendan_base.group_general_manager"])
        memo = self._submitted()
        memo.sudo(gm).action_signoff_sign()
        signed = memo._signoff_current().filtered(lambda sig: sig.state == "signed")
        self.assertEqual((signed.name, signed.signed_by_id, signed.substitute),
                         ("Sales Manager", gm, True))
        with self.assertRaisesRegex(UserError, "already signed"):
            memo.sudo(gm).action_signoff_sign()
        self.assertEqual(memo.signoff_state, "pending")

    def test_signature_cannot_be_forged(self):
        """Signatures cannot be created, edited or deleted directly."""
        memo = self._submitted()
        sig = memo._signoff_current()[0]
        user = self.users["sales_manager"]
        with self.assertRaises(AccessError):
            sig.sudo(user).write({"state": "signed", "signed_by_id": user.id})
        with self.assertRaises(AccessError):
            self.env["gendan.signature"].sudo(user).create({
                "res_model": "gendan.memo", "res_id": memo.id, "name": "X"})
        # even with write access (the superuser), outside the engine: refused
        with self.assertRaises(AccessError):
            sig.sudo().write({"state": "signed"})
        with self.assertRaises(AccessError):
            sig.sudo().unlink()
        self.assertEqual(sig.state, "pending")

    def test_gate_through_rpc_write(self):
        """Writing the gated state or the sign-off status directly is refused."""
        memo = self._submitted()
        user = self.users["merchandiser"]
        with self.assertRaisesRegex(UserError, "directly"):
            memo.sudo(user).write({"state": "approved"})
        with self.assertRaises(AccessError):
            memo.sudo(user).write({"signoff_state": "approved"})
        with self.assertRaises(UserError):
            self._memo(state="approved")
        self.assertEqual(memo.state, "to_sign")
        self.assertEqual(memo.signoff_state, "pending")

    def test_reject_with_reason(self):
        """A rejection needs a reason, records it and returns to draft."""
        memo = self._submitted()
        manager = self.users["sales_manager"]
        with self.assertRaisesRegex(UserError, "reason"):
            memo.sudo(manager).action_signoff_reject("  ")
        if self.env["res.lang"].search([("code", "=", "zh_CN")]):
            with self.assertRaisesRegex(UserError, "请填写驳回原因"):
                memo.sudo(manager).with_context(lang="zh_CN").action_signoff_reject("")
        memo.sudo(manager).action_signoff_reject("Wrong carton size")
        self.assertEqual(memo.state, "draft")
        self.assertEqual(memo.signoff_state, "rejected")
        sig = memo.signature_ids.filtered(lambda s: s.state == "rejected")
        self.assertEqual(sig.comment, "Wrong carton size")
        # it can be corrected and sent again, as a new revision
        memo.action_submit()
        self.assertEqual(memo.signoff_revision, 2)
        self.assertEqual(memo.signoff_progress, "0/2")

    def test_key_change_resets(self):
        """Changing a key field after signing asks for re-approval."""
        memo = self._submitted()
        memo.sudo(self.users["sales_manager"]).action_signoff_sign()
        memo.sudo(self.users["general_manager"]).action_signoff_sign()
        self.assertEqual(memo.state, "approved")
        memo.sudo(self.users["merchandiser"]).write({"subject": "Carton change V2"})
        self.assertEqual(memo.signoff_state, "pending")
        self.assertEqual(memo.state, "to_sign")
        self.assertEqual(memo.signoff_revision, 2)
        old = memo.signature_ids.filtered(lambda s: s.revision == 1)
        self.assertEqual(set(old.mapped("state")), {"obsolete"})
        # a non-key field does not reset
        memo.sudo(self.users["sales_manager"]).action_signoff_sign()
        memo.sudo(self.users["general_manager"]).action_signoff_sign()
        memo.write({"user_id": self.users["salesperson"].id})
        self.assertEqual(memo.signoff_state, "approved")

    def test_optional_and_parallel_rules(self):
        """Optional rules never block; equal sequences sign in any order."""
        self.Rule.create({"name": "QA", "model_id": self.model_id, "sequence": 10,
                          "signer_type": "group",
                          "group_id": self.env.ref("gendan_base.group_qa").id})
        self.Rule.create({"name": "Finance (optional)", "model_id": self.model_id,
                          "sequence": 5, "is_required": False, "signer_type": "group",
                          "group_id": self.env.ref("gendan_base.group_finance").id})
        memo = self._submitted()
        memo.sudo(self.users["qa"]).action_signoff_sign()  # parallel with sales mgr
        memo.sudo(self.users["sales_manager"]).action_signoff_sign()
        memo.sudo(self.users["general_manager"]).action_signoff_sign()
        self.assertEqual(memo.signoff_state, "approved")
        self.assertEqual(memo.signoff_progress, "3/3")

    def test_condition_and_user_field_rules(self):
        """A rule's condition limits it; a user field names the signer."""
        issuer_field = self.env["ir.model.fields"].search([
            ("model", "=", "gendan.memo"), ("name", "=", "user_id")])
        self.Rule.create({"name": "Issuer", "model_id": self.model_id, "sequence": 1,
                          "signer_type": "field", "user_field_id": issuer_field.id,
                          "domain": "[('reply_days', '>', 5)]"})
        quick = self._submitted()
        self.assertEqual(len(quick._signoff_current()), 2)
        slow = self._memo(reply_days=10)
        slow.action_submit()
        issuer = slow._signoff_current()[0]
        self.assertEqual(issuer.user_id, self.users["merchandiser"])
        with self.assertRaises(UserError):
            slow.sudo(self.users["sales_manager"]).action_signoff_sign()
        slow.sudo(self.users["merchandiser"]).action_signoff_sign()

    def test_signed_document_not_deleted(self):
        """A document under sign-off cannot be deleted."""
        memo = self._submitted()
        with self.assertRaises(UserError):
            memo.unlink()
        self.assertTrue(memo.exists())

    def test_waiting_me_filter(self):
        """'Waiting for my signature' finds what the user can sign now."""
        memo = self._submitted()
        manager, gm = self.users["sales_manager"], self.users["general_manager"]
        found = self.Memo.sudo(manager).search([("signoff_waiting_me", "=", True)])
        self.assertIn(memo, found)
        memo.sudo(manager).action_signoff_sign()
        found = self.Memo.sudo(manager).search([("signoff_waiting_me", "=", True)])
        self.assertNotIn(memo, found)
        self.assertIn(memo, self.Memo.sudo(gm).search(
            [("signoff_waiting_me", "=", True)]))

    def _assert_waiting_matches_engine(self, memos, users):
        """"Waiting for my signature" lists, of ``memos``, exactly those the
        engine lets each user sign now."""
        for user in users:
            found = self.Memo.sudo(user).search(
                [("signoff_waiting_me", "=", True), ("id", "in", memos.ids)])
            memos.invalidate_cache()
            expected = memos.filtered(lambda memo: memo.signoff_state == "pending"
                                      and memo._signoff_signable_by(user))
            self.assertEqual(found, expected, user.login)
            self.assertEqual(self.Memo.sudo(user).search(
                [("signoff_waiting_me", "=", False), ("id", "in", memos.ids)]),
                memos - expected, user.login)
        # the column the filter reads names the users of the sign to-dos
        todos = self.env["mail.activity"]._todo_open(memos, "signoff")
        for memo in memos:
            self.assertEqual(
                set((memo.signoff_waiting_uids or "").strip(",").split(",")) - {""},
                {str(todo.user_id.id) for todo in todos if todo.res_id == memo.id},
                memo.name)

    def test_waiting_signers_not_written_by_hand(self):
        """Nobody puts a document in someone's "Waiting for Me" by writing
        its list of signers (the engine's): refused, nothing changed."""
        memo = self._submitted()
        before = memo.signoff_waiting_uids
        self.assertTrue(before)
        for user in (self.users["merchandiser"], self.env.user):
            with self.assertRaises(AccessError):
                memo.sudo(user).write({"signoff_waiting_uids": ",%d," % user.id})
        memo.invalidate_cache()
        self.assertEqual(memo.signoff_waiting_uids, before)

    def test_upgrade_gives_pending_documents_their_todos(self):
        """A database from a release without sign to-dos: its pending
        documents get them, and "Waiting for Me", when the module updates."""
        memo = self._submitted()
        manager = self.users["sales_manager"]
        self.env.cr.execute("DELETE FROM mail_activity WHERE gendan_key = 'signoff'")
        self.env.cr.execute("UPDATE gendan_memo SET signoff_waiting_uids = NULL")
        self.env["base"].invalidate_cache()
        self.assertFalse(self.Memo.sudo(manager).search(
            [("signoff_waiting_me", "=", True), ("id", "=", memo.id)]))
        self.Memo.init()  # what -u runs for each signed model
        self.assertEqual(self.Memo.sudo(manager).search(
            [("signoff_waiting_me", "=", True), ("id", "=", memo.id)]), memo)
        todos = self.env["mail.activity"]._todo_open(memo, "signoff")
        self.assertEqual(todos.mapped("user_id"), memo._signoff_eligible_next())
        self._assert_waiting_matches_engine(memo, list(self.users.values()))

    def test_waiting_me_same_as_engine(self):
        """The filter's SQL keeps the engine's rules: order of the slots,
        optional ones, reserved slots and deputies, roles held by rank, and
        one signature per person unless nobody else may sign."""
        issuer_field = self.env["ir.model.fields"].search([
            ("model", "=", "gendan.memo"), ("name", "=", "user_id")])
        self.Rule.create({"name": "Issuer", "model_id": self.model_id, "sequence": 1,
                          "signer_type": "field", "user_field_id": issuer_field.id,
                          "domain": "[('reply_days', '>', 5)]"})
        self.Rule.create({"name": "QA (optional)", "model_id": self.model_id,
                          "sequence": 5, "is_required": False, "signer_type": "group",
                          "group_id": self.env.ref("gendan_base.group_qa").id})
        self.env.ref("gendan_base.signoff_rule_memo_sales_manager").write(
            {"allow_superior": True})
        deputy = self._create_user("t_deputy", ["gendan_base.group_user"])
        self.users["merchandiser"].gendan_deputy_id = deputy
        gm, gm_two = self.users["general_manager"], self._create_user(
            "t_gm_two", ["gendan_base.group_general_manager"])
        at_manager = self._submitted()
        at_gm = self._submitted()
        at_gm.sudo(self.users["sales_manager"]).action_signoff_sign()
        gm_signed_for_manager = self._submitted()
        gm_signed_for_manager.sudo(gm).action_signoff_sign()
        at_issuer = self._memo(reply_days=10)
        at_issuer.action_submit()
        approved = self._submitted()
        approved.sudo(self.users["sales_manager"]).action_signoff_sign()
        approved.sudo(gm).action_signoff_sign()
        rejected = self._submitted()
        rejected.sudo(self.users["sales_manager"]).action_signoff_reject("No")
        memos = (at_manager | at_gm | gm_signed_for_manager | at_issuer | approved
                 | rejected | self._memo())
        users = list(self.users.values()) + [deputy, gm_two]
        self._assert_waiting_matches_engine(memos, users)
        # the manager's line by rank (the rule allows it), the general
        # manager's own line; not the one they signed for the manager
        self.assertEqual(self.Memo.sudo(gm).search(
            [("signoff_waiting_me", "=", True), ("id", "in", memos.ids)]),
            at_manager | at_gm)
        self.assertEqual(self.Memo.sudo(deputy).search(
            [("signoff_waiting_me", "=", True)]), at_issuer)
        # the other general managers gone, the one who signed for the sales
        # manager is the only one left to sign: it waits for them again
        (self.env.ref("gendan_base.group_general_manager").users - gm).write(
            {"active": False})
        self._assert_waiting_matches_engine(memos, users)
        self.assertIn(gm_signed_for_manager, self.Memo.sudo(gm).search(
            [("signoff_waiting_me", "=", True)]))

    def test_waiting_me_follows_role_change(self):
        """A user given the waiting role after the request finds the document
        in "Waiting for Me" with a to-do to sign it; one who loses the role
        (or a role's member list changes) no longer does; the sign to-do
        cannot be closed or handed on by hand."""
        memo = self._submitted()  # waits for the sales manager
        role = self.env.ref("gendan_base.group_sales_manager")
        newcomer = self._create_user("t_new_manager", ["gendan_base.group_user"])
        users = list(self.users.values()) + [newcomer]
        todos = self.env["mail.activity"]

        def waiting(user):
            return self.Memo.sudo(user).search(
                [("signoff_waiting_me", "=", True), ("id", "=", memo.id)])

        self.assertFalse(waiting(newcomer))
        newcomer.write({"groups_id": [(4, role.id)]})
        self.assertEqual(waiting(newcomer), memo)
        self.assertTrue(todos._todo_open(memo, "signoff", newcomer))
        self._assert_waiting_matches_engine(memo, users)
        newcomer.write({"groups_id": [(3, role.id)]})
        self.assertFalse(waiting(newcomer))
        self.assertFalse(todos._todo_open(memo, "signoff", newcomer))
        self._assert_waiting_matches_engine(memo, users)
        # from the role's side: its members
        role.write({"users": [(4, newcomer.id)]})
        self.assertEqual(waiting(newcomer), memo)
        self._assert_waiting_matches_engine(memo, users)
        manager = self.users["sales_manager"]
        todo = todos._todo_open(memo, "signoff", manager).sudo(manager)
        with self.assertRaises(UserError):
            todo.action_done()
        with self.assertRaises(UserError):
            todo.write({"user_id": self.users["merchandiser"].id})
        self.assertEqual(waiting(manager), memo)
        memo.sudo(manager).action_signoff_sign()
        self.assertFalse(waiting(manager) | waiting(newcomer))
        self._assert_waiting_matches_engine(memo, users)

    def test_waiting_me_follows_deputy_change(self):
        """A deputy named after the request finds the slot reserved for the
        person they stand in for; the one replaced no longer does."""
        issuer_field = self.env["ir.model.fields"].search([
            ("model", "=", "gendan.memo"), ("name", "=", "user_id")])
        self.Rule.create({"name": "Issuer", "model_id": self.model_id, "sequence": 1,
                          "signer_type": "field", "user_field_id": issuer_field.id,
                          "domain": "[('reply_days', '>', 5)]"})
        memo = self._memo(reply_days=10)
        memo.action_submit()
        first = self._create_user("t_deputy_one", ["gendan_base.group_user"])
        second = self._create_user("t_deputy_two", ["gendan_base.group_user"])
        users = list(self.users.values()) + [first, second]
        self.users["merchandiser"].gendan_deputy_id = first
        self.assertEqual(self.Memo.sudo(first).search(
            [("signoff_waiting_me", "=", True)]), memo)
        self.users["merchandiser"].gendan_deputy_id = second
        self.assertFalse(self.Memo.sudo(first).search(
            [("signoff_waiting_me", "=", True)]))
        self._assert_waiting_matches_engine(memo, users)

    def test_waiting_me_queries_constant(self):
        """Counting what waits for the user's signature costs the same
        queries with 2 or 12 documents waiting and 10 more signed off."""
        manager = self.users["sales_manager"]

        def count():
            self.Memo.invalidate_cache()
            with QueryCounter(self.env.cr) as counter:
                found = self.Memo.sudo(manager).search_count(
                    [("signoff_waiting_me", "=", True)])
            return counter.count, found

        before = self.Memo.sudo(manager).search_count(
            [("signoff_waiting_me", "=", True)])
        for _index in range(2):
            self._submitted()
        small, found = count()
        self.assertEqual(found, before + 2)
        for _index in range(10):
            self._submitted()
            signed = self._submitted()
            signed.sudo(manager).action_signoff_sign()
            signed.sudo(self.users["general_manager"]).action_signoff_sign()
        large, found = count()
        self.assertEqual(found, before + 12)
        self.assertEqual(small, large)

    def test_sign_query_count_flat_in_rules(self):
        """Signing costs the same number of queries with 2 or 22 rules."""
        def count_for(extra_rules):
            for index in range(extra_rules):
                self.Rule.create({
                    "name": "Optional %s" % index, "model_id": self.model_id,
                    "sequence": 30, "is_required": False, "signer_type": "group",
                    "group_id": self.env.ref("gendan_base.group_qa").id})
            memo = self._submitted()
            memo.invalidate_cache()
            with QueryCounter(self.env.cr) as counter:
                memo.sudo(self.users["sales_manager"]).action_signoff_sign()
            return counter.count

        count_for(0)  # warm the caches
        small = count_for(0)
        large = count_for(20)
        self.assertEqual(small, large)

    def test_wizard_signs_and_rejects(self):
        """The Sign/Reject dialog calls the engine as the current user."""
        memo = self._submitted()
        manager = self.users["sales_manager"]
        action = memo.sudo(manager).with_context(
            signoff_action="reject").action_signoff_open_wizard()
        wizard = self.env["gendan.signoff.wizard"].sudo(manager).with_context(
            **action["context"]).create({"comment": "Price missing"})
        self.assertEqual(wizard.action, "reject")
        wizard.action_confirm()
        self.assertEqual(memo.signoff_state, "rejected")

    def test_signed_forms_show_optional_slots_apart(self):
        """Every form that shows a signed document's signatures lists the
        required and the optional slots apart, with the one shared list."""
        slots = self.env.ref("gendan_base.gendan_signature_view_tree_slots")
        signed = [name for name, model in self.env.registry.items()
                  if not model._abstract and "signoff_required_ids" in model._fields]
        forms = self.env["ir.ui.view"].search(
            [("model", "in", signed), ("type", "=", "form"), ("mode", "=", "primary")])
        checked = set()
        for form in forms:
            arch = etree.fromstring(self.env[form.model].fields_view_get(
                form.id, "form")["arch"])
            if not arch.xpath("//field[@name='signature_ids']"):
                continue
            for name in ("signoff_required_ids", "signoff_optional_ids"):
                field = arch.xpath("//field[@name='%s']" % name)
                self.assertTrue(field, "%s: no %s" % (form.xml_id, name))
                self.assertIn(slots.xml_id, field[0].get("context"), form.xml_id)
            checked.add(form.model)
        self.assertIn("gendan.memo", checked)

    def test_report_prints_signature_block(self):
        """The printed form carries the signature block with the signer."""
        memo = self._submitted()
        memo.sudo(self.users["sales_manager"]).action_signoff_sign("Agreed")
        report = self.env.ref("gendan_base.action_report_memo")
        html = report.render_qweb_html(memo.ids)[0].decode()
        self.assertIn("Sales Manager", html)
        self.assertIn(self.users["sales_manager"].name, html)
        self.assertIn("Agreed", html)
        pdf = render_pdf(report, memo.ids)
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertEqual(pdf_page_count(pdf), 1)
        # several records in one print (Debian's wkhtmltopdf needs the merge)
        other = self._submitted()
        self.assertEqual(pdf_page_count(render_pdf(report, (memo | other).ids)), 2)

    def test_report_pages_numbered(self):
        """A print numbers its pages ("page / pages" of the whole print, as
        core's footer would with a patched wkhtmltopdf), also when several
        records print at once; the text stays searchable text."""
        memo = self._memo()
        memo.body = "".join("<p>第 %d 段：盘点与签核。</p>" % n for n in range(90))
        report = self.env.ref("gendan_base.action_report_memo")
        pdf = render_pdf(report, memo.ids)
        pages = pdf_page_count(pdf)
        self.assertGreater(pages, 1)
        text = pdf_text_layer(pdf)
        self.assertEqual(self._page_numbers(text), [
            (page, pages) for page in range(1, pages + 1)])
        self.assertIn("盘点与签核", text)
        pdf = render_pdf(report, (memo | self._memo()).ids)
        self.assertEqual(pdf_page_count(pdf), pages + 1)
        self.assertEqual(self._page_numbers(pdf_text_layer(pdf)), [
            (page, pages + 1) for page in range(1, pages + 2)])

    @staticmethod
    def _page_numbers(text):
        return [(int(page), int(total)) for page, total
                in re.findall(r"^(\d+) ?/ ?(\d+)$", text, re.M)]

    def test_next_signers_notified(self):
        """Each step gives the users who sign next their to-do (not a mail),
        and leaves a note in the chatter."""
        memo = self._submitted()
        manager, gm = self.users["sales_manager"], self.users["general_manager"]
        todos = self.env["mail.activity"]._todo_open(memo, "signoff")
        self.assertIn(manager, todos.mapped("user_id"))
        self.assertNotIn(gm, todos.mapped("user_id"))
        request = memo.message_ids.filtered(
            lambda m: "Sign-off requested" in (m.body or ""))
        self.assertEqual(request.subtype_id, self.env.ref("mail.mt_note"))
        self.assertFalse(request.partner_ids)
        memo.sudo(manager).action_signoff_sign()
        todos = self.env["mail.activity"]._todo_open(memo, "signoff")
        self.assertIn(gm, todos.mapped("user_id"))
        self.assertNotIn(manager, todos.mapped("user_id"))
        self.assertEqual(memo.activity_date_deadline,
                         min(todos.mapped("date_deadline")))
