from . import test_deadline_engine
from . import test_project
from . import test_project_security
from . import test_service_report
from . import test_portal_controllers
from . import test_portal_tours
