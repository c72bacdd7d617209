import io

from PyPDF2 import PdfFileReader, PdfFileWriter

from odoo import api, models


class IrActionsReport(models.Model):
    """Print several records with Debian's wkhtmltopdf.

    Debian's wkhtmltopdf (unpatched Qt) returns an empty PDF when it is given
    more than one input file, which Odoo 11 does for one print of several
    records: convert each record's body alone and merge the PDFs.
    """

    _inherit = "ir.actions.report"

    @api.model
    def _run_wkhtmltopdf(self, bodies, header=None, footer=None, landscape=False,
                         specific_paperformat_args=None, set_viewport_size=False):
        run = super(IrActionsReport, self)._run_wkhtmltopdf
        if len(bodies) < 2:
            return run(bodies, header=header, footer=footer, landscape=landscape,
                       specific_paperformat_args=specific_paperformat_args,
                       set_viewport_size=set_viewport_size)
        writer = PdfFileWriter()
        streams = []
        for body in bodies:
            stream = io.BytesIO(run(
                [body], header=header, footer=footer, landscape=landscape,
                specific_paperformat_args=specific_paperformat_args,
                set_viewport_size=set_viewport_size))
            streams.append(stream)
            writer.appendPagesFromReader(PdfFileReader(stream))
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
