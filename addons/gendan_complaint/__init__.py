from . import models
from . import report

from odoo.addons.gendan_base.hooks import keep_documents_hook

uninstall_hook = keep_documents_hook("gendan_complaint")
