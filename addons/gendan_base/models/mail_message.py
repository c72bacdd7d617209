from odoo import api, models

from odoo.addons.mail.models.mail_thread import MailThread


class MailMessage(models.Model):
    """Posting a message nobody is to be told of costs no notification."""

    _inherit = "mail.message"

    @api.multi
    def _notify(self, force_send=False, send_after_commit=True, user_signature=True):
        # core reads the message, its recipients and the document's followers
        # through the ORM (~15 queries) even for the usual note nobody follows:
        # one query tells whether anybody is to be notified (the partners and
        # channels of the message, the document's followers of its subtype,
        # the author apart as in core); core's path when somebody is
        if len(self) == 1:
            model, parent_id, anybody = self._gendan_recipients_exist()
            if not anybody and not self._gendan_notify_hooked(model):
                if parent_id:
                    # core discards the cache for the messages' access
                    # (child / parent): the messages only, not every model's
                    self.invalidate_cache(list(self._fields))
                return True
        return super(MailMessage, self)._notify(
            force_send=force_send, send_after_commit=send_after_commit,
            user_signature=user_signature)

    @api.model
    def _create(self, vals):
        # the document of the new message as given: core's create reads the
        # whole new row back to find it (``_invalidate_documents``)
        message_id = super(MailMessage, self)._create(vals)
        message = self.browse(message_id)
        message._cache.update(message._convert_to_cache(
            {"model": vals.get("model"), "res_id": vals.get("res_id")}))
        return message_id

    @api.multi
    def _invalidate_documents(self):
        # core empties the whole cache of the document a message is posted on,
        # so its every column is read again next; a message changes the
        # document's mail fields and what is computed on the fly, never its
        # other stored columns
        thread_fields = set(self.env["mail.thread"]._fields)
        for record in self:
            if record.model and record.res_id and record.model in self.env:
                document = self.env[record.model]
                document.invalidate_cache([
                    name for name, field in document._fields.items()
                    if not field.store or name in thread_fields], [record.res_id])

    def _gendan_notify_hooked(self, model):
        """Whether the document's model adds notification values of its own."""
        if not model or model not in self.env.registry:
            return False
        method = getattr(type(self.env[model]),
                         "message_get_message_notify_values", None)
        return method is not None and (
            method is not MailThread.message_get_message_notify_values)

    def _gendan_recipients_exist(self):
        author = "" if self.env.context.get("mail_notify_author") else (
            " AND res_partner_id IS DISTINCT FROM m.author_id")
        follower_author = "" if author == "" else (
            " AND (f.channel_id IS NOT NULL"
            " OR f.partner_id IS DISTINCT FROM m.author_id)")
        self.env.cr.execute(
            "SELECT m.model, m.parent_id, ("
            " EXISTS (SELECT 1 FROM mail_message_res_partner_rel"
            "         WHERE mail_message_id = m.id" + author + ")"
            " OR EXISTS (SELECT 1 FROM mail_message_mail_channel_rel"
            "            WHERE mail_message_id = m.id)"
            " OR (m.subtype_id IS NOT NULL AND m.res_id IS NOT NULL AND EXISTS ("
            "     SELECT 1 FROM mail_followers f"
            "     JOIN mail_followers_mail_message_subtype_rel r"
            "       ON r.mail_followers_id = f.id"
            "     WHERE f.res_model = m.model AND f.res_id = m.res_id"
            "       AND r.mail_message_subtype_id = m.subtype_id"
            + follower_author + ")))"
            " FROM mail_message m WHERE m.id = %s", (self.id,))
        row = self.env.cr.fetchone()
        return row or (None, None, True)
