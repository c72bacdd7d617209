from odoo import _, api, fields, models
from odoo.exceptions import UserError


class GendanSignoffWizard(models.TransientModel):
    """Sign or reject a document with a comment (reason), saying which
    role the user signs as; a user who may sign several due slots chooses."""

    _name = "gendan.signoff.wizard"
    _description = "Sign or Reject"

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    action = fields.Selection([("sign", "Sign"), ("reject", "Reject")],
                              required=True, default="sign")
    comment = fields.Text()
    candidate_ids = fields.Many2many(
        "gendan.signature", string="Slots You May Sign",
        compute="_compute_candidate_ids")
    candidate_count = fields.Integer(compute="_compute_candidate_ids")
    signature_id = fields.Many2one(
        "gendan.signature", "Sign As",
        domain="[('id', 'in', candidate_ids)]")
    signing_as = fields.Char(compute="_compute_signing_as")

    def _document(self):
        self.ensure_one()
        model = self.env[self.res_model] if self.res_model in self.env else None
        if model is None or model._abstract or not hasattr(
                model, "_signoff_state_field"):
            raise UserError(_("%s is not a document under sign-off.") % self.res_model)
        return model.browse(self.res_id)

    @api.depends("res_model", "res_id")
    def _compute_candidate_ids(self):
        for wizard in self:
            signable = self.env["gendan.signature"]
            if wizard.res_model and wizard.res_id:
                document = wizard._document()
                if document.exists() and document.signoff_state == "pending":
                    signable = document._signoff_signable_all(self.env.user)
            wizard.candidate_ids = signable
            wizard.candidate_count = len(signable)

    @api.depends("signature_id", "candidate_ids")
    def _compute_signing_as(self):
        user = self.env.user
        for wizard in self:
            signature = wizard.signature_id or wizard.candidate_ids[:1]
            wizard.signing_as = _("Signing as [%s]") % (
                signature._signed_as_label(user)) if signature else False

    @api.model
    def default_get(self, fields_list):
        res = super(GendanSignoffWizard, self).default_get(fields_list)
        if res.get("res_model") and res.get("res_id") and "signature_id" in fields_list:
            wizard = self.new({"res_model": res["res_model"], "res_id": res["res_id"]})
            res["signature_id"] = wizard.candidate_ids[:1].id
        return res

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        document = self._document()
        if self.action == "reject":
            document.action_signoff_reject(self.comment)
        else:
            document.action_signoff_sign(self.comment, self.signature_id.id)
        return {"type": "ir.actions.act_window_close"}
