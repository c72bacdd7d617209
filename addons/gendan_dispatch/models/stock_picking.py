from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import unchecked


class StockPicking(models.Model):
    """Receipts of goods bought for a controlled order wait for the QA check;
    its deliveries leave only on an issued pick-up slip (buttons and RPC)."""

    _name = "stock.picking"
    _inherit = ["stock.picking", "gendan.qa.gated.mixin"]

    gendan_qa_check_ids = fields.One2many(
        "gendan.qa.check", "picking_id", "QA Checks", readonly=True)
    gendan_qa_state = fields.Selection(
        [("na", "Not Required"), ("missing", "Not Requested"),
         ("to_check", "To Check"), ("failed", "Failed"), ("passed", "Passed")],
        "QA State", compute="_compute_gendan_qa_state")
    gendan_pickup_slip_ids = fields.One2many(
        "gendan.pickup.slip", "picking_id", "Pick-up Slips", readonly=True)
    gendan_pickup_slip_id = fields.Many2one(
        "gendan.pickup.slip", "Current Pick-up Slip",
        compute="_compute_gendan_pickup_slip_id")

    @api.depends("gendan_qa_check_ids.state")
    def _compute_gendan_qa_state(self):
        for picking in self:
            picking.gendan_qa_state = picking._gendan_qa_status()

    @api.depends("gendan_pickup_slip_ids.state")
    def _compute_gendan_pickup_slip_id(self):
        for picking in self:
            picking.gendan_pickup_slip_id = picking.gendan_pickup_slip_ids.filtered(
                lambda s: s.state != "cancel")[:1]

    # -- QA check of goods bought for an order ------------------------------------

    def _gendan_qa_sale_order(self):
        """The sale order the received goods are bought for (the PO's
        procurement group). Outsourcing modules may extend it."""
        self.ensure_one()
        return self.sudo().sale_id

    def _gendan_qa_gated(self):
        """An open receipt from a supplier of goods sold on a controlled
        order, its company asking for the QA check."""
        self.ensure_one()
        if self.picking_type_code != "incoming" or self.state in ("done", "cancel") \
                or not self.sudo().company_id.gendan_qa_receipt_required:
            return False
        order = self._gendan_qa_sale_order()
        if not order.gendan_controlled:
            return False
        sold = order.order_line.mapped("product_id")
        return any(move.product_id in sold and move.location_id.usage == "supplier"
                   for move in self.sudo().move_lines)

    def _gendan_qa_refusal(self):
        return _("%s: QA has not passed the goods bought for the order; they "
                 "enter stock only after a passed QA check.") % self.name

    def _gendan_qa_check_vals(self):
        return {"picking_id": self.id}

    # -- pick-up slip -------------------------------------------------------------

    def _gendan_pickup_slip_blockers(self):
        """Translated reasons why these deliveries may not leave yet."""
        reasons = []
        for picking in self:
            if not picking._gendan_is_gated() \
                    or not picking.sudo().company_id.gendan_pickup_slip_required:
                continue
            if not picking.sudo().gendan_pickup_slip_ids.filtered(
                    lambda s: s.state == "issued"):
                reasons.append(_(
                    "%(picking)s: the goods of %(order)s leave only on a pick-up "
                    "slip issued by the merchandiser after the conformity check.")
                    % {"picking": picking.name, "order": picking.sudo().sale_id.name})
        return reasons

    @api.multi
    def _gendan_check_payment_gate(self):
        """The one gate of a customer delivery (buttons, state writes of the
        picking and its moves) also asks for the pick-up slip."""
        reasons = self._gendan_pickup_slip_blockers()
        if reasons:
            raise UserError("\n".join(reasons))
        return super(StockPicking, self)._gendan_check_payment_gate()

    @api.multi
    def _gendan_demo_clear_gates(self):
        """Demo data only: the customer confirms the photos of the goods, the
        merchandiser issues the pick-up slip of each delivery waiting for it."""
        res = super(StockPicking, self)._gendan_demo_clear_gates()
        Slip = self.env["gendan.pickup.slip"]
        for picking in self.filtered(lambda p: p._gendan_pickup_slip_blockers()):
            Slip._demo_confirm_photos(picking)
            Slip._demo_issue(picking)
        return res

    @api.multi
    def action_gendan_pickup_slip(self):
        """Open the delivery's pick-up slip, or prepare a new one."""
        self.ensure_one()
        slip = self.gendan_pickup_slip_id
        if not slip:
            slip = self.env["gendan.pickup.slip"].create({"picking_id": self.id})
        return slip._open_form()

    # -- the buttons: checked first, the moves' writes check what they missed --

    @api.multi
    def button_validate(self):
        self._gendan_check_qa_receipt()
        return super(StockPicking, self).button_validate()

    @api.multi
    def action_done(self):
        """The warehouse's to-do of the pick-up slip ends when the goods leave."""
        unchecked(self)._gendan_check_qa_receipt()
        res = super(StockPicking, self).action_done()
        self.env["mail.activity"]._todo_done(
            self.filtered(lambda p: p.state == "done"), "pickup_slip")
        return res

    @api.multi
    def write(self, vals):
        if vals.get("state") == "done":
            unchecked(self)._gendan_check_qa_receipt()
        return super(StockPicking, self).write(vals)
