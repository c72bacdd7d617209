import io

from PyPDF2 import PdfFileReader, PdfFileWriter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from odoo import api, models


class IrActionsReport(models.Model):
    """Print several records, with page numbers, with Debian's wkhtmltopdf.

    Debian's wkhtmltopdf (unpatched Qt) returns an empty PDF when it is given
    more than one input file, which Odoo 11 does for one print of several
    records: convert each record's body alone and merge the PDFs. It prints
    no header or footer either, so the page numbers of core's footer
    ("page / pages" of the whole print) are stamped on Gendan's reports
    afterwards.
    """

    _inherit = "ir.actions.report"

    @api.model
    def _run_wkhtmltopdf(self, bodies, header=None, footer=None, landscape=False,
                         specific_paperformat_args=None, set_viewport_size=False):
        run = super(IrActionsReport, self)._run_wkhtmltopdf
        options = dict(header=header, footer=footer, landscape=landscape,
                       specific_paperformat_args=specific_paperformat_args,
                       set_viewport_size=set_viewport_size)
        if len(bodies) < 2:
            pdf = run(bodies, **options)
        else:
            pdf = self._gendan_merge([run([body], **options) for body in bodies])
        if (self.report_name or "").startswith("gendan_"):
            pdf = self._gendan_number_pages(pdf)
        return pdf

    @api.model
    def _gendan_merge(self, pdfs):
        """One PDF of the pages of ``pdfs``, in order."""
        writer = PdfFileWriter()
        for pdf in pdfs:
            writer.appendPagesFromReader(PdfFileReader(io.BytesIO(pdf)))
        result = io.BytesIO()
        writer.write(result)
        return result.getvalue()

    @api.model
    def _gendan_number_pages(self, pdf):
        """``pdf`` with "page / pages" 8 mm above the bottom edge of every
        page (in the bottom margin), as text a reader can search."""
        reader = PdfFileReader(io.BytesIO(pdf))
        total = reader.getNumPages()
        stamps = io.BytesIO()
        canvas = Canvas(stamps)
        for index in range(total):
            box = reader.getPage(index).mediaBox
            width, height = float(box.getWidth()), float(box.getHeight())
            canvas.setPageSize((width, height))
            canvas.setFont("Helvetica", 8)
            canvas.setFillGray(0.35)
            canvas.drawCentredString(width / 2, 8 * mm,
                                     "%d / %d" % (index + 1, total))
            canvas.showPage()
        canvas.save()
        numbers = PdfFileReader(stamps)
        writer = PdfFileWriter()
        for index in range(total):
            page = reader.getPage(index)
            page.mergePage(numbers.getPage(index))
            writer.addPage(page)
        result = io.BytesIO()
        writer.write(result)
        return result.getvalue()

    @api.model
    def render_qweb_html(self, docids, data=None):
        # a print with options (gendan.distribution.print): the web client
        # sends no ids in the URL of a report with data; they, and the copies
        # to print, travel in the data (read by the distribution engine from
        # the context: Odoo 11 does not give the data to the template)
        report = self
        if data and data.get("gendan_print_copies"):
            docids = docids or data.get("gendan_print_ids")
            report = self.with_context(gendan_print_copies=data["gendan_print_copies"])
        return super(IrActionsReport, report).render_qweb_html(docids, data=data)
