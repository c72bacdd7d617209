from odoo import _, api, fields, models
from odoo.exceptions import UserError


class GendanSignoffWizard(models.TransientModel):
    """Sign or reject a document with a comment (reason)."""

    _name = "gendan.signoff.wizard"
    _description = "Sign or Reject"

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    action = fields.Selection([("sign", "Sign"), ("reject", "Reject")],
                              required=True, default="sign")
    comment = fields.Text()

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        model = self.env[self.res_model] if self.res_model in self.env else None
        if model is None or model._abstract or not hasattr(
                model, "_signoff_state_field"):
            raise UserError(_("%s is not a document under sign-off.") % self.res_model)
        document = model.browse(self.res_id)
        if self.action == "reject":
            document.action_signoff_reject(self.comment)
        else:
            document.action_signoff_sign(self.comment)
        return {"type": "ir.actions.act_window_close"}
