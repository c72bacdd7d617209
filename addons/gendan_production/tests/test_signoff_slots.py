from odoo.exceptions import UserError

from .common import TASK_SIGNERS, ProductionCase


class TestSignoffSlots(ProductionCase):
    """Roles are slots, not ranks: who signs which line of a task order."""

    @classmethod
    def setUpClass(cls):
        super(TestSignoffSlots, cls).setUpClass()
        # the test's users are the only holders of the signing roles: a
        # second general manager (demo data) would hide a deadlock
        gm_group = cls.env.ref("gendan_base.group_general_manager")
        others = gm_group.users - cls.user_general_manager
        others.filtered(lambda user: user.id > 2).write({"active": False})

    def _slots(self, task):
        """{role: (state, signer login or False, substitute)} of the revision."""
        logins = {user: login for login, user in self.users.items()}
        return {sig.name: (sig.state, logins.get(sig.signed_by_id, False),
                           sig.substitute)
                for sig in task._signoff_current()}

    def _wizard(self, task, user):
        return self.env["gendan.signoff.wizard"].sudo(user).create({
            "res_model": task._name, "res_id": task.id, "action": "sign"})

    def _requested(self):
        task = self._create_task_order()
        task.sudo(self.user_merchandiser).action_signoff_request()
        return task

    def test_gm_at_sales_manager_step_refused(self):
        """After the salesperson, the GM pressing Sign is refused with a clear
        message and nothing changes; the GM later signs the GM line."""
        task = self._requested()
        task.sudo(self.user_salesperson).action_signoff_sign()
        before = self._slots(task)
        with self.assertRaisesRegex(UserError, "signed first by: Sales Manager"):
            task.sudo(self.user_general_manager).action_signoff_sign()
        task.invalidate_cache()
        self.assertEqual(self._slots(task), before)
        self.assertEqual(before["Sales Manager"], ("pending", False, False))
        for login in TASK_SIGNERS[1:]:
            task.sudo(self.users[login]).action_signoff_sign()
        slots = self._slots(task)
        self.assertEqual(slots["General Manager"],
                         ("signed", "general_manager", False))
        self.assertEqual(slots["Sales Manager"], ("signed", "sales_manager", False))
        self.assertEqual(task.state, "approved")

    def test_gm_wizard_shows_role_and_signs_gm_slot(self):
        """At the GM step the wizard says "Signing as [General Manager]" and
        the signature lands on the GM line."""
        task = self._requested()
        for login in TASK_SIGNERS[:-1]:
            task.sudo(self.users[login]).action_signoff_sign()
        wizard = self._wizard(task, self.user_general_manager)
        self.assertEqual(wizard.signing_as, "Signing as [General Manager]")
        self.assertEqual(wizard.candidate_count, 1)
        wizard.action_confirm()
        self.assertEqual(self._slots(task)["General Manager"][:2],
                         ("signed", "general_manager"))
        self.assertEqual(task.signoff_state, "approved")

    def test_salesperson_slot_is_the_orders_salesperson(self):
        """The sales manager cannot fill the order's salesperson's slot, nor
        can another salesperson; the order's salesperson then signs."""
        other = self._create_user("t_other_sales", ["gendan_base.group_salesperson"])
        task = self._requested()
        name = self.user_salesperson.name
        with self.assertRaisesRegex(UserError, "reserved for %s" % name):
            task.sudo(other).action_signoff_sign()
        for user in (self.user_sales_manager, self.user_general_manager):
            with self.assertRaisesRegex(
                    UserError, r"signed first by: Salesperson \(%s\)" % name):
                task.sudo(user).action_signoff_sign()
        self.assertEqual(self._slots(task)["Salesperson"], ("pending", False, False))
        task.sudo(self.user_salesperson).action_signoff_sign()
        self.assertEqual(self._slots(task)["Salesperson"][:2],
                         ("signed", "salesperson"))

    def test_deputy_signs_reserved_slot(self):
        """The salesperson's declared deputy signs for them; it says so."""
        deputy = self._create_user("t_deputy", ["gendan_base.group_salesperson"],
                                   name="Deputy Sales")
        self.user_salesperson.gendan_deputy_id = deputy
        task = self._requested()
        self.assertTrue(task.sudo(deputy).signoff_waiting_me)
        task.sudo(deputy).action_signoff_sign()
        sig = task._signoff_current().filtered(lambda s: s.name == "Salesperson")
        self.assertEqual((sig.state, sig.signed_by_id, sig.substitute),
                         ("signed", deputy, True))
        label = "Signed as Salesperson (for %s)" % self.user_salesperson.name
        self.assertTrue(task.message_ids.filtered(
            lambda msg: label in (msg.body or "")))
        self.assertFalse(self.env["mail.activity"]._todo_open(task, "signoff").filtered(
            lambda act: act.user_id == self.user_salesperson))
        with self.assertRaisesRegex(UserError, "signed for you by Deputy"):
            task.sudo(self.user_salesperson).action_signoff_sign()

    def test_superior_only_where_the_rule_allows(self):
        """With "a superior may sign" on the sales manager line, the GM may
        sign it for the sales manager, and still signs the GM line: the one
        GM cannot deadlock the document."""
        self.env.ref("gendan_production.signoff_rule_task_order_sales_manager").write(
            {"allow_superior": True})
        task = self._requested()
        task.sudo(self.user_salesperson).action_signoff_sign()
        wizard = self._wizard(task, self.user_general_manager)
        self.assertEqual(wizard.signing_as,
                         "Signing as [Sales Manager (for Sales Manager)]")
        wizard.action_confirm()
        self.assertEqual(self._slots(task)["Sales Manager"],
                         ("signed", "general_manager", True))
        for login in ("engineer", "packing_wh", "electronic_wh", "general_manager"):
            task.sudo(self.users[login]).action_signoff_sign()
        self.assertEqual(self._slots(task)["General Manager"][:2],
                         ("signed", "general_manager"))
        self.assertEqual(task.state, "approved")

    def test_choice_between_two_due_slots(self):
        """A user holding two roles due in parallel chooses the one signed;
        the other stays theirs to sign only if nobody else can."""
        both = self._create_user("t_both_wh", [
            "gendan_base.group_warehouse_packing",
            "gendan_base.group_warehouse_electronic"])
        task = self._requested()
        for login in ("salesperson", "sales_manager"):
            task.sudo(self.users[login]).action_signoff_sign()
        wizard = self._wizard(task, both)
        self.assertEqual(wizard.candidate_count, 2)
        electronic = wizard.candidate_ids.filtered(
            lambda sig: sig.name == "Electronic Warehouse")
        wizard.signature_id = electronic
        self.assertEqual(wizard.signing_as, "Signing as [Electronic Warehouse]")
        wizard.action_confirm()
        self.assertEqual(self._slots(task)["Electronic Warehouse"][:2],
                         ("signed", False))
        self.assertEqual(self._slots(task)["Packing Warehouse"][0], "pending")
        # the packing warehouse user has not signed: the slot is theirs
        with self.assertRaisesRegex(UserError, "already signed"):
            task.sudo(both).action_signoff_sign()
        task.sudo(self.user_packing_wh).action_signoff_sign()

    def test_request_refused_when_nobody_can_sign(self):
        """A required slot nobody may sign is refused at the request, so the
        document never waits for ever."""
        order = self._create_confirmed_order(user_id=False)
        task = self._create_task_order(order=order)
        self.assertFalse(task.user_id)
        with self.assertRaisesRegex(UserError, "Nobody can sign the Salesperson slot"):
            with self.env.cr.savepoint():
                task.sudo(self.user_merchandiser).action_signoff_request()
        task.invalidate_cache()
        self.assertEqual((task.state, task.signoff_state), ("draft", "none"))

    def test_every_signing_order_completes(self):
        """Deadlock proof on the shipped task order rules: whoever presses Sign
        first at each step (every department user, highest rank first), the
        document reaches "approved" and every line is signed by its role."""
        logins = ["general_manager", "sales_manager", "salesperson", "engineer",
                  "packing_wh", "electronic_wh", "purchaser", "production", "qa",
                  "fg_wh", "finance", "documents_clerk", "merchandiser"]
        for order in (logins, list(reversed(logins))):
            task = self._requested() if order is logins else self._requested_again()
            for _round in range(12):
                if task.signoff_state == "approved":
                    break
                for login in order:
                    if task.sudo(self.users[login]).signoff_can_sign:
                        task.sudo(self.users[login]).action_signoff_sign()
                task.invalidate_cache()
            self.assertEqual(task.signoff_state, "approved")
            expected = {"Salesperson": "salesperson", "Sales Manager": "sales_manager",
                        "Engineering": "engineer", "Packing Warehouse": "packing_wh",
                        "Electronic Warehouse": "electronic_wh",
                        "General Manager": "general_manager"}
            slots = self._slots(task)
            self.assertEqual({role: slots[role][1] for role in expected}, expected)

    def _requested_again(self):
        order = self._create_confirmed_order()
        task = self._create_task_order(order=order)
        task.sudo(self.user_merchandiser).action_signoff_request()
        return task
