from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError


class CrmTeam(models.Model):
    """A sales channel is Gendan-controlled or not: the gates of the export
    business apply only to the orders of controlled channels."""

    _inherit = "crm.team"

    gendan_controlled = fields.Boolean(
        default=True, track_visibility="onchange",
        help="Orders of this channel go through the order review, the task "
             "order / production gate and the shipping payment gate.")

    @api.model
    def _is_sales_manager(self):
        return self.env.uid == SUPERUSER_ID or self.env.user.has_group(
            "sales_team.group_sale_manager")

    def _check_gendan_controlled_change(self):
        if not self._is_sales_manager():
            raise AccessError(_("Only a sales manager can change whether a sales "
                                "channel is controlled by Gendan."))

    @api.model
    def create(self, vals):
        if not vals.get("gendan_controlled", True):
            self._check_gendan_controlled_change()
        return super(CrmTeam, self).create(vals)

    @api.multi
    def write(self, vals):
        if "gendan_controlled" in vals and self.filtered(
                lambda team: team.gendan_controlled != bool(vals["gendan_controlled"])):
            self._check_gendan_controlled_change()
        return super(CrmTeam, self).write(vals)
