from odoo import _, api, fields, models

from odoo.addons.gendan_base.tools_actions import window_action


class GendanDocumentSource(models.AbstractModel):
    """A document that registers its controlled revisions in the register.

    A model adds it to its ``_inherit`` and has a document type naming it;
    it may override the ``_gendan_document_*`` hooks.
    """

    _name = "gendan.document.source"
    _description = "Registered Controlled Document"

    gendan_document_count = fields.Integer(
        "Register Entries", compute="_compute_gendan_document_count")

    def _gendan_document_history_key(self):
        self.ensure_one()
        return "%s,%s" % (self._name, self.id)

    def _gendan_document_revision(self):
        self.ensure_one()
        return self.distribution_revision

    def _gendan_document_date(self, revision=None):
        """When the revision was distributed (today when not yet)."""
        self.ensure_one()
        revision = revision or self.distribution_revision
        sent = self.sudo().distribution_copy_ids.filtered(
            lambda copy: copy.revision == revision).mapped("sent_date")
        return sent and min(sent)[:10] or fields.Date.context_today(self)

    def _gendan_document_vals(self):
        """What the register entry of the current revision says."""
        self.ensure_one()
        return {
            "title": self.display_name,
            "date": self._gendan_document_date(),
            "sale_order_id": "sale_order_id" in self._fields
                             and self.sale_order_id.id or False,
            "revision": self._gendan_document_revision(),
            "history_key": self._gendan_document_history_key(),
        }

    def _compute_gendan_document_count(self):
        Document = self.env["gendan.document"]
        for rec in self:
            rec.gendan_document_count = rec.id and Document.search_count(
                [("history_key", "=", rec._gendan_document_history_key())])

    @api.multi
    def action_view_gendan_documents(self):
        """The register entries of the document: its revision history."""
        self.ensure_one()
        action = window_action(self.env, "gendan_document.gendan_document_action")
        action["domain"] = [
            ("history_key", "=", self._gendan_document_history_key())]
        action["context"] = {}
        action["name"] = _("Revision History")
        return action

    # -- backfill ---------------------------------------------------------------

    @api.model
    def _gendan_document_backfill_domain(self):
        return [("distribution_revision", ">", 0)]

    def _gendan_document_backfill_sort(self):
        return self.id

    def _gendan_document_backfill(self):
        """Register every distributed revision found among the copies, the
        older ones superseded; the latest recalled when its copies are."""
        self.ensure_one()
        Document = self.env["gendan.document"]
        revisions = sorted(set(self.sudo().distribution_copy_ids.mapped("revision")))
        vals = self._gendan_document_vals()
        entries = Document.browse()
        doc_type = self.env["gendan.document.type"]._for_model(self._name)
        for revision in revisions or [vals["revision"]]:
            entries |= Document.sudo()._register_one(doc_type, self, dict(
                vals, revision=revision,
                date=self._gendan_document_date(revision)))
        Document._recall_if_not_live(entries[-1:])
