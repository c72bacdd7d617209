"""11.0.1.2.1: the statement line's invoice numbers are "Invoice
Numbers" (发票号), they shared 发票 with the invoice; the statement's counter is
"Number of Lines" (明细行数).
Their old translations go, the new ones are loaded after this script."""

from odoo.addons.gendan_base.tools_migration import drop_field_translations

RELABELLED = (("gendan.statement.line", "invoice_ref"),
              ("gendan.statement", "line_count"))


def migrate(cr, version):
    if version:
        drop_field_translations(cr, RELABELLED)
