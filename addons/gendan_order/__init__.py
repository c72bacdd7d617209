from . import models
from . import controllers
from . import report
from . import wizards

from odoo.addons.gendan_base.hooks import keep_documents_hook

uninstall_hook = keep_documents_hook("gendan_order")
