from odoo.exceptions import AccessError, UserError

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
            copy = bom.sudo().distribution_copy_ids.filtered(
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

    def _copy_of(self, department):
        return self.bom._distribution_current().filtered(
            lambda copy: copy.name == department)

    def test_department_reads_only_its_copies(self):
        """The packing warehouse reads its own copy (and the warehouse
        chief's, shared by the warehouse clerks), not the electronic
        warehouse's: it can neither read nor acknowledge it; the documents
        clerk reads every department's. The document still counts all."""
        packing, electronic = self.users["packing_wh"], self.users["electronic_wh"]
        Copy = self.env["gendan.distribution.copy"]
        theirs = self._copy_of("Electronic Warehouse").sudo(packing)
        visible = Copy.sudo(packing).search([("res_model", "=", "mrp.bom"),
                                             ("res_id", "=", self.bom.id)])
        self.assertEqual(sorted(visible.mapped("name")),
                         ["Packing Warehouse", "Warehouse Chief"])
        self.assertEqual(self.bom.sudo(packing).distribution_copy_ids, visible)
        with self.assertRaises(AccessError):
            theirs.read(["name"])
        with self.assertRaises(AccessError):
            theirs.action_acknowledge()
        self.assertEqual(self.bom.sudo(packing).distribution_pending_count, 7)
        theirs.sudo(electronic).action_acknowledge()
        self.assertEqual((theirs.sudo().state, theirs.sudo().ack_user_id),
                         ("acknowledged", electronic))
        self.assertEqual(len(Copy.sudo(self.user_documents_clerk).search(
            [("res_model", "=", "mrp.bom"), ("res_id", "=", self.bom.id)])), 7)

    def test_each_department_acknowledges_its_row(self):
        """In "My Copies", each of the seven recipients finds its own copy
        of the BOM and acknowledges it from the row; it still reads it."""
        Copy = self.env["gendan.distribution.copy"]
        for login, department in BOM_RECIPIENTS.items():
            user = self.users[login]
            mine = Copy.sudo(user).search([
                ("is_mine", "=", True), ("res_model", "=", "mrp.bom"),
                ("res_id", "=", self.bom.id), ("state", "=", "sent")]).filtered(
                    "can_acknowledge")  # the rows with the Acknowledge button
            self.assertEqual(mine.mapped("name"), [department], login)
            mine.action_acknowledge()
            self.assertEqual((mine.state, mine.ack_user_id), ("acknowledged", user),
                             login)
        self.assertEqual(self.bom.distribution_pending_count, 0)
