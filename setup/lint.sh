#!/usr/bin/env bash
# Lint as OCA does: the pre-commit hooks of .pre-commit-config.yaml (ruff format, ruff lint,
# pylint-odoo with OCA's 18.0 settings) on the whole tree. Exits non-zero on any finding.
#   setup/lint.sh          check
#   setup/lint.sh --fix    apply ruff's fixes and formatting first, then check what is left
# pre-commit (pinned below) lives in a virtual environment of its own under the state directory and
# installs the hooks' pinned tools from PyPI into its cache there; nothing needs git hosting.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
PRE_COMMIT_VERSION=4.0.1
LINT_VENV="${LINT_VENV:-$STATE_DIR/lint-venv}"
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$STATE_DIR/pre-commit}"

if ! "$LINT_VENV/bin/python" -m pre_commit --version 2>/dev/null | grep -q " $PRE_COMMIT_VERSION\$"; then
    log "installing pre-commit $PRE_COMMIT_VERSION into $LINT_VENV"
    "$BASE_PYTHON" -m venv "$LINT_VENV" || die "could not create $LINT_VENV (Debian/Ubuntu: apt-get install python3-venv)"
    "$LINT_VENV/bin/python" -m pip install -q "pre-commit==$PRE_COMMIT_VERSION" || die "could not install pre-commit"
fi
cd "$REPO_DIR"
git rev-parse --git-dir >/dev/null 2>&1 || die "lint runs on a git checkout (pre-commit lists the files through git)"
pre_commit() { "$LINT_VENV/bin/python" -m pre_commit "$@"; }

if [ "${1:-}" = --fix ]; then
    log "ruff: fixing and formatting"
    pre_commit run --all-files --hook-stage manual ruff-fix || true
    pre_commit run --all-files --hook-stage manual ruff-format-fix || true
fi
log "lint: ruff, ruff format, pylint-odoo on the whole tree"
pre_commit run --all-files --show-diff-on-failure --color=never || die "lint findings (above)"
log "lint: no finding"
