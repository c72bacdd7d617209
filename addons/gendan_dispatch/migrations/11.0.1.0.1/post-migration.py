"""11.0.1.0.1: distinct labels on MOs and transfers: the QA state
is "QA State" (QA 检验状态) beside the "QA Checks" (QA 检验单), the current
pick-up slip "Current Pick-up Slip" (当前提货单) beside the "Pick-up Slips".
Their old translations go, the new ones are loaded after this script."""

RELABELLED = (("mrp.production", "gendan_qa_state"),
              ("mrp.production", "gendan_qa_check_ids"),
              ("stock.picking", "gendan_qa_state"),
              ("stock.picking", "gendan_qa_check_ids"),
              ("stock.picking", "gendan_pickup_slip_id"))


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
