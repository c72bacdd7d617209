from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GendanCustomerContact(models.Model):
    """A line of the customer tracking sheet (客户跟踪表)."""

    _name = "gendan.customer.contact"
    _description = "Customer Tracking Sheet Line"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    channel = fields.Selection(
        [("email", "E-mail"), ("fax", "Fax"), ("phone", "Phone"),
         ("visit", "Visit")], required=True, default="email")
    summary = fields.Text(required=True)
    next_action = fields.Char()
    next_action_date = fields.Date()
    user_id = fields.Many2one(
        "res.users", "Contacted By", default=lambda self: self.env.user)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)

    @api.constrains("date", "next_action_date")
    def _check_next_action_date(self):
        for line in self:
            if line.next_action_date and line.next_action_date < line.date:
                raise ValidationError(_("The next action cannot be before the "
                                        "contact date."))
