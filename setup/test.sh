#!/usr/bin/env bash
# Tests everything: a fresh database, the three addons installed with Odoo's test runner
# (their own tests), then the cross-addon scenarios in tests/ with pytest-odoo.
# Exits non-zero on any failure, error or unexpected warning in the log.
#   setup/test.sh                 all tests
#   TEST_TAGS=/aftersales_hazard setup/test.sh   a subset of the addons' tests
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/create_db.sh"
TEST_DB="${TEST_DB:-aftersales_test}"
TEST_TAGS="${TEST_TAGS:-/aftersales_service,/aftersales_hazard,/aftersales_collection}"
LOGFILE="$STATE_DIR/test-$TEST_DB.log"

bash "$REPO_DIR/setup/install.sh" || die "setting up Odoo failed: no test can run (see above)"
odoo_importable || die "Odoo 18.0 is not importable by $PYTHON: no test can run"

log "building a fresh test database $TEST_DB"
dropdb --if-exists "$TEST_DB" || die "could not drop $TEST_DB (is a server using it?)"
rm -rf "$STATE_DIR/filestore/filestore/$TEST_DB"
create_db "$TEST_DB"

: > "$LOGFILE"
log "installing $ADDONS with Odoo's test runner (log: $LOGFILE)"
set +e
odoo_bin $(odoo_opts) -d "$TEST_DB" -i "$ADDONS" --test-tags="$TEST_TAGS" --stop-after-init \
    --log-level=test --http-port="${TEST_HTTP_PORT:-8269}" --logfile="$LOGFILE"
rc=$?
set -e
[ $rc -eq 0 ] || die "Odoo's test run exited with $rc; see $LOGFILE"

# Every ERROR/CRITICAL line fails; a WARNING fails unless setup/log-allow.txt expects it.
bad=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$LOGFILE" \
      | grep -vEf <(grep -vE '^\s*(#|$)' "$REPO_DIR/setup/log-allow.txt") || true)
if [ -n "$bad" ]; then
    printf '%s\n' "$bad" | head -60 >&2
    die "the Odoo test log has failures, errors or unexpected warnings (above; whole log: $LOGFILE)"
fi
ran=$(grep -cE 'odoo.tests.stats|Starting .*\.test_' "$LOGFILE" || true)
[ "$ran" -gt 0 ] || die "Odoo's test runner ran no test of the addons"
log "Odoo's test runner: all addon tests passed"

log "running the cross-addon scenarios in tests/ with pytest-odoo"
conf="$STATE_DIR/pytest-odoo-$TEST_DB.conf"
printf '[options]\naddons_path = %s\ndb_host = False\ndb_name = %s\ndata_dir = %s\n' \
    "$(odoo_addons_path)" "$TEST_DB" "$STATE_DIR/filestore" > "$conf"
cd "$REPO_DIR"
set +e
"$PYTHON" -m pytest -p no:cacheprovider --odoo-config="$conf" --odoo-database="$TEST_DB" tests "$@"
rc=$?
set -e
[ $rc -eq 0 ] || die "pytest-odoo scenarios failed (exit $rc)"
log "all tests passed"
