"""The demo statements state orders that went through Gendan's flow: reviewed
and confirmed, delivered on their own delivery orders, invoiced from the
orders (read as finance, as the factory's user opening the demo would)."""
from odoo import fields
from odoo.tests.common import TransactionCase


class TestDemoStatements(TransactionCase):

    def setUp(self):
        super(TestDemoStatements, self).setUp()
        self.finance = self.env.ref("gendan_base.user_finance_demo")
        self.partner = self.env.ref("gendan_reconcile.partner_pacific_demo")
        self.statements = self.env["gendan.statement"].sudo(self.finance).search(
            [("partner_id", "=", self.partner.id)], order="date_from")

    def test_confirmed_then_disputed(self):
        self.assertEqual(self.statements.mapped("state"), ["confirmed", "disputed"])
        disputed = self.statements[1].line_ids.filtered("is_disputed")
        self.assertEqual(disputed.mapped("product_id.name"),
                         ["Stainless Steel Kettle SK-17L"])

    def test_lines_rest_on_confirmed_orders(self):
        lines = self.statements.mapped("line_ids").filtered(
            lambda line: line.line_type == "delivery")
        self.assertEqual(len(lines), 3)
        orders = lines.mapped("sale_order_id")
        self.assertEqual(orders.mapped("state"), ["sale", "sale"])
        self.assertEqual(set(orders.mapped("signoff_state")), {"approved"})
        for line in lines:
            picking = line.picking_id
            self.assertEqual(picking.state, "done")
            self.assertEqual(picking.sale_id, line.sale_order_id)
            self.assertEqual(picking.picking_type_code, "outgoing")

    def test_invoices_made_from_the_orders(self):
        boards = self.env.ref("gendan_reconcile.order_pacific_boards_demo").sudo(
            self.finance)
        self.assertEqual(boards.picking_ids.mapped("state"), ["done", "done"])
        self.assertEqual(sorted(boards.invoice_ids.mapped("amount_total")),
                         [3040.0, 4560.0])
        self.assertEqual(boards.invoice_status, "invoiced")
        self.assertEqual(sorted(boards.invoice_ids.mapped("state")), ["open", "open"])
        kettles = self.env.ref("gendan_reconcile.order_pacific_kettles_demo").sudo(
            self.finance)
        self.assertEqual(kettles.invoice_status, "to invoice")

    def test_delivered_orders_not_late(self):
        """The stated orders had their customer data in time and are not on
        the merchandiser's late list."""
        merchandiser = self.env.ref("gendan_base.user_merchandiser_demo")
        orders = (self.env.ref("gendan_reconcile.order_pacific_boards_demo")
                  | self.env.ref("gendan_reconcile.order_pacific_kettles_demo"))
        orders = orders.sudo(merchandiser)
        self.assertEqual(orders.mapped("milestone_data_state"), ["done", "done"])
        for order in orders:
            item = order.requirement_item_ids
            self.assertEqual(item.state, "approved")
            self.assertTrue(item.attachment_ids)
            self.assertLessEqual(item.approved_date, order.milestone_data_date)
            late = [name for name in order._fields
                    if name.startswith("milestone_") and name.endswith("_state")
                    and order[name] == "late"]
            self.assertFalse(late, order.name)

    def test_pacific_stated_in_dollars(self):
        """The Australian customer buys in USD and is stated in USD."""
        usd = self.env.ref("base.USD")
        self.assertEqual(self.statements.mapped("statement_currency_id"), usd)
        self.assertEqual(self.statements.mapped("closing_balance_currency"),
                         [4560.0, 5600.0])

    def test_supplier_settled(self):
        """The packaging supplier's last month: its receipts billed, the
        statement (in Chinese, in yuan) confirmed and its payment scheduled."""
        supplier = self.env.ref("gendan_reconcile.partner_hengda_carton_demo")
        statement = self.env["gendan.statement"].sudo(self.finance).search(
            [("partner_id", "=", supplier.id)])
        self.assertEqual(len(statement), 1)
        self.assertEqual((statement.statement_type, statement.state),
                         ("supplier", "confirmed"))
        self.assertEqual(statement.partner_lang, "zh_CN")
        self.assertEqual(statement.statement_currency_id, statement.currency_id)
        self.assertEqual(statement.line_ids.mapped("invoice_state"),
                         ["invoiced", "invoiced"])
        self.assertEqual(statement.line_ids.mapped("picking_id.picking_type_code"),
                         ["incoming"])
        self.assertEqual(statement.closing_balance_currency, 11400.0)
        self.assertTrue(statement.payment_scheduled_date)


class TestDemoSupplierStatementClock(TransactionCase):
    """The demo's supplier statement schedules its payment on a day finance
    accepts, whatever the installer's time zone: finance's "today" (their
    time zone), as the engine checks it. Installer at UTC-12 and finance at
    UTC+14: finance's date is always a day or two ahead (as Shanghai's is of
    UTC's from 16:00 UTC, when the demo used to fail to install)."""

    def test_payment_scheduled_as_finance_reads_today(self):
        finance = self.env.ref("gendan_base.user_finance_demo")
        self.env.user.tz = "Etc/GMT+12"
        finance.tz = "Etc/GMT-14"
        hengda = self.env.ref("gendan_reconcile.partner_hengda_carton_demo")
        partner = hengda.copy({"name": "Clock Carton Co."})
        products = (self.env.ref("gendan_reconcile.product_colour_box_demo")
                    | self.env.ref("gendan_reconcile.product_master_carton_demo"))
        Statement = self.env["gendan.statement"].with_context(tz=False)
        self.assertTrue(Statement._demo_build_supplier_statement(
            partner.id, products.ids))
        statement = Statement.search([("partner_id", "=", partner.id)])
        finance_today = fields.Date.to_string(
            statement.sudo(finance).with_context(tz=False)._sla_today())
        self.assertEqual(statement.state, "confirmed")
        self.assertEqual(statement.payment_scheduled_date,
                         max(statement.settlement_deadline, finance_today))
