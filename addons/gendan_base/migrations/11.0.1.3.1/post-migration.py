"""11.0.1.3.1: the sign-off wizard's signature to sign is "签核角色"
(it shared "签核身份" with the heading that says whom one signs as).
Their old translations go, the new ones are loaded after this script."""

from odoo.addons.gendan_base.tools_migration import drop_field_translations

RELABELLED = (("gendan.signoff.wizard", "signature_id"),)


def migrate(cr, version):
    if version:
        drop_field_translations(cr, RELABELLED)
