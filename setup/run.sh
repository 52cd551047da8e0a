#!/usr/bin/env bash
# Runs the after-sales demo: installs what is missing, creates the database "aftersales" with the
# three addons and demo data (first time only) and serves Odoo on http://127.0.0.1:$HTTP_PORT.
#   setup/run.sh            start (or tell that it runs)
#   setup/run.sh stop       stop the server
#   setup/run.sh update     upgrade the addons in the database, then start
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/create_db.sh"
PIDFILE="$STATE_DIR/odoo-$DB_NAME.pid"
LOGFILE="$STATE_DIR/odoo-$DB_NAME.log"

running_pid() { local p; p=$(cat "$PIDFILE" 2>/dev/null) && kill -0 "$p" 2>/dev/null && echo "$p"; }

case "${1:-start}" in
stop)
    if p=$(running_pid); then
        kill "$p"
        for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
        log "stopped Odoo (pid $p)"
    else
        log "Odoo is not running"
    fi
    exit 0 ;;
start|update) ;;
*) die "usage: setup/run.sh [start|stop|update]" ;;
esac

if p=$(running_pid); then
    log "Odoo already runs (pid $p) on http://127.0.0.1:$HTTP_PORT — log: $LOGFILE — stop: setup/run.sh stop"
    exit 0
fi

bash "$REPO_DIR/setup/install.sh"
export PIP_CONSTRAINT="$REPO_DIR/setup/constraints.txt"

# A fingerprint of the addons' files: when it changes, the database is upgraded before serving.
CODE_STAMP="$STATE_DIR/code-$DB_NAME.sha1"
code_sum=$(cd "$REPO_DIR" && find aftersales_* -type f ! -path '*/__pycache__/*' -print0 | sort -z \
           | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
installed=$(psql -d "$DB_NAME" -Atc "select count(*) from ir_module_module where state='installed' and name in ('aftersales_service','aftersales_hazard','aftersales_collection')" 2>/dev/null || echo 0)
if [ "$installed" != 3 ]; then
    log "creating database $DB_NAME with the after-sales addons and demo data (a few minutes, once) — log: $LOGFILE"
    psql -d "$DB_NAME" -c '' >/dev/null 2>&1 || create_db "$DB_NAME"
    odoo_bin $(odoo_opts) -d "$DB_NAME" -i "$ADDONS" --stop-after-init --load-language=zh_CN \
        --logfile="$LOGFILE" || die "installing the addons failed; see $LOGFILE"
elif [ "${1:-start}" = update ] || [ "$(cat "$CODE_STAMP" 2>/dev/null)" != "$code_sum" ]; then
    log "upgrading the addons in $DB_NAME (their code changed since the last start)"
    odoo_bin $(odoo_opts) -d "$DB_NAME" -u "$ADDONS" --stop-after-init --logfile="$LOGFILE" \
        || die "upgrading the addons failed; see $LOGFILE"
fi

echo "$code_sum" > "$CODE_STAMP"
nohup "$PYTHON" -m odoo $(odoo_opts) -d "$DB_NAME" --db-filter="^$DB_NAME\$" --http-interface=127.0.0.1 \
    --http-port="$HTTP_PORT" --logfile="$LOGFILE" >/dev/null 2>&1 &
echo $! > "$PIDFILE"
for _ in $(seq 1 60); do
    curl -fs -o /dev/null "http://127.0.0.1:$HTTP_PORT/web/login" && break
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || die "Odoo stopped while starting; see $LOGFILE"
    sleep 1
done
log "Odoo serves http://127.0.0.1:$HTTP_PORT (login admin / admin), the After-sales app is in the menu"
log "log: $LOGFILE"
log "stop: setup/run.sh stop"
