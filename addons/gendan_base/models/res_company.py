from odoo import fields, models


class ResCompany(models.Model):
    """How an overdue Gendan item climbs the ladder; the bank accounts printed."""

    _inherit = "res.company"

    gendan_escalation_days = fields.Integer(
        "Escalate Every (Working Days)", default=2,
        help="An overdue item still open after this many working days is "
             "escalated one level up, again and again.")
    gendan_escalation_levels = fields.Integer(
        "Escalation Levels", default=2,
        help="How many superiors above the owner an overdue item climbs "
             "(the owner's superior, then theirs...; the general manager "
             "when nobody is named).")

    def _gendan_bank_accounts(self):
        """Our bank accounts printed on the documents asking for payment
        (readable by every department printing them)."""
        self.ensure_one()
        return self.sudo().partner_id.bank_ids
