from . import test_outsourcing_order
from . import test_outsourcing_milestones
from . import test_packaging_spec
from . import test_reports
