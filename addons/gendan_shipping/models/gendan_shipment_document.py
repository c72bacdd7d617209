from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import transition


class GendanShipmentDocument(models.Model):
    """One export document of the shipment checklist."""

    _name = "gendan.shipment.document"
    _description = "Shipment Document"
    _inherit = ["gendan.state.machine"]
    _order = "shipment_id, sequence, id"

    shipment_id = fields.Many2one(
        "gendan.shipment", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    document_type = fields.Selection(
        [("bl", "Bill of Lading"), ("insurance", "Insurance Policy"),
         ("co", "Certificate of Origin"), ("form_a", "Form A (GSP)"),
         ("packing_declaration", "Packing Declaration"), ("other", "Other")],
        required=True, default="other")
    name = fields.Char("Number")
    document_date = fields.Date("Date")
    attachment_ids = fields.Many2many(
        "ir.attachment", "gendan_shipment_document_attachment_rel",
        "document_id", "attachment_id", "Attachments")
    note = fields.Char()
    state = fields.Selection(
        [("todo", "To Prepare"), ("ready", "Ready"), ("copy_sent", "Copy Sent"),
         ("released", "Originals Released"), ("na", "Not Required")],
        default="todo", required=True, readonly=True)

    @api.multi
    def write(self, vals):
        if vals.get("state") == "released":
            self._check_release_allowed()
        if vals.get("state") in ("ready", "copy_sent", "released"):
            missing = self.filtered(lambda d: d.document_type == "bl" and not (
                vals.get("name", d.name) and vals.get(
                    "document_date", d.document_date)))
            if missing:
                raise UserError(_("Enter the bill of lading number and date first."))
        return super(GendanShipmentDocument, self).write(vals)

    def _check_release_allowed(self):
        unpaid = self.mapped("shipment_id").filtered(lambda s: not s.balance_confirmed)
        if unpaid:
            raise UserError(_(
                "Original documents of %s can be released only after finance "
                "confirmed the balance payment.") % ", ".join(unpaid.mapped("name")))

    @api.multi
    @transition(["todo"], "ready")
    def action_ready(self):
        return self.write({"state": "ready"})

    @api.multi
    @transition(["todo", "ready"], "copy_sent")
    def action_send_copy(self):
        return self.write({"state": "copy_sent"})

    @api.multi
    @transition(["todo", "ready"], "na")
    def action_not_required(self):
        return self.write({"state": "na"})

    @api.multi
    @transition(["na"], "todo")
    def action_to_prepare(self):
        return self.write({"state": "todo"})

    @api.multi
    @transition(["todo", "ready", "copy_sent"], "released")
    def action_release_original(self):
        return self.write({"state": "released"})
