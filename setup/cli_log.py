"""Output of the command-line scripts of setup/ through `logging`, as Odoo's code logs.

`report` writes what the calling shell reads (findings, summaries) to standard output;
`note` writes counts and usage to standard error. Plain messages, no level or time prefix:
they are read by people and by setup/test.sh and setup/meta_check.sh.
"""

import logging
import sys


def _logger(name, stream):
    logger = logging.getLogger(f"aftersales.setup.{name}")
    if not logger.handlers:
        handler = logging.StreamHandler(stream)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


report = _logger("report", sys.stdout)
note = _logger("note", sys.stderr)
