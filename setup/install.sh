#!/usr/bin/env bash
# Installs whatever is missing to run the after-sales addons; does nothing that is already done.
#   system packages (PostgreSQL, wkhtmltopdf, build tools and libraries, Chromium for the browser
#   tests, poppler-utils for the PDF tests), the Python that runs Odoo (see common.sh: python3 when
#   it already imports Odoo 18, else a virtual environment under the state directory), Odoo 18.0
#   (from $ODOO_SRC, else the official 18.0 source cloned into the state directory), the Python
#   requirements (Odoo's and ours, OCA wheels included), a running PostgreSQL with a superuser
#   role for the current user.
# Runs as a normal user: root (sudo) only for apt-get, starting PostgreSQL and creating the role.
# Tested on Debian 12 (Python 3.11); supported on Ubuntu 24.04 (Python 3.12).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

read -r os_id os_version <<<"$(os_release)"

# --- 1. system packages ------------------------------------------------------------------------
need_pkgs=()
if command -v dpkg-query >/dev/null; then
    # PostgreSQL; PDF rendering (wkhtmltopdf: Debian's and Ubuntu's are the unpatched-Qt build,
    # see setup/log-allow.txt) and reading PDFs back in the tests (pdftotext); Chinese fonts;
    # the virtual environment and Odoo's source builds (python-ldap, psycopg2, cbor2).
    pkgs=(postgresql postgresql-client wkhtmltopdf poppler-utils git curl fonts-noto-cjk
          python3-venv python3-dev build-essential libldap-dev libsasl2-dev libpq-dev)
    for pkg in "${pkgs[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || need_pkgs+=("$pkg")
    done
    # Chromium for the browser tests (a hard requirement of setup/test.sh). Debian ships it as a
    # package; on Ubuntu (24.04) "chromium-browser" is a transitional package that installs the snap.
    if ! chromium_bin >/dev/null; then
        case "$os_id" in
        ubuntu) need_pkgs+=(chromium-browser) ;;
        *) need_pkgs+=(chromium) ;;
        esac
    fi
    case "$os_id $os_version" in
    "debian 12"|"ubuntu 24.04") ;;
    *) log "untested system '$os_id $os_version' (tested on Debian 12, supported on Ubuntu 24.04): trying anyway" ;;
    esac
else
    command -v pg_ctlcluster >/dev/null && command -v wkhtmltopdf >/dev/null \
        || die "not a Debian/Ubuntu system: install PostgreSQL, wkhtmltopdf, poppler-utils and Chromium yourself, then run again"
fi
if [ ${#need_pkgs[@]} -gt 0 ]; then
    log "installing system packages: ${need_pkgs[*]}"
    as_root apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null \
        || die "could not install ${need_pkgs[*]}"
fi

# --- 2. pip constraints: common.sh exports them (cbor2 does not build with setuptools >= 81) -----

# --- 3. the Python that runs Odoo ----------------------------------------------------------------
if [ -n "${VENV:-}" ] && [ "$PYTHON" = "$VENV/bin/python" ] && [ ! -x "$PYTHON" ]; then
    log "creating the virtual environment $VENV (from $BASE_PYTHON)"
    "$BASE_PYTHON" -m venv "$VENV" \
        || die "could not create a virtual environment with $BASE_PYTHON (Debian/Ubuntu: apt-get install python3-venv)"
    # Debian 12's pip (23.0) does not pass --config-settings to editable builds, and its
    # setuptools' pkg_resources (66) does not find distributions under their normalised names
    # (zope_interface), which breaks gevent's plugins, hence Odoo's gevent process: newer ones.
    "$PYTHON" -m pip install -q --upgrade "pip>=23.1" "setuptools>=70" || die "could not upgrade pip in $VENV"
fi
[ -x "$(command -v "$PYTHON")" ] || die "PYTHON=$PYTHON is not an interpreter"

# --- 4. Odoo 18.0 ------------------------------------------------------------------------------
if ! odoo_importable; then
    src="${ODOO_SRC:-}"
    if [ -z "$src" ]; then
        src="$ODOO_HOME"
        if [ ! -f "$src/odoo/release.py" ]; then
            log "fetching Odoo $ODOO_BRANCH from $ODOO_GIT into $src (set ODOO_SRC to use a checkout you have)"
            mkdir -p "$(dirname "$src")" || die "cannot create $(dirname "$src"); set ODOO_HOME to a folder you can write"
            git clone --depth 1 --branch "$ODOO_BRANCH" "$ODOO_GIT" "$src" \
                || die "could not fetch Odoo 18.0; set ODOO_SRC to an Odoo 18.0 checkout"
        fi
    fi
    [ -f "$src/odoo/release.py" ] || die "ODOO_SRC=$src is not an Odoo source tree (no odoo/release.py)"
    grep -q "version_info = (18, 0" "$src/odoo/release.py" || die "$src is not Odoo 18.0"
    # pip's editable install writes Odoo's metadata (odoo.egg-info) into the source tree.
    [ -w "$src" ] || die "ODOO_SRC=$src is not writable by $(id -un): pip installs Odoo from it in editable mode, which writes odoo.egg-info there; give yourself write access (or copy it to a folder of yours), or leave ODOO_SRC unset to fetch Odoo into $ODOO_HOME"
    log "installing Odoo's Python requirements from $src/requirements.txt into $PYTHON (a few minutes)"
    "$PYTHON" -m pip install -q -r "$src/requirements.txt" || die "Odoo's requirements failed to install into $PYTHON"
    log "installing Odoo from $src (editable, compat mode)"
    "$PYTHON" -m pip install -q -e "$src" --config-settings editable_mode=compat \
        || die "pip could not install Odoo from $src"
    odoo_importable || die "Odoo 18.0 is still not importable by $PYTHON after installing it"
fi

# --- 5. our Python requirements (OCA wheels, xlsxwriter, qrcode, test tools ...) -----------------
stamp="$STATE_DIR/requirements-$(printf %s "$PYTHON" | sha1sum | cut -c1-8).sha1"
sum=$(sha1sum "$REPO_DIR/requirements.txt" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ] \
   || ! "$PYTHON" -m pip show -q odoo-addon-helpdesk-mgmt pytest-odoo freezegun hypothesis >/dev/null 2>&1; then
    log "installing Python requirements from requirements.txt"
    "$PYTHON" -m pip install -q -r "$REPO_DIR/requirements.txt" || die "requirements.txt failed to install"
    echo "$sum" > "$stamp"
fi
odoo_importable || die "Odoo 18.0 is not importable any more after installing requirements.txt"

# --- 6. PostgreSQL running, with a superuser role for us -----------------------------------------
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
    as_root su postgres -c "psql -q -c 'CREATE ROLE \"$me\" SUPERUSER LOGIN'" || die "could not create role $me"
fi
log "ready: Odoo $("$PYTHON" -c 'import odoo.release as r; print(r.version)') in $PYTHON, PostgreSQL $(psql -d postgres -Atc 'show server_version')"
