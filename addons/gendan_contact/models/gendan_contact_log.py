from odoo import api, fields, models, tools

from odoo.addons.gendan_base.tools_actions import form_action

KINDS = [("mail_in", "Mail Received"), ("mail_out", "Mail Sent"),
         ("email", "E-mail"), ("fax", "Fax"), ("phone", "Phone"),
         ("visit", "Visit"), ("follow_up", "Post-shipment Follow-up")]
# the post-shipment follow-ups of gendan_shipping (when installed)
FOLLOW_UP_TYPES = ("mail_activity_type_satisfaction", "mail_activity_type_reorder")


class GendanContactLog(models.Model):
    """Every contact with a customer in one list (a SQL view): the tracking
    sheet's fax/phone/mail/visit lines, customer mails with their reply
    clock, our mails, visits and the post-shipment follow-ups.

    ``date`` is the day of the contact (a mail's day where the user who
    handles it is); ``date_time`` the moment of a mail (none for the lines
    kept by day: tracking sheet, visits, follow-ups due)."""

    _name = "gendan.contact.log"
    _description = "Customer Contact Log"
    _auto = False
    _order = "date desc, date_time desc, id desc"

    date = fields.Date(readonly=True)
    date_time = fields.Datetime("Time", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    order_id = fields.Many2one("sale.order", readonly=True)
    kind = fields.Selection(KINDS, "Contact", readonly=True)
    summary = fields.Char("Subject", readonly=True)
    user_id = fields.Many2one("res.users", "By", readonly=True)
    is_open = fields.Boolean("Open", readonly=True,
                             help="A reply or follow-up is still to be made.")
    date_due = fields.Date("Due", readonly=True)
    res_model = fields.Char("Document Model", readonly=True)
    res_id = fields.Integer("Document ID", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # every part is static SQL; the identifiers are this module's own; a
        # mail's day is taken where its user (partner ``up``) is
        self.env.cr.execute("""
            CREATE VIEW gendan_contact_log AS (
            SELECT l.id * 10 + 1 AS id, l.date, NULL::timestamp AS date_time,
                   p.commercial_partner_id AS partner_id, l.order_id,
                   l.channel AS kind, left(l.summary, 200) AS summary,
                   l.user_id, (l.next_action_date IS NOT NULL
                               AND l.follow_up_done IS NOT TRUE) AS is_open,
                   l.next_action_date AS date_due,
                   'gendan.customer.contact'::varchar AS res_model, l.id AS res_id
              FROM gendan_customer_contact l
              JOIN res_partner p ON p.id = l.partner_id
            UNION ALL
            SELECT r.id * 10 + 2, timezone(coalesce(up.tz, 'UTC'),
                   timezone('UTC', r.date_received))::date, r.date_received,
                   r.partner_id,
                   r.order_id, 'mail_in', r.subject, r.user_id,
                   r.state = 'waiting', r.sla_deadline, 'gendan.mail.reply', r.id
              FROM gendan_mail_reply r
              LEFT JOIN res_users u ON u.id = r.user_id
              LEFT JOIN res_partner up ON up.id = u.partner_id
            UNION ALL
            SELECT v.id * 10 + 3, v.date, NULL, p.commercial_partner_id, NULL,
                   'visit', v.name, v.user_id, v.state = 'draft', v.date,
                   'gendan.visit.minutes', v.id
              FROM gendan_visit_minutes v
              JOIN res_partner p ON p.id = v.partner_id
            UNION ALL
            SELECT m.id * 10 + 4, timezone(coalesce(up.tz, 'UTC'),
                   timezone('UTC', m.date))::date, m.date, p.commercial_partner_id,
                   CASE WHEN m.model = 'sale.order' THEN m.res_id END,
                   'mail_out', left(coalesce(m.subject, m.record_name), 200),
                   u.id, FALSE, NULL, m.model, m.res_id
              FROM mail_message m
              JOIN res_users u ON u.partner_id = m.author_id AND u.share IS NOT TRUE
              JOIN res_partner up ON up.id = u.partner_id
              JOIN ir_model_data d ON d.model = 'mail.message.subtype'
                   AND d.module = 'mail' AND d.name = 'mt_comment'
                   AND d.res_id = m.subtype_id
              LEFT JOIN sale_order o ON m.model = 'sale.order' AND o.id = m.res_id
              JOIN res_partner p ON p.id = CASE WHEN m.model = 'sale.order'
                   THEN o.partner_id ELSE m.res_id END
             WHERE m.model IN ('res.partner', 'sale.order')
               AND m.message_type IN ('comment', 'email') AND p.customer
            UNION ALL
            SELECT a.id * 10 + 5, a.date_deadline, NULL, p.commercial_partner_id,
                   o.id, 'follow_up', left(coalesce(a.summary, t.name), 200),
                   a.user_id, TRUE, a.date_deadline, 'sale.order', o.id
              FROM mail_activity a
              JOIN mail_activity_type t ON t.id = a.activity_type_id
              JOIN ir_model_data d ON d.model = 'mail.activity.type'
                   AND d.module = 'gendan_shipping' AND d.name IN %s
                   AND d.res_id = t.id
              JOIN sale_order o ON a.res_model = 'sale.order' AND o.id = a.res_id
              JOIN res_partner p ON p.id = o.partner_id
            UNION ALL
            SELECT m.id * 10 + 6, timezone(coalesce(up.tz, 'UTC'),
                   timezone('UTC', m.date))::date, m.date, p.commercial_partner_id,
                   o.id,
                   'follow_up', left(t.name || ': ' || regexp_replace(
                       coalesce(m.body, ''), '<[^>]*>', ' ', 'g'), 200),
                   u.id, FALSE, NULL, 'sale.order', o.id
              FROM mail_message m
              JOIN mail_activity_type t ON t.id = m.mail_activity_type_id
              JOIN ir_model_data d ON d.model = 'mail.activity.type'
                   AND d.module = 'gendan_shipping' AND d.name IN %s
                   AND d.res_id = t.id
              JOIN sale_order o ON m.model = 'sale.order' AND o.id = m.res_id
              JOIN res_partner p ON p.id = o.partner_id
              LEFT JOIN res_users u ON u.partner_id = m.author_id
              LEFT JOIN res_partner up ON up.id = u.partner_id
            )""", (FOLLOW_UP_TYPES, FOLLOW_UP_TYPES))

    @api.multi
    def action_open_document(self):
        self.ensure_one()
        return form_action(self.res_model, self.res_id)
