from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition

QA = ["gendan_base.group_qa"]
REQUESTERS = ["gendan_base.group_production", "gendan_base.group_warehouse",
              "gendan_base.group_purchasing", "gendan_base.group_merchandiser",
              "gendan_base.group_qa"]


class GendanQaCheck(models.Model):
    """QA check of finished goods before they enter stock (经QA检验合格后入库):
    the finished goods of a manufacturing order, or a receipt of goods bought
    for a sale order (outsourced products)."""

    _name = "gendan.qa.check"
    _description = "QA Receipt Check"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin"]
    _order = "id desc"
    _state_button_fields = ("date_checked", "checked_by_id")

    name = fields.Char("Number", default="/", readonly=True, copy=False)
    production_id = fields.Many2one(
        "mrp.production", "Manufacturing Order", index=True, ondelete="cascade",
        readonly=True, states={"to_check": [("readonly", False)]})
    picking_id = fields.Many2one(
        "stock.picking", "Receipt", index=True, ondelete="cascade",
        domain=[("picking_type_code", "=", "incoming")],
        readonly=True, states={"to_check": [("readonly", False)]})
    sale_order_id = fields.Many2one(
        "sale.order", compute="_compute_sale_order_id",
        store=True, index=True, compute_sudo=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id,
        required=True, readonly=True)
    product_names = fields.Char("Goods", compute="_compute_product_names")
    quantity = fields.Float("Quantity Checked")
    state = fields.Selection(
        [("to_check", "To Check"), ("passed", "Passed"), ("failed", "Failed")],
        default="to_check", required=True, readonly=True, copy=False,
        track_visibility="onchange")
    result_note = fields.Text("Findings")
    date_checked = fields.Datetime("Checked On", readonly=True, copy=False)
    checked_by_id = fields.Many2one("res.users", readonly=True,
                                    copy=False)

    @api.depends("production_id.gendan_sale_order_id", "picking_id.sale_id")
    def _compute_sale_order_id(self):
        for check in self:
            order = check.production_id.gendan_sale_order_id
            if check.picking_id:
                order = check.picking_id._gendan_qa_sale_order()
            check.sale_order_id = order

    @api.depends("production_id", "picking_id")
    def _compute_product_names(self):
        for check in self.sudo():
            products = check.production_id.product_id | check.picking_id.mapped(
                "move_lines.product_id")
            check.product_names = ", ".join(products.mapped("display_name"))

    @api.constrains("production_id", "picking_id")
    def _check_document(self):
        for check in self:
            if bool(check.production_id) == bool(check.picking_id):
                raise ValidationError(_(
                    "A QA check is for one manufacturing order or one receipt."))
            if check.picking_id and check.picking_id.picking_type_code != "incoming":
                raise ValidationError(_(
                    "%s is not a receipt: QA checks goods entering stock.")
                    % check.picking_id.name)

    @api.constrains("quantity")
    def _check_quantity(self):
        if self.filtered(lambda c: c.quantity < 0):
            raise ValidationError(_("The quantity checked cannot be negative."))

    @api.model
    def create(self, vals):
        check = super(GendanQaCheck, self).create(vals)
        check._check_document()  # also when neither field is given
        check._check_document_open()
        check._notify_qa()
        return check

    def _check_document_open(self):
        for check in self:
            document = check.production_id or check.picking_id
            if document.state in ("done", "cancel"):
                raise UserError(_("%s is closed: there is nothing left to check.")
                                % document.name)

    def _open_form(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": self._name,
                "res_id": self.id, "view_mode": "form"}

    def _notify_qa(self):
        """QA gets a to-do to inspect the goods."""
        users = self.env.ref("gendan_base.group_qa").sudo().users
        self.env["mail.activity"]._todo_ensure(
            self, "qa_check", users,
            lambda self: _("%(check)s: inspect %(goods)s before they enter "
                           "stock") % {"check": self.name,
                                       "goods": self.product_names})

    def _set_result(self, state):
        if state == "failed" and self.filtered(
                lambda c: not (c.result_note or "").strip()):
            raise UserError(_("Describe the findings of a failed QA check."))
        self.write({"state": state, "date_checked": fields.Datetime.now(),
                    "checked_by_id": self.env.uid})
        self.env["mail.activity"]._todo_done(self, "qa_check")
        return True

    @api.multi
    @transition(["to_check"], "passed", groups=QA)
    def action_pass(self):
        return self._set_result("passed")

    @api.multi
    @transition(["to_check"], "failed", groups=QA)
    def action_fail(self):
        return self._set_result("failed")

    @api.multi
    @transition(["failed"], "to_check", groups=REQUESTERS)
    def action_recheck(self):
        """The goods were reworked: QA checks them again."""
        self._check_document_open()
        self.write({"state": "to_check"})
        self._notify_qa()
        return True

    @api.multi
    def unlink(self):
        if self.filtered(lambda c: c.state != "to_check"):
            raise UserError(_("A QA check with a result is kept as a record."))
        return super(GendanQaCheck, self).unlink()
