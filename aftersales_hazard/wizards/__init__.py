from . import aftersales_hazard_copy
