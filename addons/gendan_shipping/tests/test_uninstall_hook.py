from odoo.addons.gendan_shipping import uninstall_hook
from odoo.tests.common import SavepointCase


class TestUninstallHook(SavepointCase):
    """Uninstalling gendan_shipping keeps the carrier's vendor bill of the
    demo freight charge (a core document): the charge goes with its table,
    never through its ``unlink()``, which would empty and delete the bill."""

    def test_freight_bill_survives(self):
        Data = self.env["ir.model.data"]
        own = self.env["ir.model"].browse(Data.search([
            ("module", "=", "gendan_shipping"),
            ("model", "=", "ir.model")]).mapped("res_id")).mapped("model")
        self.assertIn("gendan.shipment.charge", own)
        charge = self.env.ref("gendan_shipping.charge_pacific_freight_demo")
        bill = charge.invoice_id
        self.assertTrue(bill)
        uninstall_hook(self.env.cr, self.env.registry)
        Data.clear_caches()
        # nothing of the module's own models is left for the uninstall to
        # delete record by record
        self.assertFalse(Data.search([("module", "=", "gendan_shipping"),
                                      ("model", "in", own)]))
        self.assertTrue(bill.exists())
        self.assertEqual(bill.invoice_line_ids, charge.invoice_line_ids)
