from odoo.exceptions import AccessError, UserError, ValidationError

from .common import LIST_SIGNERS, OutsourcingCase


class TestOutsourcingOrder(OutsourcingCase):

    def test_list_from_order_with_bom_materials(self):
        """One list per factory, on a purchase order at the factory's price;
        the material list from the BOM, packing materials told apart."""
        outsourcing = self._create_list()
        purchase = outsourcing.purchase_id
        self.assertEqual(outsourcing.state, "draft")
        self.assertEqual(purchase.partner_id, self.factory)
        self.assertEqual(purchase.gendan_sale_order_id, self.order)
        line = purchase.order_line
        self.assertEqual((line.product_qty, line.price_unit), (1000, 28.5))
        self.assertEqual((line.gendan_material, line.gendan_finish),
                         ("ABS + steel", "Brushed"))
        self.assertEqual(outsourcing.amount_total, 28500)
        materials = {m.product_id: (m.kind, m.product_qty)
                     for m in outsourcing.material_ids}
        self.assertEqual(materials, {self.panel: ("part", 2000),
                                     self.box: ("packing", 1000)})
        # nothing left to order: a second press says so
        with self.assertRaises(UserError):
            self.order.sudo(self.user_merchandiser).action_gendan_create_outsourcing()

    def test_only_merchandiser_drafts(self):
        with self.assertRaises(UserError):
            self.order.sudo(self.user_purchaser).action_gendan_create_outsourcing()
        self.assertFalse(self.order.gendan_outsourcing_ids)
        with self.assertRaises(AccessError):
            self.env["gendan.outsourcing.order"].sudo(self.user_salesperson).search([])

    def test_purchase_order_waits_for_signoff(self):
        outsourcing = self._create_list()
        purchase = outsourcing.purchase_id.sudo(self.user_purchaser)
        with self.assertRaises(UserError) as caught:
            purchase.button_confirm()
        self.assertIn(outsourcing.name, str(caught.exception))
        with self.assertRaises(UserError):
            purchase.write({"state": "purchase"})
        self.assertEqual(purchase.state, "draft")
        # requested, half signed: still refused
        outsourcing.sudo(self.user_merchandiser).action_signoff_request()
        outsourcing.sudo(self.user_merchandiser).action_signoff_sign()
        with self.assertRaises(UserError):
            purchase.button_confirm()
        # the sales manager signs after purchasing, not before
        with self.assertRaises(UserError):
            outsourcing.sudo(self.user_sales_manager).action_signoff_sign()
        for login in LIST_SIGNERS[1:]:
            outsourcing.sudo(self.users[login]).action_signoff_sign()
        self.assertEqual((outsourcing.state, outsourcing.signoff_state),
                         ("approved", "approved"))
        outsourcing.sudo(self.user_purchaser).action_confirm_purchase()
        self.assertEqual(purchase.state, "purchase")

    def test_change_after_signing_asks_again(self):
        outsourcing = self._sign(self._create_list())
        self.assertEqual(outsourcing.state, "approved")
        outsourcing.material_ids[:1].sudo(self.user_merchandiser).write(
            {"product_qty": 2100})
        self.assertEqual((outsourcing.state, outsourcing.signoff_state),
                         ("pending", "pending"))
        self.assertEqual(outsourcing.signoff_revision, 2)
        for login in LIST_SIGNERS:
            outsourcing.sudo(self.users[login]).action_signoff_sign()
        self.assertEqual(outsourcing.state, "approved")
        outsourcing.purchase_id.order_line.sudo(self.user_purchaser).write(
            {"price_unit": 27.0})
        self.assertEqual(outsourcing.state, "pending")
        with self.assertRaises(UserError):
            outsourcing.purchase_id.sudo(self.user_purchaser).button_confirm()

    def test_factory_confirmation_and_lock(self):
        outsourcing = self._sign(self._create_list())
        as_purchaser = outsourcing.sudo(self.user_purchaser)
        with self.assertRaises(UserError):  # PO not confirmed yet
            as_purchaser.action_factory_confirm()
        as_purchaser.action_confirm_purchase()
        with self.assertRaises(UserError):  # no planned finish
            as_purchaser.action_factory_confirm()
        with self.assertRaises(ValidationError):
            as_purchaser.write({"date_factory_start": "2030-05-10",
                                "date_factory_finish": "2030-05-01"})
        as_purchaser.write({"date_factory_start": "2030-04-01",
                            "date_factory_finish": "2030-05-01"})
        with self.assertRaises(AccessError):  # merchandiser: not their button
            outsourcing.sudo(self.user_merchandiser).action_factory_confirm()
        as_purchaser.action_factory_confirm()
        self.assertEqual(outsourcing.state, "confirmed")
        self.assertTrue(outsourcing.date_factory_confirmed)
        with self.assertRaises(UserError):
            outsourcing.sudo(self.user_merchandiser).write(
                {"date_delivery": "2031-01-01"})
        with self.assertRaises(UserError):
            outsourcing.material_ids[:1].sudo(self.user_merchandiser).write(
                {"product_qty": 5})
        with self.assertRaises(UserError):  # cancel the purchase order first
            outsourcing.sudo(self.user_merchandiser).action_cancel()

    def test_bad_input_refused(self):
        outsourcing = self._create_list()
        as_merchandiser = outsourcing.sudo(self.user_merchandiser)
        with self.assertRaises(ValidationError):
            as_merchandiser.material_ids[:1].write({"product_qty": -1})
        as_merchandiser.material_ids.unlink()
        with self.assertRaises(UserError):
            as_merchandiser.action_signoff_request()
        self.assertEqual(outsourcing.signoff_state, "none")
        as_merchandiser.action_load_bom_materials()
        outsourcing.purchase_id.order_line.sudo(self.user_purchaser).write(
            {"price_unit": 0.0})
        with self.assertRaises(UserError):
            as_merchandiser.action_signoff_request()
        self.assertEqual(outsourcing.state, "draft")

    def test_state_written_directly_refused(self):
        outsourcing = self._create_list()
        with self.assertRaises((UserError, AccessError)):
            outsourcing.sudo(self.user_merchandiser).write({"state": "approved"})
        self.assertEqual(outsourcing.state, "draft")

    def test_cancel_withdraws_and_reissue(self):
        outsourcing = self._create_list()
        outsourcing.sudo(self.user_merchandiser).action_signoff_request()
        outsourcing.sudo(self.user_merchandiser).action_cancel()
        self.assertEqual((outsourcing.state, outsourcing.signoff_state),
                         ("cancel", "none"))
        # the product can be listed again on a new list
        fresh = self._create_list()
        self.assertNotEqual(fresh, outsourcing)
