from odoo.exceptions import AccessError, UserError

from .common import OutsourcingCase


class TestPackagingSpec(OutsourcingCase):

    @classmethod
    def setUpClass(cls):
        super(TestPackagingSpec, cls).setUpClass()
        cls.printer = cls.env["res.partner"].create({
            "name": "Ningbo Test Packaging", "supplier": True, "is_company": True})
        cls.printer_contact = cls.env["res.partner"].create({
            "name": "Chen Test", "parent_id": cls.printer.id})
        cls.purchase = cls.env["purchase.order"].sudo(cls.user_purchaser).create({
            "partner_id": cls.printer.id,
            "order_line": [(0, 0, {
                "product_id": cls.box.id, "name": "Colour box", "product_qty": 1000,
                "product_uom": cls.box.uom_po_id.id, "price_unit": 0.9,
                "date_planned": "2030-01-01 08:00:00"})]})

    def _spec(self):
        return self.env["gendan.packaging.spec"].sudo(self.user_merchandiser).create({
            "sale_order_id": self.order.id,
            "date_required": "2030-01-01",
            "line_ids": [
                (0, 0, {"item_type": "shipping_mark", "name": "HHG / C/NO. 1-84"}),
                (0, 0, {"item_type": "color_box", "name": "Artwork v3",
                        "size": "9x9x38 cm", "product_qty": 1000})]})

    def test_release_acknowledge_revise(self):
        spec = self._spec()
        with self.assertRaises(UserError):  # no packaging purchase order
            spec.action_release()
        spec.sudo(self.user_purchaser).write({"purchase_id": self.purchase.id})
        self.assertEqual(self.purchase.gendan_sale_order_id, self.order)
        with self.assertRaises(UserError):  # the spec is still a draft
            self.purchase.button_confirm()
        spec.action_release()
        self.assertEqual((spec.state, spec.distribution_revision), ("released", 1))
        copies = spec.sudo().distribution_copy_ids  # every department's
        self.assertEqual(sorted(copies.mapped("group_id.name")), sorted(
            self.env.ref(xmlid).name for xmlid in (
                "gendan_base.group_purchasing", "gendan_base.group_warehouse_packing",
                "gendan_base.group_qa")))
        with self.assertRaises(UserError):  # released: revise first
            spec.line_ids[:1].write({"name": "changed"})
        as_purchaser = spec.sudo(self.user_purchaser)
        with self.assertRaises(UserError):  # who acknowledged?
            as_purchaser.action_subcontractor_acknowledge()
        as_purchaser.write({"contact_id": self.printer_contact.id})
        as_purchaser.action_subcontractor_acknowledge()
        self.assertEqual(spec.state, "acknowledged")
        self.assertEqual(spec.ack_user_id, self.user_purchaser)
        self.assertEqual(spec.distribution_pending_names,
                         "Packing Warehouse, Quality Assurance")
        spec.sudo(self.user_packing_wh).action_distribution_acknowledge()
        self.assertEqual(spec.distribution_pending_names, "Quality Assurance")
        self.purchase.sudo(self.user_purchaser).button_confirm()
        self.assertEqual(self.purchase.state, "purchase")
        # a change: new revision, the old copies recalled
        with self.assertRaises(AccessError):  # purchasing does not revise
            spec.sudo(self.user_purchaser).action_revise()
        spec.action_revise()
        spec.line_ids[:1].write({"name": "HHG / C/NO. 1-90"})
        spec.action_release()
        self.assertEqual(spec.distribution_revision, 2)
        old = spec.sudo().distribution_copy_ids.filtered(lambda c: c.revision == 1)
        self.assertEqual(set(old.mapped("state")), {"recalled"})

    def test_lines_from_requirement_pack(self):
        self.env["gendan.requirement.item"].create({
            "order_id": self.order.id, "item_type": "shipping_mark",
            "name": "HHG main mark"})
        spec = self.env["gendan.packaging.spec"].sudo(self.user_merchandiser).new(
            {"sale_order_id": self.order.id})
        spec._onchange_sale_order_id()
        self.assertEqual(spec.line_ids.mapped("name"), ["HHG main mark"])
        self.assertEqual(spec.line_ids.mapped("item_type"), ["shipping_mark"])

    def test_other_departments_read_only(self):
        spec = self._spec()
        with self.assertRaises(Exception):
            spec.sudo(self.user_qa).write({"note": "x"})
        self.assertFalse(spec.note)
