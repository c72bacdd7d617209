from odoo import api, fields, models

from odoo.addons.gendan_base.engine import gate_checked
from odoo.addons.gendan_order.models.sale_order import deferred_cockpit


class MrpProductProduce(models.TransientModel):
    """The produce wizard of a production user.

    Odoo 11's related ``product_tracking`` is writable, so the web client sends
    it back on "Record Production" and the wizard writes the product's
    tracking: an access error for a production user, who may not edit
    products. Read-only, it is only displayed.

    Recording production starts the MO: the MO gate is checked first.
    Before the first article passed, production records no more than the
    first article's quantity (issue 15 §7).
    """

    _inherit = "mrp.product.produce"

    product_tracking = fields.Selection(related="product_id.tracking",
                                        readonly=True)

    @api.multi
    def do_produce(self):
        """The MO gate is checked once, not again at the MO's state write."""
        productions = self.mapped("production_id")
        productions._gendan_check_production_gate("first_article")
        for wizard in self:
            wizard.production_id._gendan_check_first_article_qty(
                extra=wizard.product_uom_id._compute_quantity(
                    wizard.product_qty, wizard.production_id.product_uom_id))
        with gate_checked(productions), deferred_cockpit():
            return super(MrpProductProduce, self).do_produce()
