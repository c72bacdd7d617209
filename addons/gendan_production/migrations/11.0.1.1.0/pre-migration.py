"""The seed's distribution defaults (11.0.1.1.0): the new lines of the task
order's default list join it only if the Gendan administrator never changed
that list."""
from odoo.addons.gendan_base.tools_migration import skip_new_lines

OLD_LINES = ["distribution_list_task_order_line_%s" % name for name in (
    "engineering", "purchasing", "production", "qa", "packing_wh",
    "electronic_wh", "fg_wh", "finance")]
NEW_LINES = ["distribution_list_task_order_line_%s" % name for name in (
    "documents_clerk", "salesperson", "sales_manager", "warehouse")]


def migrate(cr, version):
    if not version:
        return
    skip_new_lines(cr, "gendan_production", "distribution_list_task_order",
                   OLD_LINES, NEW_LINES)
