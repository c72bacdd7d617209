from odoo.exceptions import AccessError, UserError

from .common import ComplaintCase


class TestRepairReturn(ComplaintCase):
    """Repair returns on mrp.repair: registration, QA report, engineering report."""

    @classmethod
    def setUpClass(cls):
        super(TestRepairReturn, cls).setUpClass()
        cls.stock = cls.env.ref("stock.stock_location_stock")

    def _register(self, user=None, **vals):
        vals.update({
            "product_id": self.product.id, "product_uom": self.product.uom_id.id,
            "partner_id": self.customer.id, "is_customer_return": True,
            "location_id": self.stock.id, "location_dest_id": self.stock.id,
            "fault_reported": "No sound", "merchandiser_id":
                vals.get("merchandiser_id", self.users["merchandiser"].id)})
        return self.env["mrp.repair"].sudo(
            user or self.users["merchandiser"]).create(vals)

    def _notified(self, repair):
        partner = self.users["merchandiser"].partner_id
        return repair.message_ids.filtered(lambda m: partner in m.partner_ids)

    def test_full_flow_notifies_merchandiser(self):
        """Register, QA report, engineering report with parts, return: 4 notices."""
        complaint = self._complaint(merchandiser_id=self.users["merchandiser"].id)
        repair = self._register(complaint_id=complaint.id)
        self.assertEqual(repair.return_stage, "registered")
        self.assertIn(repair, complaint.repair_ids)
        self.assertEqual(len(self._notified(repair)), 1)
        qa = repair.sudo(self.users["qa"])
        qa.write({"qa_findings": "Driver wire loose", "qa_result": "confirmed"})
        qa.action_return_inspected()
        self.assertEqual(repair.qa_user_id, self.users["qa"])
        eng = repair.sudo(self.users["engineer"])
        eng.write({"repair_cause_id": self.cause.id, "repair_action": "Resoldered",
                   "operations": [(0, 0, {
                       "name": "Tweeter", "type": "add", "product_id": self.part.id,
                       "product_uom_qty": 1, "product_uom": self.part.uom_id.id,
                       "price_unit": 0.0, "location_id": self.stock.id,
                       "location_dest_id": self.stock.id})]})
        eng.action_return_repaired()
        self.assertEqual(repair.return_stage, "repaired")
        self.assertEqual(repair.operations.product_id, self.part)
        repair.sudo(self.users["merchandiser"]).action_return_shipped()
        self.assertEqual(repair.return_stage, "returned")
        self.assertEqual(len(self._notified(repair)), 4)

    def test_repair_report_by_non_engineer_refused(self):
        """QA, merchandiser and warehouse cannot write the repair report."""
        repair = self._register()
        for login in ("qa", "merchandiser", "fg_wh"):
            with self.assertRaises(AccessError):
                repair.sudo(self.users[login]).write(
                    {"repair_cause_id": self.cause.id, "repair_action": "x"})
        self.assertFalse(repair.repair_cause_id)
        self.assertFalse(repair.repair_action)
        with self.assertRaises(AccessError):
            self._register(user=self.users["merchandiser"],
                           repair_cause_id=self.cause.id)

    def test_qa_report_by_engineer_refused(self):
        """Only QA writes the inspection report; the steps keep their order."""
        repair = self._register()
        with self.assertRaises(AccessError):
            repair.sudo(self.users["engineer"]).write({"qa_findings": "ok"})
        with self.assertRaises(UserError):
            repair.sudo(self.users["qa"]).action_return_inspected()
        with self.assertRaises(UserError):
            repair.sudo(self.users["engineer"]).action_return_repaired()
        self.assertEqual(repair.return_stage, "registered")
        self.assertFalse(repair.qa_findings)

    def test_repair_report_needs_cause(self):
        """An engineering report without cause category is refused."""
        repair = self._register()
        repair.sudo(self.users["qa"]).write(
            {"qa_findings": "Dead", "qa_result": "confirmed"})
        repair.sudo(self.users["qa"]).action_return_inspected()
        repair.sudo(self.users["engineer"]).write({"repair_action": "Replaced"})
        with self.assertRaisesRegex(UserError, "cause category"):
            repair.sudo(self.users["engineer"]).action_return_repaired()
        self.assertEqual(repair.return_stage, "inspected")

    def test_quarter_is_computed(self):
        """The return date gives the analysis quarter."""
        repair = self._register(return_date="2025-05-14")
        self.assertEqual(repair.return_quarter, "2025-Q2")

    def test_cause_catalogue_maintained_by_engineering(self):
        """Engineering adds a cause; a salesperson cannot."""
        Cause = self.env["gendan.repair.cause"]
        cause = Cause.sudo(self.users["engineer"]).create(
            {"code": "PRO-99", "name": "Glue not cured", "category": "process"})
        self.assertTrue(cause.exists())
        with self.assertRaises(AccessError):
            Cause.sudo(self.users["salesperson"]).create(
                {"code": "PRO-98", "name": "x", "category": "process"})
