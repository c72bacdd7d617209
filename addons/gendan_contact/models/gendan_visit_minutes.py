from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class GendanVisitMinutes(models.Model):
    """The visit prepared (agenda, documents and samples to bring) before
    its minutes are written and sent."""

    _name = "gendan.visit.minutes"
    _inherit = ["gendan.visit.minutes", "mail.activity.mixin"]

    agenda = fields.Html()
    order_ids = fields.Many2many(
        "sale.order", "gendan_visit_minutes_sale_order_rel", "visit_id", "order_id",
        "Quotations and Contracts to Bring",
        domain="[('partner_id', 'child_of', partner_id)]")
    sample_ids = fields.Many2many(
        "gendan.sample", "gendan_visit_minutes_sample_rel", "visit_id", "sample_id",
        "Samples to Bring")
    items_to_bring = fields.Text(
        "Other Items to Bring", help="Catalogues, price lists, gifts ...")
    prepared = fields.Boolean(readonly=True, copy=False)
    customer_lang = fields.Char(
        "Customer's Language", compute="_compute_customer_lang",
        help="The minutes go to the customer in English unless their "
             "language is another English locale.")

    @api.depends("partner_id.lang")
    def _compute_customer_lang(self):
        for visit in self:
            lang = visit.partner_id.lang or ""
            visit.customer_lang = lang if lang.startswith("en_") else "en_US"

    @api.model
    def create(self, vals):
        visit = super(GendanVisitMinutes, self).create(vals)
        visit._todo_prepare()
        return visit

    @api.multi
    def write(self, vals):
        result = super(GendanVisitMinutes, self).write(vals)
        if {"date", "user_id"} & set(vals):
            self.env["mail.activity"]._todo_cancel(
                self.filtered(lambda visit: not visit.prepared), "visit_prepare")
            self._todo_prepare()
        return result

    def _todo_prepare(self):
        """A to-do the day before a coming visit: agenda, documents, samples."""
        today = fields.Date.context_today(self)
        coming = self.filtered(lambda visit: visit.date >= today and visit.user_id
                               and not visit.prepared and visit.state == "draft")
        self.env["mail.activity"]._todo_ensure(
            coming, "visit_prepare", lambda visit: visit.user_id,
            lambda self: _("Prepare the visit of %s: agenda, quotations, "
                           "contracts, samples") % self.partner_id.name,
            deadline=lambda visit: max(today, fields.Date.to_string(
                fields.Date.from_string(visit.date) - timedelta(days=1))))

    @api.multi
    def action_prepared(self):
        """The agenda is written and the documents and samples are packed."""
        for visit in self:
            if not visit.agenda or not visit.agenda.strip():
                raise UserError(_("Write the agenda before marking the visit "
                                  "prepared."))
        self.env["mail.activity"]._todo_done(self, "visit_prepare")
        self.write({"prepared": True})
        return True

    @api.multi
    def action_send_to_customer(self):
        """In the customer's English, whatever the sender's language."""
        return super(GendanVisitMinutes, self.with_context(
            lang=self.customer_lang or "en_US")).action_send_to_customer()
