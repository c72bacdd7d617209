from odoo import models


class SaleOrder(models.Model):
    """The reply clock on the order's mail thread."""

    _name = "sale.order"
    _inherit = ["gendan.mail.reply.mixin", "sale.order"]

    def _gendan_contact_customer(self):
        return self.partner_id.commercial_partner_id
