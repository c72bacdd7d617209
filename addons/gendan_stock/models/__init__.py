from . import res_company
from . import res_partner
from . import stock_inventory
from . import stock_inventory_line
from . import stock_warehouse_orderpoint
from . import stock_picking
from . import gendan_expense
from . import account_invoice
