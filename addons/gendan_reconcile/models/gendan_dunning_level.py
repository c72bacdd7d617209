from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GendanDunningLevel(models.Model):
    """One level of the chasing of overdue customer invoices (催款).

    An overdue invoice reaches the first level its delay (working days) after
    its due date, each next level its delay after the previous one; a
    payment date promised by the customer suspends the chasing until that
    day, and a broken promise raises the next level at once.
    """
    _name = "gendan.dunning.level"
    _description = "Dunning Level"
    _order = "company_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10, required=True)
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    delay_days = fields.Integer(
        "Delay (Working Days)", required=True, default=5,
        help="Working days after the due date (first level) or after the "
             "previous level.")
    mail_template_id = fields.Many2one(
        "mail.template", "E-mail to the Customer",
        domain=[("model", "=", "account.invoice")])
    notify = fields.Selection(
        [("salesperson", "Salesperson"), ("sales_manager", "Sales Managers")],
        "To-do For", required=True, default="salesperson")
    hold_shipments = fields.Boolean(
        help="From this level the customer's deliveries wait for the payment "
             "(payment gate), unless a shipping release is signed.")
    active = fields.Boolean(default=True)

    @api.constrains("delay_days")
    def _check_delay(self):
        if self.filtered(lambda level: level.delay_days < 0):
            raise ValidationError(_("The delay of a dunning level cannot be "
                                    "negative."))
