from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from ..models.sale_order import deferred_cockpit
from .common import GendanOrderCase


def _in_days(days):
    return fields.Date.to_string(fields.Date.from_string(
        fields.Date.today()) + timedelta(days=days))


class TestDeliveryPromise(GendanOrderCase):

    def test_promise_in_past_refused(self):
        """A promised date in the past is refused."""
        order = self._create_order()
        with self.assertRaises(ValidationError):
            order.sudo(self.users["merchandiser"]).write(
                {"promised_date": "2001-01-01"})
        self.assertFalse(order.promised_date)

    def test_propose_from_plan(self):
        """Without a plan, the promise is today + customer and production
        lead time."""
        self.product.produce_delay = 10
        order = self._create_order()
        order.order_line.customer_lead = 5
        order.sudo(self.users["merchandiser"]).action_propose_promised_date()
        self.assertEqual(order.promised_date, _in_days(15))

    def test_expected_date_and_late_risk(self):
        """The expected date follows the delivery; later than the promise
        raises the late risk and shows in the cockpit."""
        order = self._create_reviewed_order(promised_date=_in_days(10))
        order.order_line.customer_lead = 30
        order.sudo(self.users["salesperson"]).action_confirm()
        self.assertTrue(order.picking_ids)
        self.assertEqual(order.expected_date, _in_days(30))
        self.assertTrue(order.is_late_risk)
        self.assertEqual(order.cockpit_state, "at_risk")
        order.picking_ids.scheduled_date = _in_days(8) + " 08:00:00"
        self.assertEqual(order.expected_date, _in_days(8))
        self.assertFalse(order.is_late_risk)

    def _stored_expected_date(self, order):
        self.env.cr.execute(
            "SELECT expected_date FROM sale_order WHERE id = %s", [order.id])
        return self.env.cr.fetchone()[0]  # Odoo 11 reads dates as strings

    def test_cockpit_recomputed_at_the_end_of_a_button(self):
        """Inside a core button (``deferred_cockpit``) the delivery moves do
        not recompute the order's cockpit at each write: once, at the end.
        After an error nothing waits, and writes recompute at once again."""
        order = self._create_reviewed_order(promised_date=_in_days(10))
        order.order_line.customer_lead = 30
        order.sudo(self.users["salesperson"]).action_confirm()
        picking = order.picking_ids
        with deferred_cockpit():
            picking.scheduled_date = _in_days(9) + " 08:00:00"
            picking.scheduled_date = _in_days(8) + " 08:00:00"
            self.assertEqual(self._stored_expected_date(order), _in_days(30))
        self.assertEqual(self._stored_expected_date(order), _in_days(8))
        self.assertFalse(order.is_late_risk)
        self.assertEqual(order.cockpit_state, "on_track")
        with self.assertRaises(ValueError), self.cr.savepoint():
            with deferred_cockpit():
                picking.scheduled_date = _in_days(12) + " 08:00:00"
                raise ValueError("a core button fails")
        picking.scheduled_date = _in_days(11) + " 08:00:00"
        self.assertEqual(self._stored_expected_date(order), _in_days(11))
        self.assertTrue(order.is_late_risk)

    def test_expected_date_from_manufacturing(self):
        """Manufacturing orders of the order's procurement group feed the
        expected date."""
        order = self._create_order(promised_date=_in_days(10))
        self.product.type = "product"
        bom = self.env["mrp.bom"].create({
            "product_tmpl_id": self.product.product_tmpl_id.id,
            "product_qty": 1.0})
        group = self.env["procurement.group"].create(
            {"name": order.name, "sale_id": order.id})
        production = self.env["mrp.production"].create({
            "product_id": self.product.id, "product_qty": 100,
            "product_uom_id": self.product.uom_id.id, "bom_id": bom.id,
            "procurement_group_id": group.id,
            "date_planned_start": _in_days(20) + " 08:00:00",
            "date_planned_finished": _in_days(25) + " 08:00:00"})
        self.assertEqual(production.sale_order_id, order)
        self.assertEqual(order.production_ids, production)
        self.assertEqual(order.expected_date, _in_days(25))
        self.assertTrue(order.is_late_risk)

    def test_delay_notice(self):
        """The delay notice moves the promise and mails the customer the
        reason and the new date, in the chatter."""
        order = self._create_reviewed_order(promised_date=_in_days(10))
        order.sudo(self.users["salesperson"]).action_confirm()
        merch = self.users["merchandiser"]
        action = order.sudo(merch).action_open_delay_notice()
        self.assertEqual(action["res_model"], "gendan.delay.notice.wizard")
        wizard = self.env["gendan.delay.notice.wizard"].sudo(merch).create({
            "order_id": order.id, "new_date": _in_days(5),
            "reason": "Colour box supplier late"})
        with self.assertRaises(UserError):
            wizard.action_send()
        self.assertEqual(order.promised_date, _in_days(10))
        wizard.new_date = _in_days(20)
        wizard.action_send()
        self.assertEqual(order.promised_date, _in_days(20))
        message = order.message_ids.filtered(
            lambda m: "Colour box supplier late" in (m.body or ""))
        self.assertEqual(len(message), 1)
        self.assertIn("Colour box supplier late", message.body)
        self.assertIn(_in_days(20), message.body)
        self.assertIn(self.customer, message.partner_ids)


class TestDeposit(GendanOrderCase):

    @classmethod
    def setUpClass(cls):
        super(TestDeposit, cls).setUpClass()
        cls.term = cls.env["account.payment.term"].create({
            "name": "30% deposit", "deposit_percent": 30.0})

    def test_deposit_gate(self):
        """With a deposit, production is refused until finance confirms it;
        nobody else can confirm it."""
        order = self._create_order(payment_term_id=self.term.id)
        self.assertEqual(order.deposit_percent, 30.0)
        self.assertEqual(order.deposit_amount, order.amount_total * 0.3)
        self.assertEqual(order.milestone_deposit_state, "todo")
        with self.assertRaises(UserError):
            order._gendan_check_production_allowed()
        with self.assertRaises(AccessError):
            order.sudo(self.users["merchandiser"]).action_confirm_deposit()
        with self.assertRaises(AccessError):
            order.sudo(self.users["merchandiser"]).write(
                {"is_deposit_received": True})
        self.assertFalse(order.is_deposit_received)
        order.sudo(self.users["finance"]).action_confirm_deposit()
        self.assertTrue(order.is_deposit_received)
        self.assertEqual(order.deposit_confirmed_by_id, self.users["finance"])
        self.assertEqual(order.milestone_deposit_state, "done")
        self.assertTrue(order._gendan_check_production_allowed())
        with self.assertRaises(UserError):
            order.sudo(self.users["finance"]).action_confirm_deposit()

    def test_no_deposit(self):
        """Without a deposit production is allowed and the milestone is N/A."""
        order = self._create_order()
        self.assertTrue(order._gendan_check_production_allowed())
        self.assertEqual(order.milestone_deposit_state, "na")
        with self.assertRefused(ValidationError):
            order.write({"deposit_percent": 120})
        self.assertEqual(order.deposit_percent, 0.0)
