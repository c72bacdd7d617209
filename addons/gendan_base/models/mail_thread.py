from odoo import api, models


class MailThread(models.AbstractModel):
    """The mail composer of a Gendan document, built in one place."""

    _inherit = "mail.thread"

    @api.multi
    def _gendan_composer_action(self, template=None, attachments=None, **context):
        """Open the mail composer on this record (a comment to its
        followers and recipients), filled from ``template`` (mail.template)
        with ``attachments``; ``context`` adds defaults and flags."""
        self.ensure_one()
        ctx = {"default_model": self._name, "default_res_id": self.id,
               "default_composition_mode": "comment"}
        if template:
            ctx.update(default_use_template=True, default_template_id=template.id)
        if attachments:
            ctx["default_attachment_ids"] = [(6, 0, attachments.ids)]
        ctx.update(context)
        form = self.env.ref("mail.email_compose_message_wizard_form")
        return {"type": "ir.actions.act_window", "res_model": "mail.compose.message",
                "view_mode": "form", "views": [(form.id, "form")],
                "view_id": form.id, "target": "new", "context": ctx}
