from . import res_company
from . import gendan_showroom_machine
from . import gendan_showroom_register
from . import gendan_showroom_register_line
from . import gendan_showroom_check
from . import gendan_showroom_check_line
from . import gendan_sample_register
from . import maintenance_request
