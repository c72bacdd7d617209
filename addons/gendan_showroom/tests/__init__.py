from . import test_machine
from . import test_register
from . import test_check
