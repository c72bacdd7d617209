from stdnum import iso6346

from odoo.exceptions import UserError, ValidationError

from .common import VALID_NUMBERS, ShippingCase


class TestContainer(ShippingCase):

    @classmethod
    def setUpClass(cls):
        super(TestContainer, cls).setUpClass()
        cls.picking = cls._create_picking([(cls.product, 100), (cls.product_cn, 480)])
        cls.shipment = cls._create_shipment(cls.picking)

    def test_known_numbers(self):
        """The test numbers are valid ISO 6346 numbers according to stdnum."""
        for number in VALID_NUMBERS:
            self.assertTrue(iso6346.is_valid(number), number)
        self.assertFalse(iso6346.is_valid("CSQU3054384"))

    def test_valid_number_normalised(self):
        """A lower-case number with spaces is stored upper-case and compact."""
        container = self._add_container(self.shipment, "csqu 305438 3", " sl-001 ")
        self.assertEqual(container.container_number, "CSQU3054383")
        self.assertEqual(container.seal_number, "SL-001")
        container.write({"container_number": "msku9070323"})
        self.assertEqual(container.container_number, "MSKU9070323")

    def test_wrong_check_digit(self):
        """A wrong check digit is refused and nothing is written."""
        count = self.env["gendan.shipment.container"].search_count([])
        with self.assertRaises(ValidationError) as ctx, self.cr.savepoint():
            self._add_container(self.shipment, "CSQU3054384", "SL-002")
        self.assertIn("check digit", ctx.exception.name)
        self.assertEqual(self.env["gendan.shipment.container"].search_count([]), count)
        container = self._add_container(self.shipment, "CSQU3054383", "SL-003")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            container.write({"container_number": "MSKU9070324"})
        container.invalidate_cache()
        self.assertEqual(container.container_number, "CSQU3054383")

    def test_malformed_numbers(self):
        """Malformed numbers are refused."""
        for number in ("ABC123", "CSQ3054383X", "1234CSQU383", "CSQX3054383"):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self._add_container(self.shipment, number, "SL-%s" % number)

    def test_duplicate_seal(self):
        """A seal already on an active shipment is refused; reusable when done."""
        self._add_container(self.shipment, "CSQU3054383", "SEAL-77")
        other = self._create_shipment(self._create_picking([(self.product, 10)]))
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._add_container(other, "MSKU9070323", "seal-77")
        self.shipment.sudo(self.merchandiser).action_cancel()
        container = self._add_container(other, "MSKU9070323", "SEAL-77")
        self.assertEqual(container.seal_number, "SEAL-77")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.shipment.action_draft()
        self.assertEqual(self.shipment.state, "cancel")

    def test_loaded_above_delivered(self):
        """Loading more than delivered is refused."""
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._add_container(self.shipment, "CSQU3054383", "SL-10",
                                lines=[(self.product, 101)])
        container = self._add_container(self.shipment, "CSQU3054383", "SL-10",
                                        lines=[(self.product, 60)])
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._add_container(self.shipment, "MSKU9070323", "SL-11",
                                lines=[(self.product, 41)])
        with self.assertRaises(ValidationError), self.cr.savepoint():
            container.line_ids.sudo(self.fg_wh).write({"quantity": 150})
        container.line_ids.invalidate_cache()
        self.assertEqual(container.line_ids.quantity, 60)

    def test_mark_loaded_needs_everything(self):
        """The shipment is loaded only when every delivered unit is in a container."""
        container = self._add_container(self.shipment, "CSQU3054383", "SL-20",
                                        lines=[(self.product, 100)])
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.shipment.sudo(self.fg_wh).action_mark_loaded()
        self.assertEqual(self.shipment.state, "draft")
        container.sudo(self.fg_wh).write({"line_ids": [
            (0, 0, {"product_id": self.product_cn.id, "quantity": 480})]})
        self.shipment.sudo(self.fg_wh).action_mark_loaded()
        self.assertEqual(self.shipment.state, "loaded")

    def test_mark_loaded_needs_seal(self):
        """Number and seal are needed before loading is confirmed."""
        self._add_container(self.shipment, False, False, lines=[
            (self.product, 100), (self.product_cn, 480)])
        with self.assertRaises(UserError), self.cr.savepoint():
            self.shipment.sudo(self.fg_wh).action_mark_loaded()

    def test_cargo_and_fill(self):
        """Cartons, CBM, weights and fill % per container and shipment."""
        container = self._add_container(
            self.shipment, "CSQU3054383", "SL-30", ctype=self.type_20gp,
            lines=[(self.product, 95), (self.product_cn, 480)])
        # 10 cartons of 0.06 m3 / 12 kg + 10 cartons of 0.05616 m3 / 17.5 kg
        self.assertEqual(container.carton_count, 20)
        self.assertAlmostEqual(container.volume, 1.1616, places=3)
        self.assertAlmostEqual(container.gross_weight, 295.0)
        self.assertAlmostEqual(container.net_weight, 95 + 158.0)
        self.assertAlmostEqual(container.fill_volume, 100 * 1.1616 / 33.2, places=1)
        self.assertFalse(container.is_overloaded)
        self.assertEqual(self.shipment.carton_count, 20)
        self.assertEqual(self.shipment.container_count, 1)

    def test_overload_warning(self):
        """Above 100% of the volume, the container warns."""
        self.type_20gp.write({"volume": 0.5})
        container = self._add_container(
            self.shipment, "CSQU3054383", "SL-31", ctype=self.type_20gp,
            lines=[(self.product, 100)])
        self.assertTrue(container.is_overloaded)
        self.assertIn("20GP", container.fill_warning)

    def test_container_mix(self):
        """The suggested mix covers the volume with the largest type first."""
        ctype = self.env["gendan.container.type"]
        largest = ctype.search([("is_reefer", "=", False)]).sorted("volume")[-1]
        mix = ctype._suggest_mix(largest.volume + 10.0, 1000.0)
        self.assertEqual(mix[0], (largest, 1))
        self.assertEqual(mix[1][0], self.type_20gp)
        self.assertEqual(ctype._format_mix(mix), "1 × %s + 1 × 20GP" % largest.code)
        self.assertEqual(ctype._suggest_mix(20.0, 1000.0), [(self.type_20gp, 1)])
        self.assertTrue(self.shipment.container_mix_suggestion)

    def test_negative_carton_data(self):
        """Negative carton dimensions or weights are refused."""
        tmpl = self.product.product_tmpl_id
        for field in ("carton_length", "carton_width", "carton_height",
                      "carton_gross_weight", "carton_qty"):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                tmpl.write({field: -1})
        tmpl.invalidate_cache()
        self.assertEqual(tmpl.carton_length, 50)
        self.assertAlmostEqual(tmpl.carton_volume, 0.06)

    def test_fill_containers(self):
        """Auto-loading spreads the delivered goods over the containers."""
        self.type_20gp.write({"volume": 0.7})
        first = self._add_container(self.shipment, "CSQU3054383", "SL-40",
                                    ctype=self.type_20gp)
        second = self._add_container(self.shipment, "MSKU9070323", "SL-41")
        self.shipment.sudo(self.merchandiser).action_fill_containers()
        self.assertEqual(first.carton_count, 11)
        self.assertEqual(sum(self.shipment.loaded_line_ids.mapped("quantity")), 580)
        self.assertTrue(second.line_ids)
        self.shipment.sudo(self.fg_wh).action_mark_loaded()

    def test_container_type_capacity(self):
        """A container type needs a positive volume and payload."""
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["gendan.container.type"].create({
                "name": "Broken", "code": "XX", "volume": 0, "max_payload": 100})

    def test_container_type_found_by_code(self):
        """The forwarder's code finds the type; the code shows in its name."""
        Type = self.env["gendan.container.type"].sudo(self.fg_wh)
        hq = self.env.ref("gendan_shipping.container_type_40hq")
        found = dict(Type.name_search("40hq"))
        self.assertIn(hq.id, found)
        self.assertTrue(found[hq.id].startswith("[40HQ] "))
        self.assertNotIn(self.env.ref("gendan_shipping.container_type_20gp").id,
                         found)
        self.assertIn(hq.id, dict(Type.name_search(hq.name)))

    def test_loaded_cargo_is_locked(self):
        """Once loaded, goods and delivery orders change only back in planning."""
        container = self._add_container(self.shipment, "CSQU3054383", "SL-50", lines=[
            (self.product, 100), (self.product_cn, 480)])
        self.shipment.sudo(self.fg_wh).action_mark_loaded()
        with self.assertRaises(UserError):
            container.line_ids[0].sudo(self.fg_wh).write({"quantity": 90})
        with self.assertRaises(UserError):
            self._add_container(self.shipment, "MSKU9070323", "SL-51")
        with self.assertRaises(UserError):
            self._create_picking([(self.product, 1)]).write(
                {"gendan_shipment_id": self.shipment.id})
        container.sudo(self.fg_wh).write({"loading_crew": "Wang Lei"})
        self.shipment.sudo(self.fg_wh).action_draft()
        container.line_ids[0].sudo(self.fg_wh).write({"quantity": 90})
        self.assertEqual(container.line_ids[0].quantity, 90)
