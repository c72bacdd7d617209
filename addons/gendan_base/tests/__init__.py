from . import test_signoff
from . import test_distribution
from . import test_sla
from . import test_state_machine
from . import test_todo
from . import test_sla_ladder
from . import test_signoff_shipped_rules
