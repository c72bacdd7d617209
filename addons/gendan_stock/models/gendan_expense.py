from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition

MERCHANDISER = "gendan_base.group_merchandiser"
FINANCE = "gendan_base.group_finance"
TODO_CHECK = "gendan_stock.expense_check"
TODO_APPROVE = "gendan_stock.expense_approve"


class GendanExpense(models.Model):
    """Daily expense register (运费、配送费、日常费用的登记与核对).

    The merchandiser registers each payment of the day and checks it against
    the receipts; finance approves it, which posts a vendor bill of the payee:
    the expense is in the books, not only in the register.
    """

    _name = "gendan.expense"
    _description = "Daily Expense"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin"]
    _order = "date desc, id desc"
    _state_button_fields = ("checked_by_id", "checked_date", "approved_by_id",
                            "approved_date", "invoice_id")

    name = fields.Char("Number", readonly=True, copy=False, default="/")
    date = fields.Date(required=True, default=fields.Date.context_today,
                       track_visibility="onchange")
    expense_type = fields.Selection(
        [("freight", "Freight"), ("delivery", "Delivery Fee"),
         ("daily", "Daily Expense")], "Type", required=True, default="freight",
        track_visibility="onchange")
    partner_id = fields.Many2one(
        "res.partner", "Paid To", required=True, track_visibility="onchange",
        help="The carrier, delivery driver or shop paid; the vendor of the bill.")
    description = fields.Char(required=True)
    amount = fields.Monetary(required=True, track_visibility="onchange")
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: self.env.user.company_id.currency_id)
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    user_id = fields.Many2one("res.users", "Registered By", required=True,
                              default=lambda self: self.env.user)
    picking_id = fields.Many2one(
        "stock.picking", "Delivery", help="The delivery the freight was paid for.")
    state = fields.Selection(
        [("draft", "Registered"), ("checked", "Checked"), ("posted", "Posted"),
         ("cancel", "Cancelled")], default="draft", required=True,
        readonly=True, copy=False, track_visibility="onchange")
    checked_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    checked_date = fields.Date("Checked On", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Date("Approved On", readonly=True, copy=False)
    invoice_id = fields.Many2one("account.invoice", "Vendor Bill", readonly=True,
                                 copy=False)

    @api.constrains("amount")
    def _check_amount(self):
        if self.filtered(lambda expense: expense.amount <= 0):
            raise ValidationError(_("An expense amount must be positive."))

    @api.model
    def _check_amount_vals(self, vals):
        """Refuse a negative amount before anything is written."""
        if "amount" in vals and (vals["amount"] or 0.0) <= 0:
            raise ValidationError(_("An expense amount must be positive."))

    @api.model
    def create(self, vals):
        self._check_amount_vals(vals)
        return super(GendanExpense, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_amount_vals(vals)
        locked = self.filtered(lambda e: e.state in ("posted", "cancel"))
        if locked and set(vals) - {"message_follower_ids", "activity_ids",
                                   "state"}:
            raise UserError(_("A posted or cancelled expense cannot be changed."))
        return super(GendanExpense, self).write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda e: e.state != "draft"):
            raise UserError(_("Only registered (unchecked) expenses can be "
                              "deleted."))
        return super(GendanExpense, self).unlink()

    # -- buttons ------------------------------------------------------------------

    @api.multi
    @transition(["draft"], "checked", groups=[MERCHANDISER])
    def action_check(self):
        """Checked against the receipt (核对)."""
        self.write({"state": "checked", "checked_by_id": self.env.uid,
                    "checked_date": fields.Date.context_today(self)})
        self.env["mail.activity"]._todo_done(self, TODO_CHECK)
        return True

    @api.multi
    @transition(["checked"], "posted", groups=[FINANCE])
    def action_approve(self):
        """Finance approves: the payee's vendor bill is created and posted."""
        for expense in self:
            bill = expense._create_vendor_bill()
            expense.write({"state": "posted", "invoice_id": bill.id,
                           "approved_by_id": self.env.uid,
                           "approved_date": fields.Date.context_today(self)})
        self.env["mail.activity"]._todo_done(self, TODO_APPROVE)
        return True

    @api.multi
    @transition(["checked"], "draft", groups=[FINANCE])
    def action_send_back(self):
        self.write({"state": "draft", "checked_by_id": False,
                    "checked_date": False})
        return True

    @api.multi
    @transition(["draft", "checked"], "cancel", groups=[MERCHANDISER, FINANCE])
    def action_cancel(self):
        self.write({"state": "cancel"})
        self.env["mail.activity"]._todo_cancel(self, TODO_CHECK)
        self.env["mail.activity"]._todo_cancel(self, TODO_APPROVE)
        return True

    # -- accounting ---------------------------------------------------------------

    def _bill_product(self):
        return self.env.ref("gendan_stock.product_daily_expense")

    def _create_vendor_bill(self):
        """A posted vendor bill of the payee with the expense as its line."""
        self.ensure_one()
        Invoice = self.env["account.invoice"].sudo().with_context(
            type="in_invoice", company_id=self.company_id.id)
        payee = self.partner_id.commercial_partner_id
        product = self._bill_product()
        bill = Invoice.create({
            "type": "in_invoice", "partner_id": payee.id,
            "account_id": payee.property_account_payable_id.id,
            "currency_id": self.currency_id.id, "company_id": self.company_id.id,
            "date_invoice": self.date, "origin": self.name,
            "reference": self.name})
        label = dict(self._fields["expense_type"]._description_selection(
            self.env))[self.expense_type]
        account = self.env["account.invoice.line"].get_invoice_line_account(
            "in_invoice", product, bill.fiscal_position_id, bill.company_id)
        self.env["account.invoice.line"].sudo().create({
            "invoice_id": bill.id, "product_id": product.id,
            "name": "%s: %s" % (label, self.description), "account_id": account.id,
            "quantity": 1.0, "price_unit": self.amount,
            "uom_id": product.uom_id.id})
        bill.action_invoice_open()
        return bill

    # -- daily check ---------------------------------------------------------------

    @api.model
    def _cron_gendan_daily_check(self):
        """Daily: the merchandisers check what is still unchecked, finance
        approves what is checked (one to-do per entry, once)."""
        activity = self.env["mail.activity"]
        drafts = self.search([("state", "=", "draft")])
        activity._todo_ensure(
            drafts, TODO_CHECK, self.env.ref(MERCHANDISER).users,
            lambda self: _("Check the expense %s against its receipt") % self.name)
        checked = self.search([("state", "=", "checked")])
        activity._todo_ensure(
            checked, TODO_APPROVE, self.env.ref(FINANCE).users,
            lambda self: _("Approve the expense %s") % self.name)
        return drafts | checked
