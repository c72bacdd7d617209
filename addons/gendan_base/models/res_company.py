from odoo import SUPERUSER_ID, api, fields, models, tools


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

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        # Every multi-company record rule ('company_id', 'child_of', [...])
        # expands the company tree with one search per level, as superuser,
        # each time a rule is applied (a read, a write): the children of the
        # companies are kept in the registry's cache instead, cleared as core
        # clears it when a company is created, changed or deleted
        if (self._uid == SUPERUSER_ID and not (offset or limit or count
                                               or access_rights_uid)
                and not self.env.context.get("gendan_company_nocache")
                and len(args) == 1 and isinstance(args[0], (list, tuple))
                and len(args[0]) == 3 and tuple(args[0][:2]) == ("parent_id", "in")
                and isinstance(args[0][2], (list, tuple))):
            return list(self._gendan_children(tuple(args[0][2]), order))
        return super(ResCompany, self)._search(
            args, offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

    @tools.ormcache("parent_ids", "order")
    def _gendan_children(self, parent_ids, order):
        return tuple(self.sudo().with_context(gendan_company_nocache=True)._search(
            [("parent_id", "in", list(parent_ids))], order=order))

    @api.multi
    def unlink(self):
        res = super(ResCompany, self).unlink()
        self.clear_caches()
        return res
