from . import test_qa_check
from . import test_goods_photo
from . import test_pickup_slip
from . import test_report
from . import test_outbound_register
