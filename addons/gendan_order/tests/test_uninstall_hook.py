from odoo.addons.gendan_order import uninstall_hook
from odoo.tests.common import SavepointCase


class TestUninstallHook(SavepointCase):
    """Uninstalling gendan_order keeps the sales documents of its demo data
    as plain core documents (a re-install creates its demo orders anew)."""

    def test_documents_forgotten_not_deleted(self):
        Data = self.env["ir.model.data"]
        order = self.env.ref("gendan_order.order_done_demo")
        product = self.env.ref("gendan_order.product_desk_lamp_demo")
        uninstall_hook(self.env.cr, self.env.registry)
        Data.clear_caches()
        self.assertFalse(Data.search([
            ("module", "=", "gendan_order"),
            ("model", "in", ("sale.order", "sale.order.line"))]))
        self.assertTrue(order.exists())
        self.assertEqual(order.state, "sale")
        self.assertTrue(order.order_line)
        # the module's own catalogue keeps its external ids (and is removed
        # by the uninstall when nothing uses it)
        self.assertEqual(self.env.ref("gendan_order.product_desk_lamp_demo"), product)
