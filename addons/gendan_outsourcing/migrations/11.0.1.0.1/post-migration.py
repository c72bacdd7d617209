"""11.0.1.0.1: the order's counters are "Number of
Outsourcing Lists" (外协采购清单数) and "Number of Packaging Specifications"
(包装规格书数), beside the lists themselves.
Their old translations go, the new ones are loaded after this script."""

RELABELLED = (("sale.order", "gendan_outsourcing_count"),
              ("sale.order", "gendan_packaging_spec_count"))


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
