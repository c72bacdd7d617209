from . import gendan_mail_reply
from . import gendan_mail_reply_mixin
from . import res_partner
from . import sale_order
from . import gendan_customer_contact
from . import gendan_visit_minutes
from . import gendan_contact_log
