from odoo import _, api, fields, models
from odoo.exceptions import UserError


class GendanDelayNoticeWizard(models.TransientModel):
    """Tell the customer the order will be late: reason and new date."""

    _name = "gendan.delay.notice.wizard"
    _description = "Delay Notice to the Customer"

    order_id = fields.Many2one("sale.order", required=True, readonly=True)
    reason = fields.Text(required=True)
    new_date = fields.Date("New Delivery Date", required=True)

    @api.multi
    def action_send(self):
        self.ensure_one()
        order = self.order_id
        if not (self.reason or "").strip():
            raise UserError(_("Give the reason of the delay."))
        if order.promised_date and self.new_date <= order.promised_date:
            raise UserError(_("The new date must be after the promised date %s.")
                            % order.promised_date)
        old_date = order.promised_date
        order.write({"promised_date": self.new_date})
        template = self.env.ref("gendan_order.mail_template_delay_notice")
        order.with_context(
            delay_reason=self.reason, delay_old_date=old_date,
            delay_new_date=self.new_date,
        ).message_post_with_template(template.id, composition_mode="comment")
        return {"type": "ir.actions.act_window_close"}
