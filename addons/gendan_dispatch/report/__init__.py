from . import outbound_register_xlsx
