from . import gendan_signoff_wizard
