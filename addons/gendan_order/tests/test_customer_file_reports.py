from datetime import timedelta
import io
import zipfile

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import GendanOrderCase

try:
    from xlrd import XL_CELL_DATE, open_workbook
except ImportError:  # pragma: no cover
    XL_CELL_DATE = open_workbook = None


class TestCustomerFile(GendanOrderCase):

    def test_tracking_sheet(self):
        """Contacts are logged by channel; next action not before contact."""
        Contact = self.env["gendan.customer.contact"].sudo(self.users["salesperson"])
        line = Contact.create({"partner_id": self.customer.id, "channel": "fax",
                               "summary": "Sent price list"})
        self.assertIn(line, self.customer.customer_contact_ids)
        with self.assertRefused(ValidationError):
            Contact.create({"partner_id": self.customer.id, "channel": "phone",
                            "summary": "Call", "date": "2026-05-10",
                            "next_action_date": "2026-05-01"})

    def test_visit_minutes(self):
        """The English minutes are mailed to the customer and logged."""
        self.customer.write({"company_nature": "importer",
                             "company_size": "medium", "customer_source": "fair"})
        minutes = self.env["gendan.visit.minutes"].sudo(
            self.users["merchandiser"]).create({
                "name": "Spring visit", "partner_id": self.customer.id,
                "minutes": "<p>内部纪要</p>"})
        with self.assertRaises(UserError):
            minutes.action_send_to_customer()
        minutes.minutes_en = "<p>We agreed on the warm-white version.</p>"
        minutes.action_send_to_customer()
        self.assertEqual(minutes.state, "sent")
        sent = minutes.message_ids.filtered(
            lambda m: "warm-white" in (m.body or ""))
        self.assertEqual(len(sent), 1)
        self.assertIn(self.customer, sent.partner_ids)

    def test_sample_register(self):
        """Units in and out give the balance of the sample room."""
        Register = self.env["gendan.sample.register"].sudo(self.users["qa"])
        Register.create({"description": "DL-20", "product_id": self.product.id,
                         "quantity": 3, "direction": "in"})
        Register.create({"description": "DL-20", "product_id": self.product.id,
                         "quantity": 2, "direction": "out"})
        data = Register.read_group([("product_id", "=", self.product.id)],
                                   ["product_id", "signed_quantity"],
                                   ["product_id"])
        self.assertEqual(data[0]["signed_quantity"], 1.0)
        with self.assertRefused(ValidationError):
            Register.create({"description": "DL-20", "quantity": -1})


class TestMonthlyReport(GendanOrderCase):

    def test_reminder_and_xlsx(self):
        """The cron creates the month's report; three working days before the
        25th each merchandiser gets a to-do due the 25th (once), not the sales
        managers; the XLSX lists the month's sales per currency; the
        merchandiser submits it to finance by e-mail with the XLSX, finance
        acknowledges it."""
        Report = self.env["gendan.sales.report"]
        today = fields.Date.from_string(fields.Date.context_today(Report))
        report = Report._cron_monthly_reminder()
        deadline = today.replace(day=25)
        remind_day = report._remind_day(deadline)
        self.assertEqual(
            self.env["gendan.sla"].add_working_days(remind_day, 3), deadline)
        report.activity_ids.unlink()
        before = remind_day - timedelta(days=1)
        self.assertEqual(Report._cron_monthly_reminder(today=before), report)
        self.assertFalse(report.activity_ids, "not before the reminder day")
        again = Report._cron_monthly_reminder(today=remind_day)
        Report._cron_monthly_reminder(today=remind_day)
        self.assertEqual(report, again)
        self.assertEqual(report.date_from[8:], "01")
        self.assertEqual(set(report.activity_ids.mapped("date_deadline")),
                         {fields.Date.to_string(deadline)})
        merchandiser = self.users["merchandiser"]
        self.assertIn(merchandiser, report.activity_ids.mapped("user_id"))
        self.assertNotIn(self.users["sales_manager"],
                         report.activity_ids.mapped("user_id"))
        self.assertEqual(len(report.activity_ids.filtered(
            lambda act: act.user_id == merchandiser)), 1)
        order = self._create_reviewed_order(customer_po="XLSX-1")
        order.sudo(self.users["salesperson"]).action_confirm()
        # another salesperson's order, delivered this month: not theirs to see
        other = self._create_order(
            customer_po="XLSX-2", user_id=self.users["sales_manager"].id,
            team_id=self.team_direct.id,
            partner_id=self.env["res.partner"].create(
                {"name": "Nordlicht Leuchten GmbH", "customer": True}).id)
        other.action_confirm()
        picking = other.picking_ids
        picking.action_assign()
        picking.move_lines.write({"quantity_done": 100.0})
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        xlsx = self.env.ref("gendan_order.sales_report_xlsx").sudo(
            self.users["salesperson"])
        content, kind = xlsx.render(report.ids, {})
        self.assertEqual(kind, "xlsx")
        book = open_workbook(file_contents=content)
        self.assertEqual(book.nsheets, 3)
        sheet = book.sheet_by_index(0)
        customers = [sheet.cell(row, 0).value for row in range(3, sheet.nrows)]
        self.assertIn(self.customer.name, customers)
        # the month as real dates; each customer's amounts in its currency
        self.assertEqual(sheet.cell_type(1, 1), XL_CELL_DATE)
        row = customers.index(self.customer.name) + 3
        self.assertEqual(sheet.cell(row, 1).value, order.currency_id.name)
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            self.assertIn("xl/charts/chart1.xml", archive.namelist())
        self.assertNotIn(other.partner_id.name, customers)
        self.assertEqual(sheet.cell(2, 1).value, "Currency")
        self.assertIn(report.company_id.currency_id.name, sheet.cell(2, 4).value)
        finance = self.users["finance"]
        with self.assertRaises((AccessError, UserError)), self.cr.savepoint():
            report.sudo(finance).action_done()
        report.sudo(merchandiser).action_done()
        self.assertEqual(report.state, "done")
        self.assertEqual(report.submitted_uid, merchandiser)
        mail = report.message_ids.filtered("attachment_ids")[:1]
        self.assertIn(finance.partner_id, mail.partner_ids)
        self.assertTrue(mail.attachment_ids.datas_fname.endswith(".xlsx"))
        self.assertEqual(report.activity_ids.mapped("user_id") & merchandiser,
                         self.env["res.users"])
        self.assertIn(finance, report.activity_ids.mapped("user_id"))
        with self.assertRaises((AccessError, UserError)), self.cr.savepoint():
            report.sudo(merchandiser).action_acknowledge()
        report.sudo(finance).action_acknowledge()
        self.assertEqual((report.state, report.acknowledged_uid),
                         ("acknowledged", finance))
        self.assertTrue(fields.Date.today())

    def test_xlsx_converts_at_invoice_date(self):
        """A EUR order of the month invoiced ten days ago: its row says EUR
        with the EUR amount, and the company-currency amount is converted
        at the rate of the invoice date, not today's."""
        company = self.env.user.company_id
        currency = self.env["res.currency"].search([
            ("name", "in", ("EUR", "USD")),
            ("id", "!=", company.currency_id.id)], limit=1)
        currency.active = True
        today = fields.Date.from_string(fields.Date.context_today(currency))
        invoice_day = fields.Date.to_string(today - timedelta(days=10))
        Rate = self.env["res.currency.rate"]
        # the company currency at 1.0, the order's 0.5 then 0.8 today
        for day, rate in ((invoice_day, 0.5),
                          (fields.Date.to_string(today), 0.8)):
            for curr, value in ((company.currency_id, 1.0), (currency, rate)):
                Rate.search([("currency_id", "=", curr.id), ("name", "=", day),
                             ("company_id", "in", (company.id, False))]).unlink()
                Rate.create({"currency_id": curr.id, "rate": value,
                             "name": day, "company_id": company.id})
        customer = self.env["res.partner"].create(
            {"name": "Rheinlicht Handels GmbH", "customer": True})
        pricelist = self.env["product.pricelist"].create(
            {"name": "Export %s" % currency.name, "currency_id": currency.id})
        order = self._create_reviewed_order(
            partner_id=customer.id, pricelist_id=pricelist.id,
            customer_po="XLSX-EUR", qty=100.0, price=12.5)
        order.sudo(self.users["salesperson"]).action_confirm()
        self.assertEqual(order.currency_id, currency)
        invoice = self.env["account.invoice"].browse(order.action_invoice_create())
        invoice.date_invoice = invoice_day
        invoice.action_invoice_open()
        self.assertEqual(invoice.currency_id, currency)
        report = self.env["gendan.sales.report"]._cron_monthly_reminder()
        content, _kind = self.env.ref("gendan_order.sales_report_xlsx").sudo(
            self.users["merchandiser"]).render(report.ids, {})
        sheet = open_workbook(file_contents=content).sheet_by_index(0)
        rows = [sheet.row_values(row) for row in range(3, sheet.nrows)
                if sheet.cell(row, 0).value == customer.name]
        self.assertEqual(len(rows), 1, "one row: one customer, one currency")
        self.assertEqual(rows[0][1], currency.name)
        self.assertAlmostEqual(rows[0][2], 100.0)
        self.assertAlmostEqual(rows[0][3], 1250.0)
        # 1,250.00 at 0.5 on the invoice date (2,500.00), not 0.8 today
        self.assertAlmostEqual(rows[0][4], 2500.0)
