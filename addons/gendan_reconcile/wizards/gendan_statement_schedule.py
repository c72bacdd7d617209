from odoo import api, fields, models


class GendanStatementSchedule(models.TransientModel):
    """Finance gives the day a confirmed supplier statement is paid."""
    _name = "gendan.statement.schedule"
    _description = "Schedule the Payment of a Supplier Statement"

    statement_id = fields.Many2one("gendan.statement", required=True)
    closing_balance = fields.Monetary(
        "Closing Balance", related="statement_id.closing_balance_currency",
        readonly=True)
    currency_id = fields.Many2one(related="statement_id.statement_currency_id",
                                  readonly=True)
    payment_date = fields.Date(
        required=True, default=fields.Date.context_today)

    @api.multi
    def action_schedule(self):
        self.ensure_one()
        self.statement_id.action_schedule_payment(self.payment_date)
        return {"type": "ir.actions.act_window_close"}
