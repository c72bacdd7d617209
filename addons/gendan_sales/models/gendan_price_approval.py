from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import transition

SALES = ["gendan_base.group_salesperson", "gendan_base.group_merchandiser"]


class GendanPriceApproval(models.Model):
    """The selling prices of a quotation, set and signed by the sales manager
    (将产品单价交由销售经理统一报价) from the factory prices.

    Approved, its prices are written on the quotation, which may then be
    sent; a later price change of the quotation voids it.
    """

    _name = "gendan.price.approval"
    _description = "Selling Price Approval"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin",
                "gendan.signoff.mixin"]
    _order = "id desc"

    _signoff_gated_states = ["approved"]
    _signoff_reject_state = "draft"
    _signoff_request_move = (["draft", "to_approve"], "to_approve")

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/")
    order_id = fields.Many2one(
        "sale.order", "Quotation", required=True, index=True, readonly=True,
        ondelete="cascade", states={"draft": [("readonly", False)]})
    partner_id = fields.Many2one(
        related="order_id.partner_id", store=True, readonly=True)
    currency_id = fields.Many2one(
        related="order_id.currency_id", readonly=True)
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, readonly=True)
    user_id = fields.Many2one(
        "res.users", "Requested By", default=lambda self: self.env.user,
        readonly=True)
    line_ids = fields.One2many(
        "gendan.price.approval.line", "approval_id", "Prices", copy=True)
    note = fields.Text("Remarks")
    void_reason = fields.Char(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("to_approve", "Waiting Sales Manager"),
         ("approved", "Approved"), ("void", "Void")],
        default="draft", required=True, readonly=True, index=True, copy=False,
        track_visibility="onchange")

    @api.model
    def _create_for_orders(self, orders):
        """A draft approval per quotation with the lines of its products;
        the older approvals of these quotations are voided."""
        orders.mapped("price_approval_ids").filtered(
            lambda rec: rec.state != "void")._void(_("A new approval was "
                                                     "requested."))
        approvals = self.browse()
        for order in orders:
            approvals |= self.create({
                "order_id": order.id,
                "line_ids": [(0, 0, {
                    "sale_line_id": line.id,
                    "factory_id": line.factory_id.id,
                    "factory_price": line.factory_price,
                    "price_unit": line.price_unit,
                }) for line in order._gendan_priced_lines()],
            })
        return approvals

    @api.multi
    def action_submit(self):
        """Ask the sales manager to set and sign the selling prices."""
        for approval in self:
            if approval.state != "draft":
                raise UserError(_("Only a draft price approval can be sent to "
                                  "the sales manager."))
            if not approval.line_ids:
                raise UserError(_("%s has no price to approve.") % approval.name)
            if approval.line_ids.filtered(lambda line: line.price_unit <= 0):
                raise UserError(_("Propose a selling price for every line of "
                                  "%s.") % approval.name)
        return self.action_signoff_request()

    @transition(["to_approve"], "approved")
    def _signoff_on_approved(self):
        """The signed prices become the quotation's prices."""
        res = super(GendanPriceApproval, self)._signoff_on_approved()
        for line in self.mapped("line_ids"):
            if line.sale_line_id.price_unit != line.price_unit:
                line.sale_line_id.sudo().write({"price_unit": line.price_unit})
        self.write({"state": "approved"})
        for approval in self:
            approval.order_id.message_post(body=_(
                "Selling prices approved (%s).") % approval.name)
        return res

    @api.multi
    @transition(["draft", "to_approve", "approved"], "void", groups=SALES)
    def action_void(self):
        self._void(_("Voided by %s.") % self.env.user.name)
        return True

    @transition(["draft", "to_approve", "approved"], "void")
    def _void(self, reason):
        """Superseded: a price of the quotation changed, or a new request."""
        self._signoff_withdraw()
        self.sudo().write({"state": "void", "void_reason": reason})
        for approval in self:
            approval.message_post(body=_("Void: %s") % reason)

    def _covers(self, lines):
        """Whether this approval fixed the current price of every line."""
        self.ensure_one()
        approved = {line.sale_line_id.id: line.price_unit
                    for line in self.line_ids}
        return all(line.id in approved and not line.currency_id.compare_amounts(
            approved[line.id], line.price_unit) for line in lines)
