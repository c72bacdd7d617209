from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..engine import transition


class GendanMemo(models.Model):
    """Internal contact form (内部联络单): signed, distributed, answered in time.

    The smallest document that uses all three engines; the business modules
    use them the same way.
    """

    _name = "gendan.memo"
    _description = "Internal Contact Form"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.numbered.mixin",
                "gendan.signoff.mixin", "gendan.distribution.mixin",
                "gendan.sla.mixin"]
    _order = "date desc, id desc"

    _signoff_gated_states = ["approved", "distributed", "closed"]
    _signoff_reset_fields = ["subject", "body", "reply_days"]
    _signoff_request_move = (["draft", "to_sign"], "to_sign")
    _signoff_approve_move = (["to_sign"], "approved")
    _signoff_reset_move = (["to_sign", "approved", "distributed"], "to_sign")
    _distribution_list_xmlid = "gendan_base.distribution_list_memo"
    _distribution_live_states = ("distributed", "closed")
    _sla_done_states = ["closed", "cancel"]

    name = fields.Char("Number", readonly=True, copy=False, default="/")
    subject = fields.Char(required=True, track_visibility="onchange")
    body = fields.Html("Content")
    user_id = fields.Many2one("res.users", "Issued By", required=True,
                              default=lambda self: self.env.user,
                              track_visibility="onchange")
    date = fields.Date(required=True, default=fields.Date.context_today)
    reply_days = fields.Integer("Reply Within (Working Days)", default=3)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("draft", "Draft"), ("to_sign", "Signing"), ("approved", "Approved"),
         ("distributed", "Distributed"), ("closed", "Closed"),
         ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")

    @api.depends("date", "reply_days")
    def _compute_sla_deadline(self):
        sla = self.env["gendan.sla"]
        for memo in self:
            memo.sla_deadline = sla.add_working_days(
                memo.date, memo.reply_days, memo.company_id)

    @api.constrains("reply_days")
    def _check_reply_days(self):
        if self.filtered(lambda memo: memo.reply_days < 0):
            raise UserError(_("The reply time cannot be negative."))

    @api.multi
    def write(self, vals):
        locked = self.filtered(lambda memo: memo.state in ("closed", "cancel"))
        # the state moves through the buttons only (gendan.state.machine)
        if locked and set(vals) - {"message_follower_ids", "activity_ids", "state"}:
            raise UserError(_("Closed or cancelled contact forms cannot be changed."))
        return super(GendanMemo, self).write(vals)

    @api.multi
    def action_submit(self):
        if self.filtered(lambda memo: memo.state != "draft"):
            raise UserError(_("Only draft contact forms can be sent for signature."))
        return self.action_signoff_request()

    @api.multi
    @transition(["approved", "distributed"], "distributed")
    def action_distribute(self):
        res = super(GendanMemo, self).action_distribute()
        self.write({"state": "distributed"})
        return res

    @api.multi
    @transition(["distributed"], "closed")
    def action_close(self):
        return self.write({"state": "closed"})

    @api.multi
    @transition(["draft", "to_sign", "approved", "distributed"], "cancel")
    def action_cancel(self):
        self._signoff_withdraw()
        return self.write({"state": "cancel"})

    @api.multi
    @transition(["cancel"], "draft")
    def action_draft(self):
        return self.write({"state": "draft"})
