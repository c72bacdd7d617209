"""11.0.1.0.1: the order's counters are "Number of
Outsourcing Lists" (外协采购清单数) and "Number of Packaging Specifications"
(包装规格书数), beside the lists themselves.
Their old translations go, the new ones are loaded after this script."""

from odoo.addons.gendan_base.tools_migration import drop_field_translations

RELABELLED = (("sale.order", "gendan_outsourcing_count"),
              ("sale.order", "gendan_packaging_spec_count"))


def migrate(cr, version):
    if version:
        drop_field_translations(cr, RELABELLED)
