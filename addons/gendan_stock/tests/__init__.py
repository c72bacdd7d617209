from . import test_month_end_count
from . import test_safety_stock
from . import test_expense
from . import test_sibling_shop
