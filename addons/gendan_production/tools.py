"""Small helpers shared by the models of this module."""
from odoo import fields
from odoo.addons.gendan_base.engine import engine


def recall_copies(records):
    """Recall the live controlled copies of ``records`` (old revision invalid)."""
    copies = records.mapped("distribution_copy_ids").filtered(
        lambda copy: copy.state != "recalled")
    if copies:
        with engine():
            copies.sudo().write({"state": "recalled",
                                 "recall_date": fields.Datetime.now()})
    records.env["mail.activity"]._todo_cancel(records, "copy")
    return copies
