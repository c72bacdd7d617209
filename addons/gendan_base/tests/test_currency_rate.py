from odoo.tests.common import TransactionCase


class TestCurrencyRate(TransactionCase):
    """Exchange rates keep their digits (Odoo 11 rounded them to six)."""

    def test_rate_keeps_its_digits(self):
        """A bank's 7.10 yuan to the dollar, entered as 1 / 7.1: a million
        dollars convert to 7,100,000.00 in the company currency and back,
        not to 7,100,003.55."""
        company = self.env.user.company_id
        home = company.currency_id
        foreign = self.env.ref("base.USD")
        if foreign == home:
            foreign = self.env.ref("base.EUR")
        foreign.active = True
        Rate = self.env["res.currency.rate"]
        Rate.create({"currency_id": home.id, "name": "2024-03-01", "rate": 1.0,
                     "company_id": company.id})
        rate = Rate.create({"currency_id": foreign.id, "name": "2024-03-01",
                            "rate": 1 / 7.1, "company_id": company.id})
        rate.invalidate_cache()
        self.assertAlmostEqual(rate.rate, 1 / 7.1, places=14)
        dated = foreign.with_context(date="2024-03-15")
        self.assertEqual(dated.compute(1000000.0, home), 7100000.0)
        self.assertEqual(home.with_context(date="2024-03-15").compute(
            7100000.0, foreign), 1000000.0)
