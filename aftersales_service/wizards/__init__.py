from . import aftersales_phone_intake
from . import aftersales_holiday_import
from . import aftersales_parts_resolver
from . import aftersales_service_report_sign
from . import aftersales_clock_correction
