from . import test_task_order
from . import test_mo_gate
from . import test_bom
from . import test_material_check
from . import test_first_article
from . import test_exception_inspection
from . import test_reports
from . import test_performance
