"""Dunning levels: reminder -> second notice -> sales manager -> shipments
held, each on its working-day delay with its e-mail; the customer's promised
payment date suspends the chasing and breaking it raises the next level.

The customer has an invoice of 100.00 due yesterday; its new order is paid in
full (the shipping module's own check passes) and the company does not hold
deliveries for overdue invoices: only the dunning's last level holds them.
"""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.addons.gendan_shipping.tests.common import ShippingCase


class TestDunning(ShippingCase):

    @classmethod
    def setUpClass(cls):
        super(TestDunning, cls).setUpClass()
        cls.env.user.company_id.gendan_overdue_blocks_delivery = False
        old_order = cls._create_confirmed_order(qty=10.0, price=10.0)
        invoice = cls.env["account.invoice"].browse(old_order.action_invoice_create())
        today = fields.Date.from_string(fields.Date.context_today(invoice))
        invoice.date_invoice = fields.Date.to_string(today - timedelta(days=1))
        invoice.action_invoice_open()
        cls.invoice = invoice
        cls.order = cls._create_confirmed_order(qty=100.0, price=10.0)
        cls.paid_invoice = cls._invoice(cls.order)
        cls._pay(cls.paid_invoice, cls.paid_invoice.amount_total)
        cls.picking = cls._prepare_delivery(cls.order.picking_ids)
        cls.salesperson = cls.users["salesperson"]
        cls.sales_manager = cls.users["sales_manager"]
        cls.sla = cls.env["gendan.sla"]

    def _wd(self, day, count):
        return fields.Date.to_string(self.sla.add_working_days(
            day, count, self.invoice.company_id))

    def _run(self, day):
        """The invoice if the cron of ``day`` raised it (other overdue
        invoices of the database may be raised too)."""
        raised = self.env["account.invoice"]._cron_gendan_dunning(today=day)
        return raised & self.invoice

    def _level(self, xmlid):
        return self.env.ref("gendan_reconcile.dunning_level_" + xmlid)

    def _mail_subjects(self):
        return self.invoice.message_ids.mapped("subject")

    def test_levels_promise_and_hold(self):
        inv = self.invoice
        self.assertEqual(inv.type, "out_invoice")
        self.assertAlmostEqual(inv.residual, 100.0)
        due = inv.date_due
        self.assertFalse(self._run(due), "not overdue on its due date")
        # level 1 one working day after the due date: e-mail, salesperson to-do
        day1 = self._wd(due, 1)
        self.assertEqual(self._run(day1), inv)
        self.assertEqual(inv.gendan_dunning_level_id, self._level("reminder"))
        self.assertEqual(inv.gendan_dunning_date, day1)
        self.assertIn("Payment reminder: invoice %s" % inv.number,
                      self._mail_subjects())
        self.assertIn(self.customer.commercial_partner_id,
                      inv.message_ids.mapped("partner_ids"))
        self.assertIn(self.order.user_id or self.customer.user_id or self.env.user,
                      inv.activity_ids.mapped("user_id"))
        self.assertFalse(self._run(day1), "once a day")
        # level 2 five working days later, not before
        self.assertFalse(self._run(self._wd(day1, 4)))
        day2 = self._wd(day1, 5)
        self.assertEqual(self._run(day2), inv)
        self.assertEqual(inv.gendan_dunning_level_id, self._level("second"))
        self.assertIn("Second notice: invoice %s overdue" % inv.number,
                      self._mail_subjects())
        # the customer promises a date: the chasing waits until then
        promised = self._wd(day2, 10)
        inv.sudo(self.users["finance"]).write({"gendan_promised_date": promised})
        self.assertEqual(inv.gendan_promised_date, promised)
        self.assertFalse(self._run(self._wd(day2, 7)))
        self.assertFalse(self._run(promised))
        # broken: the next level at once, the promise cleared and said
        broken = fields.Date.to_string(
            fields.Date.from_string(promised) + timedelta(days=1))
        self.assertEqual(self._run(broken), inv)
        self.assertEqual(inv.gendan_dunning_level_id, self._level("manager"))
        self.assertFalse(inv.gendan_promised_date)
        self.assertTrue(any("did not pay by the promised date" in (body or "")
                            for body in inv.message_ids.mapped("body")))
        self.assertIn(self.sales_manager, inv.activity_ids.mapped("user_id"))
        # the customer's deliveries are not held yet (company rule off)
        picking = self.picking.sudo(self.fg_wh)
        self.assertEqual(picking._gendan_payment_gate_blockers(), [])
        # last level: shipments held, even with the company rule off
        self.assertEqual(self._run(self._wd(broken, 5)), inv)
        self.assertTrue(inv.gendan_shipments_held)
        picking.invalidate_cache()
        self.assertEqual(picking.gendan_payment_state, "blocked")
        self.assertIn(inv.number, picking.gendan_payment_blockers)
        with self.assertRaisesRegex(UserError, inv.number), self.cr.savepoint():
            picking.button_validate()
        self.assertEqual(self.picking.state, "assigned")
        # paid: the hold is gone, the delivery leaves
        self._pay(inv, inv.residual)
        self.assertEqual(inv.state, "paid")
        picking.invalidate_cache()
        self.assertEqual(picking._gendan_payment_gate_blockers(), [])
        self.assertFalse(self._run(self._wd(broken, 20)))

    def test_bad_input_refused(self):
        """The level is the cron's; a promise in the past or on a paid
        invoice is refused; nothing is written."""
        inv = self.invoice
        finance = self.users["finance"]
        with self.assertRaises(AccessError), self.cr.savepoint():
            inv.sudo(finance).write(
                {"gendan_dunning_level_id": self._level("hold").id})
        yesterday = fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(inv))
            - timedelta(days=1))
        with self.assertRaisesRegex(UserError, "past"), self.cr.savepoint():
            inv.sudo(finance).write({"gendan_promised_date": yesterday})
        paid = self.paid_invoice
        self.assertEqual(paid.state, "paid")
        with self.assertRaisesRegex(UserError, "open customer invoices"), \
                self.cr.savepoint():
            paid.sudo(finance).write({"gendan_promised_date": inv.date_due})
        self.env.cr.execute(
            "SELECT gendan_dunning_level_id, gendan_promised_date "
            "FROM account_invoice WHERE id = %s", (inv.id,))
        self.assertEqual(self.env.cr.fetchone(), (None, None))
