from . import test_cn_amount
from . import test_retention
from . import test_dispute_escalation
from . import test_handover
from . import test_paid_service
from . import test_ageing
from . import test_collection_security
from . import test_retention_letters
