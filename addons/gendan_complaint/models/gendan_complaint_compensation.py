from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.gendan_base.engine import transition


class GendanComplaintCompensation(models.Model):
    """Compensation granted to the customer; approved through the sign-off engine."""

    _name = "gendan.complaint.compensation"
    _description = "Complaint Compensation"
    _inherit = ["mail.thread", "gendan.state.machine", "gendan.signoff.mixin"]
    _order = "id desc"

    _signoff_state_field = "state"
    _signoff_gated_states = ["approved", "done"]
    _signoff_reject_state = "draft"
    _signoff_reset_fields = ["compensation_type", "amount"]

    complaint_id = fields.Many2one(
        "gendan.complaint", required=True, ondelete="cascade", index=True)
    name = fields.Char(related="complaint_id.name", readonly=True, store=True)
    partner_id = fields.Many2one(
        related="complaint_id.partner_id", readonly=True, store=True)
    company_id = fields.Many2one(
        related="complaint_id.company_id", readonly=True, store=True)
    compensation_type = fields.Selection(
        [("credit_note", "Credit Note"), ("replacement", "Replacement"),
         ("discount", "Discount on Next Order"), ("none", "No Compensation")],
        "Type", required=True, default="credit_note", track_visibility="onchange")
    amount = fields.Monetary(track_visibility="onchange")
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: self.env.user.company_id.currency_id)
    note = fields.Text("Justification")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("done", "Granted"),
         ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")

    @api.constrains("compensation_type", "amount")
    def _check_amount(self):
        for comp in self:
            if comp.amount < 0:
                raise ValidationError(_("A compensation amount cannot be negative."))
            needs_amount = comp.compensation_type in ("credit_note", "discount")
            if needs_amount and not comp.amount:
                raise ValidationError(_("A credit note or discount needs an amount."))
            if comp.compensation_type == "none" and comp.amount:
                raise ValidationError(_("'No compensation' has no amount."))

    @api.model
    def create(self, vals):
        self.env["gendan.complaint"].browse(vals.get("complaint_id"))._check_open()
        return super().create(vals)

    @api.multi
    def action_request_approval(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(_("Only draft compensations are sent for approval."))
        return self.action_signoff_request()

    @transition(["draft"], "approved")
    def _signoff_on_approved(self):
        self.write({"state": "approved"})

    @api.multi
    @transition(["approved"], "done")
    def action_done(self):
        return self.write({"state": "done"})

    @api.multi
    @transition(["draft", "approved"], "cancel")
    def action_cancel(self):
        self._signoff_withdraw()
        return self.write({"state": "cancel"})
