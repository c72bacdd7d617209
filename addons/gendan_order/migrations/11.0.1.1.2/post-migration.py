"""11.0.1.1.2: distinct labels on the order: the number of MOs is
"Number of Manufacturing Orders" (生产单数), the sample milestone "Sample
Milestone" (样品节点), beside the MOs and the samples.
Their old translations go, the new ones are loaded after this script."""

RELABELLED = (("sale.order", "gendan_production_count"),
              ("sale.order", "milestone_sample_state"))


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
