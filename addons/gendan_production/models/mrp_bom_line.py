from odoo import _, api, models
from odoo.exceptions import UserError


class MrpBomLine(models.Model):
    """The components of a controlled BOM are frozen."""

    _inherit = "mrp.bom.line"

    def _check_bom_editable(self, boms):
        frozen = boms.filtered(lambda b: b.control_state != "draft")
        if frozen:
            raise UserError(_(
                "BOM %s is a controlled revision: its components cannot change; "
                "create a new revision.") % ", ".join(frozen.mapped("display_name")))

    @api.model
    def create(self, vals):
        self._check_bom_editable(self.env["mrp.bom"].browse(vals.get("bom_id")))
        return super(MrpBomLine, self).create(vals)

    @api.multi
    def write(self, vals):
        boms = self.mapped("bom_id")
        if "bom_id" in vals:
            boms |= self.env["mrp.bom"].browse(vals["bom_id"])
        self._check_bom_editable(boms)
        return super(MrpBomLine, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_bom_editable(self.mapped("bom_id"))
        return super(MrpBomLine, self).unlink()
