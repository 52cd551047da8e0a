#!/usr/bin/env bash
# Shared settings and helpers for setup/install.sh, setup/run.sh and setup/test.sh.
# Everything can be overridden from the environment.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Everything the scripts make (virtual environment, Odoo's source, logs, pid files, filestore)
# lives in the state directory, outside the repository: a second clone (CI) finds it there.
STATE_DIR="${AFTERSALES_STATE_DIR:-$HOME/.local/share/aftersales}"
# Where Odoo 18.0 is checked out when it is not importable yet. ODOO_SRC points at an
# existing checkout (used as is); otherwise the official 18.0 branch is cloned to ODOO_HOME.
ODOO_HOME="${ODOO_HOME:-$STATE_DIR/odoo-18.0}"
ODOO_GIT="${ODOO_GIT:-https://github.com/odoo/odoo.git}"
ODOO_BRANCH="${ODOO_BRANCH:-18.0}"
DB_NAME="${DB_NAME:-aftersales}"
HTTP_PORT="${HTTP_PORT:-8069}"
ADDONS="aftersales_service,aftersales_hazard,aftersales_collection"
mkdir -p "$STATE_DIR"

# The Python that runs Odoo, in this order:
#   PYTHON            an interpreter you name (used as is);
#   VENV              a virtual environment you name (created by setup/install.sh when missing);
#   python3           when it already imports Odoo 18 (reused as it is, nothing installed into Odoo);
#   $STATE_DIR/venv   otherwise: a virtual environment of our own (PEP 668 forbids pip in the
#                     system Python of Debian 12 and Ubuntu 24.04), made from BASE_PYTHON.
# PYTHON and VENV are exported, so every script of a run (and CI's clone) takes the same one.
BASE_PYTHON="${BASE_PYTHON:-python3}"
if [ -z "${PYTHON:-}" ]; then
    if [ -z "${VENV:-}" ] && "$BASE_PYTHON" -c 'import odoo.release as r, sys; sys.exit(r.version_info[0] != 18)' 2>/dev/null; then
        PYTHON="$BASE_PYTHON"
    else
        VENV="${VENV:-$STATE_DIR/venv}"
        PYTHON="$VENV/bin/python"
    fi
fi
export PYTHON VENV="${VENV:-}"
# pip constraints for every install we run: cbor2 (pinned by Odoo) does not build with
# setuptools >= 81; pip >= 25.3 applies constraints to build environments only through
# --build-constraint (PIP_BUILD_CONSTRAINT), older pips through PIP_CONSTRAINT.
export PIP_CONSTRAINT="$REPO_DIR/setup/constraints.txt"
export PIP_BUILD_CONSTRAINT="$PIP_CONSTRAINT"
export PIP_DISABLE_PIP_VERSION_CHECK=1

log() { printf '\033[1m[aftersales]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[aftersales] ERROR:\033[0m %s\n' "$*" >&2; exit 1; }

# Root is needed only for apt-get, for starting the PostgreSQL cluster and for creating our
# PostgreSQL role; everything else runs as the current user.
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null; then
        log "sudo: $*"
        sudo "$@" || die "sudo $1 failed (run it yourself as root, then run this script again): $*"
    else
        die "root is needed for: $*
    sudo is not installed: run that command as root (su -), or install sudo, then run this script again"
    fi
}

# Debian or Ubuntu, and which release ("debian 12", "ubuntu 24.04"); empty elsewhere.
os_release() { (. /etc/os-release 2>/dev/null && echo "${ID:-} ${VERSION_ID:-}") || true; }

# A Chromium or Chrome that Odoo's browser tests can drive (Odoo looks for these names).
chromium_bin() {
    local b
    for b in chromium chromium-browser google-chrome google-chrome-stable; do
        command -v "$b" 2>/dev/null && return 0
    done
    return 1
}

odoo_importable() {
    "$PYTHON" - <<'PY' 2>/dev/null
import odoo.release as r, sys
sys.exit(0 if r.version_info[0] == 18 else 1)
PY
}

# The addons path: Odoo's own addons, then this repository.
odoo_addons_path() {
    "$PYTHON" - "$REPO_DIR" <<'PY'
import os, sys, odoo, odoo.addons
paths = []
root = os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__)))
for cand in [os.path.join(root, "addons"), os.path.join(os.path.dirname(odoo.__file__), "addons")]:
    if os.path.isdir(os.path.join(cand, "web")) and cand not in paths:
        paths.append(cand)
paths.append(sys.argv[1])
print(",".join(paths))
PY
}

odoo_bin() { "$PYTHON" -m odoo "$@"; }

# Common Odoo options: local PostgreSQL through its socket as the current user.
odoo_opts() {
    echo --addons-path="$(odoo_addons_path)" --db_host="" --data-dir="$STATE_DIR/filestore"
}
