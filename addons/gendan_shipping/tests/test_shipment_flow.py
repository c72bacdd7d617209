from odoo.exceptions import AccessError, UserError

from .common import ShippingCase


class TestShipmentFlow(ShippingCase):

    @classmethod
    def setUpClass(cls):
        super(TestShipmentFlow, cls).setUpClass()
        cls.order = cls._create_confirmed_order(qty=100.0, price=10.0)
        cls.picking = cls._prepare_delivery(cls.order.picking_ids)
        cls.invoice = cls._invoice(cls.order)
        cls.shipment = cls._create_shipment(cls.picking, eta="2030-03-01")
        cls.container = cls._add_container(
            cls.shipment, "CSQU3054383", "FLOW-1", lines=[(cls.product, 100)])
        cls.carrier = cls.env["res.partner"].create({"name": "Ocean Link"})
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
        self.assertEqual(deadlines, ["2030-03-08", "2030-03-15"])

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

    def test_carrier_paid_after_receipt(self):
        """Carrier charges are paid by finance after the customer received."""
        self._ship()
        with self.assertRaises(UserError):
            self.charge.sudo(self.finance).action_mark_paid()
        self.shipment.sudo(self.merchandiser).action_confirm_receipt()
        with self.assertRaises(UserError):
            self.charge.sudo(self.clerk).action_mark_paid()
        self.charge.sudo(self.finance).action_mark_paid()
        self.assertTrue(self.charge.is_paid)
        with self.assertRaises(UserError):
            self.charge.sudo(self.clerk).write({"amount": 10})

    def test_document_status_through_its_buttons(self):
        """A document not required, then needed again, by its buttons; its
        status is not written directly."""
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
            doc.action_ready()
        doc.action_to_prepare()
        doc.action_ready()
        self.assertEqual(doc.state, "ready")

    def test_originals_after_balance(self):
        """Originals are released only after finance confirmed the balance."""
        bill = self.shipment.document_ids.filtered(lambda d: d.document_type == "bl")
        with self.assertRaises(UserError):
            bill.sudo(self.clerk).action_send_copy()
        bill.sudo(self.clerk).write({"name": "COSU6123456780",
                                     "document_date": "2030-02-10"})
        bill.sudo(self.clerk).action_send_copy()
        with self.assertRaises(UserError):
            bill.sudo(self.clerk).action_release_original()
        self.assertEqual(bill.state, "copy_sent")
        with self.assertRaises(AccessError):
            self.shipment.sudo(self.clerk).action_confirm_balance()
        self.assertEqual(self.shipment.sudo(self.finance).balance_due, 1000.0)
        with self.assertRaises(UserError):
            self.shipment.sudo(self.finance).action_confirm_balance()
        self._pay(self.invoice, self.invoice.amount_total)
        self.shipment.sudo(self.finance).action_confirm_balance()
        bill.sudo(self.clerk).action_release_original()
        self.assertEqual(bill.state, "released")

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
