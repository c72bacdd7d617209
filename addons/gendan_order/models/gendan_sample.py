from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.gendan_base.engine import engine, in_engine

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
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.signoff.mixin",
                "gendan.sla.mixin"]
    _order = "id desc"

    _signoff_state_field = "state"
    _signoff_gated_states = ["approved"]
    _signoff_reject_state = "rejected"
    _sla_start_field = "delivered_date"
    _sla_working_days = 3
    _sla_done_states = ["approved", "rejected", "cancel"]
    _sla_responsible_field = "user_id"

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
    date_due = fields.Date("Requested By", required=True,
                           track_visibility="onchange")
    is_first_time = fields.Boolean(
        "First-time Sample", default=True,
        help="Engineering also checks structure, size and function of a first "
             "sample.")
    state = fields.Selection(
        SAMPLE_STATES, default="draft", required=True, readonly=True, index=True,
        track_visibility="onchange", copy=False)
    vp_approved_by_id = fields.Many2one(
        "res.users", "Approved by VP", readonly=True, copy=False)
    vp_approved_date = fields.Date("VP Approval", readonly=True, copy=False)
    delivered_date = fields.Date("Delivered On", readonly=True, copy=False)
    approved_date = fields.Date("Approved On", readonly=True, copy=False)
    check_ids = fields.One2many(
        "gendan.sample.check", "sample_id", "Evaluation Checklist", copy=False)

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
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code("gendan.sample")
        if vals.get("order_id") and not vals.get("partner_id"):
            vals["partner_id"] = self.env["sale.order"].browse(
                vals["order_id"]).partner_id.id
        return super(GendanSample, self).create(vals)

    @api.multi
    def write(self, vals):
        if "state" in vals and not in_engine():
            # the sign-off engine writes the rejected state after a rejection;
            # approved is gated by the mixin; every other move is a button
            rejected = vals["state"] == "rejected" and not self.filtered(
                lambda s: s.signoff_state != "rejected")
            if not rejected and vals["state"] != "approved":
                raise UserError(_("Use the buttons to move a sample request."))
        return super(GendanSample, self).write(vals)

    def _step(self, from_states, vals):
        if self.filtered(lambda s: s.state not in from_states):
            raise UserError(_("This step is not possible in the current state "
                              "of the sample request."))
        with engine():
            return self.write(vals)

    @api.multi
    def action_submit(self):
        today = fields.Date.context_today(self)
        if self.filtered(lambda s: s.date_due < today):
            raise ValidationError(_("The requested date is in the past."))
        return self._step(["draft"], {"state": "to_approve"})

    @api.multi
    def action_vp_approve(self):
        self._check_vp()
        return self._step(["to_approve"], {
            "state": "in_progress", "vp_approved_by_id": self.env.uid,
            "vp_approved_date": fields.Date.context_today(self)})

    @api.multi
    def action_vp_refuse(self):
        self._check_vp()
        return self._step(["to_approve"], {"state": "draft"})

    def _check_vp(self):
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(VP_GROUP):
            raise AccessError(_("Only the VP (general manager) approves sample "
                                "requests."))

    @api.multi
    def action_deliver(self):
        """The sample is delivered: the 3-working-day evaluation starts."""
        self._step(["in_progress"], {
            "state": "delivered",
            "delivered_date": fields.Date.context_today(self)})
        self.env["gendan.sample.check"]._create_checklist(self)
        self.action_signoff_request()
        return True

    @api.multi
    def action_remake(self):
        """A rejected sample is made again; a new evaluation round follows."""
        self.mapped("check_ids").sudo().unlink()
        return self._step(["rejected"], {"state": "in_progress",
                                         "delivered_date": False})

    @api.multi
    def action_cancel(self):
        return self._step(["draft", "to_approve", "in_progress", "rejected"],
                          {"state": "cancel"})

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

    def _signoff_on_approved(self):
        res = super(GendanSample, self)._signoff_on_approved()
        self.write({"state": "approved",
                    "approved_date": fields.Date.context_today(self)})
        return res
