from . import sales_report_xlsx
