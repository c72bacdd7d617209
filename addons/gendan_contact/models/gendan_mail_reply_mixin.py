from odoo import api, models


class GendanMailReplyMixin(models.AbstractModel):
    """Start and stop the reply clock from the mail thread of a customer
    document (``res.partner``, ``sale.order``).

    A customer's e-mail (``message_type`` email, from the customer's
    address) starts a clock; our e-mail sent on the same record (a message
    of subtype "Discussions" by an internal user) stops it and counts as a
    contact for the customer's cadence.
    """

    _name = "gendan.mail.reply.mixin"
    _description = "Customer Mail Reply Clock"

    def _gendan_contact_customer(self):
        """The customer (commercial partner) of the record, or empty."""
        raise NotImplementedError

    @api.multi
    @api.returns("self", lambda value: value.id)
    def message_post(self, *args, **kwargs):
        message = super(GendanMailReplyMixin, self).message_post(*args, **kwargs)
        if len(self) == 1 and message:
            self._gendan_track_mail(message.sudo())
        return message

    def _gendan_track_mail(self, message):
        customer = self._gendan_contact_customer()
        if not customer or not customer.customer:
            return
        if message.message_type == "email" and self._gendan_from_customer(
                message, customer):
            self.env["gendan.mail.reply"]._start_clock(self, message, customer)
        elif self._gendan_is_our_mail(message):
            self.env["gendan.mail.reply"]._stop_clocks(self, message)
            customer._gendan_contact_sent()

    @api.model
    def _gendan_from_customer(self, message, customer):
        author = message.author_id
        if author:
            return author.commercial_partner_id == customer
        address = (message.email_from or "").lower()
        emails = (customer | customer.child_ids).mapped("email")
        return any(email and email.lower() in address for email in emails)

    @api.model
    def _gendan_is_our_mail(self, message):
        """A discussion message (sent to the followers) by one of our users."""
        comment = self.env.ref("mail.mt_comment")
        return (message.message_type in ("comment", "email")
                and message.subtype_id == comment
                and any(not user.share for user in message.author_id.user_ids))
