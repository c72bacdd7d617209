from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GendanSampleRegister(models.Model):
    """Sample-room register (样品室登记): sample units logged in and out."""

    _name = "gendan.sample.register"
    _description = "Sample-room Register"
    _order = "date desc, id desc"

    date = fields.Datetime(required=True, default=fields.Datetime.now)
    direction = fields.Selection(
        [("in", "In"), ("out", "Out")], required=True, default="in")
    sample_id = fields.Many2one("gendan.sample", "Sample Request", index=True)
    product_id = fields.Many2one("product.product", index=True)
    description = fields.Char(required=True)
    partner_id = fields.Many2one("res.partner", "Customer")
    quantity = fields.Float(required=True, default=1.0)
    signed_quantity = fields.Float(
        compute="_compute_signed_quantity", store=True,
        help="Positive in, negative out: sum it for the stock of the room.")
    shelf = fields.Char("Shelf / Location")
    holder = fields.Char("Taken By / Brought By")
    user_id = fields.Many2one(
        "res.users", "Registered By", default=lambda self: self.env.user,
        readonly=True)
    note = fields.Char()
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)

    @api.depends("direction", "quantity")
    def _compute_signed_quantity(self):
        for line in self:
            sign = 1 if line.direction == "in" else -1
            line.signed_quantity = sign * line.quantity

    @api.constrains("quantity")
    def _check_quantity(self):
        if self.filtered(lambda r: r.quantity <= 0):
            raise ValidationError(_("The quantity of a register line must be "
                                    "positive."))

    @api.onchange("sample_id")
    def _onchange_sample_id(self):
        sample = self.sample_id
        if sample:
            self.product_id = sample.product_id
            self.partner_id = sample.partner_id
            self.description = "%s %s" % (sample.name, sample.material)
