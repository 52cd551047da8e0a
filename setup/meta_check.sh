#!/usr/bin/env bash
# Proves that setup/test.sh's test-count and skip gate (setup/check_test_log.py) cannot be fooled:
# on a temporary copy of the repository, one test module of aftersales_hazard is dropped from its
# tests/__init__.py and one test gets a skipTest; Odoo's test runner then runs the addon's tests
# (an upgrade of it in a copy of the test database) and the gate must turn red for both reasons.
# The untouched run is setup/test.sh itself, which must be green. Run after setup/test.sh
# (.ci/run does): it needs the database TEST_DB that setup/test.sh built, not in use.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
TEST_DB="${TEST_DB:-aftersales_test}"
META_DB="${TEST_DB}_meta"
ADDON=aftersales_hazard
LOGFILE="$STATE_DIR/test-$META_DB.log"

psql -d "$TEST_DB" -Atc 'select 1' >/dev/null 2>&1 || die "no database $TEST_DB: run setup/test.sh first"
copy=$(mktemp -d "${TMPDIR:-/tmp}/aftersales-meta.XXXXXX")
cleanup() { rm -rf "$copy"; dropdb --if-exists "$META_DB" 2>/dev/null; rm -rf "$STATE_DIR/filestore/filestore/$META_DB"; }
trap cleanup EXIT

# The temporary copy, with the two mutations.
(cd "$REPO_DIR" && tar --exclude=.git --exclude='__pycache__' -cf - aftersales_* setup) | tar -xf - -C "$copy"
init="$copy/$ADDON/tests/__init__.py"
dropped=test_hazard_reports
grep -q "^from \. import $dropped\$" "$init" || die "meta-check: $init does not import $dropped any more; update setup/meta_check.sh"
sed -i "/^from \. import $dropped\$/d" "$init"
target="$copy/$ADDON/tests/test_hazard.py"
first=$(grep -nE '^    def test_' "$target" | head -1 | cut -d: -f1)
[ -n "$first" ] || die "meta-check: no test method in $target"
sed -i "${first}a\\        self.skipTest(\"meta-check: a skipped test must turn setup/test.sh red\")" "$target"
skipped_test=$(sed -n "${first}p" "$target" | sed -E 's/^    def (test_[a-z0-9_]+).*/\1/')

log "meta-check: $ADDON without tests/$dropped.py and with $skipped_test skipped, on a copy of $TEST_DB"
dropdb --if-exists "$META_DB"
createdb -T "$TEST_DB" "$META_DB" || die "could not copy $TEST_DB (is a server using it?)"
if [ -d "$STATE_DIR/filestore/filestore/$TEST_DB" ]; then
    mkdir -p "$STATE_DIR/filestore/filestore"
    cp -r "$STATE_DIR/filestore/filestore/$TEST_DB" "$STATE_DIR/filestore/filestore/$META_DB"
fi
addons_path="$(odoo_addons_path | sed "s|$REPO_DIR\$|$copy|")"
: > "$LOGFILE"
odoo_bin --addons-path="$addons_path" --db_host="" --data-dir="$STATE_DIR/filestore" -d "$META_DB" \
    -u "$ADDON" --test-tags="/$ADDON" --stop-after-init --log-level=test \
    --http-port="${META_HTTP_PORT:-$(( ${TEST_HTTP_PORT:-8269} + 10 ))}" --logfile="$LOGFILE" \
    || die "meta-check: Odoo's run of the mutated copy failed; see $LOGFILE"

set +e
findings=$("$PYTHON" "$copy/setup/check_test_log.py" "$LOGFILE" "$copy" "$ADDON:whole")
rc=$?
set -e
printf '%s\n' "$findings" | sed 's/^/    /' >&2
[ $rc -ne 0 ] || die "meta-check: the gate stayed green although a test module was dropped and a test skipped"
grep -q "skipped.*$skipped_test" <<<"$findings" || die "meta-check: the gate did not report the skipped $skipped_test"
grep -q "tests/$dropped.py is not imported" <<<"$findings" || die "meta-check: the gate did not report the dropped import of $dropped"
grep -qE "$ADDON: [0-9]+ tests ran, [0-9]+ are defined" <<<"$findings" || die "meta-check: the gate did not count the tests left out"
log "meta-check: the gate turns red on a dropped test import and on a skipped test, as it must"
