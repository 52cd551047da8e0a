"""Concurrency check and benchmark of archive numbering (not a test: run it by hand).

    python3 tests/bench_archive_numbering.py --addons-path=<odoo addons>,<this repository> \
        -d <database> [--db_host=]

On a database with aftersales_service installed, THREADS threads, each with its own database
connection, file PER_THREAD entries into the same project and category, one transaction per
entry, run through Odoo's own `retrying` (what every HTTP request and cron gets): a transaction
that finds the counter row locked waits, is aborted by PostgreSQL with a serialization failure
and is retried. Every fifth transaction of each thread is rolled back after numbering. R36
requires the committed numbers to be exactly 1..N: no duplicate (the counter row is locked until
commit) and no gap (a rolled-back number is given back). Prints entries/second, then removes its
data with SQL (entries are never deleted through the ORM).
"""

import sys
import threading
import time

from psycopg2 import OperationalError

import odoo
from odoo.service.model import retrying
from odoo.tools import config

THREADS = 4
PER_THREAD = 50


def main():
    config.parse_config(sys.argv[1:])
    registry = odoo.modules.registry.Registry(config["db_name"])
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        partner = env["res.partner"].create({"name": "Bench archive customer", "is_company": True})
        project = env["aftersales.project"].create(
            {"name": f"BENCH-ARCH-{int(time.time())}", "partner_id": partner.id}
        )
        category_id = env.ref("aftersales_service.archive_category_b1").id
        project_id, partner_id = project.id, partner.id

    errors = []

    def worker(thread):
        try:
            for n in range(PER_THREAD + PER_THREAD // 4):
                vals = {
                    "project_id": project_id,
                    "category_id": category_id,
                    "name": f"T{thread}-{n}",
                }
                with registry.cursor() as cr:
                    env = odoo.api.Environment(
                        cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True}
                    )
                    Entry = env["aftersales.archive.entry"]
                    if n % 5 != 4:
                        retrying(lambda Entry=Entry, vals=vals: Entry.create(vals), env)  # commits
                        continue
                    try:
                        Entry.create(vals)  # numbered, then rolled back
                    except OperationalError:
                        pass  # locked by another thread: rolled back all the same
                    cr.rollback()
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start

    with registry.cursor() as cr:
        cr.execute(
            "SELECT sequence_number FROM aftersales_archive_entry WHERE project_id = %s ORDER BY 1",
            [project_id],
        )
        numbers = [row[0] for row in cr.fetchall()]
        committed = THREADS * PER_THREAD
        print(
            f"{THREADS} threads, {len(numbers)} entries committed in {elapsed:.2f}s: "
            f"{len(numbers) / elapsed:.0f} entries/s"
        )
        print("errors:", errors or "none")
        ok = numbers == list(range(1, committed + 1))
        print(
            "numbers 1..%d without gap or duplicate: %s"
            % (committed, "yes" if ok else f"NO {numbers}")
        )
        cr.execute(
            "DELETE FROM mail_message WHERE model = 'aftersales.archive.entry' AND res_id IN "
            "(SELECT id FROM aftersales_archive_entry WHERE project_id = %s)",
            [project_id],
        )
        cr.execute("DELETE FROM aftersales_archive_entry WHERE project_id = %s", [project_id])
        cr.execute(
            "DELETE FROM mail_message WHERE model = 'aftersales.project' AND res_id = %s",
            [project_id],
        )
        cr.execute(
            "DELETE FROM mail_followers WHERE res_model = 'aftersales.project' AND res_id = %s",
            [project_id],
        )
        cr.execute("DELETE FROM aftersales_project WHERE id = %s", [project_id])
        cr.execute("DELETE FROM res_partner WHERE id = %s", [partner_id])
    return 0 if ok and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
