from odoo import fields, models


class ResCompany(models.Model):
    """Who keeps the showroom and who investigates a missing machine."""

    _inherit = "res.company"

    showroom_keeper_id = fields.Many2one(
        "res.users",
        help="The merchandiser who checks the meeting-room sample machines "
             "every Saturday (empty: every merchandiser).")
    showroom_admin_user_id = fields.Many2one(
        "res.users", "Administration Responsible",
        help="Investigates a sample machine found missing (行政部查核).")
    showroom_admin_group_id = fields.Many2one(
        "res.groups", "Administration Department",
        help="Its users investigate a missing sample machine when no "
             "responsible is named (neither: the general managers).")

    def _showroom_keepers(self):
        """The users the Saturday check is due for."""
        self.ensure_one()
        return self.showroom_keeper_id or self.env.ref(
            "gendan_base.group_merchandiser").users

    def _showroom_admins(self):
        """The users who investigate a missing machine."""
        self.ensure_one()
        return (self.showroom_admin_user_id or self.showroom_admin_group_id.users
                or self.env.ref("gendan_base.group_general_manager").users)
