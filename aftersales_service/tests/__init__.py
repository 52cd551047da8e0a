from . import test_deadline_engine
from . import test_project
from . import test_project_security
from . import test_archive_numbering
from . import test_archive_filing
from . import test_archive_export_access
