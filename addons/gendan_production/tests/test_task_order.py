from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.gendan_base.tests.common import shift_date

from .common import TASK_SIGNERS, ProductionCase


class TestTaskOrder(ProductionCase):

    def test_create_needs_confirmed_reviewed_order(self):
        """A task order is made from a confirmed, reviewed order only."""
        draft = self._create_order()
        with self.assertRefused(UserError):
            self._create_task_order(order=draft)
        self.assertFalse(self.env["gendan.task.order"].search(
            [("sale_order_id", "=", draft.id)]))

    def test_task_order_of_uncontrolled_order(self):
        """An order of an uncontrolled sales channel may still get a task
        order once confirmed, without the order review."""
        order = self._create_order(team_id=self.team_direct.id)
        with self.assertRefused(UserError):
            self._create_task_order(order=order)
        order.sudo(self.user_salesperson).action_confirm()
        task = self._create_task_order(order=order)
        self.assertEqual(task.sale_order_id, order)
        self.assertEqual(order.signoff_state, "none")

    def test_create_from_sale_order_button(self):
        """The order's button creates the task order with its lines and BOM."""
        self.order.sudo(self.user_merchandiser).action_gendan_create_task_order()
        task = self.order.gendan_task_order_ids
        self.assertEqual(len(task), 1)
        self.assertEqual(task.line_ids.product_id, self.product)
        self.assertEqual(task.line_ids.bom_id, self.bom)
        self.assertEqual(task.line_ids.product_qty, 100.0)
        self.assertTrue(task.name.startswith("RW"))

    def test_salesperson_cannot_create(self):
        """Only the merchandiser creates the task order."""
        with self.assertRefused(UserError):
            self.order.sudo(self.user_salesperson).action_gendan_create_task_order()
        self.assertFalse(self.order.gendan_task_order_ids)

    def test_uncontrolled_bom_refused(self):
        """A draft BOM cannot be used by a task order."""
        draft_bom = self._create_bom(self.product, self.components)
        task = self._create_task_order()
        with self.assertRefused(ValidationError):
            task.line_ids.sudo(self.user_merchandiser).write({"bom_id": draft_bom.id})
        self.assertEqual(task.line_ids.bom_id, self.bom)

    def test_signing_sequence_and_approval(self):
        """The order's salesperson, the sales manager, engineering and the
        packing and electronic warehouses, then the general manager (the
        seed's signers, all required): out of sequence refused; the last
        signature approves and distributes."""
        task = self._create_task_order()
        task.sudo(self.user_merchandiser).action_signoff_request()
        self.assertEqual(task.state, "pending")
        with self.assertRefused(UserError):  # engineering signs after sales
            task.sudo(self.user_engineer).action_signoff_sign()
        with self.assertRefused(UserError):  # no role on the task order
            task.sudo(self.user_finance).action_signoff_sign()
        self.assertEqual(task.signoff_progress, "0/6")
        task.sudo(self.user_salesperson).action_signoff_sign()
        with self.assertRefused(UserError):  # one signature per person
            task.sudo(self.user_salesperson).action_signoff_sign()
        with self.assertRefused(UserError):  # sales manager first
            task.sudo(self.user_engineer).action_signoff_sign()
        task.sudo(self.user_sales_manager).action_signoff_sign()
        for login in ("engineer", "packing_wh", "electronic_wh"):
            task.sudo(self.users[login]).action_signoff_sign()
        self.assertEqual(task.state, "pending")
        task.sudo(self.user_general_manager).action_signoff_sign()
        self.assertEqual(task.state, "approved")
        self.assertEqual(task.signoff_state, "approved")
        self.assertTrue(task.date_approved)
        copies = task.sudo().distribution_copy_ids  # every department's
        self.assertEqual(task.distribution_revision, 1)
        self.assertIn("Production", copies.mapped("name"))
        self.assertEqual(sorted(copies.mapped("copy_number")),
                         list(range(1, len(copies) + 1)))

    def test_reject_back_to_draft(self):
        """A rejection sends the task order back to draft."""
        task = self._create_task_order()
        task.sudo(self.user_merchandiser).action_signoff_request()
        task.sudo(self.user_salesperson).action_signoff_reject("Wrong quantity")
        self.assertEqual(task.state, "draft")
        self.assertEqual(task.signoff_state, "rejected")

    def test_signer_cannot_edit_or_force_state(self):
        """Signers hold read access plus the engine: no edit, no state by RPC."""
        task = self._create_task_order()
        with self.assertRefused(AccessError):
            task.sudo(self.user_sales_manager).write({"note": "edited"})
        with self.assertRefused(UserError):
            task.sudo(self.user_merchandiser).write({"state": "approved"})
        self.assertEqual(task.state, "draft")

    def test_request_needs_edit_right(self):
        """Only who may edit the task order asks for its signatures: QA and
        a signer are refused, nothing is written."""
        task = self._create_task_order()
        for user in (self.users["qa"], self.user_sales_manager):
            with self.assertRefused(AccessError):
                task.sudo(user).action_signoff_request()
        self.env.cr.execute(
            "SELECT state, signoff_state, signoff_revision FROM gendan_task_order "
            "WHERE id = %s", (task.id,))
        self.assertEqual(self.env.cr.fetchone(), ("draft", "none", 0))
        self.assertFalse(self.env["gendan.signature"].search([
            ("res_model", "=", task._name), ("res_id", "=", task.id)]))

    def test_signers_form_has_no_edit(self):
        """A signer who may not edit the task order is not offered Edit: no
        write access, so the form has no Edit button, and signing, rejecting
        and acknowledging still work for them; the merchandiser edits."""
        task_model = self.env["gendan.task.order"]
        for login in TASK_SIGNERS + ["production", "qa", "purchaser"]:
            user = self.users[login]
            self.assertFalse(task_model.sudo(user).check_access_rights(
                "write", raise_exception=False), login)
            arch = etree.fromstring(task_model.sudo(user).fields_view_get(
                view_type="form")["arch"])
            self.assertEqual(arch.get("edit"), "false", login)
        merchandiser_form = etree.fromstring(task_model.sudo(
            self.user_merchandiser).fields_view_get(view_type="form")["arch"])
        self.assertNotEqual(merchandiser_form.get("edit"), "false")
        task = self._approve(self._create_task_order())
        self.assertEqual(task.state, "approved")
        task.sudo(self.user_production).action_distribution_acknowledge()
        task.sudo(self.user_merchandiser).write({"note": "Carton marks updated"})
        self.assertEqual(task.note, "Carton marks updated")

    def test_change_notice_after_approval(self):
        """Changing the delivery date of an approved task order makes a change
        notice: new revision, re-approval, old copies recalled, then new
        copies when approved again."""
        task = self._approve(self._create_task_order())
        old_copies = task.distribution_copy_ids
        new_deadline = shift_date(years=4, months=1)
        task.sudo(self.user_merchandiser).write({"date_deadline": new_deadline})
        self.assertEqual(task.state, "pending")
        self.assertEqual(task.signoff_state, "pending")
        self.assertEqual(task.signoff_revision, 2)
        self.assertEqual(len(task.change_ids), 1)
        self.assertEqual(task.change_ids.revision, 2)
        self.assertEqual(task.change_ids.user_id, self.user_merchandiser)
        self.assertTrue(all(c.state == "recalled" for c in old_copies))
        self.assertEqual(task.date_change_ids.date_type, "delivery")
        self.assertEqual(task.date_change_ids.new_date, new_deadline)
        for login in TASK_SIGNERS:
            task.sudo(self.users[login]).action_signoff_sign()
        self.assertEqual(task.state, "approved")
        self.assertEqual(task.distribution_revision, 2)
        current = task.sudo().distribution_copy_ids.filtered(
            lambda c: c.revision == 2)
        self.assertTrue(current and all(c.state == "sent" for c in current))

    def test_line_change_is_change_notice(self):
        """A production quantity change on a line needs re-approval too."""
        task = self._approve(self._create_task_order())
        task.line_ids.sudo(self.user_merchandiser).write({"product_qty": 150.0})
        self.assertEqual(task.state, "pending")
        self.assertIn("Production Quantity", task.change_ids.description)

    def test_acknowledge_copy(self):
        """A recipient department acknowledges its copy."""
        task = self._approve(self._create_task_order())
        task.sudo(self.user_production).action_distribution_acknowledge()
        mine = task.distribution_copy_ids.filtered(lambda c: c.name == "Production")
        self.assertTrue(all(c.state == "acknowledged" for c in mine))
        with self.assertRefused(UserError):
            task.sudo(self.user_production).action_distribution_acknowledge()

    def test_cancel_withdraws_signatures(self):
        """A cancelled task order is no longer waiting for signatures."""
        task = self._create_task_order()
        task.sudo(self.user_merchandiser).action_signoff_request()
        task.sudo(self.user_merchandiser).action_cancel()
        self.assertEqual(task.state, "cancel")
        self.assertEqual(task.signoff_state, "none")
        with self.assertRefused(UserError):
            task.sudo(self.user_salesperson).action_signoff_sign()
        with self.assertRefused(UserError):
            task.line_ids.sudo(self.user_merchandiser).write({"product_qty": 5.0})

    def test_one_task_order_per_order(self):
        """A sale order has one task order."""
        self._create_task_order()
        with self.assertRefused(Exception):
            self._create_task_order()

    def test_submit_without_bom_refused(self):
        """Every line needs a controlled BOM before the sign-off request."""
        task = self._create_task_order()
        task.line_ids.sudo(self.user_merchandiser).write({"bom_id": False})
        with self.assertRefused(UserError):
            task.sudo(self.user_merchandiser).action_signoff_request()
        self.assertEqual(task.state, "draft")
