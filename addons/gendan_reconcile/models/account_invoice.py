from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang

from odoo.addons.gendan_base.engine import check_engine, engine

# kept by the dunning cron, never written directly
DUNNING_FIELDS = {"gendan_dunning_level_id", "gendan_dunning_date"}


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    gendan_is_overdue = fields.Boolean(
        "Overdue", compute="_compute_gendan_is_overdue",
        search="_search_gendan_is_overdue")
    gendan_dunning_level_id = fields.Many2one(
        "gendan.dunning.level", "Dunning Level", readonly=True, copy=False,
        index=True, track_visibility="onchange")
    gendan_dunning_date = fields.Date(
        "Last Dunning", readonly=True, copy=False,
        help="The day the invoice reached its dunning level.")
    gendan_promised_date = fields.Date(
        "Promised Payment Date", copy=False, track_visibility="onchange",
        help="The payment date the customer promised (回复付款日期): the "
             "chasing waits until then; a broken promise raises the next "
             "dunning level.")
    gendan_shipments_held = fields.Boolean(
        related="gendan_dunning_level_id.hold_shipments", readonly=True,
        string="Shipments Held")

    @api.multi
    def write(self, vals):
        if DUNNING_FIELDS & set(vals):
            check_engine(_("The dunning level of an invoice"))
        if vals.get("gendan_promised_date"):
            self._check_gendan_promise(vals["gendan_promised_date"])
        return super(AccountInvoice, self).write(vals)

    def _check_gendan_promise(self, promised):
        """A promise is recorded on an open customer invoice, not in the past."""
        wrong = self.filtered(lambda inv: inv.type != "out_invoice"
                              or inv.state != "open")
        if wrong:
            raise UserError(_("A promised payment date is recorded on open "
                              "customer invoices only."))
        if promised < fields.Date.context_today(self):
            raise UserError(_("The promised payment date cannot be in the past "
                              "(%s).") % promised)

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
        """The daily chasing of overdue customer invoices: the dunning levels
        (kept under this name for the scheduled action of earlier releases)."""
        return self._cron_gendan_dunning()

    # -- dunning --------------------------------------------------------------

    @api.model
    def _cron_gendan_dunning(self, today=None):
        """Daily: raise the overdue customer invoices to their next dunning
        level when its working-day delay has passed or the customer broke the
        payment date promised; returns the invoices raised."""
        today = today or fields.Date.context_today(self)
        overdue = self.sudo().search([
            ("type", "=", "out_invoice"), ("state", "=", "open"),
            ("date_due", "<", today)], order="date_due, id")
        # the levels of every company: a handful of records
        levels = self.env["gendan.dunning.level"].sudo().search([("active", "=", True)])
        sla = self.env["gendan.sla"]
        raised = self.browse()
        for invoice in overdue:
            promise = invoice.gendan_promised_date
            if promise and promise >= today:
                continue  # the customer promised to pay by then
            current = invoice.gendan_dunning_level_id
            following = levels.filtered(
                lambda lvl, inv=invoice, cur=current: lvl.company_id == inv.company_id
                and (not cur or (lvl.sequence, lvl.id) > (cur.sequence, cur.id)))
            if not following:
                if promise:
                    invoice._gendan_promise_broken()
                continue
            level = following[0]
            start = invoice.gendan_dunning_date or invoice.date_due
            due = fields.Date.to_string(sla.add_working_days(
                start, level.delay_days, invoice.company_id))
            if promise or today >= due:
                if promise:
                    invoice._gendan_promise_broken()
                invoice._gendan_dunning_raise(level, today)
                raised |= invoice
        return raised

    def _gendan_promise_broken(self):
        self.ensure_one()
        self.message_post(body=_(
            "The customer did not pay by the promised date %s: the chasing "
            "goes on.") % self.gendan_promised_date)
        self.gendan_promised_date = False

    def _gendan_dunning_raise(self, level, today):
        """Move the invoice to ``level``: its e-mail to the customer, a to-do
        for the salesperson or the sales managers."""
        self.ensure_one()
        with engine():
            self.write({"gendan_dunning_level_id": level.id,
                        "gendan_dunning_date": today})
        if level.mail_template_id:
            self.message_post_with_template(
                level.mail_template_id.id, composition_mode="comment")
        if level.notify == "sales_manager":
            users = self.env.ref("gendan_base.group_sales_manager").users
        else:
            users = self.user_id or self.partner_id.user_id
        self.env["mail.activity"]._todo_ensure(
            self, "gendan_dunning_%s" % level.id, users,
            lambda self: _("%(level)s: %(amount)s overdue since %(date)s") % {
                "level": level.with_env(self.env).name, "date": self.date_due,
                "amount": formatLang(self.env, self.residual,
                                     currency_obj=self.currency_id)})
