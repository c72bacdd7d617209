from odoo.exceptions import UserError, ValidationError
from odoo.addons.gendan_base.tests.common import recorded_calls

from .common import ShippingCase


class TestPaymentGate(ShippingCase):

    @classmethod
    def setUpClass(cls):
        super(TestPaymentGate, cls).setUpClass()
        cls.order = cls._create_confirmed_order(qty=100.0, price=10.0)
        cls.picking = cls._prepare_delivery(cls.order.picking_ids)
        cls.term_30 = cls.env["account.payment.term"].create({
            "name": "30% before shipment, 70% 60 days after B/L",
            "gendan_balance_before_shipment": True,
            "gendan_prepaid_percent": 30.0})

    def _assert_blocked(self, picking):
        with self.assertRaises(UserError), self.cr.savepoint():
            picking.sudo(self.fg_wh).button_validate()
        with self.assertRaises(UserError), self.cr.savepoint():
            picking.sudo(self.fg_wh).action_done()
        self.assertEqual(picking.state, "assigned")

    def test_unpaid_delivery_is_refused(self):
        """Without payment, neither the button nor the RPC call ship the goods."""
        picking = self.picking.sudo(self.fg_wh)
        self.assertEqual(picking.gendan_payment_state, "blocked")
        self.assertIn(self.order.name, picking.gendan_payment_blockers)
        self.assertEqual(picking.gendan_amount_due, 1000.0)
        self._assert_blocked(self.picking)

    def test_uncontrolled_order_ships_unpaid(self):
        """The delivery of an order of an uncontrolled sales channel is not
        held by the payment gate."""
        order = self._create_order(qty=10.0, price=10.0,
                                   team_id=self.team_direct.id)
        order.sudo(self.users["salesperson"]).action_confirm()
        picking = self._prepare_delivery(order.picking_ids)
        self.assertEqual(picking.sudo(self.fg_wh).gendan_payment_state, "na")
        self.assertEqual(picking._gendan_payment_gate_blockers(), [])
        picking.sudo(self.fg_wh).button_validate()
        self.assertEqual(picking.state, "done")
        self._assert_blocked(self.picking)

    def test_gate_is_opt_in_per_payment_term(self):
        """A term that does not ask the balance before shipment (the default,
        e.g. open account) holds nothing: the unpaid delivery leaves, the
        paid milestone is not applicable."""
        term = self.env["account.payment.term"].create({"name": "Open 60 days"})
        self.assertFalse(term.gendan_balance_before_shipment)
        order = self._create_confirmed_order(
            qty=10.0, price=10.0, payment_term_id=term.id)
        picking = self._prepare_delivery(order.picking_ids).sudo(self.fg_wh)
        self.assertEqual(picking.gendan_payment_state, "na")
        self.assertEqual(picking.gendan_amount_due, 0.0)
        self.assertEqual(order.milestone_paid_state, "na")
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        # the same without payment terms
        order = self._create_confirmed_order(
            qty=10.0, price=10.0, payment_term_id=False)
        picking = self._prepare_delivery(order.picking_ids).sudo(self.fg_wh)
        self.assertEqual(picking.gendan_payment_state, "na")
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        # switched on, the same term holds the next order
        term.gendan_balance_before_shipment = True
        order = self._create_confirmed_order(
            qty=10.0, price=10.0, payment_term_id=term.id)
        self._assert_blocked(self._prepare_delivery(order.picking_ids))
        self.assertEqual(order.milestone_paid_state, "todo")

    def test_installed_terms_do_not_block(self):
        """Installing (or upgrading) leaves the terms that existed
        non-blocking: only the demo's T/T terms hold the deliveries, the
        open-account term does not."""
        blocking = self.env["account.payment.term"].search(
            [("gendan_balance_before_shipment", "=", True),
             ("id", "not in", (self.term_tt | self.term_30).ids)])
        demo = self.env.ref("gendan_shipping.payment_term_tt_demo") \
            | self.env.ref("gendan_order.payment_term_deposit_demo")
        self.assertEqual(blocking, demo)
        self.assertFalse(self.env.ref(
            "account.account_payment_term_immediate").gendan_balance_before_shipment)
        open_account = self.env.ref("gendan_shipping.payment_term_open_account_demo")
        self.assertFalse(open_account.gendan_balance_before_shipment)
        order = self._create_confirmed_order(
            qty=10.0, price=10.0, payment_term_id=open_account.id)
        picking = self._prepare_delivery(order.picking_ids)
        picking.sudo(self.fg_wh).button_validate()
        self.assertEqual(picking.state, "done")
        order = self._create_confirmed_order(
            qty=10.0, price=10.0, payment_term_id=demo[0].id)
        self._assert_blocked(self._prepare_delivery(order.picking_ids))

    def test_partial_payment_is_not_enough(self):
        """Full payment on a T/T term: a part payment keeps the gate closed."""
        invoice = self._invoice(self.order)
        self._pay(invoice, 400.0, user=self.finance)
        self.assertEqual(self.picking.sudo(self.fg_wh).gendan_amount_paid, 400.0)
        self._assert_blocked(self.picking)

    def test_full_payment_opens_the_gate(self):
        """Paid in full on a posted invoice: the warehouse may ship."""
        self.assertEqual(self.order.milestone_paid_state, "todo")
        invoice = self._invoice(self.order)
        self._pay(invoice, invoice.amount_total, user=self.finance)
        picking = self.picking.sudo(self.fg_wh)
        self.assertEqual(picking.gendan_payment_state, "paid")
        self.assertEqual(picking._gendan_payment_gate_blockers(), [])
        picking.button_validate()
        self.assertEqual(self.picking.state, "done")
        self.assertEqual(self.order.milestone_paid_state, "done")
        self.assertEqual(self.order.milestone_shipped_state, "done")
        self.assertTrue(self.order.milestone_shipped_date)

    def test_gate_checked_once_per_validation(self):
        """Validating checks the gate once: the move and picking writes of
        the button, which the gate watches for RPC callers, do not check it
        again."""
        invoice = self._invoice(self.order)
        self._pay(invoice, invoice.amount_total, user=self.finance)
        with recorded_calls(self.env["stock.picking"],
                            "_gendan_payment_gate_blockers") as checked:
            self.picking.sudo(self.fg_wh).button_validate()
        self.assertEqual(self.picking.state, "done")
        self.assertEqual(checked, [self.picking.id])

    def test_draft_invoice_does_not_count(self):
        """Only posted invoices and their real payments count."""
        self.env["account.invoice"].browse(self.order.action_invoice_create())
        self.assertEqual(self.picking.gendan_amount_paid, 0.0)
        self._assert_blocked(self.picking)

    def test_payment_terms_share(self):
        """With 30% due before shipment, 30% received is enough."""
        order = self._create_confirmed_order(
            qty=100.0, price=10.0, payment_term_id=self.term_30.id)
        picking = self._prepare_delivery(order.picking_ids)
        self.assertEqual(picking.gendan_amount_due, 300.0)
        invoice = self._invoice(order)
        self._pay(invoice, 299.0)
        self._assert_blocked(picking)
        self._pay(invoice, 1.0)
        picking.sudo(self.fg_wh).button_validate()
        self.assertEqual(picking.state, "done")

    def test_signed_release(self):
        """An unpaid order ships once the general manager signed a release."""
        release = self._submit_release(
            self.order, "Irrevocable L/C at sight received from HSBC.")
        self.assertEqual(release.state, "to_sign")
        self._assert_blocked(self.picking)
        with self.assertRaises(UserError), self.cr.savepoint():
            release.sudo(self.fg_wh).action_signoff_sign()
        with self.assertRaises(UserError), self.cr.savepoint():
            release.sudo(self.users["sales_manager"]).action_signoff_sign()
        self.assertEqual(release.state, "to_sign")
        release.sudo(self.users["general_manager"]).action_signoff_sign()
        self.assertEqual(release.state, "released")
        self._assert_ships_released(self.picking)
        with self.assertRaises(UserError), self.cr.savepoint():
            release.sudo(self.users["salesperson"]).write({"reason": "changed"})

    def test_release_needs_reason(self):
        """A release without a reason is refused."""
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["gendan.shipping.release"].sudo(
                self.users["salesperson"]).create({
                    "sale_order_id": self.order.id, "reason": "  "})

    def test_cancelled_release_closes_the_gate(self):
        """Cancelling a signed release blocks shipping again."""
        release = self.env["gendan.shipping.release"].create({
            "sale_order_id": self.order.id, "reason": "Trusted customer."})
        release.action_submit()
        release.sudo(self.users["general_manager"]).action_signoff_sign()
        release.action_cancel()
        self._assert_blocked(self.picking)

    def test_other_pickings_not_gated(self):
        """Deliveries without a sales order are not gated."""
        picking = self._prepare_delivery(self._create_picking([(self.product, 5)]))
        self.assertEqual(picking.gendan_payment_state, "na")
        picking.sudo(self.fg_wh).button_validate()
        self.assertEqual(picking.state, "done")
