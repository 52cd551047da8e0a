from . import portal
from . import portal_archive
from . import helpdesk_portal
from . import portal_complaint
from . import portal_visits
