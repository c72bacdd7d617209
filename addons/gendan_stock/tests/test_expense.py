from odoo.exceptions import AccessError, UserError, ValidationError

from .common import StockCase

CHECK = "gendan_stock.expense_check"
APPROVE = "gendan_stock.expense_approve"


class TestExpense(StockCase):

    @classmethod
    def setUpClass(cls):
        super(TestExpense, cls).setUpClass()
        cls.courier = cls.env["res.partner"].create({
            "name": "Test Courier", "supplier": True})
        cls.merchandiser = cls.users["merchandiser"]
        cls.finance = cls.users["finance"]

    def _register(self, amount=120.0, expense_type="freight"):
        return self.env["gendan.expense"].sudo(self.merchandiser).create({
            "expense_type": expense_type, "partner_id": self.courier.id,
            "description": "Freight to Yiwu", "amount": amount})

    def test_check_approve_posts_vendor_bill(self):
        """Checked by the merchandiser, approved by finance: the courier's
        vendor bill is posted with the amount."""
        expense = self._register()
        self.assertTrue(expense.name.startswith("EXP"))
        expense.action_check()
        self.assertEqual(expense.checked_by_id, self.merchandiser)
        expense.sudo(self.finance).action_approve()
        self.assertEqual(expense.state, "posted")
        bill = expense.invoice_id
        self.assertEqual(bill.type, "in_invoice")
        self.assertEqual(bill.state, "open")
        self.assertEqual(bill.partner_id, self.courier)
        self.assertAlmostEqual(bill.amount_total, 120.0)
        self.assertTrue(bill.move_id, "no journal entry posted")
        with self.assertRaises(UserError):
            expense.sudo(self.merchandiser).write({"amount": 10.0})

    def test_negative_and_zero_refused(self):
        Expense = self.env["gendan.expense"]
        count = Expense.search_count([])
        for amount in (-50.0, 0.0):
            with self.assertRaises(ValidationError):
                self._register(amount)
        self.assertEqual(Expense.search_count([]), count)
        expense = self._register()
        with self.assertRaises(ValidationError):
            expense.write({"amount": -1.0})
        expense.invalidate_cache()
        self.assertEqual(expense.amount, 120.0)

    def test_roles_and_state_guard(self):
        """Finance does not check, the merchandiser does not approve, nobody
        writes the status or the bill; purchasing sees no expense."""
        expense = self._register()
        with self.assertRaises((AccessError, UserError)):
            expense.sudo(self.finance).action_check()
        expense.action_check()
        with self.assertRaises((AccessError, UserError)):
            expense.action_approve()
        with self.assertRaises((AccessError, UserError)):
            expense.sudo(self.finance).write({"state": "posted"})
        with self.assertRaises((AccessError, UserError)):
            expense.sudo(self.finance).write({"checked_by_id": self.finance.id})
        self.assertEqual(expense.state, "checked")
        self.assertFalse(expense.invoice_id)
        with self.assertRaises(AccessError):
            self.env["gendan.expense"].sudo(self.users["purchaser"]).search([])

    def test_daily_todos_once(self):
        """The daily run: one check to-do per unchecked entry for the
        merchandisers, one approval to-do per checked entry for finance."""
        draft, checked = self._register(), self._register(30.0, "daily")
        checked.action_check()
        Expense = self.env["gendan.expense"]
        Expense._cron_gendan_daily_check()
        Expense._cron_gendan_daily_check()
        to_check = self._todos(draft, CHECK)
        self.assertIn(self.merchandiser, to_check.mapped("user_id"))
        self.assertEqual(len(to_check), len(set(to_check.mapped("user_id"))))
        to_approve = self._todos(checked, APPROVE)
        self.assertIn(self.finance, to_approve.mapped("user_id"))
        checked.sudo(self.finance).action_approve()
        self.assertFalse(self._todos(checked, APPROVE))
        draft.action_check()
        self.assertFalse(self._todos(draft, CHECK))
