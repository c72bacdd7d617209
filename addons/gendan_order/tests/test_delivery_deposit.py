from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.addons.gendan_base.tests.common import render_pdf

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
    """Deposit = money received on Odoo's down-payment invoice of the order."""

    @classmethod
    def setUpClass(cls):
        super(TestDeposit, cls).setUpClass()
        cls.term = cls._deposit_term()
        cls.bank = cls.env["account.journal"].search([("type", "=", "bank")], limit=1)
        cls.finance = cls.users["finance"]

    def _confirmed(self):
        order = self._create_reviewed_order(
            qty=100.0, price=10.0, payment_term_id=self.term.id)
        order.sudo(self.users["salesperson"]).action_confirm()
        return order

    def _deposit_invoice(self, order):
        return order.order_line.filtered("is_downpayment").mapped(
            "invoice_lines.invoice_id")

    def test_deposit_invoice_and_payment(self):
        """The salesperson invoices the deposit with sale's down-payment
        wizard (30% of 1000.00, order currency); posting it is not enough,
        the finance payment reconciled with it is; production then starts."""
        order = self._confirmed()
        self.assertEqual(order.deposit_amount, 300.0)
        self.assertEqual(order.deposit_state, "due")
        self.assertEqual(order.milestone_deposit_state, "todo")
        with self.assertRaises(UserError):
            order._gendan_check_production_allowed()
        action = order.sudo(self.users["salesperson"]).action_create_deposit_invoice()
        invoice = self._deposit_invoice(order)
        self.assertEqual(action["res_id"], invoice.id)
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.type, "out_invoice")
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(invoice.currency_id, order.currency_id)
        self.assertEqual(invoice.amount_total, 300.0)
        self.assertEqual(invoice.partner_id, order.partner_invoice_id)
        dp_line = order.order_line.filtered("is_downpayment")
        self.assertEqual(dp_line.product_id, order._deposit_product())
        # a second deposit invoice is refused, nothing created
        with self.assertRefused(UserError):
            order.sudo(self.users["salesperson"]).action_create_deposit_invoice()
        self.assertEqual(self._deposit_invoice(order), invoice)
        invoice.sudo(self.finance).action_invoice_open()
        self.assertEqual(order.deposit_invoice_ids, invoice)
        self.assertEqual(order.deposit_state, "due")
        self.assertFalse(order.is_deposit_received)
        invoice.sudo(self.finance).pay_and_reconcile(self.bank, 200.0)
        self.assertEqual(order.deposit_received_amount, 200.0)
        self.assertEqual(order.deposit_state, "due")
        with self.assertRaises(UserError):
            order._gendan_check_production_allowed()
        invoice.sudo(self.finance).pay_and_reconcile(self.bank, 100.0)
        self.assertEqual(invoice.state, "paid")
        self.assertEqual(invoice.residual, 0.0)
        self.assertEqual(order.deposit_received_amount, 300.0)
        self.assertEqual(order.deposit_state, "received")
        self.assertTrue(order.is_deposit_received)
        self.assertEqual(order.deposit_date, invoice.payment_move_line_ids[-1:].date)
        self.assertEqual(order.milestone_deposit_state, "done")
        self.assertTrue(order._gendan_check_production_allowed())

    def test_nobody_sets_the_deposit_by_hand(self):
        """The deposit fields are computed: no user, not even finance, writes
        them."""
        order = self._confirmed()
        for login in ("merchandiser", "finance"):
            with self.assertRefused(AccessError):
                order.sudo(self.users[login]).write({"is_deposit_received": True})
            with self.assertRefused(AccessError):
                order.sudo(self.users[login]).write({"deposit_state": "received"})
        self.assertFalse(order.is_deposit_received)
        self.assertEqual(order.deposit_state, "due")

    def test_deposit_invoice_needs_a_confirmed_order_with_deposit(self):
        """No down-payment invoice for a draft order or an order without
        deposit; nothing is created."""
        draft = self._create_order(payment_term_id=self.term.id)
        with self.assertRefused(UserError):
            draft.sudo(self.users["salesperson"]).action_create_deposit_invoice()
        order = self._create_reviewed_order()
        order.sudo(self.users["salesperson"]).action_confirm()
        with self.assertRefused(UserError):
            order.sudo(self.users["salesperson"]).action_create_deposit_invoice()
        self.assertFalse((draft | order).mapped("order_line").filtered(
            "is_downpayment"))

    def _foreign_currency(self, order):
        currency = self.env["res.currency"].search(
            [("id", "!=", order.currency_id.id), ("name", "in", ("EUR", "CNY"))],
            limit=1)
        currency.active = True
        self.env["res.currency.rate"].create({
            "currency_id": currency.id, "rate": 2.0,
            "name": fields.Date.today()})
        return currency

    def _payment(self, invoice, currency, amount, invoices=True):
        vals = {
            "payment_type": "inbound", "partner_type": "customer",
            "partner_id": invoice.commercial_partner_id.id, "amount": amount,
            "currency_id": currency.id, "journal_id": self.bank.id,
            "payment_method_id": self.env.ref(
                "account.account_payment_method_manual_in").id,
            "payment_date": fields.Date.today()}
        if invoices:
            vals["invoice_ids"] = [(6, 0, invoice.ids)]
        return self.env["account.payment"].sudo(self.finance).create(vals)

    def test_deposit_paid_in_another_currency(self):
        """A payment in another currency than the order's is refused on the
        deposit invoice (nothing posted), and the same money reconciled by
        hand is refused too; the deposit stays due."""
        order = self._confirmed()
        order.sudo(self.users["salesperson"]).action_create_deposit_invoice()
        invoice = self._deposit_invoice(order).sudo(self.finance)
        invoice.action_invoice_open()
        foreign = self._foreign_currency(order)
        payment = self._payment(invoice, foreign, 600.0)
        with self.assertRaisesRegex(UserError, foreign.name), self.cr.savepoint():
            payment.post()
        self.assertEqual(payment.state, "draft")
        self.assertEqual(invoice.residual, 300.0)
        # posted without invoice, then matched by hand: refused as well
        loose = self._payment(invoice, foreign, 600.0, invoices=False)
        loose.post()
        credit = loose.move_line_ids.filtered(
            lambda line: line.account_id == invoice.account_id)
        with self.assertRefused(UserError):
            invoice.assign_outstanding_credit(credit.id)
        self.assertEqual(invoice.residual, 300.0)
        self.assertEqual(order.deposit_state, "due")
        self.assertEqual(order.deposit_received_amount, 0.0)

    def test_foreign_payment_reconciled_anyway_is_ignored(self):
        """Should a payment in another currency be reconciled with the
        deposit invoice all the same (e.g. by the reconciliation widget), it
        does not count, and the order says why."""
        order = self._confirmed()
        order.sudo(self.users["salesperson"]).action_create_deposit_invoice()
        invoice = self._deposit_invoice(order).sudo(self.finance)
        invoice.action_invoice_open()
        foreign = self._foreign_currency(order)
        loose = self._payment(invoice, foreign, 600.0, invoices=False)
        loose.post()
        credit = loose.move_line_ids.filtered(
            lambda line: line.account_id == invoice.account_id)
        (credit | invoice.move_id.line_ids.filtered(
            lambda line: line.account_id == invoice.account_id)).reconcile()
        self.assertEqual(invoice.state, "paid")
        self.assertEqual(order.deposit_state, "due")
        self.assertIn(loose.name, order.deposit_note)
        self.assertIn(order.currency_id.name, order.deposit_note)

    def test_signed_exception(self):
        """Production without the deposit only by a deposit exception signed
        by the roles of its sign-off rules (general manager); the order says
        so; cancelling it closes the gate again."""
        order = self._confirmed()
        action = order.sudo(self.users["merchandiser"]).action_request_deposit_waiver()
        self.assertEqual(action["res_model"], "gendan.deposit.waiver")
        waiver = self.env["gendan.deposit.waiver"].sudo(
            self.users["merchandiser"]).with_context(**action["context"]).create(
                {"reason": "Customer's L/C received; deposit waived by the GM."})
        self.assertEqual(waiver.sale_order_id, order)
        waiver.action_submit()
        self.assertEqual(waiver.state, "to_sign")
        with self.assertRefused(UserError):
            waiver.sudo(self.finance).action_signoff_sign()
        with self.assertRefused(UserError):
            waiver.sudo(self.users["merchandiser"]).write({"state": "approved"})
        self.assertEqual(order.deposit_state, "due")
        with self.assertRaises(UserError):
            order._gendan_check_production_allowed()
        waiver.sudo(self.users["general_manager"]).action_signoff_sign()
        self.assertEqual(waiver.state, "approved")
        self.assertEqual(order.deposit_state, "waived")
        self.assertTrue(order.is_deposit_received)
        self.assertIn(waiver.name, order.deposit_note)
        self.assertEqual(order.deposit_received_amount, 0.0)
        self.assertTrue(order._gendan_check_production_allowed())
        with self.assertRefused(UserError):
            waiver.sudo(self.users["merchandiser"]).write({"reason": "changed"})
        waiver.sudo(self.users["merchandiser"]).action_cancel()
        self.assertEqual(order.deposit_state, "due")
        with self.assertRaises(UserError):
            order._gendan_check_production_allowed()

    def test_exception_needs_reason_and_deposit(self):
        """An exception without a reason, or for an order without deposit, is
        refused."""
        order = self._confirmed()
        waivers = self.env["gendan.deposit.waiver"].sudo(self.users["merchandiser"])
        with self.assertRefused(ValidationError):
            waivers.create({"sale_order_id": order.id, "reason": " "})
        plain = self._create_order()
        with self.assertRefused(ValidationError):
            waivers.create({"sale_order_id": plain.id, "reason": "No deposit."})
        self.assertFalse(waivers.search([("sale_order_id", "in", (order | plain).ids)]))

    def test_proforma(self):
        """The proforma invoice (English) shows the order, the deposit to pay
        and our bank details; it renders as PDF."""
        order = self._confirmed()
        company = order.company_id
        bank = self.env["res.bank"].create({"name": "Bank of Ningbo",
                                            "bic": "BKNBCN2N"})
        self.env["res.partner.bank"].create({
            "acc_number": "CN-7788-0099", "bank_id": bank.id,
            "partner_id": company.partner_id.id})
        report = self.env.ref("gendan_order.action_report_proforma")
        html = report.sudo(self.users["salesperson"]).render_qweb_html(
            order.ids)[0].decode()
        self.assertIn("PROFORMA INVOICE", html)
        self.assertIn(order.name, html)
        self.assertIn("DEPOSIT DUE NOW", html)
        self.assertIn("300.00", html)
        self.assertIn("BKNBCN2N", html)
        self.assertIn("CN-7788-0099", html)
        self.assertTrue(render_pdf(report, order.ids).startswith(b"%PDF"))

    def test_no_deposit(self):
        """Without a deposit production is allowed and the milestone is N/A."""
        order = self._create_order()
        self.assertTrue(order._gendan_check_production_allowed())
        self.assertEqual(order.milestone_deposit_state, "na")
        self.assertEqual(order.deposit_state, "na")
        with self.assertRefused(ValidationError):
            order.write({"deposit_percent": 120})
        self.assertEqual(order.deposit_percent, 0.0)
