from . import test_deadline_engine
from . import test_project
from . import test_project_security
