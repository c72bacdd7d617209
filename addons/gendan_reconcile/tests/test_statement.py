from odoo.exceptions import AccessError, UserError, ValidationError

from .common import PERIOD, ReconcileCase


class TestStatement(ReconcileCase):
    """Figures of a prepared statement, against hand-computed amounts."""

    @classmethod
    def setUpClass(cls):
        super(TestStatement, cls).setUpClass()
        statements = cls._prepare()
        cls.st_a = statements.filtered(lambda st: st.partner_id == cls.harbor)
        cls.st_b = statements.filtered(lambda st: st.partner_id == cls.lyon)

    def test_customers_with_deliveries_only(self):
        """One statement per customer with deliveries; none for the idle one."""
        self.assertTrue(self.st_a and self.st_b)
        self.assertFalse(self.env["gendan.statement"].search(
            [("partner_id", "=", self.idle.id)]))
        self.assertEqual(self.st_a.user_id, self.salesperson)
        self.assertEqual(self.st_a.merchandiser_id, self.merchandiser)
        self.assertEqual((self.st_a.date_from, self.st_a.date_to), PERIOD)

    def test_lines_from_deliveries(self):
        """Lines carry delivery, order, customer PO, price and invoice match."""
        lines = self.st_a.line_ids.filtered(
            lambda line: line.line_type == "delivery").sorted("date")
        self.assertEqual(lines.mapped("quantity"), [60.0, 40.0])
        self.assertEqual(lines.mapped("partner_ref"), ["HB-2025-031"] * 2)
        self.assertEqual(lines.mapped("order_ref"), [self.order_a.name] * 2)
        self.assertEqual(lines.mapped("price_unit"), [12.5, 12.5])
        self.assertEqual(lines.mapped("amount"), [750.0, 500.0])
        self.assertEqual(lines.mapped("invoice_state"), ["invoiced", "none"])
        self.assertEqual(lines[0].invoice_id, self.invoice_a)
        self.assertEqual(lines[0].invoice_ref, self.invoice_a.number)
        self.assertTrue(lines[0].reference)
        self.assertEqual(lines.mapped("partner_id"), self.harbor)
        self.assertEqual(self.st_a.line_count, 3)  # and the credit note

    def test_balance_figures(self):
        """Opening 300, invoiced 750, credit notes 50, payments 500, closing 500."""
        st = self.st_a
        self.assertAlmostEqual(st.amount_delivered, 1250.0)
        self.assertAlmostEqual(st.amount_uninvoiced, 500.0)
        self.assertEqual(st.uninvoiced_count, 1)
        self.assertAlmostEqual(st.opening_balance, 300.0)
        self.assertAlmostEqual(st.invoiced_amount, 750.0)
        self.assertAlmostEqual(st.credit_note_amount, 50.0)
        self.assertAlmostEqual(st.payment_amount, 500.0)
        self.assertAlmostEqual(st.other_amount, 0.0)
        self.assertAlmostEqual(st.closing_balance, 500.0)

    def test_foreign_currency(self):
        """EUR lines: invoiced at the invoice's rate, the rest at the delivery's."""
        lines = self.st_b.line_ids.sorted("date")
        self.assertEqual(lines.mapped("line_currency_id"), self.eur)
        self.assertEqual(lines.mapped("amount_currency"), [200.0, 100.0])
        self.assertEqual(lines.mapped("currency_rate"), [1.25, 2.0])
        self.assertEqual(lines.mapped("amount"), [250.0, 200.0])
        self.assertAlmostEqual(self.invoice_b.amount_total_company_signed, 250.0)
        self.assertAlmostEqual(self.st_b.amount_delivered, 450.0)
        self.assertAlmostEqual(self.st_b.invoiced_amount, 250.0)
        self.assertAlmostEqual(self.st_b.closing_balance, 250.0)

    def test_stated_in_the_partner_currency(self):
        """A customer whose orders and invoices are in EUR is stated in EUR,
        line by line and in every figure; the company's in the company
        currency, equal to the books."""
        st = self.st_b
        self.assertEqual(st.statement_currency_id, self.eur)
        self.assertTrue(st.foreign_currency)
        self.assertEqual(st.line_ids.sorted("date").mapped("amount_statement"),
                         [200.0, 100.0])
        self.assertEqual(
            [st.amount_delivered_currency, st.amount_uninvoiced_currency,
             st.opening_balance_currency, st.invoiced_amount_currency,
             st.payment_amount_currency, st.closing_balance_currency],
            [300.0, 100.0, 0.0, 200.0, 0.0, 200.0])
        home = self.st_a
        self.assertEqual(home.statement_currency_id, self.company_currency)
        self.assertFalse(home.foreign_currency)
        self.assertEqual(
            [home.amount_delivered_currency, home.opening_balance_currency,
             home.credit_note_amount_currency, home.closing_balance_currency],
            [home.amount_delivered, home.opening_balance, home.credit_note_amount,
             home.closing_balance])

    def test_entries_in_another_currency_converted_at_their_day(self):
        """A EUR customer pays its invoice in EUR (at another rate than the
        invoice's: an exchange difference in the books, nothing in EUR) and
        sends 100.00 in the company currency on 03-22, counted at that day's
        rate (0.5): 50 EUR."""
        partner = self._create_customer("Rhein Haushalt GmbH")
        order = self._create_order(partner, self.vase, 10, 20.0, "RH-9",
                                   pricelist=self.eur_pricelist)
        self._deliver(order.order_line, 10, "2025-03-10 09:00:00")
        invoice = self._invoice(partner, [(self.vase, 10, 20.0, order.order_line)],
                                "2025-03-12", currency=self.eur)
        invoice.pay_and_reconcile(self.bank, 200.0, "2025-03-20")
        payment = self.env["account.payment"].create({
            "payment_type": "inbound", "partner_type": "customer",
            "partner_id": partner.id, "amount": 100.0,
            "currency_id": self.company_currency.id, "payment_date": "2025-03-22",
            "journal_id": self.bank.id,
            "payment_method_id": self.env.ref(
                "account.account_payment_method_manual_in").id})
        payment.post()
        st = self._prepare(partners=partner)
        self.assertEqual(st.statement_currency_id, self.eur)
        self.assertEqual(
            [st.invoiced_amount_currency, st.payment_amount_currency,
             st.other_amount_currency, st.closing_balance_currency],
            [200.0, 250.0, 0.0, -50.0])
        # the books: 200 EUR invoiced at 1.25, paid at 2.0 (exchange gain 150),
        # and the 100.00: -100.00, the -50 EUR at 03-22's rate
        self.assertEqual(
            [st.invoiced_amount, st.payment_amount, st.other_amount,
             st.closing_balance], [250.0, 500.0, 150.0, -100.0])

    def test_mixed_currencies_stated_in_the_company_currency(self):
        """A EUR customer with a credit note in the company currency in the
        period is stated in the company currency; the EUR lines count at
        their company amounts."""
        partner = self._create_customer("Alpen Licht AG")
        order = self._create_order(partner, self.vase, 5, 20.0, "AL-1",
                                   pricelist=self.eur_pricelist)
        self._deliver(order.order_line, 5, "2025-03-15 09:00:00")
        self._invoice(partner, [(self.vase, 1, 30.0, False)], "2025-03-28",
                      kind="out_refund")
        st = self._prepare(partners=partner)
        self.assertEqual(st.statement_currency_id, self.company_currency)
        self.assertEqual(st.line_ids.sorted("date").mapped("amount_statement"),
                         [200.0, -30.0])
        self.assertEqual([st.amount_delivered_currency, st.closing_balance_currency],
                         [200.0, -30.0])

    def test_rate_of_the_invoice_covering_each_delivery(self):
        """A line invoiced twice at two rates: each delivery is valued at the
        rate of the invoice that covers it, not at the last invoice's, so the
        delivered amount equals what the invoices booked."""
        partner = self._create_customer("Rhein Haushalt GmbH")
        order = self._create_order(partner, self.vase, 15, 20.0, "RH-5",
                                   pricelist=self.eur_pricelist)
        line = order.order_line
        self._deliver(line, 10, "2025-03-10 09:00:00")
        self._deliver(line, 5, "2025-03-15 09:00:00")
        first = self._invoice(partner, [(self.vase, 10, 20.0, line)], "2025-03-12",
                              currency=self.eur)
        second = self._invoice(partner, [(self.vase, 5, 20.0, line)], "2025-03-16",
                               currency=self.eur)
        statement = self._prepare(partners=partner)
        lines = statement.line_ids.sorted("date")
        self.assertEqual(lines.mapped("invoice_id"), first | second)
        self.assertEqual(lines.mapped("currency_rate"), [1.25, 2.0])
        self.assertEqual(lines.mapped("amount"), [250.0, 200.0])
        self.assertAlmostEqual(statement.amount_delivered, 450.0)
        self.assertAlmostEqual(statement.invoiced_amount, 450.0)

    def test_idempotent(self):
        """A second preparation of the same period creates nothing."""
        count = self.env["gendan.statement"].search_count([])
        self.assertFalse(self._prepare())
        self.assertEqual(self.env["gendan.statement"].search_count([]), count)

    def test_form_refuses_partner_without_deliveries(self):
        """No empty document for a customer without deliveries."""
        Statement = self.env["gendan.statement"].sudo(self.merchandiser)
        count = Statement.search_count([])
        with self.assertRaisesRegex(UserError, "nothing to reconcile"):
            Statement.create({"partner_id": self.idle.id, "date_from": PERIOD[0],
                              "date_to": PERIOD[1]})
        self.assertEqual(Statement.search_count([]), count)

    def test_form_refuses_duplicate_and_bad_period(self):
        """Same partner and period twice, or a period ending before it starts."""
        Statement = self.env["gendan.statement"].sudo(self.merchandiser)
        count = Statement.search_count([])
        with self.assertRaises(UserError):
            Statement.create({"partner_id": self.harbor.id, "date_from": PERIOD[0],
                              "date_to": PERIOD[1]})
        with self.assertRaises(ValidationError):
            Statement.create({"partner_id": self.harbor.id, "date_from": "2025-03-31",
                              "date_to": "2025-03-01"})
        with self.assertRaises(ValidationError):
            self._prepare(period=("2025-04-30", "2025-04-01"))
        self.assertEqual(Statement.search_count([]), count)

    def test_form_creates_prepared_statement(self):
        """Creating from the form prepares the lines of that partner only."""
        statement = self.env["gendan.statement"].sudo(self.merchandiser).create({
            "partner_id": self.harbor.id, "date_from": "2025-03-01",
            "date_to": "2025-03-15"})
        self.assertEqual(statement.line_ids.mapped("quantity"), [60.0])
        self.assertAlmostEqual(statement.closing_balance, 300.0 + 750.0)
        self.assertTrue(statement.name.startswith("ST/"))

    def test_form_keeps_what_finance_entered(self):
        """Finance creates a statement from the form: every field it entered
        is kept, the figures and lines come from the period."""
        statement = self.env["gendan.statement"].sudo(self.finance).create({
            "partner_id": self.harbor.id, "statement_type": "customer",
            "date_from": "2025-03-01", "date_to": "2025-03-15",
            "user_id": self.finance.id, "merchandiser_id": self.merchandiser.id,
            "note": "Please confirm before the 10th.",
            "stamped_copy_filename": "to-come.pdf"})
        self.assertEqual(
            (statement.partner_id, statement.statement_type, statement.date_from,
             statement.date_to, statement.user_id, statement.merchandiser_id,
             statement.note, statement.stamped_copy_filename),
            (self.harbor, "customer", "2025-03-01", "2025-03-15", self.finance,
             self.merchandiser, "Please confirm before the 10th.", "to-come.pdf"))
        self.assertEqual(statement.state, "draft")
        self.assertEqual(statement.line_ids.mapped("quantity"), [60.0])
        self.assertAlmostEqual(statement.amount_delivered, 750.0)
        self.assertAlmostEqual(statement.closing_balance, 300.0 + 750.0)

    def test_form_cannot_type_figures(self):
        """Figures typed in the create are replaced by the computed ones; a
        button field is refused."""
        Statement = self.env["gendan.statement"].sudo(self.finance)
        statement = Statement.create({
            "partner_id": self.harbor.id, "date_from": "2025-03-01",
            "date_to": "2025-03-15", "closing_balance": 1.0,
            "amount_delivered": 99.0})
        self.assertAlmostEqual(statement.amount_delivered, 750.0)
        self.assertAlmostEqual(statement.closing_balance, 1050.0)
        with self.assertRaises(UserError):
            Statement.create({"partner_id": self.lyon.id, "date_from": "2025-03-01",
                              "date_to": "2025-03-15", "sent_date": "2025-03-16"})

    def test_figures_cannot_be_typed(self):
        """Amounts, partner, period and status are not writable directly."""
        st = self.st_a.sudo(self.finance)
        with self.assertRaises(AccessError):
            st.write({"closing_balance": 1.0})
        with self.assertRaises(UserError):
            st.write({"state": "confirmed"})
        with self.assertRaises(UserError):
            st.write({"sent_date": "2025-04-02"})
        with self.assertRaises(AccessError):
            st.line_ids[0].write({"amount": 1.0})
        with self.assertRaises(AccessError):
            st.line_ids[0].unlink()
        self.assertAlmostEqual(self.st_a.closing_balance, 500.0)
        self.assertEqual(self.st_a.state, "draft")

    def test_refresh_draft(self):
        """Preparing a draft again picks up a late invoice."""
        self._invoice(self.harbor, [(self.lamp, 40, 12.5, self.order_a.order_line)],
                      "2025-03-30")
        self.st_a.sudo(self.merchandiser).action_refresh()
        self.assertEqual(self.st_a.line_ids.mapped("invoice_state"),
                         ["invoiced", "invoiced", "invoiced"])
        self.assertAlmostEqual(self.st_a.amount_uninvoiced, 0.0)
        self.assertAlmostEqual(self.st_a.closing_balance, 1000.0)
        self.assertEqual(len(self.st_a.line_ids), 3)

    def test_salesperson_sees_own(self):
        """A salesperson reads the statements they chase, not the others'."""
        other = self.users["sales_manager"]
        self.st_b.write({"user_id": other.id, "merchandiser_id": False})
        visible = self.env["gendan.statement"].sudo(self.salesperson).search(
            [("id", "in", (self.st_a | self.st_b).ids)])
        self.assertEqual(visible, self.st_a)

    def test_overdue_invoices(self):
        """Posted, unpaid invoices past due: what the payment gate checks."""
        overdue = self.harbor._gendan_overdue_invoice_ids()
        self.assertIn(self.invoice_a, overdue)
        self.assertEqual(self.lyon._gendan_overdue_invoice_ids(), self.invoice_b)
        self.assertFalse(self.idle._gendan_overdue_invoice_ids())
        found = self.env["account.invoice"].sudo(self.salesperson).search(
            [("gendan_is_overdue", "=", True), ("partner_id", "=", self.lyon.id)])
        self.assertEqual(found, self.invoice_b)
        self.invoice_a.pay_and_reconcile(self.bank, date="2025-04-01")
        self.assertEqual(self.invoice_a.state, "paid")
        self.assertNotIn(self.invoice_a, self.harbor._gendan_overdue_invoice_ids())

    def test_chase_overdue_invoices(self):
        """One chasing activity per overdue invoice for its salesperson, once."""
        Invoice = self.env["account.invoice"]
        chased = Invoice._cron_gendan_chase_overdue()
        self.assertIn(self.invoice_a, chased)
        self.assertIn(self.invoice_b, chased)
        self.assertEqual(self.invoice_b.activity_ids.user_id, self.salesperson)
        self.assertIn("200.00", self.invoice_b.activity_ids.summary)
        self.assertFalse(Invoice._cron_gendan_chase_overdue() & chased)
