from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval


class GendanSignoffRule(models.Model):
    """One required (or optional) signature on documents of a model."""

    _name = "gendan.signoff.rule"
    _description = "Sign-off Rule"
    _order = "model_id, sequence, id"

    name = fields.Char(
        "Role", required=True, translate=True,
        help="Label printed in the signature block, e.g. Sales Manager.")
    model_id = fields.Many2one(
        "ir.model", string="Document Model", required=True, ondelete="cascade",
        domain=[("transient", "=", False)])
    # not stored: a stored related to ir.model breaks the uninstall (the
    # recompute searches this table after it was dropped)
    model = fields.Char(related="model_id.model", readonly=True)
    sequence = fields.Integer(
        default=10,
        help="Signatures are collected by increasing sequence; rules with the same "
             "sequence sign in parallel.")
    domain = fields.Char(
        "Condition", default="[]",
        help="Domain on the document; the signature is required only when it matches.")
    signer_type = fields.Selection(
        [("group", "Role (group)"), ("user", "User"),
         ("field", "User on the document")],
        required=True, default="group")
    group_id = fields.Many2one("res.groups", "Signing Role")
    user_id = fields.Many2one("res.users", "Signing User")
    user_field_id = fields.Many2one(
        "ir.model.fields",
        domain="[('model_id', '=', model_id), ('ttype', '=', 'many2one'), "
               "('relation', '=', 'res.users')]")
    is_required = fields.Boolean(
        "Required", default=True,
        help="Optional signatures can be given but do not block approval.")
    allow_superior = fields.Boolean(
        "A Superior May Sign",
        help="A holder of a higher role (one that implies this one) may sign "
             "this slot for its holder; the signature says so. Off: only a "
             "holder of this exact role signs it.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company")

    @api.constrains("signer_type", "group_id", "user_id", "user_field_id")
    def _check_signer(self):
        for rule in self:
            needed = {"group": rule.group_id, "user": rule.user_id,
                      "field": rule.user_field_id}[rule.signer_type]
            if not needed:
                raise ValidationError(_(
                    "Sign-off rule '%s' has no signer: set the role, the user or "
                    "the user field.") % rule.name)

    @api.constrains("domain", "model_id")
    def _check_domain(self):
        for rule in self:
            try:
                self.env[rule.model].search(rule._eval_domain(), limit=1)
            except Exception as exc:
                raise ValidationError(_(
                    "Invalid condition on sign-off rule '%(rule)s': %(error)s") % {
                        "rule": rule.name, "error": exc})

    def _eval_domain(self):
        self.ensure_one()
        return safe_eval(self.domain or "[]", {"user": self.env.user})

    @api.model
    def _rules_for(self, records):
        """Rules of the records' model, with the ids each one applies to."""
        companies = [False]
        if "company_id" in records._fields:
            companies += records.mapped("company_id").ids
        # the model's id from the registry's cache: no search of ir.model
        rules = self.sudo().search([
            ("model_id", "=", self.env["ir.model"]._get_id(records._name)),
            ("company_id", "in", companies)])
        applies = {}
        for rule in rules:
            domain = rule._eval_domain()
            matching = records
            if domain:
                matching = records.browse(records.sudo().with_context(
                    active_test=False).search([("id", "in", records.ids)] + domain).ids)
            applies[rule] = matching
        return applies

    def _prepare_signature_vals(self, record):
        """Values of the pending signature this rule asks of ``record``."""
        self.ensure_one()
        user = self.user_id
        if self.signer_type == "field":
            user = record[self.user_field_id.name]
        return {
            "rule_id": self.id,
            # the source name: the reader sees the rule's name in their language
            "role_label": self.with_context(lang=None).name,
            "sequence": self.sequence,
            "group_id": self.signer_type == "group" and self.group_id.id or False,
            "user_id": self.signer_type != "group" and user.id or False,
            "is_required": self.is_required,
            "allow_superior": self.allow_superior,
        }
