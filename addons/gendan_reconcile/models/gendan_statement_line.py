from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.addons.gendan_base.engine import check_engine

# what the partner's reply may change on a line
DISPUTE_FIELDS = {"is_disputed", "dispute_reason", "dispute_resolution"}


class GendanStatementLine(models.Model):
    """One line of the statement, as it was when prepared: a delivery (or
    receipt), a credit note, or a charge billed by the partner (freight)."""
    _name = "gendan.statement.line"
    _description = "Statement Line"
    _order = "statement_id, date, id"

    statement_id = fields.Many2one(
        "gendan.statement", required=True, index=True, ondelete="cascade")
    statement_state = fields.Selection(related="statement_id.state", readonly=True)
    partner_id = fields.Many2one(related="statement_id.partner_id", readonly=True,
                                 store=True)
    company_currency_id = fields.Many2one(related="statement_id.currency_id",
                                          readonly=True)
    line_type = fields.Selection(
        [("delivery", "Delivery / Receipt"), ("credit_note", "Credit Note"),
         ("charge", "Charge (Freight...)")], readonly=True,
        default="delivery", index=True)
    move_id = fields.Many2one("stock.move", "Stock Move", readonly=True, index=True)
    date = fields.Datetime(readonly=True)
    picking_id = fields.Many2one("stock.picking", "Transfer", readonly=True)
    reference = fields.Char("Delivery", readonly=True)
    sale_order_id = fields.Many2one("sale.order", readonly=True)
    order_ref = fields.Char("Order", readonly=True)
    partner_ref = fields.Char("Customer PO / Vendor Ref.", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    uom_id = fields.Many2one("product.uom", "Unit", readonly=True)
    quantity = fields.Float(readonly=True, digits=(16, 3))
    price_unit = fields.Float("Unit Price", readonly=True, digits=(16, 4))
    line_currency_id = fields.Many2one("res.currency", "Currency", readonly=True)
    amount_currency = fields.Monetary(
        "Amount", readonly=True, currency_field="line_currency_id")
    currency_rate = fields.Float(
        "Rate", readonly=True, digits=(16, 6),
        help="Company currency per unit of the line currency: the invoice's rate "
             "when invoiced, else the rate of the delivery date.")
    amount = fields.Monetary(
        "Amount (Company Currency)", readonly=True,
        currency_field="company_currency_id")
    statement_currency_id = fields.Many2one(
        related="statement_id.statement_currency_id", readonly=True)
    amount_statement = fields.Monetary(
        "Amount (Statement Currency)", compute="_compute_amount_statement",
        currency_field="statement_currency_id")
    invoice_state = fields.Selection(
        [("none", "Not Invoiced"), ("partial", "Partially Invoiced"),
         ("invoiced", "Invoiced")], "Invoicing", readonly=True, index=True)
    invoice_id = fields.Many2one("account.invoice", readonly=True)
    invoice_ref = fields.Char("Invoice Numbers", readonly=True)
    is_disputed = fields.Boolean("Disputed")
    dispute_reason = fields.Text()
    dispute_resolution = fields.Text()

    @api.depends("line_currency_id", "amount_currency", "amount",
                 "statement_id.statement_currency_id")
    def _compute_amount_statement(self):
        for line in self:
            line.amount_statement = line.amount_currency \
                if line.line_currency_id == line.statement_currency_id else line.amount

    @api.constrains("is_disputed", "dispute_reason")
    def _check_dispute_reason(self):
        if self.filtered(lambda line: line.is_disputed
                         and not (line.dispute_reason or "").strip()):
            raise ValidationError(_("A disputed line needs the partner's reason."))

    @api.multi
    def name_get(self):
        return [(line.id, "%s %s" % (
            line.reference or line.order_ref or "", line.product_id.display_name or ""))
            for line in self]

    @api.model
    def create(self, vals):
        check_engine(_("Statement lines"))
        return super(GendanStatementLine, self).create(vals)

    @api.multi
    def write(self, vals):
        if set(vals) - DISPUTE_FIELDS:
            check_engine(_("The figures of a statement line"))
        states = set(self.mapped("statement_id.state"))
        if "confirmed" in states:
            raise UserError(_("A confirmed statement is locked: it cannot be changed."))
        if states - {"sent", "disputed"}:
            raise UserError(_("Disputes are recorded once the statement is sent."))
        return super(GendanStatementLine, self).write(vals)

    @api.multi
    def unlink(self):
        check_engine(_("Statement lines"))
        return super(GendanStatementLine, self).unlink()
