from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

ROLE_GROUPS = {
    "sales": "gendan_base.group_salesperson",
    "qa": "gendan_base.group_qa",
    "engineering": "gendan_base.group_engineering",
}


class GendanSampleCheck(models.Model):
    """One point of a role's sample evaluation checklist."""

    _name = "gendan.sample.check"
    _description = "Sample Evaluation Check"
    _order = "sample_id, role, sequence, id"

    sample_id = fields.Many2one(
        "gendan.sample", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    role = fields.Selection(
        [("sales", "Sales"), ("qa", "QA"), ("engineering", "Engineering")],
        required=True, readonly=True)
    role_group_id = fields.Many2one(
        "res.groups", compute="_compute_role_group_id")
    name = fields.Char("Check", required=True, readonly=True, translate=True)
    result = fields.Selection(
        [("pending", "To Check"), ("pass", "Pass"), ("fail", "Fail")],
        default="pending", required=True)
    note = fields.Char()
    checked_by_id = fields.Many2one("res.users", readonly=True)

    def _compute_role_group_id(self):
        for check in self:
            check.role_group_id = self.env.ref(ROLE_GROUPS[check.role])

    @api.model
    def _checklist(self):
        """(role, check names) of the evaluation, in the user's language."""
        return [
            ("sales", [_("Colour"), _("Text"), _("Position")]),
            ("qa", [_("Structure"), _("Size"), _("Function")]),
            ("engineering", [_("Structure"), _("Size"), _("Function")]),
        ]

    @api.model
    def _create_checklist(self, samples):
        for sample in samples:
            for role, names in self._checklist():
                if role == "engineering" and not sample.is_first_time:
                    continue
                for seq, name in enumerate(names):
                    self.sudo().create({"sample_id": sample.id, "role": role,
                                        "name": name, "sequence": seq})

    @api.multi
    def write(self, vals):
        if self.env.uid != SUPERUSER_ID:
            if set(vals) - {"result", "note"}:
                raise AccessError(_("Only the result and note of a check can be "
                                    "changed."))
            for check in self:
                if check.role_group_id not in self.env.user.groups_id:
                    raise AccessError(_(
                        "The %(role)s check '%(check)s' is filled in by its own "
                        "department.") % {
                            "role": dict(self._fields["role"].selection)[check.role],
                            "check": check.name})
            if self.mapped("sample_id").filtered(
                    lambda s: s.state != "delivered"):
                raise UserError(_("Checks are filled in while the delivered "
                                  "sample is being evaluated."))
            vals = dict(vals, checked_by_id=self.env.uid)
        return super(GendanSampleCheck, self).write(vals)
