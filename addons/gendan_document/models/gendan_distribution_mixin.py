from odoo import api, models


class GendanDistributionMixin(models.AbstractModel):
    """Distributing a document of a registered type registers its revision;
    recalling its copies recalls its entry."""

    _inherit = "gendan.distribution.mixin"

    @api.multi
    def action_distribute(self):
        res = super(GendanDistributionMixin, self).action_distribute()
        if self._name != "gendan.document":
            self.env["gendan.document"]._register_sources(self)
        return res

    def _distribution_recall(self):
        copies = super(GendanDistributionMixin, self)._distribution_recall()
        if self._name != "gendan.document" and self:
            self.env["gendan.document"]._source_recall(self)
        return copies
