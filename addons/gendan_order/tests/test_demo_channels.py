from odoo.tests.common import SavepointCase


class TestDemoChannels(SavepointCase):
    """Odoo's own demo orders (Agrolait, China Export...) are not the
    factory's export orders: their channels are outside the Gendan gates,
    so they never fill the follow-up lists."""

    def test_core_demo_orders_uncontrolled(self):
        for xmlid in ("sales_team.team_sales_department", "sales_team.crm_team_1"):
            self.assertFalse(self.env.ref(xmlid).gendan_controlled, xmlid)
        core = self.env["ir.model.data"].search([
            ("model", "=", "sale.order"), ("module", "=", "sale")])
        orders = self.env["sale.order"].browse(core.mapped("res_id")).exists()
        self.assertTrue(orders)
        self.assertFalse(orders.filtered("gendan_controlled").mapped("name"))
        late = self.env["sale.order"].search([("milestone_late_count", ">", 0)])
        self.assertFalse(late & orders)
        self.assertTrue(
            self.env.ref("gendan_order.crm_team_export_demo").gendan_controlled)
