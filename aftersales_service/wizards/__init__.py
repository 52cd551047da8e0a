from . import aftersales_parts_resolver
