from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import UserError, ValidationError


class GendanMaterialCheckLine(models.Model):
    """One component: what is needed, what is there, when the rest arrives."""

    _name = "gendan.material.check.line"
    _description = "Material Arrival Check Line"
    _order = "check_id, risk desc, id"

    check_id = fields.Many2one("gendan.material.check", "Material Check",
                               required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one("product.product", "Component", required=True)
    required_qty = fields.Float("Required",
                                digits=dp.get_precision("Product Unit of Measure"))
    onhand_qty = fields.Float("On Hand", readonly=True,
                              digits=dp.get_precision("Product Unit of Measure"))
    po_qty = fields.Float("Open PO Qty", readonly=True,
                          digits=dp.get_precision("Product Unit of Measure"))
    purchase_line_id = fields.Many2one("purchase.order.line", readonly=True)
    po_date = fields.Date("PO Date", readonly=True,
                          help="Scheduled date of the earliest open purchase line.")
    eta_date = fields.Date("Expected Arrival")
    remark = fields.Char()
    risk = fields.Selection(
        [("ok", "OK"), ("late", "Late"), ("missing", "Missing")],
        compute="_compute_risk", store=True)

    @api.depends("eta_date", "check_id.date_required")
    def _compute_risk(self):
        for line in self:
            required = line.check_id.date_required
            if not line.eta_date:
                line.risk = "missing"
            elif required and line.eta_date > required:
                line.risk = "late"
            else:
                line.risk = "ok"

    @api.constrains("eta_date", "po_date", "remark")
    def _check_eta_remark(self):
        for line in self:
            if (line.eta_date and line.po_date and line.eta_date < line.po_date
                    and not (line.remark or "").strip()):
                raise ValidationError(_(
                    "%(product)s: the expected arrival %(eta)s is earlier than "
                    "the purchase order date %(po)s; give a remark (e.g. "
                    "supplier confirmed earlier delivery).") % {
                        "product": line.product_id.display_name,
                        "eta": line.eta_date, "po": line.po_date})

    def _check_editable(self, checks):
        if checks.filtered(lambda chk: chk.state != "draft"):
            raise UserError(_("The lines of a confirmed or cancelled material check "
                              "cannot change."))

    @api.model
    def create(self, vals):
        self._check_editable(
            self.env["gendan.material.check"].browse(vals.get("check_id")))
        return super(GendanMaterialCheckLine, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_editable(self.mapped("check_id"))
        return super(GendanMaterialCheckLine, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_editable(self.mapped("check_id"))
        return super(GendanMaterialCheckLine, self).unlink()
