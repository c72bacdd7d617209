from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.gendan_base.tests.common import shift_date

from .common import ProductionCase

# in three years, before the task order's delivery (four years)
INSPECTION = shift_date(years=3)
NEW_INSPECTION = shift_date(INSPECTION, days=18)
NEW_DELIVERY = shift_date(INSPECTION, months=1)


class TestExceptionInspection(ProductionCase):

    @classmethod
    def setUpClass(cls):
        super(TestExceptionInspection, cls).setUpClass()
        cls.task = cls._approve(cls._create_task_order())
        cls.inspection = cls.env["gendan.customer.inspection"].sudo(
            cls.user_merchandiser).create({
                "task_order_id": cls.task.id, "date_scheduled": INSPECTION,
                "inspector": "SGS", "lot": "Lot 1", "quantity": 100.0})

    def _create_exception(self, **vals):
        values = {"task_order_id": self.task.id, "process_step": "SMT reflow",
                  "description": "Cold joints on 120 boards", "impact": "both",
                  "department_group_id": self.env.ref(
                      "gendan_base.group_production").id}
        values.update(vals)
        return self.env["gendan.production.exception"].sudo(
            self.user_production).create(values)

    def test_escalation_activities(self):
        """Escalating notifies the department and the general manager."""
        exc = self._create_exception()
        exc.sudo(self.user_production).action_escalate()
        self.assertEqual(exc.state, "escalated")
        users = self.env["mail.activity"].search([
            ("res_model", "=", exc._name), ("res_id", "=", exc.id)]).mapped("user_id")
        self.assertIn(self.user_production, users)
        self.assertIn(self.user_general_manager, users)

    def test_resolve_needs_countermeasure(self):
        """No resolution without a countermeasure."""
        exc = self._create_exception()
        with self.assertRefused(UserError):
            exc.sudo(self.user_production).action_resolve()
        self.assertEqual(exc.state, "open")

    def test_resolve_moves_dates_and_logs(self):
        """New dates are applied, logged, and the delivery change is a
        change notice of the task order."""
        exc = self._create_exception(countermeasure="Recalibrated oven",
                                     new_delivery_date=NEW_DELIVERY,
                                     new_inspection_date=NEW_INSPECTION)
        with self.assertRefused(UserError):  # production cannot move delivery
            exc.sudo(self.user_production).action_resolve()
        self.assertEqual(exc.state, "open")
        exc.sudo(self.user_merchandiser).action_resolve()
        self.assertEqual(exc.state, "resolved")
        self.assertEqual(self.task.date_deadline, NEW_DELIVERY)
        self.assertEqual(self.task.state, "pending")
        self.assertEqual(self.inspection.date_scheduled, NEW_INSPECTION)
        log = self.task.date_change_ids
        self.assertEqual(set(log.mapped("date_type")), {"delivery", "inspection"})
        self.assertEqual(log.mapped("exception_id"), exc)
        self.assertEqual(log.mapped("user_id"), self.user_merchandiser)
        with self.assertRefused(UserError):
            exc.sudo(self.user_production).write({"description": "changed"})

    def test_inspection_notify_and_results(self):
        """Production and QA are notified; a failure needs findings and
        leads to a re-inspection."""
        self.inspection.sudo(self.user_merchandiser).action_notify()
        users = self.env["mail.activity"].search([
            ("res_model", "=", self.inspection._name),
            ("res_id", "=", self.inspection.id)]).mapped("user_id")
        self.assertIn(self.user_qa, users)
        self.assertIn(self.user_production, users)
        with self.assertRefused(UserError):
            self.inspection.sudo(self.user_qa).action_fail()
        with self.assertRefused(AccessError):
            self.inspection.sudo(self.user_production).action_pass()
        self.assertEqual(self.inspection.state, "scheduled")
        self.inspection.sudo(self.user_qa).write({"result_note": "AQL 2.5 failed"})
        self.inspection.sudo(self.user_qa).action_fail()
        self.assertEqual(self.order.milestone_inspected_state, "late")
        action = self.inspection.sudo(self.user_qa).action_reinspect()
        again = self.env["gendan.customer.inspection"].browse(action["res_id"])
        self.assertEqual(again.parent_id, self.inspection)
        self.assertEqual(again.state, "scheduled")
        with self.assertRefused(UserError):
            self.inspection.sudo(self.user_qa).action_reinspect()
        again.sudo(self.user_qa).action_pass()
        self.assertEqual(self.order.milestone_inspected_state, "done")

    def _db(self, record, column):
        self.env.cr.execute('SELECT "%s" FROM "%s" WHERE id = %%s'
                            % (column, record._table), (record.id,))
        return self.env.cr.fetchone()[0]

    def test_status_written_directly_refused(self):
        """An exception is resolved only by Resolve (its countermeasure and
        dates), an inspection's result only by its buttons."""
        exc = self._create_exception(countermeasure="Recalibrated oven")
        for user in (self.user_production, self.user_merchandiser):
            with self.assertRefused(UserError):
                exc.sudo(user).write({"state": "resolved"})
            with self.assertRefused(UserError):
                exc.sudo(user).write({"state": "escalated"})
        self.assertEqual(self._db(exc, "state"), "open")
        for state in ("passed", "failed", "cancel"):
            with self.assertRefused(UserError):
                self.inspection.sudo(self.user_qa).write({"state": state})
        with self.assertRefused(UserError):
            self.inspection.sudo(self.user_qa).write({"date_result": "2030-01-01"})
        self.assertEqual(self._db(self.inspection, "state"), "scheduled")
        self.assertFalse(self._db(self.inspection, "date_result"))

    def test_date_log_ignores_a_forged_context(self):
        """Who changed a date and why come from the real user and the button,
        never from the caller's context."""
        exc = self._create_exception()
        day = fields.Date.to_string(date.today() + timedelta(days=200))
        forged = dict(gendan_change_uid=self.user_qa.id, gendan_exception_id=exc.id,
                      gendan_change_reason="Forged reason")
        self.task.sudo(self.user_merchandiser).with_context(**forged).write(
            {"date_deadline": day})
        self.inspection.sudo(self.user_merchandiser).with_context(**forged).write(
            {"date_scheduled": day})
        log = self.task.date_change_ids
        self.assertEqual(set(log.mapped("date_type")), {"delivery", "inspection"})
        self.assertEqual(log.mapped("user_id"), self.user_merchandiser)
        self.assertFalse(log.mapped("exception_id"))
        notice = self.task.change_ids.sorted("id")[-1:]
        self.assertNotIn("Forged", notice.description)
        self.assertEqual(notice.user_id, self.user_merchandiser)

    def test_date_log_written_by_the_changes_only(self):
        """The trail cannot be written directly, not even by a manager."""
        vals = {"task_order_id": self.task.id, "date_type": "delivery",
                "old_date": "2030-01-01", "new_date": "2030-02-01",
                "user_id": self.user_qa.id}
        for model in (self.env["gendan.production.date.change"].sudo(
                self.user_general_manager), self.env["gendan.production.date.change"]):
            with self.assertRefused(AccessError):
                model.create(vals)
        self.task.sudo(self.user_merchandiser).write({
            "date_deadline": fields.Date.to_string(date.today() + timedelta(days=90))})
        log = self.task.date_change_ids
        with self.assertRefused(AccessError):
            log.sudo(self.user_general_manager).write({"user_id": self.user_qa.id})
        self.assertEqual(log.user_id, self.user_merchandiser)
