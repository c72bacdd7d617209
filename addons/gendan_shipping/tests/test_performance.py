from odoo.addons.gendan_base.tests.common import QueryCounter

from .common import ShippingCase

PRODUCTS = 30


class TestPerformance(ShippingCase):
    """Loading check and cargo computation do not depend on the line count."""

    @classmethod
    def setUpClass(cls):
        super(TestPerformance, cls).setUpClass()
        cls.products = cls.env["product.product"].create({
            "name": "Mug %02d" % 0, "type": "consu", "carton_qty": 12,
            "carton_length": 40, "carton_width": 30, "carton_height": 25,
            "carton_gross_weight": 8, "carton_net_weight": 7})
        for index in range(1, PRODUCTS):
            cls.products |= cls.products[0].copy({"name": "Mug %02d" % index})
        cls.small = cls._build(containers=2, seal="S")
        cls.large = cls._build(containers=10, seal="L")

    @classmethod
    def _build(cls, containers, seal):
        picking = cls._create_picking([(p, 10.0 * containers) for p in cls.products])
        shipment = cls._create_shipment(picking)
        numbers = ["CSQU3054383", "MSKU9070323", "TGHU1234567"]
        for index in range(containers):
            cls._add_container(
                shipment, numbers[index % 3], "%s-%d" % (seal, index),
                lines=[(product, 10.0) for product in cls.products])
        return shipment

    def _count_cargo(self, shipment):
        shipment.invalidate_cache()
        with QueryCounter(self.env.cr) as counter:
            shipment.read(["volume", "gross_weight", "carton_count"])
            shipment.container_ids.read(
                ["volume", "fill_volume", "fill_weight", "is_overloaded"])
        return counter.count

    def _count_loading(self, shipment):
        shipment = shipment.sudo(self.fg_wh)
        shipment.invalidate_cache()
        with QueryCounter(self.env.cr) as counter:
            shipment.action_mark_loaded()
        self.assertEqual(shipment.state, "loaded")
        return counter.count

    def test_line_counts(self):
        """The test compares 60 and 300 loaded lines."""
        self.assertEqual(len(self.small.loaded_line_ids), 60)
        self.assertEqual(len(self.large.loaded_line_ids), 300)

    def test_cargo_queries_constant(self):
        """CBM, weights and fill % use the same number of queries at both sizes."""
        self._count_cargo(self.small)
        self.assertEqual(self._count_cargo(self.small), self._count_cargo(self.large))

    def test_loading_queries_constant(self):
        """Marking loaded (the full quantity check) is independent of the lines."""
        self._count_loading(self.small)      # warm the access caches
        self.small.sudo(self.fg_wh).action_draft()
        self.assertEqual(self._count_loading(self.small),
                         self._count_loading(self.large))
