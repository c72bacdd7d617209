from . import test_reply_clock
from . import test_contact
from . import test_cadence
from . import test_partner_display_name
