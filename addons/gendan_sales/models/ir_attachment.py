from odoo import api, models

CONTRACT_FIELD = "contract_signed_file"


class IrAttachment(models.Model):
    """The countersigned contract is stored as an attachment of the order:
    once the order review used it, it is not replaced or removed through
    the attachment either (issue 17 §2)."""

    _inherit = "ir.attachment"

    def _gendan_contract_orders(self, vals=None):
        """The orders whose countersigned contract these attachments (or
        ``vals``) are."""
        rows = [(att.res_model, att.res_field, att.res_id)
                for att in self.sudo()]
        if vals:
            rows.append((vals.get("res_model"), vals.get("res_field"),
                         vals.get("res_id")))
        ids = {res_id for model, field, res_id in rows
               if model == "sale.order" and field == CONTRACT_FIELD and res_id}
        return self.env["sale.order"].browse(sorted(ids))

    @api.model
    def create(self, vals):
        self.browse()._gendan_contract_orders(vals)._gendan_check_contract_copy_free()
        return super(IrAttachment, self).create(vals)

    @api.multi
    def write(self, vals):
        orders = self._gendan_contract_orders()
        if orders or {"res_model", "res_field", "res_id"} & set(vals):
            target = dict(vals)
            if {"res_model", "res_field", "res_id"} & set(vals):
                for att in self.sudo():
                    target.setdefault("res_model", att.res_model)
                    target.setdefault("res_field", att.res_field)
                    target.setdefault("res_id", att.res_id)
                orders |= self.browse()._gendan_contract_orders(target)
            orders._gendan_check_contract_copy_free()
        return super(IrAttachment, self).write(vals)

    @api.multi
    def unlink(self):
        self._gendan_contract_orders()._gendan_check_contract_copy_free()
        return super(IrAttachment, self).unlink()
