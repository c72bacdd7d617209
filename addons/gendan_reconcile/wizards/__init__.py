from . import gendan_statement_prepare
