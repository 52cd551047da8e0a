from . import test_deadline_engine
from . import test_project
from . import test_project_security
from . import test_dispatch
from . import test_dispatch_security
from . import test_dispatch_expense
from . import test_dispatch_reports
