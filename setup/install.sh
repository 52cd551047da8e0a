#!/usr/bin/env bash
# Installs whatever is missing to run the after-sales addons; does nothing that is already done.
#   system packages (PostgreSQL, wkhtmltopdf, build libraries, chromium for browser tests),
#   Odoo 18.0 (importable by python3; else from $ODOO_SRC, else the official 18.0 source),
#   the Python requirements (Odoo's and ours, OCA wheels included), a running PostgreSQL with
#   a superuser role for the current user.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# --- 1. system packages ------------------------------------------------------------------------
need_pkgs=()
if command -v dpkg-query >/dev/null; then
    # PostgreSQL, PDF rendering, Odoo's build needs (python-ldap, psycopg2), Chinese fonts for
    # reports, Chromium for the browser tests.
    for pkg in postgresql postgresql-client wkhtmltopdf git libldap2-dev libsasl2-dev libpq-dev \
               fonts-noto-cjk chromium; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || need_pkgs+=("$pkg")
    done
else
    command -v pg_ctlcluster >/dev/null && command -v wkhtmltopdf >/dev/null \
        || die "not a Debian system: install PostgreSQL and wkhtmltopdf yourself, then run again"
fi
if [ ${#need_pkgs[@]} -gt 0 ]; then
    log "installing system packages: ${need_pkgs[*]}"
    as_root apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null \
        || die "could not install ${need_pkgs[*]}"
fi

# --- 2. pip constraints (cbor2, pinned by Odoo, does not build with setuptools >= 81) ------------
export PIP_CONSTRAINT="$REPO_DIR/setup/constraints.txt"
export PIP_DISABLE_PIP_VERSION_CHECK=1

# --- 3. Odoo 18.0 ------------------------------------------------------------------------------
if odoo_importable; then
    :
else
    src="${ODOO_SRC:-}"
    if [ -z "$src" ]; then
        src="$ODOO_HOME"
        if [ ! -f "$src/odoo/release.py" ]; then
            log "fetching Odoo $ODOO_BRANCH from $ODOO_GIT into $src (set ODOO_SRC to use a checkout you have)"
            as_root mkdir -p "$(dirname "$src")"
            git clone --depth 1 --branch "$ODOO_BRANCH" "$ODOO_GIT" "$src" \
                || die "could not fetch Odoo 18.0; set ODOO_SRC to an Odoo 18.0 checkout"
        fi
    fi
    [ -f "$src/odoo/release.py" ] || die "ODOO_SRC=$src is not an Odoo source tree (no odoo/release.py)"
    grep -q "version_info = (18, 0" "$src/odoo/release.py" || die "$src is not Odoo 18.0"
    log "installing Odoo's Python requirements from $src/requirements.txt"
    "$PYTHON" -m pip install -q -r "$src/requirements.txt" || die "Odoo's requirements failed to install"
    log "installing Odoo from $src (editable, compat mode)"
    "$PYTHON" -m pip install -q -e "$src" --config-settings editable_mode=compat \
        || die "pip could not install Odoo from $src"
    odoo_importable || die "Odoo 18.0 is still not importable by $PYTHON after installing it"
fi

# --- 4. our Python requirements (OCA wheels, xlsxwriter, qrcode, pytest-odoo ...) ----------------
stamp="$STATE_DIR/requirements.sha1"
sum=$(sha1sum "$REPO_DIR/requirements.txt" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ] || ! "$PYTHON" -m pip show -q odoo-addon-helpdesk-mgmt pytest-odoo >/dev/null 2>&1; then
    log "installing Python requirements from requirements.txt"
    "$PYTHON" -m pip install -q -r "$REPO_DIR/requirements.txt" || die "requirements.txt failed to install"
    echo "$sum" > "$stamp"
fi
odoo_importable || die "Odoo 18.0 is not importable any more after installing requirements.txt"

# --- 5. PostgreSQL running, with a superuser role for us -----------------------------------------
if ! pg_isready -q 2>/dev/null; then
    cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $1" "$2}')
    [ -n "$cluster" ] || die "no PostgreSQL cluster found (pg_lsclusters is empty)"
    log "starting PostgreSQL cluster $cluster"
    as_root pg_ctlcluster $cluster start || die "could not start PostgreSQL"
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
fi
me=$(id -un)
[ "$me" != postgres ] || die "Odoo refuses to run as the postgres role; run as another user"
if ! psql -d postgres -Atc 'select 1' >/dev/null 2>&1; then
    log "creating PostgreSQL superuser role $me"
    as_root su postgres -c "psql -q -c \"CREATE ROLE \\\"$me\\\" SUPERUSER LOGIN\"" || die "could not create role $me"
fi
log "ready: Odoo $("$PYTHON" -c 'import odoo.release as r; print(r.version)'), PostgreSQL $(psql -d postgres -Atc 'show server_version')"
