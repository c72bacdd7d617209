from odoo import _, fields, models


class DocumentRegisterXlsx(models.AbstractModel):
    """The index of the document register as a spreadsheet (issue 18 §2):
    the selected entries (the list filtered by order, year, type...) with
    their archive place, and the revision history of each document, with
    real date cells."""

    _name = "report.gendan_document.document_register_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def _selection(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(
            self.env))

    def generate_xlsx_report(self, workbook, data, documents):
        title = workbook.add_format({"bold": True, "font_size": 14})
        head = workbook.add_format({"bold": True, "bg_color": "#DDEBF7",
                                    "border": 1, "text_wrap": True})
        cell = workbook.add_format({"border": 1})
        integer = workbook.add_format({"border": 1, "num_format": "0"})
        day = workbook.add_format({"border": 1, "num_format": "yyyy-mm-dd"})
        states = self._selection("gendan.document", "state")
        documents = documents.sorted(
            lambda d: (d.date or "", d.name or "", d.revision))

        def write_row(sheet, row, values):
            for col, value in enumerate(values):
                if isinstance(value, int) and not isinstance(value, bool):
                    sheet.write_number(row, col, value, integer)
                elif value and col in date_cols[sheet.name]:
                    sheet.write_datetime(row, col, fields.Date.from_string(
                        value), day)
                else:
                    sheet.write(row, col, value or "", cell)

        date_cols = {}
        register = workbook.add_worksheet(_("Document Register"))
        headers = [_("Number"), _("Revision"), _("Title"), _("Document Type"),
                   _("Order"), _("Customer"), _("Document Date"), _("Year"),
                   _("Month"), _("Archive Folder"), _("Status"),
                   _("Source Document"), _("Previous Revision"),
                   _("Superseded By"), _("Files")]
        date_cols[register.name] = {6}
        register.write(0, 0, _("Controlled documents register (%s entries)")
                       % len(documents), title)
        for col, header in enumerate(headers):
            register.write(2, col, header, head)
            register.set_column(col, col, 14 if col != 2 else 36)
        register.freeze_panes(3, 1)
        row = 3
        for doc in documents:
            write_row(register, row, [
                doc.name, doc.revision, doc.title,
                doc.document_type_id.display_name, doc.sale_order_id.name,
                doc.partner_id.display_name, doc.date, doc.archive_year,
                doc.archive_month, doc.archive_folder, states.get(doc.state),
                doc.source_name, doc.previous_id.name,
                doc.superseded_by_id.name,
                ", ".join(doc.attachment_ids.mapped("name"))])
            row += 1
        if documents:
            register.autofilter(2, 0, row - 1, len(headers) - 1)

        history = workbook.add_worksheet(_("Revision History"))
        date_cols[history.name] = {3}
        headers = [_("Document"), _("Number"), _("Revision"), _("Document Date"),
                   _("Status"), _("Title"), _("Superseded By"),
                   _("Source Document")]
        history.write(0, 0, _("Revision history of the listed documents"),
                      title)
        for col, header in enumerate(headers):
            history.write(2, col, header, head)
            history.set_column(col, col, 16 if col != 5 else 36)
        history.freeze_panes(3, 0)
        row = 3
        seen = set()
        for doc in documents:
            key = doc.history_key or "id-%s" % doc.id
            if key in seen:
                continue
            seen.add(key)
            revisions = doc.history_ids.sorted("revision")
            current = revisions[-1:]
            for revision in revisions:
                write_row(history, row, [
                    current.name, revision.name, revision.revision,
                    revision.date, states.get(revision.state), revision.title,
                    revision.superseded_by_id.name, revision.source_name])
                row += 1
