from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class GendanShipmentCharge(models.Model):
    """Freight, delivery or other charge of a shipment, owed to a carrier."""

    _name = "gendan.shipment.charge"
    _description = "Shipment Charge"
    _order = "shipment_id, id"

    shipment_id = fields.Many2one(
        "gendan.shipment", required=True, ondelete="cascade", index=True)
    charge_type = fields.Selection(
        [("freight", "Ocean/Air Freight"), ("delivery", "Inland Delivery"),
         ("customs", "Customs Clearance"), ("insurance", "Insurance"),
         ("other", "Other")], required=True, default="freight")
    carrier_id = fields.Many2one("res.partner", required=True)
    amount = fields.Monetary(required=True, currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: self.env.user.company_id.currency_id)
    is_paid = fields.Boolean("Paid", readonly=True, copy=False)
    paid_date = fields.Date(readonly=True, copy=False)
    note = fields.Char()

    @api.constrains("amount")
    def _check_amount(self):
        if self.filtered(lambda c: c.amount < 0):
            raise ValidationError(_("A charge cannot be negative."))

    @api.multi
    def write(self, vals):
        if self.filtered("is_paid") and set(vals) & {"amount", "currency_id",
                                                     "carrier_id"}:
            raise UserError(_("A paid charge cannot be changed."))
        return super(GendanShipmentCharge, self).write(vals)

    @api.multi
    def unlink(self):
        if self.filtered("is_paid"):
            raise UserError(_("A paid charge cannot be deleted."))
        return super(GendanShipmentCharge, self).unlink()

    @api.multi
    def action_mark_paid(self):
        """Pay the carrier once the customer confirmed receipt of the goods."""
        if not self.env.user.has_group("gendan_base.group_finance"):
            raise UserError(_("Only finance can mark carrier charges paid."))
        if self.filtered(lambda c: c.shipment_id.state != "done"):
            raise UserError(_("The carrier is paid after the customer confirmed "
                              "receipt of the goods."))
        return self.write({"is_paid": True,
                           "paid_date": fields.Date.context_today(self)})
