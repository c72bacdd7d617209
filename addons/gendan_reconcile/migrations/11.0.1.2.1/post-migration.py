"""11.0.1.2.1: the statement line's invoice numbers are "Invoice
Numbers" (发票号), they shared 发票 with the invoice; the statement's counter is
"Number of Lines" (明细行数).
Their old translations go, the new ones are loaded after this script."""

RELABELLED = (("gendan.statement.line", "invoice_ref"),
              ("gendan.statement", "line_count"))


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
