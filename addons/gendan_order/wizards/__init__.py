from . import gendan_delay_notice_wizard
