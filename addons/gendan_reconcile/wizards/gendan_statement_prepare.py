from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.tools_actions import window_action

from ..models.gendan_statement import last_month


class GendanStatementPrepare(models.TransientModel):
    """Prepare the statements of a period for all (or some) partners."""
    _name = "gendan.statement.prepare"
    _description = "Prepare Statements"

    def _default_period(self, index):
        today = fields.Date.from_string(fields.Date.context_today(self))
        return fields.Date.to_string(last_month(today)[index])

    statement_type = fields.Selection(
        [("customer", "Customers"), ("supplier", "Suppliers")], "For",
        required=True, default="customer")
    date_from = fields.Date(
        "Period Start", required=True, default=lambda self: self._default_period(0))
    date_to = fields.Date(
        "Period End", required=True, default=lambda self: self._default_period(1))
    partner_ids = fields.Many2many(
        "res.partner", string="Partners",
        help="Leave empty for every partner with deliveries in the period.")

    @api.multi
    def action_prepare(self):
        self.ensure_one()
        Statement = self.env["gendan.statement"]
        partners = self.partner_ids.mapped("commercial_partner_id") or None
        statements = Statement._prepare_statements(
            self.statement_type, self.date_from, self.date_to, partners,
            strict=bool(partners))
        if not statements and partners is None:
            found = Statement.search([
                ("statement_type", "=", self.statement_type),
                ("date_from", "=", self.date_from), ("date_to", "=", self.date_to)])
            if not found:
                raise UserError(_(
                    "Nothing was delivered or received from %(start)s to %(end)s: "
                    "there is nothing to reconcile.") % {
                        "start": self.date_from, "end": self.date_to})
        action = window_action(self.env, "gendan_reconcile.gendan_statement_action")
        action["domain"] = [("statement_type", "=", self.statement_type),
                            ("date_from", "=", self.date_from),
                            ("date_to", "=", self.date_to)]
        action["context"] = {"default_statement_type": self.statement_type}
        return action
