from odoo import _, api, fields, models
from odoo.exceptions import UserError


class GendanFirstArticleItem(models.Model):
    """One point of the first-article checklist."""

    _name = "gendan.first.article.item"
    _description = "First Article Checklist Item"
    _order = "first_article_id, sequence, id"

    first_article_id = fields.Many2one("gendan.first.article", required=True,
                                       ondelete="cascade",
                                       index=True)
    sequence = fields.Integer(default=10)
    code = fields.Char()
    name = fields.Char("Check", required=True)
    is_applicable = fields.Boolean("Applicable", default=True)
    is_checked = fields.Boolean("Conforms")
    note = fields.Char("Finding")

    def _check_editable(self, articles):
        if articles.filtered(lambda fa: fa.state not in ("draft", "failed")):
            raise UserError(_("The checklist of a submitted first article is "
                              "locked."))

    @api.model
    def create(self, vals):
        self._check_editable(
            self.env["gendan.first.article"].browse(vals.get("first_article_id")))
        return super(GendanFirstArticleItem, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_editable(self.mapped("first_article_id"))
        return super(GendanFirstArticleItem, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_editable(self.mapped("first_article_id"))
        return super(GendanFirstArticleItem, self).unlink()
