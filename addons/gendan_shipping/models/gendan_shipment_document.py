from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.gendan_base.engine import transition


class GendanShipmentDocument(models.Model):
    """One export document of the shipment checklist.

    The bill of lading: its copy is mailed to the customer with the balance
    request; the originals are released (by courier) only once finance has
    the balance.
    """

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
    copy_sent_date = fields.Date("Copy Sent On", readonly=True, copy=False)
    courier = fields.Char(
        help="Courier carrying the original documents to the customer.")
    courier_ref = fields.Char("Courier Tracking No.")
    released_date = fields.Date("Originals Released On", readonly=True, copy=False)
    released_by_id = fields.Many2one(
        "res.users", "Originals Released By", readonly=True, copy=False)
    state = fields.Selection(
        [("todo", "To Prepare"), ("ready", "Ready"), ("copy_sent", "Copy Sent"),
         ("released", "Originals Released"), ("na", "Not Required")],
        default="todo", required=True, readonly=True)

    # filled by the buttons that move the document
    _state_button_fields = ("copy_sent_date", "released_date", "released_by_id")

    @api.multi
    def write(self, vals):
        if vals.get("state") in ("ready", "copy_sent", "released"):
            missing = self.filtered(lambda d: d.document_type == "bl" and not (
                vals.get("name", d.name) and vals.get(
                    "document_date", d.document_date)))
            if missing:
                raise UserError(_("Enter the bill of lading number and date first."))
        released = self.filtered(lambda d: d.state == "released")
        if released and set(vals) & {"name", "document_date", "courier", "courier_ref"}:
            raise UserError(_("The originals are released: their number, date and "
                              "courier are final."))
        return super(GendanShipmentDocument, self).write(vals)

    def _check_release_allowed(self):
        """Finance confirmed the balance and the invoices are paid."""
        for shipment in self.mapped("shipment_id").sudo():
            open_amount = shipment.balance_due
            if not shipment.balance_confirmed or float_compare(
                    open_amount, 0.0,
                    precision_rounding=shipment.currency_id.rounding or 0.01) > 0:
                raise UserError(_(
                    "Original documents of %(shipment)s can be released only "
                    "after finance confirmed the balance payment (open on the "
                    "invoices: %(amount).2f %(cur)s).") % {
                        "shipment": shipment.name, "amount": open_amount,
                        "cur": shipment.currency_id.name or ""})

    @api.multi
    @transition(["todo", "na"], "ready")
    def action_ready(self):
        return self.write({"state": "ready"})

    @api.multi
    @transition(["todo", "ready"], "na")
    def action_not_required(self):
        return self.write({"state": "na"})

    @api.multi
    def action_send_copy(self):
        """Mail composer to the customer with the B/L copy attached and the
        balance request (template); the copy counts as sent once mailed."""
        self.ensure_one()
        if self.state not in ("todo", "ready", "copy_sent"):
            raise UserError(_("The copy of this document cannot be sent any more."))
        if self.document_type == "bl" and not (self.name and self.document_date):
            raise UserError(_("Enter the bill of lading number and date first."))
        if not self.attachment_ids:
            raise UserError(_("Attach the scanned copy of %s first.")
                            % (self.name or self.display_name))
        return self.shipment_id._gendan_composer_action(
            self.env.ref("gendan_shipping.mail_template_bl_copy"),
            self.attachment_ids, gendan_copy_document_id=self.id)

    def _on_copy_mailed(self):
        """The copy went to the customer by mail (shipment's message_post)."""
        return self.filtered(lambda d: d.state in ("todo", "ready"))._copy_sent()

    @transition(["todo", "ready"], "copy_sent")
    def _copy_sent(self):
        return self.write({"state": "copy_sent",
                           "copy_sent_date": fields.Date.context_today(self)})

    @api.multi
    @transition(["copy_sent"], "released")
    def action_release_original(self):
        """Release the originals to the courier: only with the balance
        received; date, courier and user are recorded."""
        for doc in self:
            if not (doc.courier and doc.courier_ref):
                raise UserError(_("Enter the courier and its tracking number of "
                                  "the originals of %s first.") % doc.name)
        self._check_release_allowed()
        self.write({"state": "released",
                    "released_date": fields.Date.context_today(self),
                    "released_by_id": self.env.uid})
        for doc in self:
            doc.shipment_id.message_post(body=_(
                "Originals of %(doc)s released to %(courier)s (%(ref)s).") % {
                    "doc": doc.name, "courier": doc.courier, "ref": doc.courier_ref})
        return True
