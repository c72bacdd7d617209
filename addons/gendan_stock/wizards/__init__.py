from . import gendan_orderpoint_proposal
