from odoo.exceptions import AccessError, UserError

from .common import ProductionCase


class TestControlledBom(ProductionCase):

    def test_controlled_revision(self):
        """Engineering confirmation numbers the revision and distributes."""
        bom = self.bom
        self.assertEqual(bom.control_state, "controlled")
        self.assertEqual(bom.revision, 1)
        self.assertEqual(bom.controlled_by_id, self.user_engineer)
        self.assertTrue(bom.effective_date)
        self.assertEqual(bom.distribution_revision, 1)
        # read as superuser: the engineer reads no department's copy
        self.assertIn("Warehouse Chief",
                      bom.sudo().distribution_copy_ids.mapped("name"))

    def test_only_engineering_confirms(self):
        """Another department cannot make a BOM controlled."""
        draft = self._create_bom(self.product, self.components)
        with self.assertRefused(AccessError):
            draft.sudo(self.user_merchandiser).action_control()
        self.assertEqual(draft.control_state, "draft")

    def test_control_state_not_written(self):
        """Engineering cannot write a BOM controlled without its button (no
        revision, no confirming engineer, no copies); nor its revision."""
        draft = self._create_bom(self.product, self.components)
        for vals in ({"control_state": "controlled"}, {"revision": 5},
                     {"controlled_by_id": self.user_engineer.id}):
            with self.assertRefused(UserError):
                draft.sudo(self.user_engineer).write(vals)
        self.env.cr.execute(
            "SELECT control_state, COALESCE(revision, 0), controlled_by_id "
            "FROM mrp_bom WHERE id = %s", (draft.id,))
        self.assertEqual(self.env.cr.fetchone(), ("draft", 0, None))
        self.assertFalse(draft.distribution_copy_ids)

    def test_controlled_bom_frozen(self):
        """Components and quantity of a controlled BOM cannot change."""
        with self.assertRefused(UserError):
            self.bom.sudo(self.user_engineer).write({"product_qty": 2.0})
        with self.assertRefused(UserError):
            self.bom.bom_line_ids[0].sudo(self.user_engineer).write(
                {"product_qty": 9.0})
        with self.assertRefused(UserError):
            self.bom.bom_line_ids[0].sudo(self.user_engineer).unlink()
        with self.assertRefused(UserError):
            self.bom.sudo(self.user_engineer).unlink()
        self.assertEqual(self.bom.bom_line_ids[0].product_qty, 2.0)

    def test_new_revision_supersedes(self):
        """A new revision supersedes the old one and recalls its copies."""
        action = self.bom.sudo(self.user_engineer).action_new_revision()
        rev2 = self.env["mrp.bom"].browse(action["res_id"])
        self.assertEqual(rev2.control_state, "draft")
        self.assertEqual(rev2.previous_bom_id, self.bom)
        rev2.bom_line_ids[0].sudo(self.user_engineer).write({"product_qty": 3.0})
        rev2.sudo(self.user_engineer).action_control()
        self.assertEqual(rev2.revision, 2)
        self.assertEqual(self.bom.control_state, "superseded")
        self.assertEqual(self.bom.superseded_by_id, rev2)
        self.assertFalse(self.bom.active)
        self.assertTrue(all(c.state == "recalled"
                            for c in self.bom.distribution_copy_ids))
        self.assertEqual(self.env["mrp.bom"]._bom_find(product=self.product), rev2)

    def test_sla_two_working_days(self):
        """A BOM for an order is due 2 working days after its confirmation."""
        bom = self._create_bom(self.product, self.components)
        bom.sudo(self.user_engineer).write({"gendan_sale_order_id": self.order.id})
        expected = self.env["gendan.sla"].add_working_days(
            self.order.confirmation_date[:10], 2, self.order.company_id)
        self.assertEqual(bom.sla_deadline, str(expected)[:10])
        self.assertFalse(bom.sla_done)
        bom.sudo(self.user_engineer).action_control()
        self.assertTrue(bom.sla_done)
