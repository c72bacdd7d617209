from odoo import SUPERUSER_ID, api

from . import models
from . import report


def post_init_hook(cr, registry):
    """Register the documents controlled before the module was installed."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["gendan.document"]._backfill()
