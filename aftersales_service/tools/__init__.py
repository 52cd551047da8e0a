from . import deadline_engine
from . import access
from . import counting
from . import qr
