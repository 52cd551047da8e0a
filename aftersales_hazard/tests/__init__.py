from . import test_hazard
from . import test_hazard_briefing
from . import test_hazard_reports
