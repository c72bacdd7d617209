"""Customers in two time zones and a mail helper for the contact tests."""
from odoo.addons.gendan_order.tests.common import GendanOrderCase


class GendanContactCase(GendanOrderCase):
    """``customer`` is in Seattle (America/Los_Angeles), ``customer_de`` in
    Hamburg (Europe/Berlin); the company works Monday to Friday."""

    @classmethod
    def setUpClass(cls):
        super(GendanContactCase, cls).setUpClass()
        cls.customer.write({
            "tz": "America/Los_Angeles", "lang": "en_US",
            "user_id": cls.users["salesperson"].id,
            "gendan_merchandiser_id": cls.users["merchandiser"].id})
        cls.customer_de = cls.env["res.partner"].create({
            "name": "Rheinlicht GmbH", "customer": True, "is_company": True,
            "tz": "Europe/Berlin", "email": "einkauf@rheinlicht.example",
            "user_id": cls.users["salesperson"].id})
        cls.vendor = cls.env["res.partner"].create({
            "name": "Cable Supplier Ltd.", "supplier": True,
            "email": "sales@cables.example"})
        cls.env["ir.config_parameter"].sudo().set_param(
            "gendan_contact.reply_day_end", "18")
        # a plain Monday-Friday week without holidays for the fixed dates
        calendar = cls.env["resource.calendar"].create({"name": "Mon-Fri (test)"})
        cls.env.user.company_id.resource_calendar_id = calendar

    @classmethod
    def _customer_mail(cls, record, date, author=None, subject="Question"):
        """The customer's e-mail on ``record`` received at ``date`` (UTC)."""
        author = author or record.partner_id if record._name == "sale.order" \
            else author or record
        return record.sudo().message_post(
            body="<p>Please confirm.</p>", subject=subject, message_type="email",
            subtype="mail.mt_comment", author_id=author.id,
            email_from=author.email, date=date)

    @classmethod
    def _our_mail(cls, record, user, date=None, note=False):
        """``user`` sends a mail (or logs a note) on ``record``."""
        kwargs = {"date": date} if date else {}
        return record.sudo(user).message_post(
            body="<p>Confirmed.</p>", message_type="comment",
            subtype="mail.mt_note" if note else "mail.mt_comment", **kwargs)

    def _replies(self, record):
        return self.env["gendan.mail.reply"].search([
            ("res_model", "=", record._name), ("res_id", "=", record.id)])

    def _todos(self, records, key, user=None):
        domain = [("res_model", "=", records._name), ("res_id", "in", records.ids),
                  ("gendan_key", "=", key)]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.env["mail.activity"].search(domain)
