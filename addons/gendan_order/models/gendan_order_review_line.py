from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.gendan_base.engine import button, insert_rows

CHECK_TYPES = [
    ("product", "Product Name"),
    ("specification", "Specification"),
    ("quantity", "Quantity"),
    ("price", "Unit Price"),
    ("payment_term", "Payment Terms"),
    ("packaging", "Packaging Requirements"),
    ("delivery_date", "Delivery Date"),
]


class GendanOrderReviewLine(models.Model):
    """One point of the order review checklist, confirmed by the merchandiser."""

    _name = "gendan.order.review.line"
    _description = "Order Review Checklist Line"
    _inherit = ["gendan.state.machine"]
    _order = "order_id, sequence, id"
    # no status of its own; who confirmed and when come from the buttons
    _state_field = None
    _state_button_fields = ("is_confirmed", "confirmed_by_id", "confirmed_date")

    order_id = fields.Many2one(
        "sale.order", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    check_type = fields.Selection(CHECK_TYPES, "Check", required=True)
    note = fields.Char(help="What was checked, e.g. 'EU plug, 220 V'.")
    is_confirmed = fields.Boolean("Confirmed", readonly=True)
    confirmed_by_id = fields.Many2one("res.users", readonly=True)
    confirmed_date = fields.Datetime("Confirmed On", readonly=True)

    _sql_constraints = [
        ("check_type_uniq", "unique(order_id, check_type)",
         "Each point is checked once per order."),
    ]

    @api.model
    def _create_checklist(self, orders):
        """The seven points of each order, in one INSERT (plain rows)."""
        rows = [{"order_id": order.id, "check_type": key, "sequence": seq,
                 "is_confirmed": False}
                for order in orders for seq, (key, _label) in enumerate(CHECK_TYPES)]
        lines = insert_rows(self.sudo(), rows)
        orders.invalidate_cache(["review_line_ids"])
        return lines

    @api.multi
    def write(self, vals):
        if set(vals) & {"is_confirmed", "confirmed_by_id", "confirmed_date",
                        "check_type", "order_id"}:
            self._check_may_confirm()
        if "note" in vals and self.mapped("order_id").filtered(
                lambda o: o.signoff_state in ("pending", "approved")):
            raise UserError(_("The checklist of an order under review cannot "
                              "be changed."))
        return super(GendanOrderReviewLine, self).write(vals)

    @api.multi
    def unlink(self):
        if self.env.uid != SUPERUSER_ID:
            raise UserError(_("Review checklist lines cannot be deleted."))
        return super(GendanOrderReviewLine, self).unlink()

    def _check_may_confirm(self):
        if self.env.uid == SUPERUSER_ID:
            return
        if not self.env.user.has_group("gendan_base.group_merchandiser"):
            raise AccessError(_("Only a merchandiser confirms the review "
                                "checklist."))
        if self.mapped("order_id").filtered(
                lambda o: o.signoff_state in ("pending", "approved")):
            raise UserError(_("The checklist of an order under review cannot "
                              "be changed."))

    @api.multi
    @button()
    def action_confirm_check(self):
        self._check_may_confirm()
        self.write({"is_confirmed": True, "confirmed_by_id": self.env.uid,
                    "confirmed_date": fields.Datetime.now()})
        return True

    @api.multi
    @button()
    def action_unconfirm_check(self):
        self._check_may_confirm()
        self.write({"is_confirmed": False, "confirmed_by_id": False,
                    "confirmed_date": False})
        return True
