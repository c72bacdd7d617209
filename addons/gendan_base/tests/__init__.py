from . import test_signoff
from . import test_distribution
from . import test_sla
