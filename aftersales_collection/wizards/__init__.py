from . import aftersales_handover_wizard
