from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import transition

MERCHANDISER = ["gendan_base.group_merchandiser"]


class GendanShowroomRegister(models.Model):
    """Property register form (财产登记表): sample machines added to or
    withdrawn from the showroom, registered with finance.

    Signed by both parties (merchandiser and finance) through the sign-off
    engine; the machines move only when both have signed.
    """

    _name = "gendan.showroom.register"
    _description = "Property Register Form"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin",
                "gendan.signoff.mixin"]
    _order = "date desc, id desc"

    _signoff_gated_states = ["done"]
    _signoff_reject_state = "draft"
    _signoff_request_move = (["draft", "to_sign"], "to_sign")
    # the gate of the sign-off engine refuses "done" before both signed
    _signoff_approve_move = (["to_sign"], "done")

    name = fields.Char("Number", readonly=True, copy=False, default="/")
    date = fields.Date(required=True, default=fields.Date.context_today,
                       readonly=True, states={"draft": [("readonly", False)]})
    user_id = fields.Many2one(
        "res.users", "Merchandiser", required=True, readonly=True,
        default=lambda self: self.env.user, states={"draft": [("readonly", False)]},
        track_visibility="onchange")
    line_ids = fields.One2many(
        "gendan.showroom.register.line", "register_id", "Lines", copy=True,
        readonly=True, states={"draft": [("readonly", False)]})
    note = fields.Text()
    amount_added = fields.Float(
        "Value Added", compute="_compute_amounts", digits=(16, 2))
    amount_withdrawn = fields.Float(
        "Value Withdrawn", compute="_compute_amounts", digits=(16, 2))
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("draft", "Draft"), ("to_sign", "Signing"), ("done", "Registered"),
         ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange")

    @api.depends("line_ids.value", "line_ids.operation")
    def _compute_amounts(self):
        for form in self:
            lines = form.line_ids
            form.amount_added = sum(lines.filtered(
                lambda line: line.operation == "add").mapped("value"))
            form.amount_withdrawn = sum(lines.filtered(
                lambda line: line.operation == "withdraw").mapped("value"))

    def _check_lines_editable(self):
        if self.filtered(lambda form: form.state != "draft"):
            raise UserError(_("The lines of a property register form sent for "
                              "signature cannot be changed; cancel it and set "
                              "it back to draft."))

    @api.multi
    def action_submit(self):
        """Send the form to the merchandiser and finance for signature."""
        if self.filtered(lambda form: form.state != "draft"):
            raise UserError(_("Only draft property register forms can be sent "
                              "for signature."))
        for form in self:
            if not form.line_ids:
                raise UserError(_("%s has no line to register.") % form.name)
            form.line_ids._check_machine_state()
        return self.action_signoff_request()

    @api.multi
    @transition(["draft", "to_sign"], "cancel", groups=MERCHANDISER)
    def action_cancel(self):
        self._signoff_withdraw()
        return self.write({"state": "cancel"})

    @api.multi
    @transition(["cancel"], "draft", groups=MERCHANDISER)
    def action_draft(self):
        return self.write({"state": "draft"})

    def _signoff_on_approved(self):
        for form in self:
            form.line_ids._apply(form.date)
