"""The seed's task order signers (11.0.1.1.0): the order's own salesperson
signs first, engineering and the packing and electronic warehouses are
required; finance receives two copies. Applied to the defaults the
administrator never changed."""
from odoo import SUPERUSER_ID, api
from odoo.addons.gendan_base.tools_migration import adopt_unchanged_defaults


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    field = env.ref("gendan_production.field_gendan_task_order_user_id")
    adopt_unchanged_defaults(env, "gendan_production", {
        "signoff_rule_task_order_salesperson": {
            "signer_type": "field", "user_field_id": field.id, "group_id": False},
        "signoff_rule_task_order_engineering": {"is_required": True},
        "signoff_rule_task_order_packing_wh": {"is_required": True},
        "signoff_rule_task_order_electronic_wh": {"is_required": True},
        # 財務部出納和經理: the cashier and the manager, one copy each
        "distribution_list_task_order_line_finance": {"copies": 2},
    })
