from . import gendan_statement_prepare
from . import gendan_statement_schedule
