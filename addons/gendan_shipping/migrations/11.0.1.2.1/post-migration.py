"""11.0.1.2.1: the order's counter is "Number of Shipments"
(出货单数), beside the shipments.
Their old translations go, the new ones are loaded after this script."""

from odoo.addons.gendan_base.tools_migration import drop_field_translations

RELABELLED = (("sale.order", "gendan_shipment_count"),)


def migrate(cr, version):
    if version:
        drop_field_translations(cr, RELABELLED)
