from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import button
from odoo.addons.gendan_order.models.gendan_sample import GendanSample as Base

SALES = ["gendan_base.group_salesperson", "gendan_base.group_merchandiser"]


class GendanSample(models.Model):
    """The sample goes to the customer for confirmation (寄送样品给客户进行
    确认): courier, tracking number and the customer's verdict."""

    _inherit = "gendan.sample"
    _state_button_fields = Base._state_button_fields + (
        "dispatch_date", "customer_verdict", "customer_verdict_date")

    enquiry_id = fields.Many2one(
        "gendan.enquiry", index=True, track_visibility="onchange")
    dispatch_courier = fields.Char("Courier", track_visibility="onchange")
    dispatch_tracking = fields.Char(
        "Tracking Number", track_visibility="onchange")
    dispatch_date = fields.Date(
        "Sent to Customer", readonly=True, copy=False,
        track_visibility="onchange")
    customer_verdict = fields.Selection(
        [("waiting", "Waiting for the Customer"), ("approved", "Approved"),
         ("changes", "Changes Requested"), ("rejected", "Rejected")],
        readonly=True, copy=False,
        track_visibility="onchange")
    customer_verdict_date = fields.Date(readonly=True, copy=False)
    customer_comment = fields.Text("Customer Comments")

    @api.onchange("enquiry_id")
    def _onchange_enquiry_id(self):
        if self.enquiry_id and not self.partner_id:
            self.partner_id = self.enquiry_id.partner_id

    @api.multi
    @button(groups=SALES)
    def action_dispatch_to_customer(self):
        """Sent by courier: the customer's verdict is awaited."""
        for sample in self:
            if sample.state not in ("delivered", "approved"):
                raise UserError(_("Sample %s is sent to the customer once it is "
                                  "made (delivered or approved).") % sample.name)
            if not (sample.dispatch_courier and sample.dispatch_tracking):
                raise UserError(_("Give the courier and the tracking number of "
                                  "sample %s.") % sample.name)
        self.write({"dispatch_date": fields.Date.context_today(self),
                    "customer_verdict": "waiting",
                    "customer_verdict_date": False})
        self.env["mail.activity"]._todo_ensure(
            self, "sample_customer", lambda rec: rec.user_id,
            lambda self: _("Get the customer's verdict on sample %s") % self.name,
            deadline=lambda rec: fields.Date.to_string(
                self.env["gendan.sla"].add_working_days(rec.dispatch_date, 5)))
        return True

    @api.multi
    @button(groups=SALES)
    def action_customer_approve(self):
        return self._set_customer_verdict("approved")

    @api.multi
    @button(groups=SALES)
    def action_customer_changes(self):
        return self._set_customer_verdict("changes")

    @api.multi
    @button(groups=SALES)
    def action_customer_reject(self):
        return self._set_customer_verdict("rejected")

    def _set_customer_verdict(self, verdict):
        if self.filtered(lambda rec: rec.customer_verdict != "waiting"):
            raise UserError(_("Record the customer's verdict of a sample sent "
                              "to the customer and not yet answered."))
        if verdict != "approved" and self.filtered(
                lambda rec: not (rec.customer_comment or "").strip()):
            raise UserError(_("Write the customer's comments first."))
        self.write({"customer_verdict": verdict,
                    "customer_verdict_date": fields.Date.context_today(self)})
        self.env["mail.activity"]._todo_done(self, "sample_customer")
        return True
