from odoo import _, api, fields, models


class SaleOrder(models.Model):
    """The order's complaints on its follow-up form."""

    _inherit = "sale.order"

    gendan_complaint_count = fields.Integer(
        "Complaints", compute="_compute_gendan_complaint_count")

    def _gendan_complaints(self):
        return self.env["gendan.complaint"].sudo().search(
            [("order_id", "=", self.id)])

    def _compute_gendan_complaint_count(self):
        for order in self:
            order.gendan_complaint_count = len(order._gendan_complaints())

    @api.multi
    def action_gendan_view_complaints(self):
        self.ensure_one()
        return self._gendan_open_records(
            self._gendan_complaints().with_env(self.env), _("Complaints"))
