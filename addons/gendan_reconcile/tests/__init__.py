from . import test_statement
from . import test_workflow
from . import test_batch
from . import test_report
from . import test_payment_gate
