from . import res_company
from . import res_config_settings
from . import aftersales_project
from . import stock_lot
from . import helpdesk_ticket
from . import repair_order
from . import aftersales_service_report
from . import helpdesk_ticket_service_report
