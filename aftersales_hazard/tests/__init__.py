from . import test_hazard
from . import test_hazard_briefing
from . import test_hazard_reports
from . import test_demo_dispatch
from . import test_visits_briefings
from . import test_view_ids
from . import test_gates_hazard
from . import test_access_matrix_hazard
