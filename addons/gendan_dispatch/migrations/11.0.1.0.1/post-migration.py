"""11.0.1.0.1: distinct labels on MOs and transfers: the QA state
is "QA State" (QA 检验状态) beside the "QA Checks" (QA 检验单), the current
pick-up slip "Current Pick-up Slip" (当前提货单) beside the "Pick-up Slips".
Their old translations go, the new ones are loaded after this script."""

from odoo.addons.gendan_base.tools_migration import drop_field_translations

RELABELLED = (("mrp.production", "gendan_qa_state"),
              ("mrp.production", "gendan_qa_check_ids"),
              ("stock.picking", "gendan_qa_state"),
              ("stock.picking", "gendan_qa_check_ids"),
              ("stock.picking", "gendan_pickup_slip_id"))


def migrate(cr, version):
    if version:
        drop_field_translations(cr, RELABELLED)
