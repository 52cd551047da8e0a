from . import aftersales_hazard
from . import aftersales_hazard_briefing
from . import aftersales_hazard_briefing_line
from . import aftersales_dispatch_hazard
from . import aftersales_project_hazard
from . import ir_actions_report_hazard
