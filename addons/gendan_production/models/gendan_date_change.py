from odoo import _, api, fields, models

from odoo.addons.gendan_base.engine import check_engine


class GendanProductionDateChange(models.Model):
    """Log of every changed delivery or inspection date.

    Written by the date changes themselves (task order, inspection), never
    directly: who and when are the real user and the clock.
    """

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

    @api.model
    def create(self, vals):
        check_engine(_("The date change log"))
        vals = dict(vals, date=fields.Datetime.now())
        return super(GendanProductionDateChange, self).create(vals)

    @api.multi
    def write(self, vals):
        check_engine(_("The date change log"))
        return super(GendanProductionDateChange, self).write(vals)
