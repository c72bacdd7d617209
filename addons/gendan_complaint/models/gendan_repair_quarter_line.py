from odoo import fields, models


class GendanRepairQuarterLine(models.Model):
    """One cause of the quarter's Pareto."""

    _name = "gendan.repair.quarter.line"
    _description = "Pareto Line"
    _order = "quarter_id, sequence"

    quarter_id = fields.Many2one(
        "gendan.repair.quarter", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer()
    cause_id = fields.Many2one("gendan.repair.cause")
    repair_count = fields.Integer("Returns")
    percent = fields.Float("Share (%)", digits=(5, 1))
    cumulative_percent = fields.Float("Cumulative (%)", digits=(5, 1))
