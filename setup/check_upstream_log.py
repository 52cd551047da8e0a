"""Checks the log of the upstream suites (the own tests of the modules our addons extend, run by
setup/test.sh on a database where our addons are installed).

    python3 setup/check_upstream_log.py LOGFILE SKIPS_FILE MODULE [MODULE ...]

Fails (exit 1, one line per finding) when
- a test failed or errored (Odoo's "FAIL:" / "ERROR:" records, or a result line counting any);
- any other record is logged at ERROR or CRITICAL level;
- a test of a MODULE was skipped and SKIPS_FILE does not name it ("Class.test_method" or a
  regular expression matching the skip line, one a line; # comments) — their own known skips;
- a MODULE ran no test at all (a wrong tag or module name would otherwise pass silently).
Prints the number of tests run per module. Standard library only.
"""

import re
import sys
from pathlib import Path

from cli_log import note, report

RECORD = re.compile(r"^\S+ \S+ \d+ (?P<level>[A-Z]+) \S+ (?P<logger>[\w.]+): (?P<message>.*)$")
RESULT = re.compile(r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<tests>\d+) tests")
STATS = re.compile(r"^(?P<module>\w+): (?P<tests>\d+) tests")


def allowed_skips(path):
    patterns = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            patterns.append(re.compile(line))
    return patterns


def check(logfile, skips_file, modules):
    findings = []
    ran = dict.fromkeys(modules, 0)
    allowed = allowed_skips(skips_file)
    for line in Path(logfile).read_text(encoding="utf-8", errors="replace").splitlines():
        match = RECORD.match(line)
        if not match:
            continue
        level, logger, message = match["level"], match["logger"], match["message"].strip()
        if logger == "odoo.tests.result":
            result = RESULT.search(message)
            if result and (int(result["failed"]) or int(result["errors"])):
                findings.append(f"result: {message}")
            continue
        if logger == "odoo.tests.stats":
            stats = STATS.match(message)
            if stats and stats["module"] in ran:
                ran[stats["module"]] += int(stats["tests"])
            continue
        if level in ("ERROR", "CRITICAL"):
            findings.append(f"{level}: {logger}: {message[:300]}")
            continue
        if message.startswith("skipped ") and any(
            logger.startswith(f"odoo.addons.{module}.") for module in modules
        ):
            if not any(pattern.search(message) for pattern in allowed):
                findings.append(f"skipped and not allowed in {skips_file}: {logger}: {message}")
    for module, count in ran.items():
        if not count:
            findings.append(f"{module}: no test ran")
    return findings, ran


def main(argv):
    if len(argv) < 4:
        note.info(__doc__)
        return 2
    findings, ran = check(argv[1], argv[2], argv[3:])
    for finding in findings:
        report.info(finding)
    note.info("upstream tests run: %s", ", ".join(f"{m} {n}" for m, n in ran.items()))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
