from odoo import fields, models


class GendanProductionDateChange(models.Model):
    """Log of every changed delivery or inspection date."""

    _name = "gendan.production.date.change"
    _description = "Delivery / Inspection Date Change"
    _order = "id desc"

    task_order_id = fields.Many2one("gendan.task.order", required=True,
                                    ondelete="cascade", index=True)
    exception_id = fields.Many2one("gendan.production.exception", ondelete="set null")
    date_type = fields.Selection(
        [("delivery", "Delivery"), ("inspection", "Inspection")],
        "Date", required=True)
    old_date = fields.Date()
    new_date = fields.Date()
    user_id = fields.Many2one("res.users", "Changed By", required=True,
                              default=lambda self: self.env.user)
    date = fields.Datetime("Changed On", required=True, default=fields.Datetime.now)
