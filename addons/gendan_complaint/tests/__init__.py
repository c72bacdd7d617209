from . import test_complaint
from . import test_compensation_reply
from . import test_repair_return
from . import test_repair_analysis
from . import test_part_request
from . import test_report_8d
from . import test_order_buttons
from . import test_report_repair_forms
