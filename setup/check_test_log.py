"""Checks an Odoo test log against the addons' test sources, so that CI cannot be fooled.

    python3 setup/check_test_log.py LOGFILE REPO_DIR ADDON[:whole] [ADDON[:whole] ...]

Fails (exit 1, one line per finding) when, for any ADDON:
- a test of the addon was skipped (Odoo logs skips at INFO: browser tours without Chromium, tests
  that need demo data, a `skipTest`, a skipped class);
and, for an ADDON marked `:whole` (all its tests were selected):
- a `tests/test_*.py` module is not imported by its `tests/__init__.py` (Odoo would never run it);
- fewer tests ran than the addon defines (`def test_*` methods of the test classes in its
  `tests/test_*.py`; a test class inherited by another one runs more often, never less).
Standard library only: it runs before anything else is installed, with any Python 3.
"""

import ast
import re
import sys
from pathlib import Path

from cli_log import note, report

# "2026-11-30 08:00:00,123 4242 INFO db odoo.addons.x.tests.test_y: Starting TestY.test_z ..."
LINE = re.compile(r"^\S+ \S+ \d+ [A-Z]+ \S+ (?P<logger>[\w.]+): (?P<message>.*)$")


def defined_tests(addon_dir):
    """{test_module: set of 'Class.test_method'} defined in the addon's tests/test_*.py."""
    found = {}
    for path in sorted((addon_dir / "tests").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        names = set()
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(
                        item, ast.FunctionDef | ast.AsyncFunctionDef
                    ) and item.name.startswith("test"):
                        names.add(f"{node.name}.{item.name}")
        found[path.stem] = names
    return found


def imported_modules(addon_dir):
    tree = ast.parse((addon_dir / "tests" / "__init__.py").read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                modules.add(node.module.split(".")[0])
            else:
                modules.update(alias.name for alias in node.names)
    return modules


def check(logfile, repo_dir, addons, whole):
    findings = []
    started = {addon: set() for addon in addons}
    text = Path(logfile).read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        match = LINE.match(line)
        if not match:
            continue
        logger, message = match["logger"], match["message"].strip()
        for addon in addons:
            mine = logger.startswith(f"odoo.addons.{addon}.") or f"odoo.addons.{addon}." in message
            if not mine:
                continue
            if message.startswith("skipped "):
                findings.append(f"{addon}: a test was skipped: {message}")
            elif message.startswith("Starting ") and logger.startswith(
                f"odoo.addons.{addon}.tests."
            ):
                started[addon].add(message[len("Starting ") :].strip().removesuffix(" ...").strip())
    for addon in whole:
        addon_dir = Path(repo_dir) / addon
        defined = defined_tests(addon_dir)
        imported = imported_modules(addon_dir)
        for module in sorted(set(defined) - imported):
            findings.append(f"{addon}: tests/{module}.py is not imported by tests/__init__.py")
        count = sum(len(names) for names in defined.values())
        ran = started[addon]
        if len(ran) < count:
            missing = sorted(
                f"{module}: {name}"
                for module, names in defined.items()
                for name in names
                if name not in ran
            )
            findings.append(
                f"{addon}: {len(ran)} tests ran, {count} are defined; not run: "
                + ", ".join(missing[:20])
            )
        note.info("%s: %s tests defined, %s ran", addon, count, len(ran))
    return findings


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    addons = [arg.split(":")[0] for arg in sys.argv[3:]]
    whole = [arg.split(":")[0] for arg in sys.argv[3:] if arg.endswith(":whole")]
    findings = check(sys.argv[1], sys.argv[2], addons, whole)
    for finding in findings:
        report.info(finding)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
