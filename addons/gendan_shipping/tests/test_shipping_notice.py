import json

from lxml import etree

from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.tests.common import shift_date

from .common import ShippingCase


class TestShippingNotice(ShippingCase):

    @classmethod
    def setUpClass(cls):
        super(TestShippingNotice, cls).setUpClass()
        cls.order = cls._create_confirmed_order(qty=120.0, price=10.0)
        cls.notice = cls.env["gendan.shipping.notice"].sudo(
            cls.users["salesperson"]).create({
                "sale_order_id": cls.order.id, "shipping_date": shift_date(months=2),
                "destination_port": "Hamburg", "transport_mode": "sea",
                "country_id": cls.env.ref("base.de").id,
                "marks_text": "HARBOR HOME\nC/NO. 1-UP"})

    def test_designated_carrier_from_the_customer(self):
        """The forwarder the customer nominates (partner data) is proposed on
        its shipping notices and shipments; a chosen one is kept."""
        forwarder = self.env["res.partner"].create(
            {"name": "Kuehne Nagel Ningbo", "supplier": True})
        self.customer.gendan_carrier_id = forwarder
        salesperson = self.users["salesperson"]
        notice = self.env["gendan.shipping.notice"].sudo(salesperson).create({
            "sale_order_id": self.order.id, "shipping_date": "2030-02-01"})
        self.assertEqual(notice.carrier_id, forwarder)
        shipment = self._create_shipment(self.order.picking_ids)
        self.assertEqual(shipment.carrier_id, forwarder)
        other = self.env["res.partner"].create({"name": "DHL Express"})
        chosen = self.env["gendan.shipping.notice"].sudo(salesperson).create({
            "sale_order_id": self.order.id, "shipping_date": "2030-02-01",
            "carrier_id": other.id})
        self.assertEqual(chosen.carrier_id, other)

    def test_lines_from_order(self):
        """The notice lists the order's products with their cartons."""
        line = self.notice.line_ids
        self.assertEqual(line.product_id, self.product)
        self.assertEqual(line.quantity, 120.0)
        self.assertEqual(line.carton_count, 12)
        self.assertEqual(self.notice.total_cartons, 12)

    def test_send_to_warehouse_and_production(self):
        """Sending numbers copies for the warehouse and production roles."""
        self.notice.sudo(self.users["salesperson"]).action_send()
        self.assertEqual(self.notice.state, "sent")
        copies = self.notice.sudo().distribution_copy_ids  # every department's
        self.assertEqual(
            copies.mapped("group_id"),
            self.env.ref("gendan_base.group_warehouse")
            | self.env.ref("gendan_base.group_production"))
        self.notice.sudo(self.fg_wh).action_distribution_acknowledge()
        self.assertEqual(self.notice.distribution_pending_count, 1)

    def test_guards(self):
        """An empty notice is not sent; a cancelled one is read-only."""
        empty = self.notice.copy({"line_ids": []})
        empty.line_ids.unlink()
        with self.assertRaises(UserError):
            empty.action_send()
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.notice.line_ids.write({"quantity": -1})
        self.notice.action_cancel()
        with self.assertRaises(UserError):
            self.notice.write({"destination_port": "Bremen"})

    def test_buttons_by_role(self):
        """The FG warehouse reads and acknowledges a notice: no Send, Send
        Revision, Cancel or Edit on its form; the merchandiser has them."""
        def form(user):
            arch = self.env["gendan.shipping.notice"].sudo(user).fields_view_get(
                view_type="form")["arch"]
            return etree.fromstring(arch)

        def shown(arch, name):
            """The header buttons ``name`` the user sees (groups make a
            button always invisible)."""
            buttons = arch.xpath("//header/button[@name='%s']" % name)
            return [button for button in buttons
                    if json.loads(button.get("modifiers") or "{}").get("invisible")
                    is not True]
        fg_form, merchandiser_form = form(self.fg_wh), form(self.merchandiser)
        for name in ("action_send", "action_cancel", "action_draft"):
            self.assertFalse(shown(fg_form, name), name)
            self.assertTrue(shown(merchandiser_form, name), name)
        self.assertEqual(fg_form.get("edit"), "false")
        self.assertNotEqual(merchandiser_form.get("edit"), "false")
        self.assertTrue(shown(fg_form, "action_distribution_acknowledge"))
