from odoo import fields, models


class GendanRepairCause(models.Model):
    """Catalogue of failure causes shared by repair reports and complaints."""

    _name = "gendan.repair.cause"
    _description = "Repair Cause"
    _order = "sequence, code, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    category = fields.Selection(
        [("design", "Design"), ("material", "Material / Supplier"),
         ("process", "Manufacturing Process"), ("handling", "Handling / Transport"),
         ("usage", "Customer Usage"), ("no_fault", "No Fault Found")],
        required=True, default="process")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text()

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The cause code must be unique."),
    ]
