#!/usr/bin/env bash
# Runs the after-sales demo: installs what is missing, creates the database "aftersales" with the
# three addons and demo data (first time only) and serves Odoo on http://127.0.0.1:$HTTP_PORT.
#   setup/run.sh              start in development mode: one process, threads (or tell that it runs)
#   setup/run.sh production   start in production mode: Odoo's multi-process server (workers, cron
#                             workers, the gevent process for /websocket, proxy mode, limits), from
#                             the configuration file it writes to $STATE_DIR/odoo-$DB_NAME.conf
#   setup/run.sh stop         stop the server; returns once every Odoo process of it has exited
#   setup/run.sh update       upgrade the addons in the database, then start
# Production settings (environment, defaults in brackets; README "Production mode"):
#   WORKERS [2 x CPUs + 1]  MAX_CRON_THREADS [1]  GEVENT_PORT [HTTP_PORT + 3]  HTTP_INTERFACE [127.0.0.1]
#   PROXY_MODE [1]  LIST_DB [0]  DB_MAXCONN [64]  LIMIT_MEMORY_SOFT / _HARD [2048 / 2560 MiB]
#   LIMIT_TIME_CPU / _REAL / _REAL_CRON [600 / 1200 / -1 (= _REAL) s]  LIMIT_REQUEST [65536]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/create_db.sh"
PIDFILE="$STATE_DIR/odoo-$DB_NAME.pid"
LOGFILE="$STATE_DIR/odoo-$DB_NAME.log"
CONFFILE="$STATE_DIR/odoo-$DB_NAME.conf"
STOP_TIMEOUT="${STOP_TIMEOUT:-60}"

# The pid of our server when it runs (and is an Odoo process, not a reused pid).
running_pid() {
    local p
    p=$(cat "$PIDFILE" 2>/dev/null) && kill -0 "$p" 2>/dev/null \
        && tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q odoo && echo "$p"
}
# True while a process of the server's process group (the server, its workers) is alive.
group_alive() { kill -0 -- "-$1" 2>/dev/null; }

stop_server() {
    local p=$1 waited=0
    # SIGTERM: Odoo finishes the requests under way, its workers and cron workers too.
    kill -TERM "$p" 2>/dev/null || true
    while group_alive "$p"; do
        if [ "$waited" -eq $((STOP_TIMEOUT * 2)) ]; then
            log "Odoo (pid $p) still runs after ${STOP_TIMEOUT}s: killing its processes"
            kill -KILL -- "-$p" 2>/dev/null || true
        fi
        sleep 0.5
        waited=$((waited + 1))
        [ "$waited" -le $((STOP_TIMEOUT * 2 + 20)) ] || die "Odoo (pid $p) did not exit, even after SIGKILL"
    done
    rm -f "$PIDFILE"
}

mode=development
case "${1:-start}" in
stop)
    if p=$(running_pid); then
        stop_server "$p"
        log "stopped Odoo (pid $p): every process of it has exited"
    else
        rm -f "$PIDFILE"
        log "Odoo is not running"
    fi
    exit 0 ;;
production) mode=production ;;
start|update) ;;
*) die "usage: setup/run.sh [start|production|stop|update]" ;;
esac

if p=$(running_pid); then
    log "Odoo already runs (pid $p) on http://127.0.0.1:$HTTP_PORT — log: $LOGFILE — stop: setup/run.sh stop"
    exit 0
fi

bash "$REPO_DIR/setup/install.sh"

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

if [ "$mode" = production ]; then
    # Odoo's multi-process server. The file is written from the settings at each start; copy it
    # to the other servers of a multi-server deployment (README "Production mode").
    cpus=$(nproc 2>/dev/null || echo 1)
    mib=$((1024 * 1024))
    cat > "$CONFFILE" <<CONF
; written by setup/run.sh production — Odoo's multi-process server (see README "Production mode")
[options]
addons_path = $(odoo_addons_path)
data_dir = $STATE_DIR/filestore
db_host = ${DB_HOST:-False}
db_port = ${DB_PORT:-False}
db_name = $DB_NAME
dbfilter = ^$DB_NAME\$
list_db = $([ "${LIST_DB:-0}" = 1 ] && echo True || echo False)
db_maxconn = ${DB_MAXCONN:-64}
http_interface = ${HTTP_INTERFACE:-127.0.0.1}
http_port = $HTTP_PORT
gevent_port = ${GEVENT_PORT:-$((HTTP_PORT + 3))}
proxy_mode = $([ "${PROXY_MODE:-1}" = 1 ] && echo True || echo False)
workers = ${WORKERS:-$((cpus * 2 + 1))}
max_cron_threads = ${MAX_CRON_THREADS:-1}
limit_memory_soft = $(( ${LIMIT_MEMORY_SOFT:-2048} * mib ))
limit_memory_hard = $(( ${LIMIT_MEMORY_HARD:-2560} * mib ))
limit_time_cpu = ${LIMIT_TIME_CPU:-600}
limit_time_real = ${LIMIT_TIME_REAL:-1200}
limit_time_real_cron = ${LIMIT_TIME_REAL_CRON:--1}
limit_request = ${LIMIT_REQUEST:-65536}
logfile = $LOGFILE
CONF
    # The gevent process (/websocket) must start; gevent's plugins load through pkg_resources.
    "$PYTHON" -c 'import gevent.monkey; gevent.monkey.patch_all()' 2>/dev/null \
        || die "gevent cannot start in $PYTHON (an old setuptools' pkg_resources does not find zope.interface): $PYTHON -m pip install 'setuptools>=70,<81'"
    server=(-c "$CONFFILE")
    # Production mode serves 127.0.0.1 (behind the reverse proxy) unless HTTP_INTERFACE says otherwise.
    url="http://${HTTP_INTERFACE:-127.0.0.1}:$HTTP_PORT"
    [ "${HTTP_INTERFACE:-127.0.0.1}" != 0.0.0.0 ] || url="http://127.0.0.1:$HTTP_PORT"
else
    server=($(odoo_opts) -d "$DB_NAME" --db-filter="^$DB_NAME\$" --http-interface=127.0.0.1
            --http-port="$HTTP_PORT" --logfile="$LOGFILE")
    url="http://127.0.0.1:$HTTP_PORT"
fi
# Started from a script, not "python -m odoo": the multi-process server starts its gevent process
# by running sys.argv[0] again, and odoo/__main__.py cannot run as a script. The source's odoo-bin,
# else the "odoo" script pip made next to the interpreter.
odoo_script=$("$PYTHON" -c 'import odoo, os, sys
bin_ = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))), "odoo-bin")
script = os.path.join(os.path.dirname(sys.executable), "odoo")
print(bin_ if os.path.isfile(bin_) else script if os.path.isfile(script) else "")')
[ -n "$odoo_script" ] || die "neither odoo-bin nor an odoo script found for $PYTHON"
# setsid: the server and its workers form one process group, which "stop" waits for.
setsid nohup "$PYTHON" "$odoo_script" "${server[@]}" >/dev/null 2>&1 < /dev/null &
echo $! > "$PIDFILE"
for _ in $(seq 1 90); do
    curl -fs -o /dev/null "$url/web/login" && break
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || die "Odoo stopped while starting; see $LOGFILE"
    sleep 1
done
curl -fs -o /dev/null "$url/web/login" || die "Odoo does not answer on $url after 90 s; see $LOGFILE"
log "Odoo serves $url (login admin / admin), the After-sales app is in the menu — $mode mode"
[ "$mode" = development ] || log "configuration: $CONFFILE (workers, cron workers, gevent port, limits)"
log "log: $LOGFILE"
log "stop: setup/run.sh stop"
