"""Give a display name to the partners created while res.partner's display
name was not stored (modules extending res.partner loaded after
gendan_contact: see models/res_partner.py)."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute("SELECT id FROM res_partner WHERE display_name IS NULL")
    partners = env["res.partner"].with_context(active_test=False).browse(
        [row[0] for row in cr.fetchall()])
    if partners:
        env.add_todo(partners._fields["display_name"], partners)
        partners.recompute()
