"""11.0.1.1.1: the sample's due date is labelled "Needed By" (it shared
"Requested By" with the requesting user): its old translations go, the new
ones are loaded after this script."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        DELETE FROM ir_translation t
         USING ir_model_fields f
         WHERE t.name = 'ir.model.fields,field_description' AND t.type = 'model'
           AND t.res_id = f.id AND f.model = 'gendan.sample'
           AND f.name = 'date_due' AND t.src = 'Requested By'""")
