"""The daily outbound register to finance (issue 16 point 6; seed part 1:
the finance copies of the pick-up slips, deliveries and receipts go to
finance the same day)."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.gendan_base.tests.common import pdf_text_layer, render_pdf

from .common import DispatchCase

try:
    from xlrd import open_workbook
except ImportError:  # pragma: no cover
    open_workbook = None


class TestOutboundRegister(DispatchCase):

    @classmethod
    def setUpClass(cls):
        super(TestOutboundRegister, cls).setUpClass()
        cls.finance = cls.users["finance"]
        cls.today = fields.Date.context_today(cls.env["gendan.outbound.register"])

    def _ship(self):
        """The delivery leaves on its issued pick-up slip."""
        self._confirmed_photos()
        slip = self._issued_slip()
        picking = self._prepare_delivery(self.picking).sudo(self.user_fg_wh)
        picking.button_validate()
        self.assertEqual(self.picking.state, "done")
        return slip

    def _receive(self, qty=5.0):
        """Components from a supplier enter the stock."""
        product = self.components[0]
        supplier = self.env["res.partner"].create(
            {"name": "Ningbo Wire Co.", "supplier": True})
        source = self.env.ref("stock.stock_location_suppliers")
        stock = self.env.ref("stock.stock_location_stock")
        receipt = self.env["stock.picking"].create({
            "picking_type_id": self.env.ref("stock.picking_type_in").id,
            "partner_id": supplier.id, "location_id": source.id,
            "location_dest_id": stock.id, "origin": "PO-WIRE",
            "move_lines": [(0, 0, {
                "name": product.name, "product_id": product.id,
                "product_uom_qty": qty, "product_uom": product.uom_id.id,
                "location_id": source.id, "location_dest_id": stock.id})]})
        receipt.action_confirm()
        receipt.move_lines.quantity_done = qty
        receipt.button_validate()
        self.assertEqual(receipt.state, "done")
        return receipt

    def _finance_todos(self, register):
        return self.env["mail.activity"].search([
            ("res_model", "=", register._name), ("res_id", "=", register.id),
            ("gendan_key", "=", "gendan_outbound_register_ack")])

    def test_issue_and_acknowledge(self):
        """The warehouse issues the day's register: the delivery with its
        pick-up slip and the receipt, each with customer or supplier, product
        and quantity; finance gets the mail with the XLSX and a to-do, and
        acknowledges it."""
        slip = self._ship()
        receipt = self._receive()
        register = self.env["gendan.outbound.register"].sudo(
            self.user_fg_wh).create({})
        self.assertEqual(register.date, self.today)
        self.assertTrue(register.name.startswith("CR"))
        register.action_issue()
        self.assertEqual((register.state, register.issued_uid),
                         ("issued", self.user_fg_wh))
        out = register.line_ids.filtered(lambda line: line.picking_id == self.picking)
        self.assertEqual(out.direction, "out")
        self.assertEqual(out.pickup_slip_id, slip)
        self.assertEqual(out.partner_id, self.customer)
        self.assertEqual(out.product_id, self.product)
        self.assertEqual(out.quantity, 100.0)
        self.assertEqual(out.origin, self.order.name)
        entered = register.line_ids.filtered(lambda line: line.picking_id == receipt)
        self.assertEqual((entered.direction, entered.quantity, entered.origin),
                         ("in", 5.0, "PO-WIRE"))
        self.assertFalse(entered.pickup_slip_id)
        self.assertGreaterEqual(register.delivery_count, 1)
        self.assertGreaterEqual(register.receipt_count, 1)
        mail = register.message_ids.filtered("attachment_ids")[:1]
        self.assertIn(self.finance.partner_id, mail.partner_ids)
        self.assertTrue(mail.attachment_ids.datas_fname.endswith(".xlsx"))
        todos = self._finance_todos(register)
        self.assertIn(self.finance, todos.mapped("user_id"))
        self.assertNotIn(self.user_fg_wh, todos.mapped("user_id"))
        # finance reads it in its language, acknowledges it
        mine = register.sudo(self.finance)
        self.assertEqual(len(mine.line_ids), len(register.line_ids))
        mine.action_acknowledge()
        self.assertEqual((register.state, register.acknowledged_uid),
                         ("acknowledged", self.finance))
        self.assertFalse(self._finance_todos(register))
        # the movements are on one register only: nothing left to issue
        again = self.env["gendan.outbound.register"].sudo(
            self.user_fg_wh).create({})
        with self.assertRefused(UserError):
            again.action_issue()
        self.assertEqual((again.state, len(again.line_ids)), ("draft", 0))

    def test_guards(self):
        """Warehouse cannot acknowledge for finance, finance cannot issue;
        no state or button field is written directly; the lines are the
        register's own; an issued register is not deleted."""
        self._ship()
        register = self.env["gendan.outbound.register"].sudo(
            self.user_fg_wh).create({})
        with self.assertRefused((AccessError, UserError)):
            register.sudo(self.finance).action_issue()
        with self.assertRefused(UserError):
            register.write({"state": "issued"})
        register.action_issue()
        for user in (self.user_fg_wh, self.user_merchandiser, self.users["plain"]):
            with self.assertRefused((AccessError, UserError)):
                register.sudo(user).action_acknowledge()
        for vals in ({"state": "acknowledged"},
                     {"acknowledged_uid": self.finance.id}):
            with self.assertRefused(UserError):
                register.sudo(self.finance).write(vals)
        with self.assertRefused(AccessError):
            register.line_ids[:1].sudo(self.user_fg_wh).write({"quantity": 1.0})
        with self.assertRefused(AccessError):
            self.env["gendan.outbound.register.line"].sudo(self.user_fg_wh).create({
                "register_id": register.id, "direction": "out",
                "move_id": self.picking.move_lines[:1].id})
        with self.assertRefused(UserError):
            register.unlink()
        with self.assertRefused(UserError):
            register.write({"date": fields.Date.to_string(
                fields.Date.from_string(self.today) - timedelta(days=1))})
        self.assertEqual((register.state, register.date), ("issued", self.today))

    def test_cron_idempotent(self):
        """The next day the cron issues the day's movements on no register:
        running it twice creates nothing more; days without movements get
        no register."""
        self._ship()
        Register = self.env["gendan.outbound.register"]
        tomorrow = fields.Date.from_string(self.today) + timedelta(days=1)
        count = Register.search_count([])
        registers = Register._cron_issue_registers(today=tomorrow)
        todays = registers.filtered(lambda reg: reg.date == self.today)
        self.assertEqual(len(todays), 1)
        self.assertEqual(todays.state, "issued")
        self.assertIn(self.picking, todays.line_ids.mapped("picking_id"))
        self.assertTrue(self._finance_todos(todays))
        self.assertEqual(Register.search_count([]), count + len(registers))
        # every register the cron made has movements
        self.assertTrue(all(reg.line_ids for reg in registers))
        self.assertFalse(Register._cron_issue_registers(today=tomorrow))
        self.assertEqual(Register.search_count([]), count + len(registers))
        # a week later: the day is past the catch-up, nothing new either
        self.assertFalse(Register._cron_issue_registers(
            today=tomorrow + timedelta(days=7)))

    def test_pdf_and_xlsx(self):
        """The printed register (bilingual labels) and the XLSX list the
        delivery and its pick-up slip."""
        self.env["res.lang"].load_lang("zh_CN")
        slip = self._ship()
        register = self.env["gendan.outbound.register"].sudo(
            self.user_fg_wh).create({})
        register.action_issue()
        report = self.env.ref("gendan_dispatch.action_report_outbound_register")
        text = pdf_text_layer(render_pdf(report.sudo(self.finance), register.ids))
        for needle in ("出入库日报", "Outbound Register", register.name,
                       self.picking.name, slip.name, "Harbor Home Goods", "100"):
            self.assertIn(needle, text)
        xlsx = self.env.ref("gendan_dispatch.action_report_outbound_register_xlsx")
        content, kind = xlsx.sudo(self.finance).render(register.ids, {})
        self.assertEqual(kind, "xlsx")
        sheet = open_workbook(file_contents=content).sheet_by_index(0)
        rows = [sheet.row_values(row) for row in range(3, sheet.nrows)]
        row = [r for r in rows if r[1] == self.picking.name][0]
        self.assertEqual(row[2], slip.name)
        self.assertEqual(row[6], 100.0)
