from odoo import api, models


class IrModel(models.Model):
    """Uninstalling a module removes the activities of its models first.

    ``mail.activity.res_model`` is a stored related field of ``res_model_id``:
    when a model is deleted, Odoo 11 marks its activities for recomputation,
    the database cascade deletes them, and the recomputation then reads
    deleted rows while the module's columns are already dropped, which aborts
    the uninstallation. The activities would be deleted by the cascade anyway.

    The XML ids of the records of a deleted model go too: Odoo keeps those of
    the records it could not delete one by one (a signed document refuses to
    be deleted), and after the table is dropped they would point a later
    re-install's demo data at other records.
    """

    _inherit = "ir.model"

    @api.multi
    def unlink(self):
        if self.ids:
            self.env.cr.execute("DELETE FROM mail_activity WHERE res_model_id IN %s",
                                (tuple(self.ids),))
            self.env.cr.execute("DELETE FROM ir_model_data WHERE model IN %s",
                                (tuple(self.mapped("model")),))
        return super(IrModel, self).unlink()
