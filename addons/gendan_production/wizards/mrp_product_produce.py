from odoo import fields, models


class MrpProductProduce(models.TransientModel):
    """The produce wizard of a production user.

    Odoo 11's related ``product_tracking`` is writable, so the web client sends
    it back on "Record Production" and the wizard writes the product's
    tracking: an access error for a production user, who may not edit
    products. Read-only, it is only displayed.
    """

    _inherit = "mrp.product.produce"

    product_tracking = fields.Selection(related="product_id.tracking",
                                        readonly=True)
