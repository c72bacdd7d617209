from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError


class ResUsers(models.Model):
    """Who a user signs as (their own roles, not the ones their rank
    implies) and who may sign for them (their deputy)."""

    _inherit = "res.users"

    gendan_deputy_id = fields.Many2one(
        "res.users", "Deputy",
        help="Signs the sign-off slots reserved for this user (e.g. as the "
             "order's salesperson) in their absence; the signature says so.")

    gendan_superior_id = fields.Many2one(
        "res.users", "Superior",
        help="Receives this user's overdue items when they are escalated; "
             "empty: the general manager.")

    @api.model
    def create(self, vals):
        """A new Gendan user starts on "My work" and is told in Odoo's inbox."""
        user = super(ResUsers, self).create(vals)
        if user.has_group("gendan_base.group_user"):
            defaults = {}
            if not user.action_id:
                defaults["action_id"] = self.env.ref(
                    "gendan_base.action_gendan_my_work").id
            if "notification_type" not in vals:
                defaults["notification_type"] = "inbox"
            if defaults:
                user.sudo().write(defaults)
        # who holds a role as their own decides who reads the shared copies
        # of the roles nobody holds (record rule, cached per user)
        self.env["ir.rule"].clear_caches()
        # a new holder of a role may sign, and may free a signer of the
        # "signs once" rule
        self.env["gendan.signoff.mixin"]._signoff_todo_resync_all()
        return user

    @api.multi
    def write(self, vals):
        res = super(ResUsers, self).write(vals)
        if "active" in vals:
            self.env["ir.rule"].clear_caches()  # see create
        if self._gendan_changes_signers(vals):
            self.env["gendan.signoff.mixin"]._signoff_todo_resync_all()
        return res

    @api.multi
    def unlink(self):
        res = super(ResUsers, self).unlink()
        self.env["gendan.signoff.mixin"]._signoff_todo_resync_all()
        return res

    @api.model
    def _gendan_changes_signers(self, vals):
        """Whether writing ``vals`` on users may change who may sign: their
        roles (also as the user form's group fields), deputy or active flag."""
        return any(
            name in ("groups_id", "active", "gendan_deputy_id")
            or name.startswith(("in_group_", "sel_groups_")) for name in vals)

    @api.constrains("gendan_deputy_id", "gendan_superior_id")
    def _check_gendan_deputy(self):
        for user in self:
            if user.gendan_deputy_id == user:
                raise ValidationError(_("A user cannot be their own deputy."))
            if user.gendan_superior_id == user:
                raise ValidationError(_("A user cannot be their own superior."))

    def _gendan_own_groups(self):
        """The groups the user holds for themselves, not only because a
        higher group implies them (a general manager is not a sales
        manager's substitute by rank)."""
        self.ensure_one()
        return self.env["res.groups"].browse(self._gendan_own_group_ids())

    @tools.ormcache("self.id")
    def _gendan_own_group_ids(self):
        # cleared with has_group's cache whenever users' groups or groups'
        # implications change (res.users / res.groups write)
        groups = self.sudo().groups_id
        return tuple((groups - groups.mapped("trans_implied_ids")).ids)

    def _gendan_copy_group_ids(self):
        """The roles whose shared controlled copies the user holds: their
        own, and those theirs imply that no active user holds as their own
        (the warehouse chief's copy, kept by the warehouse clerks). The
        record rule on copies and "My Copies" both use it."""
        self.ensure_one()
        user = self.sudo()
        own = user._gendan_own_groups()
        fallback = (user.groups_id - own).filtered(
            lambda group: not any(
                group in holder._gendan_own_groups()
                for holder in group.users.filtered("active")))
        return (own | fallback).ids

    def _gendan_superior(self):
        """Who an overdue item of this user escalates to: their superior,
        else a general manager (none above a general manager)."""
        self.ensure_one()
        if self.sudo().gendan_superior_id.active:
            return self.sudo().gendan_superior_id
        group = self.env.ref("gendan_base.group_general_manager")
        if group in self._gendan_own_groups():
            return self.browse()
        managers = group.sudo().users.filtered(
            lambda user: user.active and group in user._gendan_own_groups())
        return managers.sorted("id")[:1]
