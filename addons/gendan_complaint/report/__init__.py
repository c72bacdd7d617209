from . import repair_quarter_xlsx
