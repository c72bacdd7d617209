"""11.0.1.1.1: the MO's order it is made for is "Customer
Order" (客户订单), it shared 销售订单 with the procurement's sales order; the
order's counter is "Number of First Articles" (首件确认数).
Their old translations go, the new ones are loaded after this script."""

RELABELLED = (("mrp.production", "gendan_sale_order_id"),
              ("sale.order", "gendan_first_article_count"))


def migrate(cr, version):
    if not version:
        return
    for model, name in RELABELLED:
        cr.execute("""
            DELETE FROM ir_translation t
             USING ir_model_fields f
             WHERE t.name IN (%s, %s) AND t.type = %s
               AND t.res_id = f.id AND f.model = %s AND f.name = %s""",
                   ("ir.model.fields,field_description", "ir.model.fields,help",
                    "model", model, name))
