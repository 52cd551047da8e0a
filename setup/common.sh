#!/usr/bin/env bash
# Shared settings and helpers for setup/install.sh, setup/run.sh and setup/test.sh.
# Everything can be overridden from the environment.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
# Where Odoo 18.0 is checked out when it is not importable yet. ODOO_SRC points at an
# existing checkout (used as is); otherwise the official 18.0 branch is cloned to ODOO_HOME.
ODOO_HOME="${ODOO_HOME:-/opt/odoo-18.0}"
ODOO_GIT="${ODOO_GIT:-https://github.com/odoo/odoo.git}"
ODOO_BRANCH="${ODOO_BRANCH:-18.0}"
STATE_DIR="${AFTERSALES_STATE_DIR:-$HOME/.local/share/aftersales}"
DB_NAME="${DB_NAME:-aftersales}"
HTTP_PORT="${HTTP_PORT:-8069}"
ADDONS="aftersales_service,aftersales_hazard,aftersales_collection"
mkdir -p "$STATE_DIR"

log() { printf '\033[1m[aftersales]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[aftersales] ERROR:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        die "need root (or sudo) to run: $*"; fi
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
