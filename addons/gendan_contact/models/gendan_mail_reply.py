from datetime import datetime, time

import pytz

from odoo import _, api, fields, models
from odoo.tools import html2plaintext

from odoo.addons.gendan_base.engine import transition
from odoo.addons.gendan_base.tools_actions import form_action

SALES_GROUPS = ["gendan_base.group_merchandiser", "gendan_base.group_salesperson"]
# the customer's working day ends at this local hour unless configured
DEFAULT_DAY_END = 18.0


class GendanMailReply(models.Model):
    """A customer mail waiting for our reply the same working day.

    Created when a customer's e-mail arrives on a customer or an order (see
    ``gendan.mail.reply.mixin``); the first e-mail we send on the same record
    stops the clock. The deadline is the end of the customer's working day
    in the customer's time zone (the next working day when the mail arrives
    after hours or on a day off).
    """

    _name = "gendan.mail.reply"
    _description = "Customer Mail Awaiting Reply"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.sla.mixin"]
    _order = "reply_deadline, id"
    _rec_name = "subject"

    _sla_start_field = "date_received"
    _sla_done_states = ["replied", "no_reply"]
    _sla_responsible_field = "user_id"

    subject = fields.Char(required=True, readonly=True)
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, readonly=True, index=True)
    author_id = fields.Many2one("res.partner", "From", readonly=True)
    email_from = fields.Char("From Address", readonly=True)
    res_model = fields.Char("Document Model", required=True, readonly=True,
                            index=True)
    res_id = fields.Integer("Document ID", required=True, readonly=True,
                            index=True)
    document_name = fields.Char("Document", readonly=True)
    order_id = fields.Many2one("sale.order", readonly=True, index=True)
    message_in_id = fields.Many2one(
        "mail.message", "Customer Mail", readonly=True, ondelete="set null")
    body_preview = fields.Text("Mail", readonly=True)
    date_received = fields.Datetime("Received", required=True, readonly=True)
    customer_tz = fields.Char("Customer Time Zone", readonly=True)
    date_received_local = fields.Char(
        "Received (customer's time)", compute="_compute_local_times")
    reply_deadline = fields.Datetime(
        "Reply By", compute="_compute_sla_deadline", store=True, index=True)
    reply_deadline_local = fields.Char(
        "Reply By (customer's time)", compute="_compute_local_times")
    is_overdue = fields.Boolean(
        "Overdue", compute="_compute_is_overdue", search="_search_is_overdue")
    user_id = fields.Many2one("res.users", "Merchandiser", index=True,
                              track_visibility="onchange")
    message_reply_id = fields.Many2one(
        "mail.message", "Our Reply", readonly=True, ondelete="set null")
    date_replied = fields.Datetime("Replied On", readonly=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("waiting", "Waiting for Reply"), ("replied", "Replied"),
         ("no_reply", "No Reply Needed")], default="waiting", required=True,
        readonly=True, index=True, track_visibility="onchange")

    # -- the clock -------------------------------------------------------------

    @api.model
    def _day_end_hour(self):
        value = self.env["ir.config_parameter"].sudo().get_param(
            "gendan_contact.reply_day_end", DEFAULT_DAY_END)
        try:
            return min(max(float(value), 0.0), 23.99)
        except ValueError:
            return DEFAULT_DAY_END

    def _tz(self):
        try:
            return pytz.timezone(self.customer_tz or "UTC")
        except pytz.UnknownTimeZoneError:
            return pytz.utc

    def _local(self, value):
        """A UTC datetime string as a datetime in the customer's zone."""
        utc = pytz.utc.localize(fields.Datetime.from_string(value))
        return utc.astimezone(self._tz())

    @api.depends("date_received", "customer_tz")
    def _compute_sla_deadline(self):
        sla = self.env["gendan.sla"]
        end = self._day_end_hour()
        end_time = time(int(end), int(round((end % 1) * 60)) % 60)
        for rec in self:
            if not rec.date_received:
                rec.sla_deadline = rec.reply_deadline = False
                continue
            local = rec._local(rec.date_received)
            day = local.date()
            weekdays, holidays = sla._calendar_days(rec.company_id, day, day)
            if (day.weekday() not in weekdays or day in holidays
                    or local.time() >= end_time):
                day = sla.add_working_days(day, 1, rec.company_id)
            deadline = rec._tz().localize(datetime.combine(day, end_time))
            rec.sla_deadline = fields.Date.to_string(day)
            rec.reply_deadline = fields.Datetime.to_string(
                deadline.astimezone(pytz.utc).replace(tzinfo=None))

    @api.depends("date_received", "reply_deadline", "customer_tz")
    def _compute_local_times(self):
        for rec in self:
            rec.date_received_local = rec.date_received and rec._local(
                rec.date_received).strftime("%Y-%m-%d %H:%M %Z")
            rec.reply_deadline_local = rec.reply_deadline and rec._local(
                rec.reply_deadline).strftime("%Y-%m-%d %H:%M %Z")

    def _now(self):
        return fields.Datetime.now()

    @api.depends("reply_deadline", "state")
    def _compute_is_overdue(self):
        now = self._now()
        for rec in self:
            rec.is_overdue = (rec.state == "waiting" and rec.reply_deadline
                              and rec.reply_deadline < now)

    def _search_is_overdue(self, operator, value):
        domain = [("state", "=", "waiting"), ("reply_deadline", "<", self._now())]
        overdue = self.search(domain).ids
        positive = (operator in ("=", "in")) == bool(value)
        return [("id", "in" if positive else "not in", overdue)]

    # -- from the mail thread ---------------------------------------------------

    @api.model
    def _start_clock(self, record, message, customer):
        """Open a clock for ``message`` (the customer's mail on ``record``)."""
        order = record if record._name == "sale.order" else record.browse()
        reply = self.sudo().create({
            "subject": message.subject or record.display_name,
            "partner_id": customer.id,
            "author_id": message.author_id.id,
            "email_from": message.email_from,
            "res_model": record._name,
            "res_id": record.id,
            "document_name": record.display_name,
            "order_id": order.id,
            "message_in_id": message.id,
            "body_preview": self._preview(message.body),
            "date_received": message.date or fields.Datetime.now(),
            "customer_tz": self._customer_tz(customer),
            "user_id": self._merchandiser(record, customer).id,
        })
        reply._todo_reply()
        return reply

    @api.model
    def _preview(self, body):
        return html2plaintext(body or "")[:500]

    @api.model
    def _customer_tz(self, customer):
        company_tz = self.env.user.company_id.partner_id.tz
        return customer.tz or customer.commercial_partner_id.tz or company_tz or "UTC"

    @api.model
    def _merchandiser(self, record, customer):
        """Who replies: the order's merchandiser, else the customer's."""
        if record._name == "sale.order" and record.merchandiser_id:
            return record.merchandiser_id
        return customer._gendan_contact_merchandiser()

    def _todo_reply(self):
        self.env["mail.activity"]._todo_ensure(
            self.filtered(lambda rec: rec.user_id and rec.state == "waiting"),
            "mail_reply", lambda rec: rec.user_id,
            lambda self: _("Reply to %(customer)s: %(subject)s") % {
                "customer": self.partner_id.name, "subject": self.subject},
            deadline=lambda rec: rec.sla_deadline)

    @api.model
    def _stop_clocks(self, record, message):
        """Our mail ``message`` on ``record`` answers its waiting mails."""
        waiting = self.sudo().search([
            ("res_model", "=", record._name), ("res_id", "=", record.id),
            ("state", "=", "waiting")])
        if waiting:
            waiting._action_replied(message)
        return waiting

    @api.multi
    @transition(["waiting"], "replied")
    def _action_replied(self, message):
        self.write({"state": "replied", "message_reply_id": message.id,
                    "date_replied": message.date or fields.Datetime.now()})
        self.env["mail.activity"]._todo_done(self, "mail_reply")
        return True

    # -- buttons -----------------------------------------------------------------

    @api.multi
    @transition(["waiting"], "no_reply", groups=SALES_GROUPS)
    def action_no_reply(self):
        """Nothing to answer (an automatic notice, a thank-you)."""
        self.write({"state": "no_reply"})
        self.env["mail.activity"]._todo_done(self, "mail_reply")
        return True

    @api.multi
    def action_open_document(self):
        self.ensure_one()
        return form_action(self.res_model, self.res_id)

    @api.multi
    @transition(["waiting"], "replied", groups=SALES_GROUPS)
    def action_reply(self):
        """The mail composer on the customer or order: sending the mail
        (``_action_replied``) stops the clock, not this button."""
        self.ensure_one()
        subject = self.subject or ""
        if not subject.lower().startswith("re:"):
            subject = "Re: %s" % subject
        return {
            "type": "ir.actions.act_window", "res_model": "mail.compose.message",
            "view_mode": "form", "views": [(False, "form")], "target": "new",
            "context": {
                "default_model": self.res_model, "default_res_id": self.res_id,
                "default_composition_mode": "comment",
                "default_parent_id": self.message_in_id.id,
                "default_partner_ids": [
                    (6, 0, (self.author_id or self.partner_id).ids)],
                "default_subject": subject,
            },
        }

    # -- demo ----------------------------------------------------------------------

    @api.model
    def _demo_incoming_mail(self):
        """The demo customer's mail on their order (once)."""
        message_id = "<gendan-contact-demo-harbor@harborhome.example.com>"
        if self.env["mail.message"].sudo().search_count(
                [("message_id", "=", message_id)]):
            return False
        order = self.env.ref("gendan_order.order_on_track_demo")
        customer = order.partner_id.commercial_partner_id
        # the customer writes in English, whatever the installer's language
        body = ("<p>Hello, could you confirm the loading date of this order "
                "and send the photos of the finished cartons?</p>")
        subject = "Loading date and carton photos"
        return order.sudo().message_post(
            body=body, subject=subject,
            message_type="email",
            subtype="mail.mt_comment", author_id=customer.id,
            email_from=customer.email, message_id=message_id)
