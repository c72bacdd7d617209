"""11.0.1.1.2: distinct labels on the order: the number of MOs is
"Number of Manufacturing Orders" (生产单数), the sample milestone "Sample
Milestone" (样品节点), beside the MOs and the samples.
Their old translations go, the new ones are loaded after this script."""

from odoo.addons.gendan_base.tools_migration import drop_field_translations

RELABELLED = (("sale.order", "gendan_production_count"),
              ("sale.order", "milestone_sample_state"))


def migrate(cr, version):
    if version:
        drop_field_translations(cr, RELABELLED)
