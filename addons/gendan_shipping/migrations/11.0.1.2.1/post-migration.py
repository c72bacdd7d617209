"""11.0.1.2.1: the order's counter is "Number of Shipments"
(出货单数), beside the shipments.
Their old translations go, the new ones are loaded after this script."""

RELABELLED = (("sale.order", "gendan_shipment_count"),)


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
