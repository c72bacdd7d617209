"""11.0.1.1.1: the sample's due date is labelled "Needed By" (it shared
"Requested By" with the requesting user): its old translations go, the new
ones are loaded after this script."""

from odoo.addons.gendan_base.tools_migration import drop_field_translations


def migrate(cr, version):
    if version:
        drop_field_translations(cr, [("gendan.sample", "date_due")],
                                src="Requested By")
