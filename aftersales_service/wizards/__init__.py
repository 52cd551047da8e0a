from . import aftersales_phone_intake
from . import aftersales_holiday_import
from . import aftersales_parts_resolver
