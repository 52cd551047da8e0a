from . import aftersales_phone_intake
from . import aftersales_holiday_import
