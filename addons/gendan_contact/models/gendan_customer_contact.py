from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class GendanCustomerContact(models.Model):
    """A fax, phone, mail or visit contact with its follow-up to-do."""

    _name = "gendan.customer.contact"
    _inherit = ["gendan.customer.contact", "mail.thread", "mail.activity.mixin"]

    direction = fields.Selection(
        [("out", "We Contacted the Customer"), ("in", "The Customer Contacted Us")],
        required=True, default="out")
    contact_person = fields.Char("Customer Contact")
    order_id = fields.Many2one(
        "sale.order", index=True,
        domain="[('partner_id', 'child_of', partner_id)]")
    follow_up_user_id = fields.Many2one(
        "res.users", "Follow-up By", default=lambda self: self.env.user)
    follow_up_done = fields.Boolean("Follow-up Done", readonly=True, copy=False)

    @api.multi
    def name_get(self):
        """"Customer · Phone · 2026-03-10" (My work shows it)."""
        channels = dict(self._fields["channel"]._description_selection(self.env))
        return [(line.id, "%s · %s · %s" % (
            line.partner_id.name, channels.get(line.channel, ""), line.date))
            for line in self]

    @api.constrains("order_id", "partner_id")
    def _check_order_partner(self):
        for line in self.filtered("order_id"):
            if line.order_id.partner_id.commercial_partner_id != \
                    line.partner_id.commercial_partner_id:
                raise ValidationError(_("The order belongs to another customer."))

    @api.model
    def create(self, vals):
        line = super(GendanCustomerContact, self).create(vals)
        line._todo_follow_up()
        if line.direction == "out":
            line.partner_id._gendan_contact_sent()
        return line

    @api.multi
    def write(self, vals):
        result = super(GendanCustomerContact, self).write(vals)
        if {"next_action_date", "next_action", "follow_up_user_id"} & set(vals):
            self.env["mail.activity"]._todo_cancel(
                self.filtered(lambda line: not line.follow_up_done),
                "contact_follow_up")
            self._todo_follow_up()
        return result

    def _todo_follow_up(self):
        self.env["mail.activity"]._todo_ensure(
            self.filtered(lambda line: line.next_action_date
                          and line.follow_up_user_id and not line.follow_up_done),
            "contact_follow_up", lambda line: line.follow_up_user_id,
            lambda self: _("Follow up %(customer)s: %(action)s") % {
                "customer": self.partner_id.name,
                "action": self.next_action or self.summary[:60]},
            deadline=lambda line: line.next_action_date)

    @api.multi
    def action_follow_up_done(self):
        """The follow-up was made: its to-do is done."""
        pending = self.filtered(lambda line: line.next_action_date
                                and not line.follow_up_done)
        if not pending:
            raise UserError(_("There is no open follow-up on this contact."))
        self.env["mail.activity"]._todo_done(pending, "contact_follow_up")
        pending.write({"follow_up_done": True})
        return True
