"""Credit notes and charges (freight) are lines of the statements.

Harbor's March credit note of 50.00 (see common.py) is a line; a EUR credit
note of Lyon is converted at the rate of its day; a carrier's freight bill
(made by a shipment charge) is a line of the carrier's supplier statement.
"""
from .common import PERIOD, ReconcileCase


class TestStatementDocuments(ReconcileCase):

    @classmethod
    def setUpClass(cls):
        super(TestStatementDocuments, cls).setUpClass()
        cls.statements = cls._prepare()
        cls.st_a = cls.statements.filtered(lambda s: s.partner_id == cls.harbor)
        cls.st_b = cls.statements.filtered(lambda s: s.partner_id == cls.lyon)
        cls.refund_a = cls.env["account.invoice"].search([
            ("partner_id", "=", cls.harbor.id), ("type", "=", "out_refund")])

    def test_customer_credit_note_line(self):
        """The credit note is a line of its own, negative, with its number."""
        notes = self.st_a.line_ids.filtered(
            lambda line: line.line_type == "credit_note")
        self.assertEqual(len(notes), 1)
        self.assertEqual(notes.invoice_id, self.refund_a)
        self.assertEqual(notes.invoice_id.type, "out_refund")
        self.assertEqual(notes.reference, self.refund_a.number)
        self.assertEqual(notes.line_currency_id, self.company_currency)
        self.assertAlmostEqual(notes.amount_currency, -50.0)
        self.assertAlmostEqual(notes.amount, -50.0)
        self.assertEqual(notes.invoice_state, "invoiced")
        self.assertFalse(notes.move_id)
        # the statement's figures: deliveries only in the delivered amount,
        # the credit note line equals the credit notes of the balance
        self.assertAlmostEqual(self.st_a.amount_delivered, 1250.0)
        self.assertAlmostEqual(-sum(notes.mapped("amount")),
                               self.st_a.credit_note_amount)
        self.assertEqual(self.st_a.line_count, 3)

    def test_foreign_credit_note_converted(self):
        """A EUR credit note of 03-20 (1 CC = 0.5 EUR): -10 EUR = -20.00 CC,
        shown after refreshing the draft; the balance moves by as much."""
        before = self.st_b.closing_balance
        refund = self._invoice(self.lyon, [(self.vase, 0.5, 20.0, False)],
                               "2025-03-20", kind="out_refund", currency=self.eur)
        self.st_b.sudo(self.merchandiser).action_refresh()
        notes = self.st_b.line_ids.filtered(
            lambda line: line.line_type == "credit_note")
        self.assertEqual(notes.invoice_id, refund)
        self.assertEqual(notes.line_currency_id, self.eur)
        self.assertAlmostEqual(notes.amount_currency, -10.0)
        self.assertAlmostEqual(notes.currency_rate, 2.0)
        self.assertAlmostEqual(notes.amount, -20.0)
        self.assertAlmostEqual(self.st_b.credit_note_amount, 20.0)
        self.assertAlmostEqual(self.st_b.closing_balance, before - 20.0)

    def test_credit_note_only_customer_gets_statement(self):
        """A customer with a credit note and no delivery in the period still
        gets a statement (the credit note is to be reconciled)."""
        self._invoice(self.idle, [(self.lamp, 2, 12.5, False)], "2025-03-15",
                      kind="out_refund")
        statement = self._prepare(partners=self.idle)
        self.assertEqual(statement.line_ids.mapped("line_type"), ["credit_note"])
        self.assertAlmostEqual(statement.line_ids.amount, -25.0)
        self.assertAlmostEqual(statement.amount_delivered, 0.0)
        self.assertAlmostEqual(statement.closing_balance, -25.0)

    def test_supplier_freight_lines(self):
        """The carrier's freight bill (a shipment charge) is a charge line of
        its supplier statement, in the bill's currency and converted, with
        the payment in the balance: 300 EUR paid on 03-25 (1 EUR = 2.00 in
        the company currency) are 600.00."""
        if "purchase.order" not in self.env:
            self.skipTest("purchase is not installed")
        carrier = self.env["res.partner"].create({
            "name": "Ocean Link Forwarding", "is_company": True, "supplier": True})
        charge, bill = self._freight_bill(carrier, 400.0, "2025-03-16",
                                          currency=self.eur)
        self.assertEqual(bill.type, "in_invoice")
        self.assertEqual(bill.state, "open")
        self.assertAlmostEqual(bill.amount_total_company_signed, 800.0)
        bill.sudo(self.finance).pay_and_reconcile(self.bank, 300.0, "2025-03-25")
        statement = self.env["gendan.statement"].sudo(self.users["purchaser"])\
            ._prepare_statements("supplier", PERIOD[0], PERIOD[1], carrier)
        line = statement.line_ids
        self.assertEqual(line.line_type, "charge")
        self.assertEqual(line.invoice_id, bill)
        self.assertEqual(line.order_ref, charge.shipment_id.name)
        self.assertEqual(line.line_currency_id, self.eur)
        self.assertAlmostEqual(line.amount_currency, 400.0)
        self.assertAlmostEqual(line.amount, 800.0)
        self.assertAlmostEqual(statement.invoiced_amount, 800.0)
        self.assertAlmostEqual(statement.payment_amount, 600.0)
        self.assertAlmostEqual(statement.closing_balance, 200.0)
        self.assertAlmostEqual(statement.amount_delivered, 0.0)
        # a draft bill (not validated by finance) is no line yet
        self.assertFalse(statement.line_ids.filtered(
            lambda line: line.invoice_id.state == "draft"))
