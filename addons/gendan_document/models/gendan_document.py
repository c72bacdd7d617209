from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gendan_base.engine import button, button_running, transition
from odoo.addons.gendan_base.tools_actions import window_action

CLERK_GROUPS = ["gendan_base.group_documents_clerk", "gendan_base.group_manager"]
LIVE_STATES = ("controlled", "recalled")


class GendanDocument(models.Model):
    """Register of controlled documents (文控文件编号归档分发).

    One entry per revision of a controlled document. The task orders,
    controlled BOMs, shipping notices and contact forms register themselves
    when they are distributed (their copies are the source's copies); the
    documents clerk registers the others (customer data, procedures) by hand
    and distributes them from here. Every entry is filed by year, month and
    order number (按年月及订单号建档存储); a new revision supersedes the
    previous one and recalls its copies.
    """

    _name = "gendan.document"
    _description = "Controlled Document"
    _inherit = ["mail.thread", "mail.activity.mixin", "gendan.state.machine",
                "gendan.distribution.mixin"]
    _order = "date desc, name desc, revision desc"
    _mail_post_access = "read"
    _distribution_list_xmlid = "gendan_document.distribution_list_document"
    _distribution_live_states = ("controlled",)
    _distribution_void_states = ("superseded", "recalled", "archived")
    _distribution_revision_field = "revision"
    # numbered and linked by the buttons and the registration only
    _state_button_fields = ("name", "revision", "history_key", "res_model",
                            "res_id", "source_name", "previous_id",
                            "superseded_by_id")

    name = fields.Char("Number", default="/", readonly=True, copy=False,
                       index=True)
    title = fields.Char(required=True, track_visibility="onchange")
    document_type_id = fields.Many2one(
        "gendan.document.type", required=True,
        ondelete="restrict", index=True, track_visibility="onchange",
        states={"archived": [("readonly", True)]})
    revision = fields.Integer(default=1, readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("controlled", "Controlled"),
         ("superseded", "Superseded"), ("recalled", "Recalled"),
         ("archived", "Archived")],
        default="draft", required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange")
    date = fields.Date(
        "Document Date", required=True, default=fields.Date.context_today,
        copy=False, track_visibility="onchange")
    sale_order_id = fields.Many2one(
        "sale.order", "Order", index=True, ondelete="restrict",
        track_visibility="onchange")
    partner_id = fields.Many2one(
        related="sale_order_id.partner_id", store=True, readonly=True,
        string="Customer")
    archive_year = fields.Char("Year", compute="_compute_archive", store=True)
    archive_month = fields.Char("Month", compute="_compute_archive", store=True)
    archive_folder = fields.Char(
        compute="_compute_archive", store=True,
        help="Year / month / order number of the paper and electronic file.")
    res_model = fields.Char("Source Model", readonly=True, copy=False,
                            index=True)
    res_id = fields.Integer("Source ID", readonly=True, copy=False, index=True)
    source_name = fields.Char("Source Document", readonly=True, copy=False)
    history_key = fields.Char(readonly=True, copy=False, index=True,
                              help="Shared by every revision of the document.")
    previous_id = fields.Many2one("gendan.document", "Previous Revision",
                                  readonly=True, copy=False)
    superseded_by_id = fields.Many2one("gendan.document", readonly=True,
                                       copy=False)
    history_ids = fields.One2many(
        "gendan.document", compute="_compute_history_ids",
        string="Revision History")
    source_copy_ids = fields.One2many(
        "gendan.distribution.copy", compute="_compute_source_copy_ids",
        string="Copies")
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Files", copy=False,
        states={"archived": [("readonly", True)]})
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.user.company_id)

    _sql_constraints = [
        ("revision_uniq", "unique(history_key, revision)",
         "A document has one entry per revision."),
    ]

    @api.depends("date", "sale_order_id.name")
    def _compute_archive(self):
        for doc in self:
            date = doc.date or ""
            doc.archive_year = date[:4] or False
            doc.archive_month = date[:7] or False
            doc.archive_folder = "/".join(filter(None, [
                date[:4], date[5:7], doc.sale_order_id.name])) or False

    def _compute_history_ids(self):
        keys = [key for key in self.mapped("history_key") if key]
        entries = self.search([("history_key", "in", keys)]) if keys else \
            self.browse()
        for doc in self:
            doc.history_ids = entries.filtered(
                lambda e, d=doc: d.history_key and e.history_key == d.history_key
            ) or doc

    def _compute_source_copy_ids(self):
        """The copies of this revision: the source's, or the register's own."""
        Copy = self.env["gendan.distribution.copy"]
        for doc in self:
            if doc.res_model:
                doc.source_copy_ids = Copy.search([
                    ("res_model", "=", doc.res_model), ("res_id", "=", doc.res_id),
                    ("revision", "=", doc._source_copy_revision())])
            else:
                doc.source_copy_ids = doc.distribution_copy_ids

    def _source_copy_revision(self):
        """The distribution revision of the source that this entry is."""
        self.ensure_one()
        source = self._source()
        if self.res_model == "mrp.bom":
            return source.distribution_revision
        return self.revision

    def _source(self):
        self.ensure_one()
        if not self.res_model or self.res_model not in self.env:
            return None
        return self.env[self.res_model].browse(self.res_id).exists()

    def name_get(self):
        return [(doc.id, "%s Rev %s %s" % (doc.name, doc.revision, doc.title))
                for doc in self]

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        domain = ["|", ("name", operator, name), ("title", operator, name)]
        docs = self.search(domain + (args or []), limit=limit)
        return docs.name_get()

    # -- CRUD -------------------------------------------------------------------

    @api.multi
    def write(self, vals):
        locked = self.filtered(lambda doc: doc.state == "archived")
        if locked and set(vals) - {"message_follower_ids", "activity_ids",
                                   "state"}:
            raise UserError(_("%s is archived and cannot be changed.")
                            % ", ".join(locked.mapped("name")))
        frozen = self.filtered(lambda doc: doc.res_model)
        source_fields = {"document_type_id", "sale_order_id", "title", "date"}
        if frozen and source_fields & set(vals) and not button_running(frozen):
            raise UserError(_(
                "%s follows its source document: change the source.")
                % ", ".join(frozen.mapped("name")))
        return super(GendanDocument, self).write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda doc: doc.state != "draft"):
            raise UserError(_("Only draft entries can be deleted; a controlled "
                              "document is recalled or archived."))
        return super(GendanDocument, self).unlink()

    # -- buttons -----------------------------------------------------------------

    @api.multi
    @transition(["draft"], "controlled", groups=CLERK_GROUPS)
    def action_control(self):
        """Number the document, supersede its previous revision, distribute."""
        if self.filtered(lambda doc: doc.res_model):
            raise UserError(_("A registered source document is controlled by "
                              "its own workflow."))
        for doc in self:
            previous = doc.previous_id
            doc.write({
                "name": previous.name or doc.document_type_id._next_number(doc.date),
                "history_key": previous.history_key or "%s,%s" % (
                    self._name, doc.id),
                "state": "controlled",
            })
            if previous.state in LIVE_STATES:
                previous._supersede(doc)
        self.action_distribute()
        return True

    @api.multi
    def action_distribute(self):
        if self.filtered(lambda doc: doc.res_model):
            raise UserError(_("A registered source document is distributed "
                              "from the source document."))
        if self.filtered(lambda doc: doc.state != "controlled"):
            raise UserError(_("Only controlled documents are distributed."))
        for doc in self:  # each to the list of its type
            super(GendanDocument, doc).action_distribute()
        return True

    @api.multi
    def action_new_revision(self):
        """A draft of the next revision (same number) of a document
        registered by hand."""
        self.ensure_one()
        if self.res_model or self.state not in LIVE_STATES:
            raise UserError(_("A new revision is made from the controlled "
                              "document registered in the register."))
        draft = self.copy({"title": self.title})
        draft._start_revision(self)
        return {"type": "ir.actions.act_window", "res_model": self._name,
                "res_id": draft.id, "view_mode": "form"}

    @api.multi
    @transition(["controlled"], "recalled", groups=CLERK_GROUPS)
    def action_recall(self):
        """Recall every live copy of the revision (source copies included)."""
        self._recall_copies()
        return self.write({"state": "recalled"})

    @api.multi
    @transition(["controlled", "superseded", "recalled"], "archived",
                groups=CLERK_GROUPS)
    def action_archive_document(self):
        self._recall_copies()
        return self.write({"state": "archived"})

    @api.multi
    def action_open_source(self):
        self.ensure_one()
        source = self._source()
        if not source:
            raise UserError(_("The source document no longer exists."))
        return {"type": "ir.actions.act_window", "res_model": self.res_model,
                "res_id": source.id, "view_mode": "form"}

    @api.multi
    def action_view_history(self):
        self.ensure_one()
        action = window_action(self.env, "gendan_document.gendan_document_action")
        action["domain"] = [("history_key", "=", self.history_key)]
        action["context"] = {}
        return action

    def _recall_copies(self):
        for doc in self:
            source = doc._source()
            if source:
                # the source's live copies are of its current revision only
                if doc._source_copy_revision() == source.distribution_revision:
                    source.sudo()._distribution_recall()
            else:
                doc._distribution_recall()

    # -- moves made by the sources -------------------------------------------

    @transition(["controlled", "recalled"], "superseded")
    def _supersede(self, new_doc):
        """Called on live entries only (an empty write would be refused)."""
        for doc in self:
            doc.message_post(body=_("Superseded by revision %s.")
                             % new_doc.revision)
        self.write({"state": "superseded", "superseded_by_id": new_doc.id})
        self.filtered(lambda doc: not doc.res_model)._distribution_recall()

    @transition(["controlled"], "recalled")
    def _source_recalled(self):
        self.write({"state": "recalled"})

    @transition(["draft"], "controlled")
    def _source_controlled(self, vals):
        self.write(dict(vals, state="controlled"))

    @button()
    def _sync_from_source(self, vals):
        self.write(vals)

    @button()
    def _start_revision(self, previous):
        self.write({"previous_id": previous.id, "name": previous.name,
                    "revision": previous.revision + 1})

    def _distribution_list(self):
        return self[:1].document_type_id.distribution_list_id or super(
            GendanDocument, self)._distribution_list()

    # -- registration -----------------------------------------------------------

    @api.model
    def _register_sources(self, sources):
        """Register the current revision of ``sources`` (records of a model
        with a document type); idempotent. Returns the entries."""
        doc_type = self.env["gendan.document.type"].sudo()._for_model(
            sources._name)
        entries = self.browse()
        if not doc_type:
            return entries
        Document = self.sudo()
        for source in sources:
            vals = source._gendan_document_vals()
            entries |= Document._register_one(doc_type, source, vals)
        return entries

    def _register_one(self, doc_type, source, vals):
        entry = self.search([("history_key", "=", vals["history_key"]),
                             ("revision", "=", vals["revision"])], limit=1)
        if entry:
            changed = {"title": vals["title"],
                       "sale_order_id": vals["sale_order_id"]}
            if (entry.title, entry.sale_order_id.id) != (
                    changed["title"], changed["sale_order_id"]):
                entry._sync_from_source(changed)
            return entry
        chain = self.search([("history_key", "=", vals["history_key"])],
                            order="revision")
        previous = chain.filtered(lambda e: e.revision < vals["revision"])[-1:]
        entry = self.create({
            "document_type_id": doc_type.id, "title": vals["title"],
            "date": vals["date"], "sale_order_id": vals["sale_order_id"]})
        entry._source_controlled({
            "name": chain[:1].name or doc_type._next_number(vals["date"]),
            "revision": vals["revision"], "history_key": vals["history_key"],
            "res_model": source._name, "res_id": source.id,
            "source_name": source.display_name, "previous_id": previous.id})
        entry.message_post(body=_("Registered from %s.") % source.display_name)
        live = chain.filtered(lambda e: e.state in LIVE_STATES)
        if live:
            live._supersede(entry)
        return entry

    @api.model
    def _source_recall(self, sources):
        """The copies of ``sources`` were recalled: so are their entries."""
        entries = self.sudo().search([
            ("res_model", "=", sources._name), ("res_id", "in", sources.ids),
            ("state", "=", "controlled")])
        if entries:
            entries._source_recalled()

    @api.model
    def _backfill(self):
        """Register the documents controlled before the register existed
        (install and upgrade); idempotent."""
        for doc_type in self.env["gendan.document.type"].search(
                [("res_model", "!=", False)]):
            if doc_type.res_model not in self.env:
                continue
            Source = self.env[doc_type.res_model].with_context(
                active_test=False)
            sources = Source.search(Source._gendan_document_backfill_domain())
            for source in sources.sorted(
                    lambda rec: rec._gendan_document_backfill_sort()):
                source._gendan_document_backfill()
        return True

    @api.model
    def _recall_if_not_live(self, entries):
        """Backfill: an entry whose copies are all recalled is recalled."""
        for entry in entries.filtered(lambda e: e.state == "controlled"):
            copies = entry.source_copy_ids
            if copies and all(copy.state == "recalled" for copy in copies):
                entry._source_recalled()
