"""The stamp tells the truth (issue 14, points 7 and 8), printed by the
department users: 受控文件 / CONTROLLED COPY only on an approved, distributed
revision, the document's own revision, each copy its holder, a reference
copy or one's own copy alone, the distribution table, optional slots apart."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.gendan_base.tests.common import pdf_text_layer, render_pdf

from .common import ProductionCase

CONTROLLED = "受控文件 / CONTROLLED COPY"
DRAFT = "草稿 / NOT APPROVED"
REFERENCE = "REFERENCE COPY"
VOID = "作废 / VOID"


class TestReportStamp(ProductionCase):

    @classmethod
    def setUpClass(cls):
        super(TestReportStamp, cls).setUpClass()
        cls.report = cls.env.ref("gendan_production.action_report_task_order")
        cls.bom_report = cls.env.ref("gendan_production.action_report_controlled_bom")

    def _html(self, report, records, user, mode=None):
        report = report.sudo(user)
        if mode:
            report = report.with_context(gendan_print_copies=mode)
        return report.render_qweb_html(records.ids)[0].decode("utf-8")

    def _print_wizard(self, records, user, mode, report_xmlid):
        wizard = self.env["gendan.distribution.print"].sudo(user).with_context(
            active_model=records._name, active_ids=records.ids,
            gendan_report=report_xmlid).create({"mode": mode})
        return wizard.action_print()

    def test_draft_task_order_not_stamped_controlled(self):
        """A task order never approved prints 草稿 / NOT APPROVED, once."""
        task = self._create_task_order()
        html = self._html(self.report, task, self.user_merchandiser)
        self.assertNotIn("受控文件", html)
        self.assertNotIn("CONTROLLED COPY", html)
        self.assertEqual(html.count(DRAFT), 1)
        # waiting for signatures: still not approved; optional slots apart
        task.sudo(self.user_merchandiser).action_signoff_request()
        html = self._html(self.report, task, self.user_production)
        self.assertNotIn(CONTROLLED, html)
        self.assertIn(DRAFT, html)
        self.assertIn("Optional / 选签", html)

    def test_approved_task_order_copies_name_holders(self):
        """Each copy of the approved revision is one page: stamp with the
        document's revision, copy number, department and person; the
        distribution table is printed like the BOM's."""
        task = self._approve(self._create_task_order())
        copies = task._distribution_current()
        html = self._html(self.report, task, self.user_production)
        self.assertEqual(html.count(CONTROLLED), len(copies))
        self.assertNotIn(DRAFT, html)
        self.assertIn("Rev. %d" % task.signoff_revision, html)
        for copy in copies:
            self.assertIn("Copy No. %d" % copy.copy_number, html)
            self.assertIn("Holder: %s" % copy.name, html)
        self.assertIn(self.user_production.name, html)
        self.assertIn(self.user_qa.name, html)
        self.assertIn("Holder / 持有人", html)  # the distribution table
        # approved: optional slots nobody signed are not printed as open lines
        pending_optional = task._signoff_current().filtered(
            lambda sig: not sig.is_required and sig.state == "pending")
        self.assertTrue(pending_optional)
        self.assertNotIn("Optional / 选签", html)
        signature_block = html.split("Role / 职务")[1].split("Holder / 持有人")[0]
        for sig in pending_optional:
            self.assertNotIn(sig.name + "</span>", signature_block)
        self.assertFalse(task.signoff_optional_ids)
        self.assertEqual(task.signoff_required_ids,
                         task._signoff_current().filtered("is_required"))

    def test_reference_copy_and_my_copy(self):
        """One reference copy without the numbered copies; "my copy" prints
        only the user's own copies; a user without a copy is told."""
        task = self._approve(self._create_task_order())
        html = self._html(self.report, task, self.user_qa, mode="reference")
        self.assertEqual(html.count(REFERENCE), 1)
        self.assertNotIn(CONTROLLED, html)
        self.assertNotIn("Copy No. ", html.split("Holder / 持有人")[0])
        mine = task._distribution_mine(self.user_production)
        self.assertEqual(len(mine), 2)  # production holds two copies
        html = self._html(self.report, task, self.user_production, mode="mine")
        self.assertEqual(html.count(CONTROLLED), 2)
        self.assertEqual(html.count("Holder: Production"), 2)
        self.assertNotIn("Holder: Quality Assurance", html)
        # the wizard (Print ▸ Controlled Copies...) carries the option
        action = self._print_wizard(task, self.user_qa, "reference",
                                    "gendan_production.action_report_task_order")
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["data"]["gendan_print_copies"], "reference")
        html = self.report.sudo(self.user_qa).render_qweb_html(
            [], data=action["data"])[0].decode("utf-8")
        self.assertEqual(html.count(REFERENCE), 1)
        self.assertIn(task.name, html)
        plain = self.users["plain"]
        with self.assertRaises(UserError):
            self._print_wizard(task, plain, "mine",
                               "gendan_production.action_report_task_order")

    def test_change_notice_unstamps(self):
        """A change of an approved task order waits for re-approval: its
        print is no longer a controlled copy."""
        task = self._approve(self._create_task_order())
        task.sudo(self.user_merchandiser).write({"packing_requirement": "Pallets"})
        self.assertNotEqual(task.signoff_state, "approved")
        html = self._html(self.report, task, self.user_merchandiser)
        self.assertNotIn(CONTROLLED, html)
        self.assertIn(DRAFT, html)

    def test_bom_revision_is_the_boms(self):
        """BOM revision 2 is stamped Rev. 2 (its copies are its first
        distribution); the superseded revision 1 prints VOID."""
        old = self.bom
        action = old.sudo(self.user_engineer).action_new_revision()
        new = self.env["mrp.bom"].browse(action["res_id"])
        new.sudo(self.user_engineer).action_control()
        self.assertEqual(new.revision, 2)
        self.assertEqual(new.distribution_revision, 1)
        html = self._html(self.bom_report, new, self.user_packing_wh)
        self.assertIn(CONTROLLED, html)
        self.assertIn("Rev. 2", html)
        self.assertNotIn("Rev. 1", html)
        html = self._html(self.bom_report, old, self.user_packing_wh)
        self.assertNotIn(CONTROLLED, html)
        self.assertIn(VOID, html)
        draft = self._create_bom(self.product, self.components)
        html = self._html(self.bom_report, draft, self.user_engineer)
        self.assertNotIn(CONTROLLED, html)
        self.assertIn(DRAFT, html)

    def test_copy_list_acknowledges_one_copy(self):
        """The list of copies names the document, finds "my copies", and its
        Acknowledge button acknowledges that one copy only."""
        task = self._approve(self._create_task_order())
        Copy = self.env["gendan.distribution.copy"].sudo(self.user_production)
        mine = Copy.search([("is_mine", "=", True), ("res_model", "=", task._name),
                            ("res_id", "=", task.id)])
        self.assertEqual(len(mine), 2)
        self.assertEqual(set(mine.mapped("name")), {"Production"})
        self.assertEqual(mine[0].document_name, task.display_name)
        self.assertIn(task.name, mine[0].display_name)
        self.assertTrue(all(mine.mapped("can_acknowledge")))
        others = Copy.search([("res_model", "=", task._name), ("res_id", "=", task.id),
                              ("is_mine", "=", False)])
        # the other departments' copies are not even readable (record rule)
        self.assertFalse(others)
        theirs = Copy.sudo().search([("res_model", "=", task._name),
                                     ("res_id", "=", task.id)]) - mine
        self.assertTrue(theirs)
        with self.assertRaises(AccessError):
            theirs[:1].sudo(self.user_production).action_acknowledge()
        mine[0].action_acknowledge()
        self.env.cr.execute(
            "SELECT copy_number, state FROM gendan_distribution_copy "
            "WHERE id IN %s ORDER BY copy_number", (tuple(mine.ids),))
        states = [row[1] for row in self.env.cr.fetchall()]
        self.assertEqual(sorted(states), ["acknowledged", "sent"])
        # the to-do stays while a copy is left
        todos = self.env["mail.activity"]._todo_open(task, "copy", self.user_production)
        self.assertTrue(todos)
        mine[1].action_acknowledge()
        todos = self.env["mail.activity"]._todo_open(task, "copy", self.user_production)
        self.assertFalse(todos)

    def test_pdf_copy_names_its_holder(self):
        """The PDF's text layer carries each copy's holder."""
        task = self._approve(self._create_task_order())
        pdf = render_pdf(self.report.sudo(self.user_qa).with_context(
            gendan_print_copies="mine"), task.ids)
        text = pdf_text_layer(pdf)
        self.assertIn("受控文件", text)
        self.assertIn(self.user_qa.name, text)
        self.assertIn("Quality Assurance", text)
