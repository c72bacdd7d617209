from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.gendan_base.tests.common import shift_date

from .common import ProductionCase

# production starts in three years; the LED's PO arrives 9 days later
START = shift_date(years=3)
PO_DATE = shift_date(START, days=9)
EARLY_ETA = shift_date(START, days=-9)


class TestMaterialCheck(ProductionCase):

    @classmethod
    def setUpClass(cls):
        super(TestMaterialCheck, cls).setUpClass()
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Brightway", "supplier": True})
        cls.po = cls.env["purchase.order"].create({
            "partner_id": cls.vendor.id,
            "order_line": [(0, 0, {
                "product_id": cls.components[0].id, "name": "LED",
                "product_qty": 1000.0, "product_uom": cls.components[0].uom_id.id,
                "price_unit": 1.0, "date_planned": PO_DATE + " 08:00:00"})],
        })
        cls.po.button_confirm()
        cls.task = cls._approve(cls._create_task_order())
        cls.task.sudo(cls.user_merchandiser).write(
            {"date_production_start": START})
        cls.task.sudo(cls.user_merchandiser).action_create_material_check()
        cls.check = cls.task.material_check_ids

    def test_prefilled_lines(self):
        """One line per component: required quantity, PO date as ETA."""
        self.assertEqual(len(self.check.line_ids), 3)
        led = self.check.line_ids.filtered(
            lambda ln: ln.product_id == self.components[0])
        self.assertEqual(led.required_qty, 200.0)
        self.assertEqual(led.po_date, PO_DATE)
        self.assertEqual(led.eta_date, PO_DATE)
        self.assertEqual(led.purchase_line_id, self.po.order_line)
        self.assertEqual(led.risk, "late")  # after the production start
        missing = self.check.line_ids - led
        self.assertEqual(set(missing.mapped("risk")), {"missing"})
        self.assertTrue(self.check.is_material_risk)
        self.assertTrue(self.task.is_material_risk)
        self.assertTrue(self.order.is_material_risk)
        self.assertEqual(self.order.milestone_material_state, "todo")

    def test_sla_three_days_after_bom(self):
        """The check is due 3 working days after the BOM was controlled."""
        start = self.bom.controlled_date[:10]
        self.assertEqual(self.check.date_bom_controlled, start)
        expected = self.env["gendan.sla"].add_working_days(start, 3)
        self.assertEqual(self.check.sla_deadline, str(expected)[:10])

    def test_eta_before_po_needs_remark(self):
        """An ETA earlier than the PO date is refused without a remark."""
        led = self.check.line_ids.filtered(
            lambda ln: ln.product_id == self.components[0])
        with self.assertRefused(ValidationError):
            led.sudo(self.user_purchaser).write({"eta_date": EARLY_ETA})
        self.assertEqual(led.eta_date, PO_DATE)
        led.sudo(self.user_purchaser).write(
            {"eta_date": EARLY_ETA, "remark": "Supplier ships part early"})
        self.assertEqual(led.risk, "ok")

    def test_confirm_by_merchandiser_reports_to_vp(self):
        """Only the merchandiser confirms; the VP role gets an activity."""
        with self.assertRefused(AccessError):
            self.check.sudo(self.user_purchaser).action_confirm()
        self.assertEqual(self.check.state, "draft")
        # nor by writing its status or who confirmed it
        for vals in ({"state": "confirmed"}, {"state": "cancel"},
                     {"confirmed_by_id": self.user_purchaser.id}):
            with self.assertRefused(UserError):
                self.check.sudo(self.user_purchaser).write(vals)
        self.env.cr.execute("SELECT state, confirmed_by_id FROM gendan_material_check "
                            "WHERE id = %s", (self.check.id,))
        self.assertEqual(self.env.cr.fetchone(), ("draft", None))
        self.check.sudo(self.user_merchandiser).action_confirm()
        self.assertEqual(self.check.state, "confirmed")
        self.assertTrue(self.check.sla_done)
        activities = self.env["mail.activity"].search([
            ("res_model", "=", "gendan.material.check"),
            ("res_id", "=", self.check.id)])
        self.assertIn(self.user_general_manager, activities.mapped("user_id"))
        self.assertEqual(self.order.milestone_material_state, "late")  # at risk
        with self.assertRefused(UserError):
            self.check.line_ids[0].sudo(self.user_merchandiser).write(
                {"eta_date": fields.Date.today(), "remark": "x"})
        with self.assertRefused(UserError):
            self.check.sudo(self.user_merchandiser).write(
                {"date_required": shift_date(years=3, days=-59)})

    def test_check_needs_approved_task_order(self):
        """No material check before the task order is approved."""
        order = self._create_confirmed_order()
        task = self._create_task_order(order=order)
        with self.assertRefused(UserError):
            task.sudo(self.user_merchandiser).action_create_material_check()
        self.assertFalse(task.material_check_ids)
