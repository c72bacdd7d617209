from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import transition


class GendanVisitMinutes(models.Model):
    """Minutes of a customer visit, with an English version for the customer."""

    _name = "gendan.visit.minutes"
    _description = "Visit Minutes"
    _inherit = ["mail.thread", "gendan.state.machine"]
    _order = "date desc, id desc"

    name = fields.Char("Subject", required=True)
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    location = fields.Char()
    attendee_ids = fields.Many2many("res.users", string="Our Attendees")
    customer_attendees = fields.Char()
    minutes = fields.Html("Minutes (internal)")
    minutes_en = fields.Html("Minutes (English, for the customer)")
    user_id = fields.Many2one(
        "res.users", "Written By", default=lambda self: self.env.user)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent to Customer")], default="draft",
        readonly=True, track_visibility="onchange")

    @api.multi
    @transition(["draft", "sent"], "sent")
    def action_send_to_customer(self):
        """Post the English minutes to the customer from the template."""
        self.ensure_one()
        if not self.minutes_en or not self.minutes_en.strip():
            raise UserError(_("Write the English version before sending."))
        template = self.env.ref("gendan_order.mail_template_visit_minutes")
        self.message_post_with_template(template.id, composition_mode="comment")
        self.state = "sent"
        return True
