"""Supplier settlement by the 5th (每月1-5号，与供应商的对账与结算).

A carrier's March statement (its freight bill) is due for settlement on
April 5th: confirmed by the vendor and its payment scheduled by finance. On
the 6th it is late and the daily cron gives finance and the purchaser a
to-do (once); scheduling the payment settles it.
"""
import base64
from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError

from .common import PERIOD, ReconcileCase


class TestSupplierSettlement(ReconcileCase):

    @classmethod
    def setUpClass(cls):
        super(TestSupplierSettlement, cls).setUpClass()
        if "purchase.order" not in cls.env:
            return
        cls.purchaser = cls.users["purchaser"]
        cls.carrier = cls.env["res.partner"].create({
            "name": "Yangtze Trucking", "is_company": True, "supplier": True,
            "email": "billing@yangtze.example"})

    def setUp(self):
        super(TestSupplierSettlement, self).setUp()
        if "purchase.order" not in self.env:
            self.skipTest("purchase is not installed")
        self._freight_bill(self.carrier, 650.0, "2025-03-18")
        self.statement = self.env["gendan.statement"].sudo(self.purchaser)\
            ._prepare_statements("supplier", PERIOD[0], PERIOD[1], self.carrier)

    def frozen(self, day):
        return patch.object(type(self.env["gendan.statement"]), "_sla_today",
                            lambda self: day)

    def _confirm(self):
        st = self.statement
        st.sudo(self.purchaser).action_submit()
        st.sudo(self.purchaser).action_signoff_sign()
        st.sudo(self.finance).action_signoff_sign()
        st.sudo(self.purchaser).action_send()
        st.sudo(self.purchaser).write({
            "stamped_copy": base64.b64encode(b"stamped"),
            "stamped_copy_filename": "stamped.pdf"})
        st.sudo(self.purchaser).action_confirm()
        self.assertEqual(st.state, "confirmed")

    def _todos(self):
        return self.env["mail.activity"].search([
            ("res_model", "=", "gendan.statement"),
            ("res_id", "=", self.statement.id),
            ("gendan_key", "=", "gendan_settlement_late")])

    def test_late_from_the_sixth(self):
        """Due on the 5th: not late that day, late on the 6th (cron to-do for
        finance, once); scheduling the payment ends it."""
        st = self.statement
        self.assertEqual(st.settlement_deadline, "2025-04-05")
        self.assertAlmostEqual(st.line_ids.amount, 650.0)
        self.assertEqual(st.line_ids.line_type, "charge")
        Statement = self.env["gendan.statement"]
        with self.frozen(date(2025, 4, 5)):
            self.assertFalse(Statement._cron_supplier_settlement_late()
                             .filtered(lambda s: s == st))
            self.assertFalse(st.sudo(self.finance).settlement_late)
        with self.frozen(date(2025, 4, 6)):
            st.invalidate_cache(["settlement_late"])
            self.assertTrue(st.sudo(self.finance).settlement_late)
            self.assertIn(st, Statement.sudo(self.finance).search(
                [("settlement_late", "=", True)]))
            self.assertIn(st, Statement._cron_supplier_settlement_late())
            todos = self._todos()
            self.assertIn(self.finance, todos.mapped("user_id"))
            Statement._cron_supplier_settlement_late()
            self.assertEqual(self._todos(), todos, "one to-do per user")
            # confirmed but not scheduled: still late
            self._confirm()
            st.invalidate_cache(["settlement_late"])
            self.assertTrue(st.settlement_late)
            st.sudo(self.finance).action_schedule_payment("2025-04-10")
            st.invalidate_cache(["settlement_late"])
            self.assertFalse(st.settlement_late)
            self.assertNotIn(st, Statement.search([("settlement_late", "=", True)]))
        self.assertEqual(st.payment_scheduled_date, "2025-04-10")
        self.assertEqual(st.payment_scheduled_uid, self.finance)
        self.assertFalse(self._todos().filtered(lambda a: a.active))

    def test_schedule_refused(self):
        """Scheduling before the vendor's confirmation, by a purchaser, or in
        the past is refused; nothing is written."""
        st = self.statement
        with self.frozen(date(2025, 4, 3)):
            with self.assertRaisesRegex(UserError, "confirmed by the vendor"):
                st.sudo(self.finance).action_schedule_payment("2025-04-10")
            self._confirm()
            with self.assertRaises(AccessError):
                st.sudo(self.purchaser).action_schedule_payment("2025-04-10")
            with self.assertRaisesRegex(UserError, "in the past"):
                st.sudo(self.finance).action_schedule_payment("2025-04-01")
            with self.assertRaises(UserError):
                st.sudo(self.finance).write({"payment_scheduled_date": "2025-04-10"})
        self.env.cr.execute("SELECT payment_scheduled_date, payment_scheduled_uid "
                            "FROM gendan_statement WHERE id = %s", (st.id,))
        self.assertEqual(self.env.cr.fetchone(), (None, None))
