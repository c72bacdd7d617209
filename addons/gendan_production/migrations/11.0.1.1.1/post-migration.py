"""11.0.1.1.1: the MO's order it is made for is "Customer
Order" (客户订单), it shared 销售订单 with the procurement's sales order; the
order's counter is "Number of First Articles" (首件确认数).
Their old translations go, the new ones are loaded after this script."""

from odoo.addons.gendan_base.tools_migration import drop_field_translations

RELABELLED = (("mrp.production", "gendan_sale_order_id"),
              ("sale.order", "gendan_first_article_count"))


def migrate(cr, version):
    if version:
        drop_field_translations(cr, RELABELLED)
