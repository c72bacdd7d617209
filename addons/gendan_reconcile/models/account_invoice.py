from odoo import _, api, fields, models
from odoo.tools.misc import formatLang


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    gendan_is_overdue = fields.Boolean(
        "Overdue", compute="_compute_gendan_is_overdue",
        search="_search_gendan_is_overdue")

    @api.model
    def _gendan_overdue_domain(self):
        """The one overdue rule: posted, not paid, past its due date."""
        return ["&", ("state", "=", "open"),
                ("date_due", "<", fields.Date.context_today(self))]

    @api.depends("state", "date_due")
    def _compute_gendan_is_overdue(self):
        saved = self.filtered("id")
        overdue = saved and self.sudo().search(
            [("id", "in", saved.ids)] + self._gendan_overdue_domain())
        for invoice in self:
            invoice.gendan_is_overdue = invoice.id in overdue.ids

    def _search_gendan_is_overdue(self, operator, value):
        domain = self._gendan_overdue_domain()
        if (operator == "=") != bool(value):
            domain = ["!"] + domain
        return domain

    @api.model
    def _cron_gendan_chase_overdue(self):
        """One chasing activity per overdue customer invoice for its
        salesperson (idempotent); returns the invoices newly escalated."""
        overdue = self.sudo().search([("type", "=", "out_invoice"),
                                      ("gendan_is_overdue", "=", True)])
        if not overdue:
            return overdue
        activity_type = self.env["gendan.sla"]._activity_type()
        existing = self.env["mail.activity"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "in", overdue.ids),
            ("activity_type_id", "=", activity_type.id)])
        chased = set(existing.mapped("res_id"))
        todo = overdue.filtered(lambda inv: inv.id not in chased)
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        for invoice in todo:
            user = invoice.user_id or invoice.partner_id.user_id or self.env.user
            self.env["mail.activity"].sudo().create({
                "res_model_id": model_id, "res_id": invoice.id,
                "activity_type_id": activity_type.id, "user_id": user.id,
                "date_deadline": today,
                "summary": _("Payment overdue since %(date)s: %(amount)s still due")
                % {"date": invoice.date_due, "amount": formatLang(
                    self.env, invoice.residual, currency_obj=invoice.currency_id)},
            })
        return todo
