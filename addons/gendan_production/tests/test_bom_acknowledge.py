from odoo.exceptions import UserError

from .common import ProductionCase

BOM_RECIPIENTS = {
    "packing_wh": "Packing Warehouse",
    "electronic_wh": "Electronic Warehouse",
    "fg_wh": "Warehouse Chief",
    "production": "Production",
    "qa": "Quality Assurance",
    "purchaser": "Purchasing",
    "finance": "Finance",
}


class TestBomAcknowledge(ProductionCase):
    """Every recipient department acknowledges its copy of a controlled BOM,
    reading the BOM only."""

    def test_each_department_acknowledges(self):
        bom = self.bom
        self.assertEqual(bom.control_state, "controlled")
        for login, department in BOM_RECIPIENTS.items():
            user = self.users[login]
            self.assertFalse(self.env["mrp.bom"].sudo(user).check_access_rights(
                "write", raise_exception=False), login)
            self.assertTrue(bom.sudo(user).distribution_can_acknowledge, login)
            bom.sudo(user).action_distribution_acknowledge()
            bom.invalidate_cache()
            copy = bom.distribution_copy_ids.filtered(
                lambda c, name=department: c.name == name)
            self.assertEqual((copy.state, copy.ack_user_id), ("acknowledged", user),
                             login)
            trace = bom.message_ids.filtered(
                lambda msg, name=department: "acknowledged (%s)" % name in (
                    msg.body or ""))
            self.assertEqual(trace.author_id, user.partner_id, login)
            with self.assertRaisesRegex(UserError, "no unacknowledged copy"):
                bom.sudo(user).action_distribution_acknowledge()
        self.assertEqual(bom.distribution_pending_count, 0)

    def test_not_a_recipient_refused(self):
        """A department without a copy acknowledges nothing."""
        with self.assertRaisesRegex(UserError, "no unacknowledged copy"):
            self.bom.sudo(self.user_documents_clerk).action_distribution_acknowledge()
        self.bom.invalidate_cache()
        self.assertEqual(self.bom.distribution_pending_count, 7)
