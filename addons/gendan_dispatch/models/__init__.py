from . import res_company
from . import gendan_qa_check
from . import gendan_goods_photo
from . import gendan_pickup_slip
from . import gendan_pickup_slip_check
from . import mrp_production
from . import stock_picking
from . import stock_move
