from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.gendan_base.tests.common import shift_date

from .common import ETA, ShippingCase


class TestShipmentFlow(ShippingCase):

    @classmethod
    def setUpClass(cls):
        super(TestShipmentFlow, cls).setUpClass()
        cls.order = cls._create_confirmed_order(qty=100.0, price=10.0)
        cls.picking = cls._prepare_delivery(cls.order.picking_ids)
        cls.invoice = cls._invoice(cls.order)
        cls.shipment = cls._create_shipment(cls.picking, eta=ETA)
        cls.container = cls._add_container(
            cls.shipment, "CSQU3054383", "FLOW-1", lines=[(cls.product, 100)])
        cls.carrier = cls.env["res.partner"].create({"name": "Ocean Link"})
        cls.analytic = cls.env["account.analytic.account"].create(
            {"name": cls.order.name})
        cls.order.analytic_account_id = cls.analytic
        cls.charge = cls.env["gendan.shipment.charge"].sudo(cls.clerk).create({
            "shipment_id": cls.shipment.id, "carrier_id": cls.carrier.id,
            "charge_type": "freight", "amount": 1200.0})

    def _ship(self):
        self.shipment.sudo(self.fg_wh).action_mark_loaded()
        self._pay(self.invoice, self.invoice.amount_total)
        self.picking.sudo(self.fg_wh).button_validate()
        self.shipment.sudo(self.merchandiser).action_ship()

    def test_documents_created(self):
        """A new shipment lists the export documents to prepare."""
        self.assertEqual(
            set(self.shipment.document_ids.mapped("document_type")),
            {"bl", "insurance", "co", "form_a", "packing_declaration"})
        self.assertIn(self.users["salesperson"].partner_id,
                      self.shipment.message_partner_ids)

    def test_ship_needs_validated_deliveries(self):
        """The shipment cannot ship while the payment gate holds the delivery."""
        self.shipment.sudo(self.fg_wh).action_mark_loaded()
        with self.assertRaises(UserError):
            self.picking.sudo(self.fg_wh).button_validate()
        with self.assertRaises(UserError):
            self.shipment.sudo(self.merchandiser).action_ship()
        self.assertEqual(self.shipment.state, "loaded")

    def test_ship_schedules_follow_ups(self):
        """Shipping plans the satisfaction check and the reorder enquiry."""
        self._ship()
        self.assertEqual(self.shipment.state, "shipped")
        activities = self.env["mail.activity"].search([
            ("res_model", "=", "sale.order"), ("res_id", "=", self.order.id),
            ("user_id", "=", self.users["salesperson"].id)])
        deadlines = sorted(activities.mapped("date_deadline"))
        self.assertEqual(deadlines, [shift_date(ETA, days=7), shift_date(ETA, days=14)])

    def test_no_edit_after_shipping(self):
        """Containers and loaded goods of a shipped shipment are frozen."""
        self._ship()
        with self.assertRaises(UserError):
            self.container.sudo(self.fg_wh).write({"seal_number": "OTHER"})
        with self.assertRaises(UserError):
            self.container.line_ids.sudo(self.fg_wh).write({"quantity": 50})
        with self.assertRaises(UserError):
            self.container.sudo(self.fg_wh).unlink()
        with self.assertRaises(UserError):
            self._add_container(self.shipment, "MSKU9070323", "FLOW-2")
        with self.assertRaises(UserError):
            self.shipment.sudo(self.merchandiser).write({"port_loading": "Shanghai"})
        with self.assertRaises(UserError):
            self.shipment.sudo(self.merchandiser).action_cancel()
        self.assertEqual(self.container.seal_number, "FLOW-1")
        # tracking stays open to the carrier's updates
        self.shipment.sudo(self.clerk).write({"tracking_status": "Departed Ningbo"})

    def test_charge_is_a_vendor_bill_line(self):
        """The clerk's freight charge is a line of a draft vendor bill of the
        carrier (with the order's analytic account); a second charge of the
        same carrier and shipment goes on the same bill."""
        bill = self.charge.invoice_id
        self.assertTrue(bill)
        self.assertEqual(bill.type, "in_invoice")
        self.assertEqual(bill.state, "draft")
        self.assertEqual(bill.partner_id, self.carrier)
        self.assertEqual(bill.currency_id, self.charge.currency_id)
        self.assertEqual(bill.origin, self.shipment.name)
        self.assertEqual(bill.amount_total, 1200.0)
        line = self.charge.invoice_line_ids
        self.assertEqual(len(line), 1, "one order: one line")
        self.assertEqual(line.price_subtotal, 1200.0)
        self.assertEqual(line.account_analytic_id, self.analytic)
        self.assertEqual(line.account_id.user_type_id,
                         self.env.ref("account.data_account_type_expenses"))
        self.assertEqual(self.charge.bill_state, "draft")
        self.assertFalse(self.charge.is_paid)
        other = self.env["gendan.shipment.charge"].sudo(self.clerk).create({
            "shipment_id": self.shipment.id, "carrier_id": self.carrier.id,
            "charge_type": "customs", "amount": 300.0, "note": "Customs broker"})
        self.assertEqual(other.invoice_id, bill)
        self.assertEqual(bill.amount_total, 1500.0)
        # a change of a draft charge follows on the bill, a deletion too
        other.sudo(self.clerk).write({"amount": 350.0})
        self.assertEqual(bill.amount_total, 1550.0)
        other.sudo(self.clerk).unlink()
        self.assertEqual(bill.amount_total, 1200.0)
        self.assertEqual(len(bill.invoice_line_ids), 1)
        # another carrier: its own bill; the first bill keeps its line
        trucker = self.env["res.partner"].create({"name": "Yongda Trucking"})
        self.charge.sudo(self.clerk).write({"carrier_id": trucker.id})
        self.assertEqual(self.charge.invoice_id.partner_id, trucker)
        self.assertEqual(self.charge.invoice_id.amount_total, 1200.0)
        self.assertFalse(bill.exists())

    def test_charge_without_carrier_refused(self):
        """A charge without the carrier who bills it is refused; nothing is
        written, no bill made."""
        charges = self.env["gendan.shipment.charge"].sudo(self.clerk)
        bills = self.env["account.invoice"].search_count([("type", "=", "in_invoice")])
        with self.assertRaisesRegex(UserError, "carrier"), self.cr.savepoint():
            charges.create({"shipment_id": self.shipment.id, "carrier_id": False,
                            "charge_type": "freight", "amount": 50.0})
        with self.assertRaisesRegex(UserError, "carrier"), self.cr.savepoint():
            self.charge.sudo(self.clerk).write({"carrier_id": False})
        self.assertEqual(charges.search_count(
            [("shipment_id", "=", self.shipment.id)]), 1)
        self.assertEqual(self.charge.carrier_id, self.carrier)
        self.assertEqual(self.env["account.invoice"].search_count(
            [("type", "=", "in_invoice")]), bills)

    def test_charge_paid_with_its_bill(self):
        """Paid = the carrier's bill is paid: finance validates and pays it;
        the validated charge can no longer be changed or deleted."""
        bill = self.charge.invoice_id.sudo(self.finance)
        bill.date_invoice = shift_date(ETA, days=9)
        bill.action_invoice_open()
        self.assertEqual(self.charge.bill_state, "open")
        self.assertFalse(self.charge.is_paid)
        with self.assertRaisesRegex(UserError, bill.number), self.cr.savepoint():
            self.charge.sudo(self.clerk).write({"amount": 10})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.charge.sudo(self.clerk).unlink()
        self.assertEqual(self.charge.amount, 1200.0)
        bill.pay_and_reconcile(self.bank_journal, 1200.0, date=shift_date(ETA, days=11))
        self.assertEqual(bill.state, "paid")
        self.assertTrue(self.charge.is_paid)
        self.assertEqual(self.charge.paid_date, shift_date(ETA, days=11))
        with self.assertRaises(UserError), self.cr.savepoint():
            self.charge.sudo(self.clerk).write({"amount": 10})

    def test_document_status_through_its_buttons(self):
        """A document not required, then needed after all (Ready), by its
        buttons; its status is not written directly."""
        doc = self.shipment.document_ids.filtered(
            lambda d: d.document_type == "insurance").sudo(self.clerk)
        for state in ("ready", "released", "na"):
            with self.assertRaises(UserError):
                doc.write({"state": state})
        self.env.cr.execute("SELECT state FROM gendan_shipment_document "
                            "WHERE id = %s", (doc.id,))
        self.assertEqual(self.env.cr.fetchone()[0], "todo")
        doc.action_not_required()
        self.assertEqual(doc.state, "na")
        with self.assertRaises(UserError):
            doc.action_release_original()
        doc.action_ready()
        self.assertEqual(doc.state, "ready")

    def _mail_bl_copy(self, bill, user=None):
        """The clerk mails the B/L copy with the template's composer."""
        ctx = bill.sudo(user or self.clerk).action_send_copy()["context"]
        composer = self.env["mail.compose.message"].sudo(
            user or self.clerk).with_context(**ctx).create({})
        values = composer.onchange_template_id(
            ctx["default_template_id"], "comment", "gendan.shipment",
            self.shipment.id)["value"]
        values["attachment_ids"] = ctx["default_attachment_ids"]
        composer.write(values)
        composer.send_mail()
        return self.shipment.message_ids[0]

    def _bl(self):
        bill = self.shipment.document_ids.filtered(lambda d: d.document_type == "bl")
        scan = self.env["ir.attachment"].create({
            "name": "BL-copy.pdf", "datas_fname": "BL-copy.pdf",
            "datas": "JVBERi0xLjQK"})
        bill.sudo(self.clerk).write({"attachment_ids": [(6, 0, scan.ids)]})
        return bill

    def test_bl_copy_mailed_with_template(self):
        """The B/L copy goes to the customer by mail (template: copy attached,
        balance requested); the document is then 'copy sent', dated."""
        bill = self._bl()
        with self.assertRaisesRegex(UserError, "number and date"), \
                self.cr.savepoint():
            bill.sudo(self.clerk).action_send_copy()
        bill.sudo(self.clerk).write({"name": "COSU6123456780",
                                     "document_date": shift_date(ETA, days=-19)})
        self._ship()
        self.assertEqual(self.shipment.sudo(self.finance).balance_due, 0.0)
        message = self._mail_bl_copy(bill)
        self.assertIn(self.customer, message.partner_ids)
        self.assertIn("bill of lading", message.subject)
        self.assertEqual(message.attachment_ids.mapped("name"), ["BL-copy.pdf"])
        self.assertEqual(bill.state, "copy_sent")
        self.assertEqual(bill.copy_sent_date, fields.Date.context_today(bill))

    def test_originals_after_balance(self):
        """Originals are released only when finance has the balance, with the
        courier recorded; nobody sets the states by hand."""
        bill = self._bl()
        bill.sudo(self.clerk).write({"name": "COSU6123456780",
                                     "document_date": shift_date(ETA, days=-19)})
        for state in ("copy_sent", "released", "na"):
            with self.assertRaisesRegex(UserError, "directly"), self.cr.savepoint():
                bill.sudo(self.clerk).write({"state": state})
        with self.assertRaisesRegex(UserError, "cannot be used"), self.cr.savepoint():
            bill.sudo(self.clerk).action_release_original()
        message = self._mail_bl_copy(bill)
        self.assertIn("1000.00", message.body)
        self.assertEqual(bill.state, "copy_sent")
        with self.assertRaisesRegex(UserError, "courier"), self.cr.savepoint():
            bill.sudo(self.clerk).action_release_original()
        bill.sudo(self.clerk).write({"courier": "DHL", "courier_ref": "1234567890"})
        with self.assertRaisesRegex(UserError, "1000.00"), self.cr.savepoint():
            bill.sudo(self.clerk).action_release_original()
        self.assertEqual(bill.state, "copy_sent")
        self.assertFalse(bill.released_date)
        with self.assertRaises(AccessError):
            self.shipment.sudo(self.clerk).action_confirm_balance()
        self.assertEqual(self.shipment.sudo(self.finance).balance_due, 1000.0)
        with self.assertRaises(UserError):
            self.shipment.sudo(self.finance).action_confirm_balance()
        self._pay(self.invoice, self.invoice.amount_total)
        self.shipment.sudo(self.finance).action_confirm_balance()
        bill.sudo(self.clerk).action_release_original()
        self.assertEqual(bill.state, "released")
        self.assertEqual(bill.released_date, fields.Date.context_today(bill))
        self.assertEqual(bill.released_by_id, self.clerk)
        with self.assertRaises(UserError), self.cr.savepoint():
            bill.sudo(self.clerk).write({"courier": "EMS"})
        self.assertIn("DHL", self.shipment.message_ids[0].body)

    def test_release_needs_money_not_only_the_flag(self):
        """A confirmed balance whose invoice is open again (a new invoice of
        the order) does not release the originals."""
        bill = self._bl()
        bill.sudo(self.clerk).write({"name": "COSU6123456780", "courier": "DHL",
                                     "document_date": shift_date(ETA, days=-19),
                                     "courier_ref": "1"})
        self._mail_bl_copy(bill)
        self._pay(self.invoice, self.invoice.amount_total)
        self.shipment.sudo(self.finance).action_confirm_balance()
        self.assertTrue(self.shipment.balance_confirmed)
        self.order.order_line.product_uom_qty = 150.0
        self._invoice(self.order)
        self.assertEqual(self.shipment.sudo(self.finance).balance_due, 500.0)
        with self.assertRaisesRegex(UserError, "500.00"), self.cr.savepoint():
            bill.sudo(self.clerk).action_release_original()
        self.assertEqual(bill.state, "copy_sent")

    def test_send_photos(self):
        """Photos attached to the shipment open a mail to the customer."""
        with self.assertRaises(UserError):
            self.shipment.sudo(self.merchandiser).action_send_photos()
        photo = self.env["ir.attachment"].create({
            "name": "packed.png", "datas_fname": "packed.png",
            "datas": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                     "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
            "res_model": "gendan.shipment", "res_id": self.shipment.id})
        action = self.shipment.sudo(self.merchandiser).action_send_photos()
        self.assertEqual(action["context"]["default_attachment_ids"],
                         [(6, 0, [photo.id])])

    def test_cancel_and_unlink(self):
        """Only planned shipments are deleted; cancel and back to planning."""
        shipment = self._create_shipment(self._create_picking([(self.product, 1)]))
        shipment.sudo(self.merchandiser).action_cancel()
        with self.assertRaises(UserError):
            shipment.sudo(self.merchandiser).unlink()
        shipment.sudo(self.merchandiser).action_draft()
        shipment.sudo(self.merchandiser).unlink()
