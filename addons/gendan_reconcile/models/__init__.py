from . import gendan_statement
from . import gendan_statement_line
from . import gendan_dunning_level
from . import account_invoice
from . import res_partner
from . import stock_picking
from . import res_company
from . import gendan_statement_demo
