from datetime import date

from mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.addons.gendan_base.tests.common import QueryCounter

from .common import PERIOD, ReconcileCase


class TestBatch(ReconcileCase):
    """The batch wizard, the crons, the query bound and vendor statements."""

    def test_wizard_prepares_all_idempotently(self):
        """The wizard prepares every customer with deliveries, once."""
        Wizard = self.env["gendan.statement.prepare"].sudo(self.merchandiser)
        wizard = Wizard.create({"date_from": PERIOD[0], "date_to": PERIOD[1]})
        action = wizard.action_prepare()
        found = self.env["gendan.statement"].search(action["domain"])
        self.assertEqual(found.mapped("partner_id"), self.harbor | self.lyon)
        Wizard.create({"date_from": PERIOD[0], "date_to": PERIOD[1]}).action_prepare()
        self.assertEqual(self.env["gendan.statement"].search(action["domain"]), found)

    def test_wizard_refusals(self):
        """A period without deliveries, a partner without any: clear refusals."""
        Wizard = self.env["gendan.statement.prepare"].sudo(self.merchandiser)
        count = self.env["gendan.statement"].search_count([])
        with self.assertRaisesRegex(UserError, "nothing to reconcile"):
            Wizard.create({"date_from": "2024-01-01",
                           "date_to": "2024-01-31"}).action_prepare()
        with self.assertRaisesRegex(UserError, "Quiet Traders"):
            Wizard.create({"date_from": PERIOD[0], "date_to": PERIOD[1],
                           "partner_ids": [(6, 0, self.idle.ids)]}).action_prepare()
        self.assertEqual(self.env["gendan.statement"].search_count([]), count)

    def test_monthly_cron(self):
        """On April 1st the cron prepares March, and only once."""
        Statement = self.env["gendan.statement"]
        with patch.object(type(Statement), "_sla_today", lambda self: date(2025, 4, 1)):
            created = Statement._cron_prepare_customer_statements()
            self.assertEqual(created.mapped("partner_id"), self.harbor | self.lyon)
            self.assertEqual(set(created.mapped("date_from")), {PERIOD[0]})
            self.assertFalse(Statement._cron_prepare_customer_statements())

    def test_query_count_independent_of_deliveries(self):
        """Two customers with 1 or with 4 deliveries each: same query count,
        and a handful of queries in all (statements and lines are inserted in
        one query each)."""
        line_a, line_b = self.order_a.order_line, self.order_b.order_line
        for day in ("05",):
            self._deliver(line_a, 1, "2025-05-%s 08:00:00" % day)
            self._deliver(line_b, 1, "2025-05-%s 08:00:00" % day)
        for day in ("03", "09", "15", "21"):
            self._deliver(line_a, 1, "2025-06-%s 08:00:00" % day)
            self._deliver(line_b, 1, "2025-06-%s 08:00:00" % day)
        self._prepare()  # warm the caches
        with QueryCounter(self.env.cr) as small:
            few = self._prepare(period=("2025-05-01", "2025-05-31"))
        with QueryCounter(self.env.cr) as large:
            many = self._prepare(period=("2025-06-01", "2025-06-30"))
        self.assertEqual(len(few.mapped("line_ids")), 2)
        self.assertEqual(len(many.mapped("line_ids")), 8)
        self.assertEqual(small.count, large.count)
        self.assertLessEqual(large.count, 20, "batched: no query per statement")

    def test_access_rights_enforced(self):
        """The set-based preparation checks the user's rights as the ORM
        would: a salesperson (read-only on statements) and a record rule
        forbidding some lines both refuse it, and nothing is written."""
        Statement = self.env["gendan.statement"]
        count = Statement.search_count([])
        with self.assertRaises(AccessError), self.cr.savepoint():
            self._prepare(user=self.salesperson)
        self.env["ir.rule"].create({
            "name": "Only lines under 600.00 (test)",
            "model_id": self.env.ref(
                "gendan_reconcile.model_gendan_statement_line").id,
            "domain_force": "[('amount', '<', 600.0)]",
            "perm_read": False, "perm_write": False, "perm_unlink": False})
        with self.assertRaisesRegex(AccessError, "1 of the lines"), \
                self.cr.savepoint():
            self._prepare()  # Harbor's 750.00 line is not allowed
        self.assertEqual(Statement.search_count([]), count)
        self.assertFalse(self.env["gendan.statement.line"].search(
            [("partner_id", "in", (self.harbor | self.lyon).ids)]))

    def test_supplier_statement(self):
        """Receipts matched to vendor bills; payable balance from the vendor's view.

        Vendor: 50 cartons at 4.00 received 03-08 and billed (200.00), paid
        120.00: closing 80.00.
        """
        if "purchase.order" not in self.env:
            self.skipTest("purchase is not installed")
        env = self.env
        vendor = env["res.partner"].create({
            "name": "Ningbo Carton Co.", "is_company": True, "supplier": True})
        carton = env["product.product"].create({
            "name": "Export Carton 60x40", "type": "consu",
            "supplier_taxes_id": [(5, 0, 0)]})
        order = env["purchase.order"].create({
            "partner_id": vendor.id, "partner_ref": "NB-5521",
            "order_line": [(0, 0, {
                "product_id": carton.id, "name": carton.name, "product_qty": 50,
                "price_unit": 4.0, "product_uom": carton.uom_po_id.id,
                "date_planned": "2025-03-01 00:00:00", "taxes_id": [(5, 0, 0)]})]})
        order.button_confirm()
        picking = order.picking_ids
        picking.move_lines.write({"quantity_done": 50})
        picking.action_done()
        env.cr.execute("UPDATE stock_move SET date = '2025-03-08 10:00:00' "
                       "WHERE picking_id = %s", (picking.id,))
        bill = env["account.invoice"].with_context(type="in_invoice").create({
            "partner_id": vendor.id, "type": "in_invoice",
            "date_invoice": "2025-03-09", "reference": "NB-INV-88",
            "account_id": vendor.property_account_payable_id.id,
            "purchase_id": order.id})
        bill.purchase_order_change()
        bill.action_invoice_open()
        bill.pay_and_reconcile(self.bank, 120.0, "2025-03-20")
        statement = env["gendan.statement"].sudo(self.users["purchaser"])\
            ._prepare_statements("supplier", PERIOD[0], PERIOD[1], vendor)
        self.assertEqual(statement.line_ids.mapped("partner_ref"), ["NB-5521"])
        self.assertEqual(statement.line_ids.mapped("invoice_state"), ["invoiced"])
        self.assertEqual(statement.line_ids.mapped("invoice_ref"), ["NB-INV-88"])
        self.assertAlmostEqual(statement.amount_delivered, 200.0)
        self.assertAlmostEqual(statement.invoiced_amount, 200.0)
        self.assertAlmostEqual(statement.payment_amount, 120.0)
        self.assertAlmostEqual(statement.closing_balance, 80.0)
        with patch.object(type(statement), "_sla_today", lambda self: date(2025, 4, 6)):
            self.assertFalse(statement._cron_prepare_supplier_statements())
        statement.unlink()
        with patch.object(type(statement), "_sla_today", lambda self: date(2025, 4, 3)):
            created = statement._cron_prepare_supplier_statements()
        self.assertIn(vendor, created.mapped("partner_id"))
