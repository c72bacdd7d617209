from odoo import api, models

# China's VAT on goods since 1 April 2019 (财政部 税务总局 海关总署公告2019年
# 第39号): 13 %; exports are zero-rated. (use, rate, name)
CN_VAT = (("sale", 13.0, "增值税13%销项税"), ("purchase", 13.0, "增值税13%进项税"),
          ("sale", 0.0, "增值税0%出口（零税率）"))
# the rates of Odoo 11's Chinese chart, no longer in force
CN_CHART = "l10n_cn_small_business.l10n_chart_china_small_business"
CN_CHART_TAXES = "l10n_cn_small_business.%d_vat%s_small_business%s"


class AccountTax(models.Model):
    _inherit = "account.tax"

    @api.model
    def _gendan_cn_current_vat(self):
        """Odoo 11's Chinese chart still has 17 % and 16 % VAT: each company
        on it gets the current rates (13 %, 0 % for exports), with the
        accounts of the chart's own VAT; 13 % becomes the products' default
        and 16 % / 17 % are archived. A company that has a 13 % sales tax
        already is left as it is (install and every update call this)."""
        chart = self.env.ref(CN_CHART, raise_if_not_found=False)
        if not chart:
            return
        for company in self.env["res.company"].search(
                [("chart_template_id", "=", chart.id)]):
            if not self.with_context(active_test=False).search_count([
                    ("company_id", "=", company.id), ("type_tax_use", "=", "sale"),
                    ("amount_type", "=", "percent"), ("amount", "=", 13.0)]):
                self._gendan_cn_company_vat(company)

    @api.model
    def _gendan_cn_company_vat(self, company):
        chart_taxes = {
            (use, rate): self.env.ref(CN_CHART_TAXES % (
                company.id, use[0], "" if rate == 17 else "_16"),
                raise_if_not_found=False)
            for use in ("sale", "purchase") for rate in (17, 16)}
        models_by_use = {use: chart_taxes[(use, 16)] or chart_taxes[(use, 17)]
                         for use in ("sale", "purchase")}
        if not all(models_by_use.values()):
            return  # not the chart's own taxes: left to the accountant
        current = {}
        for use, rate, name in CN_VAT:
            model = models_by_use[use]
            tag = model.tag_ids[:1].copy({"name": name}) if model.tag_ids else False
            # copy() names the tax "… (Copy)" whatever it is given
            tax = model.copy({"amount": rate,
                              "tag_ids": [(6, 0, tag.ids if tag else [])]})
            tax.write({"name": name, "description": name})
            current[(use, rate)] = tax
        Default = self.env["ir.default"]
        Default.set("product.template", "taxes_id", current[("sale", 13.0)].ids,
                    company_id=company.id)
        Default.set("product.template", "supplier_taxes_id",
                    current[("purchase", 13.0)].ids, company_id=company.id)
        self.browse([tax.id for tax in chart_taxes.values() if tax]).write(
            {"active": False})
