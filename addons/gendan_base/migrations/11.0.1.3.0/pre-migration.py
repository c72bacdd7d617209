"""Role and department names in the reader's language (11.0.1.3.0): the
signature's and the controlled copy's ``name`` is now computed from the
sign-off rule / distribution list line (translatable); the name stored so far
is kept as the fallback label (``role_label`` / ``department_label``)."""
from odoo.tools import column_exists, rename_column

RENAMED = (("gendan_signature", "role_label"),
           ("gendan_distribution_copy", "department_label"))


def migrate(cr, version):
    if not version:
        return
    for table, label in RENAMED:
        if column_exists(cr, table, "name") and not column_exists(cr, table, label):
            rename_column(cr, table, "name", label)
