from . import deadline_engine
from . import access
