from odoo.tests.common import TransactionCase


class TestPartnerDisplayName(TransactionCase):
    """gendan_contact's reply-clock mixin on res.partner does not cost the
    partners their stored display name (models/res_partner.py)."""

    def test_display_name_stored(self):
        field = self.env["res.partner"]._fields["display_name"]
        self.assertTrue(field.store)
        partner = self.env["res.partner"].create({"name": "Cixi Test Works"})
        partner.recompute()
        self.env.cr.execute("SELECT display_name FROM res_partner WHERE id = %s",
                            (partner.id,))
        self.assertEqual(self.env.cr.fetchall(), [("Cixi Test Works",)])

    def test_every_partner_has_one(self):
        """The demo partners of the modules loaded after gendan_contact that
        extend res.partner (shipping, stock, outsourcing...) have theirs."""
        self.env.cr.execute(
            "SELECT name FROM res_partner WHERE display_name IS NULL ORDER BY id")
        self.assertEqual(self.env.cr.fetchall(), [])
