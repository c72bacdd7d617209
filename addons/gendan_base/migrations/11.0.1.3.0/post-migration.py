"""11.0.1.3.0: the controlled copies sent before find their distribution list
line (by the document's model, the recipient, then the department's name),
so that they show the department in the reader's language. The sign-off
progress is labelled "Signed" (it shared "Signatures" with the signature
list): its old translations go, the new ones are loaded after this script."""

from odoo.addons.gendan_base.tools_migration import drop_field_translations


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        UPDATE gendan_distribution_copy c
           SET list_line_id = (
               SELECT ln.id
                 FROM gendan_distribution_list_line ln
                 JOIN gendan_distribution_list dl ON dl.id = ln.list_id
                 JOIN ir_model m ON m.id = dl.model_id
                WHERE m.model = c.res_model
                  AND ln.group_id IS NOT DISTINCT FROM c.group_id
                  AND ln.user_id IS NOT DISTINCT FROM c.user_id
                ORDER BY ln.name = c.department_label DESC,
                         dl.active DESC, ln.id
                LIMIT 1)
         WHERE c.list_line_id IS NULL""")
    drop_field_translations(cr, [(None, "signoff_progress")], src="Signatures")
