from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition

SAMPLE_STATES = [
    ("draft", "Draft"),
    ("to_approve", "Waiting VP Approval"),
    ("in_progress", "Being Made"),
    ("delivered", "Delivered, Under Evaluation"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]
VP_GROUP = "gendan_base.group_general_manager"


class GendanSample(models.Model):
    """A sample request (打样): VP approval, making, evaluation sign-off."""

    _name = "gendan.sample"
    _description = "Sample Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin",
                "gendan.signoff.mixin", "gendan.sla.mixin"]
    _order = "id desc"

    _signoff_state_field = "state"
    _signoff_gated_states = ["approved"]
    _signoff_reject_state = "rejected"
    _signoff_approve_move = (["delivered"], "approved")
    _sla_start_field = "delivered_date"
    _sla_working_days = 3
    _sla_done_states = ["approved", "rejected", "cancel"]
    _sla_responsible_field = "user_id"
    _state_button_fields = ("vp_approved_by_id", "vp_approved_date",
                            "delivered_date", "approved_date")

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/")
    order_id = fields.Many2one("sale.order", index=True, ondelete="restrict",
                               track_visibility="onchange")
    partner_id = fields.Many2one("res.partner", "Customer", index=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)
    user_id = fields.Many2one(
        "res.users", "Requested By", default=lambda self: self.env.user,
        track_visibility="onchange")
    product_id = fields.Many2one("product.product", index=True)
    material = fields.Char("Material / Product Description", required=True)
    quantity = fields.Float(default=1.0, required=True)
    purpose = fields.Text(required=True)
    date_due = fields.Date("Needed By", required=True,
                           track_visibility="onchange")
    is_first_time = fields.Boolean(
        "First-time Sample", default=True,
        help="Engineering also checks structure, size and function of a first "
             "sample.")
    state = fields.Selection(
        SAMPLE_STATES, default="draft", required=True, readonly=True, index=True,
        track_visibility="onchange", copy=False,
        group_expand="_group_expand_states")
    vp_approved_by_id = fields.Many2one(
        "res.users", "Approved by VP", readonly=True, copy=False)
    vp_approved_date = fields.Date("VP Approval", readonly=True, copy=False)
    delivered_date = fields.Date("Delivered On", readonly=True, copy=False)
    approved_date = fields.Date("Approved On", readonly=True, copy=False)
    check_ids = fields.One2many(
        "gendan.sample.check", "sample_id", "Evaluation Checklist", copy=False)

    @api.model
    def _group_expand_states(self, states, domain, order):
        """Kanban columns in workflow order, empty ones included."""
        return [key for key, _label in self._fields["state"].selection]

    @api.constrains("quantity")
    def _check_quantity(self):
        if self.filtered(lambda s: s.quantity <= 0):
            raise ValidationError(_("The sample quantity must be positive."))

    @api.onchange("order_id")
    def _onchange_order_id(self):
        if self.order_id:
            self.partner_id = self.order_id.partner_id

    @api.model
    def create(self, vals):
        if vals.get("order_id") and not vals.get("partner_id"):
            vals["partner_id"] = self.env["sale.order"].browse(
                vals["order_id"]).partner_id.id
        return super(GendanSample, self).create(vals)

    @api.multi
    @transition(["draft"], "to_approve")
    def action_submit(self):
        today = fields.Date.context_today(self)
        if self.filtered(lambda s: s.date_due < today):
            raise ValidationError(_("The requested date is in the past."))
        return self.write({"state": "to_approve"})

    @api.multi
    @transition(["to_approve"], "in_progress", groups=[VP_GROUP])
    def action_vp_approve(self):
        return self.write({
            "state": "in_progress", "vp_approved_by_id": self.env.uid,
            "vp_approved_date": fields.Date.context_today(self)})

    @api.multi
    @transition(["to_approve"], "draft", groups=[VP_GROUP])
    def action_vp_refuse(self):
        return self.write({"state": "draft"})

    @api.multi
    @transition(["in_progress"], "delivered")
    def action_deliver(self):
        """The sample is delivered: the 3-working-day evaluation starts."""
        self.write({
            "state": "delivered",
            "delivered_date": fields.Date.context_today(self)})
        self.env["gendan.sample.check"]._create_checklist(self)
        self.action_signoff_request()
        return True

    @api.multi
    @transition(["rejected"], "in_progress")
    def action_remake(self):
        """A rejected sample is made again; a new evaluation round follows."""
        self.mapped("check_ids").sudo().unlink()
        return self.write({"state": "in_progress", "delivered_date": False})

    @api.multi
    @transition(["draft", "to_approve", "in_progress", "rejected"], "cancel")
    def action_cancel(self):
        return self.write({"state": "cancel"})

    @api.multi
    def action_signoff_sign(self, comment=False, signature_id=False):
        for sample in self:
            sample._check_role_checklist(self.env.user, signature_id)
        return super(GendanSample, self).action_signoff_sign(
            comment=comment, signature_id=signature_id)

    def _check_role_checklist(self, user, signature_id=False):
        """The signer's checklist must be complete and passed."""
        signature = self._signoff_signable_by(user)
        if signature_id:
            signature = self._signoff_signable_all(user).filtered(
                lambda sig: sig.id == signature_id) or signature
        checks = self.check_ids.filtered(
            lambda c: c.role_group_id == signature.group_id)
        if checks.filtered(lambda c: c.result == "pending"):
            raise UserError(_("Fill in your evaluation checklist before "
                              "signing %s.") % self.name)
        if checks.filtered(lambda c: c.result == "fail"):
            raise UserError(_("A check of %s failed: reject the sample instead "
                              "of signing it.") % self.name)

    def _signoff_approve_vals(self):
        return {"approved_date": fields.Date.context_today(self)}
