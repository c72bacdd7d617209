from odoo.tests.common import TransactionCase

from odoo.addons.gendan_order.models.account_tax import CN_CHART


class TestChineseVat(TransactionCase):
    """A company on Odoo 11's Chinese chart gets China's VAT rates in force."""

    def setUp(self):
        super().setUp()
        self.company = self.env.user.company_id
        chart = self.env.ref(CN_CHART, raise_if_not_found=False)
        if not chart or self.company.chart_template_id != chart:
            self.skipTest("the company is not on Odoo's Chinese chart")
        self.Tax = self.env["account.tax"].with_context(active_test=False)

    def _taxes(self, use, rate):
        return self.Tax.search([
            ("company_id", "=", self.company.id), ("type_tax_use", "=", use),
            ("amount_type", "=", "percent"), ("amount", "=", rate)])

    def test_rates_in_force(self):
        """13 % on sales and purchases and 0 % for exports, booked on the
        chart's VAT account (2221 应交税费); 16 % and 17 % archived."""
        for use, rate in (("sale", 13.0), ("purchase", 13.0), ("sale", 0.0)):
            tax = self._taxes(use, rate)
            self.assertEqual(len(tax), 1, (use, rate))
            self.assertTrue(tax.active)
            self.assertEqual(tax.account_id.code, "2221")
        self.assertEqual(self._taxes("sale", 13.0).compute_all(100.0)[
            "total_included"], 113.0)
        for use in ("sale", "purchase"):
            for rate in (16.0, 17.0):
                self.assertFalse(self._taxes(use, rate).active, (use, rate))

    def test_once(self):
        """Every update of the module calls it again: nothing is added, and
        a rate the accountant re-activated stays active."""
        old = self._taxes("sale", 16.0)
        old.active = True
        count = self.Tax.search_count([])
        self.Tax._gendan_cn_current_vat()
        self.assertEqual(self.Tax.search_count([]), count)
        self.assertTrue(old.active)
