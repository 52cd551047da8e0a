from . import aftersales_phone_intake
