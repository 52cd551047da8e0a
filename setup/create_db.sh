#!/usr/bin/env bash
# Sourced by setup/run.sh and setup/test.sh (after common.sh): the one place that creates a database.
#   create_db NAME   creates NAME with base and demo data, its main company in China (country CN,
#                    currency CNY), so that installing `account` with our addons loads Odoo's Chinese
#                    localization (l10n_cn: its chart of accounts and taxes) — our manifests never name it.
# Odoo's own database creation (what the database manager does) is used, with country code CN.
create_db() {
    local db="$1"
    log "creating database $db (main company in China: CNY, Chinese chart of accounts)"
    "$PYTHON" - "$db" "$(odoo_addons_path)" "$STATE_DIR/filestore" <<'PY' || die "could not create database $db"
import sys
import odoo
from odoo.tools import config

db, addons_path, data_dir = sys.argv[1:4]
config.parse_config(["--addons-path=" + addons_path, "--db_host=", "--data-dir=" + data_dir,
                     "--log-level=warn"])
odoo.service.db.exp_create_database(db, True, "en_US", country_code="CN")
# Odoo logs and swallows a failed initialisation: check that the company really is in China.
registry = odoo.modules.registry.Registry(db)
with registry.cursor() as cr:
    cr.execute("SELECT c.code FROM res_company rc JOIN res_partner p ON p.id = rc.partner_id"
               " JOIN res_country c ON c.id = p.country_id WHERE rc.id = 1")
    row = cr.fetchone()
sys.exit(0 if row and row[0] == "CN" else 1)
PY
}
