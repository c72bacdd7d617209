from odoo import _, api, fields, models
from odoo.exceptions import UserError


class GendanDistributionPrint(models.TransientModel):
    """Print a controlled document: all its copies, one reference copy or
    the current user's own copy (Print ▸ Controlled copies...)."""

    _name = "gendan.distribution.print"
    _description = "Print Controlled Copies"

    res_model = fields.Char("Document Model", required=True)
    res_ids = fields.Char("Document IDs", required=True)
    report_xmlid = fields.Char("Report", required=True)
    mode = fields.Selection(
        [("all", "All copies"), ("reference", "Reference copy"),
         ("mine", "My copy")], "Print", default="all", required=True,
        help="All copies: one numbered page per holder of the approved "
             "revision. Reference copy: one unnumbered page, stamped as "
             "uncontrolled. My copy: the copies you hold.")

    @api.model
    def default_get(self, fields_list):
        values = super(GendanDistributionPrint, self).default_get(fields_list)
        context = self.env.context
        values.update({
            "res_model": context.get("active_model"),
            "res_ids": ",".join(str(i) for i in context.get("active_ids") or []),
            "report_xmlid": context.get("gendan_report"),
        })
        return values

    def _documents(self):
        self.ensure_one()
        ids = [int(i) for i in (self.res_ids or "").split(",") if i]
        documents = self.env[self.res_model].browse(ids).exists()
        if not documents or "distribution_copy_ids" not in documents._fields:
            raise UserError(_("Choose the controlled documents to print."))
        return documents

    @api.multi
    def action_print(self):
        self.ensure_one()
        documents = self._documents()
        report = self.env.ref(self.report_xmlid)
        if report._name != "ir.actions.report" or report.model != self.res_model:
            raise UserError(_("This report does not print these documents."))
        for doc in documents:
            doc._distribution_print_copies(self.mode)  # refuses "mine" without a copy
        # the options travel in the report's data (the web client passes the
        # context only with data); the ids with them, see ir.actions.report
        return report.with_context(gendan_print_copies=self.mode).report_action(
            documents, data={"gendan_print_copies": self.mode,
                             "gendan_print_ids": documents.ids})
