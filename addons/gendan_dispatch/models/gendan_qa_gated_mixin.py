from odoo import api, models
from odoo.exceptions import UserError


class GendanQaGatedMixin(models.AbstractModel):
    """Goods that enter stock only after QA passed them (经QA检验合格后入库):
    the finished goods of an MO, the goods received for an order. The model
    has ``gendan_qa_check_ids`` and says when it is gated
    (``_gendan_qa_gated``), what a new check holds (``_gendan_qa_check_vals``)
    and what a refusal says (``_gendan_qa_refusal``)."""

    _name = "gendan.qa.gated.mixin"
    _description = "Goods Gated by a QA Check"

    def _gendan_qa_status(self):
        self.ensure_one()
        states = set(self.sudo().gendan_qa_check_ids.mapped("state"))
        if "passed" in states:
            return "passed"
        if not self._gendan_qa_gated():
            return "na"
        for state in ("to_check", "failed"):
            if state in states:
                return state
        return "missing"

    def _gendan_check_qa_receipt(self):
        """Refuse to bring these goods into stock without a passed check."""
        blocked = self.filtered(
            lambda rec: rec._gendan_qa_status() not in ("na", "passed"))
        if blocked:
            raise UserError("\n".join(rec._gendan_qa_refusal() for rec in blocked))

    @api.multi
    def action_gendan_request_qa(self):
        """Ask QA to check the goods (one open or passed check at a time)."""
        self.ensure_one()
        check = self.gendan_qa_check_ids.filtered(
            lambda c: c.state in ("to_check", "passed"))[:1]
        if not check:
            check = self.env["gendan.qa.check"].create(self._gendan_qa_check_vals())
        return check._open_form()
