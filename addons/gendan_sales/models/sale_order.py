from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import button
from odoo.addons.gendan_base.tools_actions import window_action

SALES = ["gendan_base.group_salesperson", "gendan_base.group_merchandiser"]
FOLLOWUP_KEYS = ("quote_seen", "quote_info", "quote_intent")


class SaleOrder(models.Model):
    _inherit = "sale.order"
    # what the buttons and the cron fill on the order, never a caller (the
    # one guard, gendan.state.machine; sale.order declares none elsewhere)
    _state_button_fields = ("quote_sent_date", "quote_expired",
                            "contract_number", "contract_date",
                            "contract_signed_date")

    enquiry_id = fields.Many2one(
        "gendan.enquiry", readonly=True, copy=False, index=True)
    price_approval_ids = fields.One2many(
        "gendan.price.approval", "order_id", "Price Approvals",
        groups="gendan_base.group_user")
    # computed as superuser: a seller outside Gendan (uncontrolled channel)
    # edits and confirms orders without reading the approvals
    price_approval_required = fields.Boolean(
        compute="_compute_price_approval", compute_sudo=True,
        help="The selling prices must be signed by the sales manager before "
             "the quotation is sent or confirmed.")
    price_approval_status = fields.Selection(
        [("not_required", "Not Required"), ("missing", "To Request"),
         ("pending", "Waiting Sales Manager"), ("approved", "Approved")],
        "Selling Prices", compute="_compute_price_approval", compute_sudo=True)
    packing_note = fields.Text(
        "Packing Requirements", help="Printed on the quotation and the "
        "contract (packing method, cartons, marks).")
    quote_sent_date = fields.Date("Quotation Sent", readonly=True, copy=False)
    quote_expired = fields.Boolean(
        "Quotation Expired", readonly=True, copy=False, index=True)
    contract_number = fields.Char(readonly=True, copy=False, index=True)
    contract_date = fields.Date(readonly=True, copy=False)
    contract_signed_file = fields.Binary(
        "Countersigned Contract", attachment=True, copy=False,
        help="The contract signed and stamped by both parties (scan).")
    contract_signed_filename = fields.Char(copy=False)
    contract_signed_date = fields.Date(
        "Countersigned Copy Uploaded", readonly=True, copy=False)

    @api.depends("gendan_controlled", "enquiry_id", "company_id",
                 "price_approval_ids.state", "order_line.price_unit")
    def _compute_price_approval(self):
        for order in self:
            order.price_approval_required = order.gendan_controlled and bool(
                order.enquiry_id or order.company_id.gendan_quote_approval_all)
            order.price_approval_status = order._price_approval_status()

    def _price_approval_status(self):
        if not self.price_approval_required:
            return "not_required"
        approvals = self.price_approval_ids
        lines = self._gendan_priced_lines()
        if any(rec.state == "approved" and rec._covers(lines)
               for rec in approvals):
            return "approved"
        if approvals.filtered(lambda rec: rec.state == "to_approve"):
            return "pending"
        return "missing"

    def _gendan_priced_lines(self):
        return self.order_line.filtered(lambda line: not line.is_downpayment)

    # -- guards ---------------------------------------------------------------

    def _gendan_check_quotable(self):
        """A quotation goes out, or is confirmed, only with the selling
        prices signed by the sales manager and within its validity."""
        quotes = self.filtered(lambda order: order.state in ("draft", "sent"))
        unapproved = quotes.filtered(
            lambda order: order.price_approval_status in ("missing", "pending"))
        if unapproved:
            raise UserError(_(
                "The selling prices of %s are not approved by the sales "
                "manager: request the price approval and wait for the "
                "signature before sending or confirming the quotation.")
                % ", ".join(unapproved.mapped("name")))
        expired = quotes.filtered("quote_expired")
        if expired:
            raise UserError(_(
                "The quotation %s has expired: extend its validity date "
                "first.") % ", ".join(expired.mapped("name")))

    @api.multi
    def write(self, vals):
        if vals.get("state") in ("sent", "sale", "done"):
            self._gendan_check_quotable()
        if {"contract_signed_file", "contract_signed_filename"} & set(vals):
            self._gendan_check_contract_copy_free()
        if vals.get("contract_signed_file") and self.filtered(
                lambda order: not order.contract_number):
            raise UserError(_("Issue the sales contract before uploading its "
                              "countersigned copy."))
        to_follow = self.filtered(
            lambda order: order.state == "draft" and order.gendan_controlled) \
            if vals.get("state") == "sent" else self.browse()
        res = super(SaleOrder, self).write(vals)
        if "validity_date" in vals:
            self._gendan_renew_validity()
        if to_follow:
            to_follow._gendan_quote_followup()
        if "contract_signed_file" in vals:
            self._gendan_date_countersigned(bool(vals["contract_signed_file"]))
        return res

    @button()
    def _gendan_date_countersigned(self, uploaded):
        """The upload is dated by the clock, whoever uploads."""
        self.write({"contract_signed_date": uploaded
                    and fields.Date.context_today(self)})

    # -- price approval -------------------------------------------------------

    @api.multi
    @button(groups=SALES)
    def action_request_price_approval(self):
        """The factory prices and proposed selling prices go to the sales
        manager, who sets and signs the selling prices."""
        self.ensure_one()
        if self.state not in ("draft", "sent"):
            raise UserError(_("Only the prices of a quotation are approved."))
        if not self._gendan_priced_lines():
            raise UserError(_("The quotation %s has no line.") % self.name)
        approval = self.env["gendan.price.approval"]._create_for_orders(self)
        approval.action_submit()
        return {
            "type": "ir.actions.act_window", "res_model": approval._name,
            "res_id": approval.id, "view_mode": "form", "target": "current",
        }

    @api.multi
    def action_view_price_approvals(self):
        self.ensure_one()
        action = window_action(self.env, "gendan_sales.gendan_price_approval_action")
        action["domain"] = [("order_id", "=", self.id)]
        return action

    # -- sending, follow-up and expiry ------------------------------------------

    @api.multi
    def action_quotation_send(self):
        self._gendan_check_quotable()
        return super(SaleOrder, self).action_quotation_send()

    @api.multi
    def print_quotation(self):
        """Print and mark sent; Gendan orders print the Gendan quotation."""
        self._gendan_check_quotable()
        action = super(SaleOrder, self).print_quotation()
        if all(self.mapped("gendan_controlled")):
            action = self.env.ref(
                "gendan_sales.action_report_quotation").report_action(self)
        return action

    @api.multi
    def action_confirm(self):
        self._gendan_check_quotable()
        return super(SaleOrder, self).action_confirm()

    def _gendan_quote_followup(self):
        """Sent (Gendan-controlled): three follow-up to-dos for the
        salesperson."""
        sla = self.env["gendan.sla"]
        today = fields.Date.context_today(self)
        self._gendan_mark_quote({"quote_sent_date": today})
        activity = self.env["mail.activity"]
        for index, (key, days, _summary) in enumerate(self._gendan_followups()):
            activity._todo_ensure(
                self, key, lambda order: order.user_id or self.env.user,
                lambda self, i=index: self._gendan_followups()[i][2] % self.name,
                deadline=lambda order, n=days: fields.Date.to_string(
                    sla.add_working_days(today, n, order.company_id)))

    @button()
    def _gendan_mark_quote(self, vals):
        """Sent, expired, renewed: dated by the clock, never by a caller."""
        return self.write(vals)

    def _gendan_followups(self):
        """After sending: did they see it, more information, intention to
        buy ((to-do key, working days, summary in self's language))."""
        return [
            ("quote_seen", 1, _("Did the customer receive and read the "
                                "quotation %s?")),
            ("quote_info", 3, _("Does the customer need more information on "
                                "the quotation %s?")),
            ("quote_intent", 5, _("Does the customer intend to buy (quotation "
                                  "%s)?")),
        ]

    @api.model
    def _cron_expire_quotations(self, today=None):
        """Gendan quotations past their validity expire (once): the
        follow-ups go, the salesperson renews or cancels. Returns the
        expired quotations."""
        today = today or fields.Date.context_today(self)
        expired = self.search([
            ("state", "in", ("draft", "sent")), ("quote_expired", "=", False),
            ("gendan_controlled", "=", True),
            ("validity_date", "!=", False), ("validity_date", "<", today)])
        if not expired:
            return expired
        expired._gendan_mark_quote({"quote_expired": True})
        activity = self.env["mail.activity"]
        for key in FOLLOWUP_KEYS:
            activity._todo_cancel(expired, key)
        activity._todo_ensure(
            expired, "quote_expired", lambda order: order.user_id or self.env.user,
            lambda self: _("Quotation %s expired: extend it or cancel it")
            % self.name)
        for order in expired:
            order.message_post(body=_("The quotation expired on %s.")
                               % order.validity_date)
        return expired

    def _gendan_renew_validity(self):
        today = fields.Date.context_today(self)
        renewed = self.filtered(lambda order: order.quote_expired and (
            order.validity_date or "") >= today)
        if renewed:
            renewed._gendan_mark_quote({"quote_expired": False})
            self.env["mail.activity"]._todo_done(renewed, "quote_expired")

    # -- sales contract ---------------------------------------------------------

    @api.multi
    @button(groups=SALES)
    def action_issue_contract(self):
        """Number and date the sales contract (购销合同), then print it."""
        for order in self:
            if order.state == "cancel":
                raise UserError(_("A cancelled order has no contract."))
            if order.price_approval_status in ("missing", "pending"):
                raise UserError(_(
                    "The selling prices of %s are not approved: the contract "
                    "cannot be issued.") % order.name)
            if not order.contract_number:
                order.write({
                    "contract_number": self.env["ir.sequence"].next_by_code(
                        "gendan.sales.contract"),
                    "contract_date": fields.Date.context_today(self)})
        return self.env.ref(
            "gendan_sales.action_report_sales_contract").report_action(self)

    @api.multi
    def action_signoff_request(self):
        """The order review waits for the countersigned contract when the
        company asks for it."""
        missing = self.filtered(
            lambda order: order.gendan_controlled
            and order.company_id.gendan_contract_signed_required
            and not order.contract_signed_date)
        if missing:
            raise UserError(_(
                "Upload the sales contract countersigned and stamped by the "
                "customer before requesting the order review of %s.")
                % ", ".join(missing.mapped("name")))
        return super(SaleOrder, self).action_signoff_request()

    def _gendan_contract_copy_locked(self):
        """The orders whose order review used the countersigned contract:
        the company asks for it and the review was requested (pending,
        approved, or the order went on from it)."""
        return self.filtered(
            lambda order: order.contract_signed_date
            and order.state != "cancel" and order.gendan_controlled
            and order.company_id.gendan_contract_signed_required
            and order.signoff_state in ("pending", "approved"))

    def _gendan_check_contract_copy_free(self):
        locked = self.sudo()._gendan_contract_copy_locked()
        if locked:
            raise UserError(_(
                "The countersigned contract of %s was used by the order "
                "review: it cannot be removed or replaced.")
                % ", ".join(locked.mapped("name")))

    def _gendan_contract_bank(self):
        """Our bank account printed on the contract."""
        self.ensure_one()
        return self.company_id.partner_id.bank_ids[:1]

    def _gendan_delivery_date(self):
        self.ensure_one()
        return self.promised_date or self.expected_date

    def _gendan_void_prices(self, reason):
        """A price change of a quotation voids its approved prices."""
        quotes = self.filtered(lambda order: order.state in ("draft", "sent"))
        approved = quotes.sudo().mapped("price_approval_ids").filtered(
            lambda rec: rec.state == "approved")
        if approved:
            approved._void(reason)
