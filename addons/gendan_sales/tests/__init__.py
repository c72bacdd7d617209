from . import test_enquiry
from . import test_price_approval
from . import test_quotation_followup
from . import test_contract
from . import test_sample_dispatch
from . import test_reports
from . import test_price_enquiry
