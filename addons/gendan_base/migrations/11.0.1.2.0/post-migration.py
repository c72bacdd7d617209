"""The demo department users (demo data is not updated on upgrade) start on
"My work" and are told in Odoo's inbox (11.0.1.2.0)."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    data = env["ir.model.data"].search([
        ("module", "=", "gendan_base"), ("model", "=", "res.users"),
        ("name", "=like", "user_%_demo")])
    users = env["res.users"].browse(data.mapped("res_id")).exists()
    users.write({"notification_type": "inbox"})
    users.filtered(lambda user: not user.action_id).write(
        {"action_id": env.ref("gendan_base.action_gendan_my_work").id})
