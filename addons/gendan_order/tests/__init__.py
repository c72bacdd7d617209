from . import test_order_review
from . import test_requirement_item
from . import test_sample
from . import test_delivery_deposit
from . import test_cockpit
from . import test_customer_file_reports
from . import test_uninstall_hook
from . import test_sales_channel
