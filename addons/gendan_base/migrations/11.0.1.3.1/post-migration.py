"""11.0.1.3.1: the sign-off wizard's signature to sign is "签核角色"
(it shared "签核身份" with the heading that says whom one signs as).
Their old translations go, the new ones are loaded after this script."""

RELABELLED = (("gendan.signoff.wizard", "signature_id"),)


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
