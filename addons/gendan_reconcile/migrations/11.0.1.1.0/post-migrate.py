"""Statement lines prepared before 11.0.1.1.0 were inserted without their
stored partner (related to the statement's): fill it in."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        UPDATE gendan_statement_line line SET partner_id = st.partner_id
          FROM gendan_statement st
         WHERE st.id = line.statement_id AND line.partner_id IS NULL""")
