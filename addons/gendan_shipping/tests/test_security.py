from odoo.exceptions import AccessError

from .common import ShippingCase


class TestSecurity(ShippingCase):

    @classmethod
    def setUpClass(cls):
        super(TestSecurity, cls).setUpClass()
        cls.shipment = cls._create_shipment(cls._create_picking([(cls.product, 10)]))
        cls.container = cls._add_container(cls.shipment, "CSQU3054383", "SEC-1")

    def test_read_for_every_gendan_user(self):
        """Every Gendan user sees shipments and containers."""
        self.assertEqual(self.shipment.sudo(self.users["plain"]).name,
                         self.shipment.name)
        self.assertEqual(self.container.sudo(self.users["qa"]).container_number,
                         "CSQU3054383")

    def test_roles_that_cannot_write(self):
        """Sales, QA and finance cannot plan shipments or containers."""
        with self.assertRaises(AccessError):
            self._create_shipment(self.env["stock.picking"],
                                  user=self.users["salesperson"])
        with self.assertRaises(AccessError):
            self.container.sudo(self.users["qa"]).write({"seal_number": "X"})
        with self.assertRaises(AccessError):
            self._add_container(self.shipment, "MSKU9070323", "SEC-2",
                                user=self.finance)
        with self.assertRaises(AccessError):
            self.env["gendan.shipping.release"].sudo(self.fg_wh).create({
                "sale_order_id": self._create_confirmed_order().id,
                "reason": "Warehouse may not release goods."})
        with self.assertRaises(AccessError):
            self.env["gendan.container.type"].sudo(self.merchandiser).create({
                "name": "Flat Rack", "code": "40FR", "volume": 50,
                "max_payload": 30000})
        self.assertEqual(self.container.seal_number, "SEC-1")
