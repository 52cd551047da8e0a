from . import deadline_engine
