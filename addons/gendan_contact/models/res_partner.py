from datetime import timedelta

from odoo import _, api, fields, models

from odoo.addons.gendan_base.tools_actions import window_action

CADENCES = [("7", "Every Week"), ("14", "Every Two Weeks")]


class ResPartner(models.Model):
    """Who replies to the customer, and how often we write to them."""

    _name = "res.partner"
    _inherit = ["gendan.mail.reply.mixin", "res.partner"]

    # res.partner's stored display name, declared again here: the abstract
    # mixin above carries Odoo's automatic (non-stored) display_name, and a
    # module extending res.partner that is loaded after this one (install,
    # -u) would otherwise find the mixin's first and set res.partner up with
    # a non-stored display name: the partners created then had none.
    display_name = fields.Char(compute="_compute_display_name", store=True,
                               index=True)

    gendan_merchandiser_id = fields.Many2one(
        "res.users", "Merchandiser",
        help="Answers the customer's mails that are not about one order.")
    contact_cadence = fields.Selection(
        CADENCES, "Periodic Contact",
        help="The salesperson gets a to-do when nothing was sent to the "
             "customer within this period (周期性地给客户发送邮件).")
    contact_last_sent = fields.Datetime(
        "Last Sent", compute="_compute_contact_dates",
        help="Our latest mail to the customer or on one of their orders, or "
             "the latest outgoing contact of the tracking sheet.")
    contact_next_due = fields.Date("Next Contact Due",
                                   compute="_compute_contact_dates")
    mail_reply_waiting_count = fields.Integer(
        "Mails Awaiting Reply", compute="_compute_mail_reply_waiting_count")

    def _gendan_contact_customer(self):
        return self.commercial_partner_id

    @api.model
    def check_mail_message_access(self, res_ids, operation, model_name=None):
        """Merchandisers and salespeople write to the customer from the
        customer's chatter (the reply that stops the clock) without the
        right to edit the customer: posting needs read access for them."""
        user = self.env.user
        if operation == "create" and (model_name or self._name) == self._name and (
                user.has_group("gendan_base.group_merchandiser")
                or user.has_group("gendan_base.group_salesperson")):
            self.check_access_rights("read")
            self.browse(res_ids).check_access_rule("read")
            return
        super(ResPartner, self).check_mail_message_access(
            res_ids, operation, model_name=model_name)

    def _gendan_contact_merchandiser(self):
        """The customer's merchandiser, else that of their latest order,
        else their salesperson."""
        self.ensure_one()
        customer = self.commercial_partner_id
        if customer.gendan_merchandiser_id:
            return customer.gendan_merchandiser_id
        order = self.env["sale.order"].sudo().search([
            ("partner_id", "child_of", customer.id),
            ("merchandiser_id", "!=", False)], order="date_order desc, id desc",
            limit=1)
        return order.merchandiser_id or customer.user_id

    def _compute_mail_reply_waiting_count(self):
        Reply = self.env["gendan.mail.reply"]
        for partner in self:
            partner.mail_reply_waiting_count = Reply.search_count([
                ("partner_id", "=", partner.commercial_partner_id.id),
                ("state", "=", "waiting")])

    # -- periodic contact --------------------------------------------------------

    def _contact_today(self):
        return fields.Date.from_string(fields.Date.context_today(self))

    def _contact_last_sent_map(self):
        """{customer id: datetime string of our latest mail or contact}."""
        if not self.ids:
            return {}
        comment = self.env.ref("mail.mt_comment").id
        self.env.cr.execute("""
            WITH customer AS (
                SELECT p.id AS partner_id, p.commercial_partner_id AS customer_id
                  FROM res_partner p WHERE p.commercial_partner_id IN %(ids)s),
            sent AS (
                SELECT c.customer_id, m.date
                  FROM mail_message m
                  JOIN customer c ON m.model = 'res.partner' AND m.res_id = c.partner_id
                 WHERE m.subtype_id = %(comment)s
                   AND m.message_type IN ('comment', 'email')
                   AND m.author_id IN (SELECT partner_id FROM res_users
                                       WHERE share IS NOT TRUE)
                UNION ALL
                SELECT c.customer_id, m.date
                  FROM mail_message m
                  JOIN sale_order o ON m.model = 'sale.order' AND m.res_id = o.id
                  JOIN customer c ON c.partner_id = o.partner_id
                 WHERE m.subtype_id = %(comment)s
                   AND m.message_type IN ('comment', 'email')
                   AND m.author_id IN (SELECT partner_id FROM res_users
                                       WHERE share IS NOT TRUE)
                UNION ALL
                SELECT c.customer_id, l.date::timestamp
                  FROM gendan_customer_contact l
                  JOIN customer c ON c.partner_id = l.partner_id
                 WHERE l.direction = 'out')
            SELECT customer_id, max(date) FROM sent GROUP BY customer_id
        """, {"ids": tuple(self.ids), "comment": comment})
        return {row[0]: str(row[1])[:19]
                for row in self.env.cr.fetchall()}

    @api.depends("contact_cadence")
    def _compute_contact_dates(self):
        customers = self.mapped("commercial_partner_id").filtered("id")
        last = customers.sudo()._contact_last_sent_map()
        for partner in self:
            customer = partner.commercial_partner_id
            partner.contact_last_sent = last.get(customer.id)
            partner.contact_next_due = customer.contact_cadence and \
                customer._contact_next_due(last.get(customer.id))

    def _contact_next_due(self, last_sent):
        """The day the next periodic mail is due (today when never sent)."""
        if not last_sent:
            return fields.Date.to_string(self._contact_today())
        last = fields.Datetime.from_string(last_sent).date()
        return fields.Date.to_string(
            last + timedelta(days=int(self.contact_cadence)))

    def _contact_salesperson(self):
        return self.user_id or self._gendan_contact_merchandiser()

    def _gendan_contact_sent(self):
        """We wrote to the customer: the periodic reminder is done."""
        self.env["mail.activity"]._todo_done(self.commercial_partner_id,
                                             "contact_cadence")

    @api.model
    def _cron_contact_cadence(self):
        """Remind the salesperson of each customer with a cadence when
        nothing was sent within it (idempotent: one open to-do)."""
        customers = self.sudo().search([("contact_cadence", "!=", False),
                                        ("customer", "=", True)])
        customers = customers.filtered(lambda p: p.commercial_partner_id == p)
        today = self._contact_today()
        last = customers._contact_last_sent_map()
        due = customers.filtered(lambda p: fields.Date.from_string(
            p._contact_next_due(last.get(p.id))) <= today)
        self.env["mail.activity"]._todo_ensure(
            due, "contact_cadence", lambda p: p._contact_salesperson(),
            lambda self: _("Periodic mail to %(customer)s (last sent: %(date)s)")
            % {"customer": self.name,
               "date": (last.get(self.id) or _("never"))[:10]},
            deadline=fields.Date.to_string(today))
        # reminders of customers mailed since, or without a cadence now
        reminded = self.env["mail.activity"].sudo().search([
            ("res_model", "=", self._name), ("gendan_key", "=", "contact_cadence")])
        settled = self.browse(reminded.mapped("res_id")) - due
        self.env["mail.activity"]._todo_cancel(settled, "contact_cadence")
        return due

    @api.multi
    def action_view_mail_replies(self):
        self.ensure_one()
        action = window_action(self.env, "gendan_contact.gendan_mail_reply_action")
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"search_default_waiting": 1}
        return action
