from odoo import _, api, fields, models

from odoo.addons.gendan_base.engine import check_engine


class GendanTaskOrderChange(models.Model):
    """Change notice (变更通知): why a signed task order got a new revision."""

    _name = "gendan.task.order.change"
    _description = "Task Order Change Notice"
    _order = "task_order_id, revision desc, id desc"

    task_order_id = fields.Many2one("gendan.task.order", required=True,
                                    ondelete="cascade", index=True)
    revision = fields.Integer(required=True)
    description = fields.Text(required=True)
    user_id = fields.Many2one("res.users", "Changed By", required=True,
                              default=lambda self: self.env.user)
    date = fields.Datetime(required=True, default=fields.Datetime.now)

    @api.model
    def create(self, vals):
        check_engine(_("The change notice log"))
        vals = dict(vals, date=fields.Datetime.now())
        return super(GendanTaskOrderChange, self).create(vals)

    @api.multi
    def write(self, vals):
        check_engine(_("The change notice log"))
        return super(GendanTaskOrderChange, self).write(vals)
