from . import statement_xlsx
