from . import gendan_signoff_wizard
from . import gendan_distribution_print
