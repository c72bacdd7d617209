from . import test_payment_gate
from . import test_container
from . import test_shipment_flow
from . import test_shipping_notice
from . import test_reports
from . import test_performance
from . import test_security
from . import test_balance_risk
