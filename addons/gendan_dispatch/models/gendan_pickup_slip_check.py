from odoo import _, api, fields, models
from odoo.exceptions import UserError

CHECK_TYPES = [
    ("marks", "Shipping Marks"),
    ("materials", "Materials"),
    ("colour_label", "Colour Labels"),
    ("requirement", "Customer Requirement"),
    ("enclosures", "Cards, Catalogues, Gifts"),
]


class GendanPickupSlipCheck(models.Model):
    """One line of the pick-up slip's conformity check."""

    _name = "gendan.pickup.slip.check"
    _description = "Pick-up Slip Conformity Check"
    _order = "slip_id, sequence, id"

    slip_id = fields.Many2one("gendan.pickup.slip", "Pick-up Slip", required=True,
                              index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    check_type = fields.Selection(CHECK_TYPES, "Type", required=True)
    name = fields.Char("What Is Checked", required=True)
    reference = fields.Char("Against", help="Task order, BOM revision or the "
                            "approved requirement item the goods must match.")
    requirement_item_id = fields.Many2one(
        "gendan.requirement.item", ondelete="set null")
    is_ok = fields.Boolean("Conforms")
    note = fields.Char("Remark")

    def _check_slip_open(self, slips):
        if slips.filtered(lambda s: s.state != "draft"):
            raise UserError(_("The checklist of an issued or cancelled pick-up "
                              "slip is not changed."))

    @api.model
    def create(self, vals):
        self._check_slip_open(self.env["gendan.pickup.slip"].browse(
            vals.get("slip_id")))
        return super(GendanPickupSlipCheck, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_slip_open(self.mapped("slip_id"))
        if "slip_id" in vals:
            self._check_slip_open(self.env["gendan.pickup.slip"].browse(
                vals["slip_id"]))
        return super(GendanPickupSlipCheck, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_slip_open(self.mapped("slip_id"))
        return super(GendanPickupSlipCheck, self).unlink()
