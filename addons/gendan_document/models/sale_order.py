from odoo import _, api, fields, models

from odoo.addons.gendan_base.tools_actions import window_action


class SaleOrder(models.Model):
    _inherit = "sale.order"

    gendan_document_count = fields.Integer(
        "Controlled Documents", compute="_compute_gendan_document_count")

    def _compute_gendan_document_count(self):
        counts = self.env["gendan.document"].sudo().read_group(
            [("sale_order_id", "in", self.ids)], ["sale_order_id"],
            ["sale_order_id"])
        by_order = {row["sale_order_id"][0]: row["sale_order_id_count"]
                    for row in counts}
        for order in self:
            order.gendan_document_count = by_order.get(order.id, 0)

    @api.multi
    def action_view_gendan_documents(self):
        """Every controlled document of the order, in one screen."""
        self.ensure_one()
        action = window_action(self.env, "gendan_document.gendan_document_action")
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {"search_default_group_type": 1,
                             "default_sale_order_id": self.id}
        action["name"] = _("Controlled Documents of %s") % self.name
        return action

    def _gendan_document_index_entries(self):
        """The order's register entries for its document index: by type,
        number and revision."""
        self.ensure_one()
        entries = self.env["gendan.document"].search(
            [("sale_order_id", "=", self.id)])
        return entries.sorted(
            lambda e: (e.document_type_id.sequence, e.name, e.revision))
