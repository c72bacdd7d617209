from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.addons.gendan_base.tests.common import QueryCounter
from odoo.addons.gendan_shipping.tests.common import ShippingCase


class TestPaymentGateOverdue(ShippingCase):
    """The shipping payment gate also waits for the customer's invoices past
    their due date; a signed shipping release still lets the goods leave.

    The customer's new order (100 x 10.00) is paid in full, so the shipping
    module's own check passes; an older invoice of 100.00 (10 x 10.00), due
    30 days ago, is not paid.
    """

    @classmethod
    def setUpClass(cls):
        super(TestPaymentGateOverdue, cls).setUpClass()
        # the rule is the company's choice (off by default)
        cls.env.user.company_id.gendan_overdue_blocks_delivery = True
        old_order = cls._create_confirmed_order(qty=10.0, price=10.0)
        cls.overdue = cls._invoice_dated(old_order, days_ago=30)
        cls.order = cls._create_confirmed_order(qty=100.0, price=10.0)
        invoice = cls._invoice(cls.order)
        cls._pay(invoice, invoice.amount_total)
        cls.picking = cls._prepare_delivery(cls.order.picking_ids)

    @classmethod
    def _invoice_dated(cls, order, days_ago):
        """A posted invoice of ``order`` dated (and due, no payment terms)
        ``days_ago`` days ago."""
        invoice = cls.env["account.invoice"].browse(order.action_invoice_create())
        today = fields.Date.from_string(fields.Date.context_today(invoice))
        invoice.date_invoice = fields.Date.to_string(today - timedelta(days=days_ago))
        invoice.action_invoice_open()
        return invoice

    def _assert_blocked(self, picking):
        with self.assertRaisesRegex(UserError, self.overdue.number), \
                self.cr.savepoint():
            picking.sudo(self.fg_wh).button_validate()
        with self.assertRaises(UserError), self.cr.savepoint():
            picking.sudo(self.fg_wh).action_done()
        self.assertEqual(picking.state, "assigned")

    def test_overdue_invoice_blocks(self):
        """The warehouse sees why (invoice, due date, amount open) and cannot
        validate, neither by the button nor by RPC."""
        self.assertTrue(self.order.sudo()._gendan_is_prepaid())
        picking = self.picking.sudo(self.fg_wh)
        self.assertEqual(picking.gendan_payment_state, "blocked")
        message = picking.gendan_payment_blockers
        self.assertIn(self.overdue.number, message)
        self.assertIn(self.overdue.date_due, message)
        self.assertIn("100.00", message)
        self.assertIn(self.customer.name, message)
        self._assert_blocked(self.picking)

    def test_company_rule_is_opt_in(self):
        """Where the company does not hold deliveries for overdue invoices,
        the paid order's delivery leaves despite the overdue invoice."""
        self.env.user.company_id.gendan_overdue_blocks_delivery = False
        picking = self.picking.sudo(self.fg_wh)
        self.assertEqual(picking._gendan_payment_gate_blockers(), [])
        self.assertEqual(picking.gendan_payment_state, "paid")
        picking.button_validate()
        self.assertEqual(self.picking.state, "done")
        self.assertEqual(self.overdue.state, "open")

    def test_not_yet_due_does_not_block(self):
        """An open invoice that is not due yet does not hold the goods."""
        self.overdue.date_due = fields.Date.context_today(self.overdue)
        picking = self.picking.sudo(self.fg_wh)
        self.assertEqual(picking._gendan_payment_gate_blockers(), [])
        picking.button_validate()
        self.assertEqual(self.picking.state, "done")

    def test_payment_opens_the_gate(self):
        """Once finance registers the payment of the overdue invoice, the
        delivery can be validated."""
        self._pay(self.overdue, self.overdue.amount_total, user=self.finance)
        self.assertEqual(self.overdue.state, "paid")
        picking = self.picking.sudo(self.fg_wh)
        self.assertEqual(picking.gendan_payment_state, "paid")
        picking.button_validate()
        self.assertEqual(self.picking.state, "done")

    def test_signed_release(self):
        """A shipping release of the order signed by the general manager lets
        the goods leave despite the overdue invoice (shown as released)."""
        release = self._submit_release(
            self.order, "Customer pays the old invoice with the next L/C.")
        self._assert_blocked(self.picking)
        release.sudo(self.users["general_manager"]).action_signoff_sign()
        self.assertEqual(release.state, "released")
        self._assert_ships_released(self.picking)

    def test_uncontrolled_order_not_blocked(self):
        """The same customer's order of an uncontrolled sales channel is not
        held by the overdue invoice."""
        order = self._create_order(qty=5.0, price=10.0, team_id=self.team_direct.id)
        order.sudo(self.users["salesperson"]).action_confirm()
        picking = self._prepare_delivery(order.picking_ids).sudo(self.fg_wh)
        self.assertEqual(picking.gendan_overdue_invoice_ids, self.overdue)
        self.assertEqual(picking.gendan_payment_state, "na")
        self.assertEqual(picking._gendan_payment_gate_blockers(), [])
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self._assert_blocked(self.picking)

    def test_other_customer_not_blocked(self):
        """Another customer's delivery is not held by this overdue invoice."""
        other = self.env["res.partner"].create({
            "name": "Maison de Lyon SARL", "customer": True, "is_company": True})
        order = self._create_confirmed_order(
            qty=5.0, price=10.0, partner_id=other.id)
        invoice = self._invoice(order)
        self._pay(invoice, invoice.amount_total)
        picking = self._prepare_delivery(order.picking_ids).sudo(self.fg_wh)
        self.assertEqual(picking.gendan_payment_state, "paid")
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def _count_gate_queries(self, pickings):
        pickings = pickings.sudo(self.fg_wh)
        self.env["base"].invalidate_cache()
        with QueryCounter(self.env.cr) as counter:
            found = [picking.gendan_overdue_invoice_ids for picking in pickings]
        return counter.count, found

    def test_queries_do_not_grow_with_pickings(self):
        """The overdue invoices of the pickings looked at together (a list of
        deliveries) are searched at once: two customers with one delivery
        each or with two each take the same number of queries."""
        other = self.env["res.partner"].create({
            "name": "Maison de Lyon SARL", "customer": True, "is_company": True})

        def delivery(partner):
            return self._prepare_delivery(self._create_confirmed_order(
                qty=5.0, price=10.0, partner_id=partner.id).picking_ids)
        few = self.picking | delivery(other)
        many = few | delivery(other) | delivery(self.customer)
        self._count_gate_queries(few)  # warm the access caches
        count_few, _found = self._count_gate_queries(few)
        count_many, found = self._count_gate_queries(many)
        self.assertEqual(count_few, count_many)
        self.assertEqual([invoices.ids for invoices in found],
                         [self.overdue.ids, [], [], self.overdue.ids])
