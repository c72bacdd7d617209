from odoo import _, api, fields, models

from odoo.addons.gendan_base.engine import unchecked


class MrpProduction(models.Model):
    """The finished goods of a controlled order's MO enter stock only after
    QA passed them: no finishing, no posting of the produced goods without
    a passed QA check (buttons and RPC)."""

    _name = "mrp.production"
    _inherit = ["mrp.production", "gendan.qa.gated.mixin"]

    gendan_qa_check_ids = fields.One2many(
        "gendan.qa.check", "production_id", "QA Checks", readonly=True)
    gendan_qa_state = fields.Selection(
        [("na", "Not Required"), ("missing", "Not Requested"),
         ("to_check", "To Check"), ("failed", "Failed"), ("passed", "Passed")],
        "QA State", compute="_compute_gendan_qa_state")

    @api.depends("gendan_qa_check_ids.state", "gendan_sale_order_id")
    def _compute_gendan_qa_state(self):
        for production in self:
            production.gendan_qa_state = production._gendan_qa_status()

    def _gendan_qa_gated(self):
        """The MO of a controlled order, its company asking for the QA check."""
        self.ensure_one()
        return bool(self.state not in ("done", "cancel")
                    and self._gendan_controlled()
                    and self.sudo().company_id.gendan_qa_receipt_required)

    def _gendan_qa_refusal(self):
        return _("%s: QA has not passed the finished goods; they enter stock "
                 "only after a passed QA check.") % self.name

    def _gendan_qa_check_vals(self):
        return {"production_id": self.id, "quantity": self.product_qty}

    @api.multi
    def button_mark_done(self):
        self._gendan_check_qa_receipt()
        return super(MrpProduction, self).button_mark_done()

    @api.multi
    def post_inventory(self):
        unchecked(self)._gendan_check_qa_receipt()
        return super(MrpProduction, self).post_inventory()

    @api.multi
    def write(self, vals):
        if vals.get("state") == "done":
            unchecked(self)._gendan_check_qa_receipt()
        return super(MrpProduction, self).write(vals)
