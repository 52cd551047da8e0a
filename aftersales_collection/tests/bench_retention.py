"""Benchmark of the retention-money reminder run (R30). A script, not a test: pytest does not
collect it (not named test_*) and Odoo's test loader does not import it.

    python3 aftersales_collection/tests/bench_retention.py -d collection_bench \\
        --addons-path=/opt/odoo-18.0/addons,$PWD --db_host= [--sizes 10000,100000] [--mails 60] \
        [--report-url http://localhost:8069]

The database needs aftersales_collection installed, e.g.
    python3 -m odoo -d collection_bench -i aftersales_collection --without-demo=all \
        --stop-after-init
Everything the bench creates is rolled back at the end.

For each size N it creates N projects (plain SQL: they are the fixture) and N retentions (ORM,
all due for their reminder today), then times what the daily cron does, batch after batch,
each batch in a fresh cache as in a new cron call:
  1. deciding and recording the due reminders (search + state write): retentions/s;
  2. queueing the reminder e-mails through their mail.template, the PDF letter attached by the
     template's report (Odoo's report engine: one wkhtmltopdf run per letter): e-mails/s, on the
     first `--mails` e-mails;
and the number of queries of each batch: constant for step 1 whatever the batch size or
position; step 2 renders each e-mail and its letter on its own (a few queries per e-mail).
"""

import argparse
import sys
import time
from datetime import timedelta

import odoo
from odoo import api
from odoo.tools import config


def create_fixture(env, size):
    cr = env.cr
    company = env.company
    partner = env["res.partner"].create(
        {"name": "Bench Customer", "is_company": True, "email": "bench@example.com"}
    )
    today = env.company._aftersales_today()
    cr.execute(
        """
        INSERT INTO aftersales_project (
            name, company_id, partner_id, commercial_partner_id, active,
            warranty_months, delivery_date, warranty_start, warranty_end,
            create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH-' || n, %(company)s, %(partner)s, %(partner)s, TRUE, 12,
               %(start)s, %(start)s, %(end)s, 1, 1, now(), now()
          FROM generate_series(1, %(size)s) AS n
        RETURNING id
        """,
        {
            "company": company.id,
            "partner": partner.id,
            "start": today.replace(year=today.year - 1),
            "end": today + timedelta(days=10),
            "size": size,
        },
    )
    project_ids = [row[0] for row in cr.fetchall()]
    started = time.perf_counter()
    Retention = env["aftersales.retention"].with_context(
        tracking_disable=True, mail_create_nolog=True
    )
    for chunk in range(0, size, 5000):
        ids = project_ids[chunk : chunk + 5000]
        Retention.create([{"project_id": pid, "amount": 1000.0 + pid % 997} for pid in ids])
        env.flush_all()
        env.invalidate_all()
    elapsed = time.perf_counter() - started
    # The fixture is one uncommitted transaction that autovacuum cannot analyse; give the
    # planner the statistics a daily cron would find on a committed table.
    cr.execute("ANALYZE aftersales_retention")
    return elapsed


def run_batches(env, search, process, limit):
    """Run `process` batch after batch; return (records, seconds, queries per batch)."""
    done, elapsed, queries = 0, 0.0, []
    while done < limit:
        env.invalidate_all()
        before = env.cr.sql_log_count
        started = time.perf_counter()
        batch = search()
        if not batch:
            break
        process(batch)
        env.flush_all()
        elapsed += time.perf_counter() - started
        queries.append(env.cr.sql_log_count - before)
        done += len(batch)
    return done, elapsed, queries


def bench(env, size, mails, report_url=None):
    # imported here: the addons path is known once Odoo's configuration is parsed
    from odoo.addons.aftersales_collection.models.aftersales_retention import (  # noqa: PLC0415
        MAIL_BATCH_SIZE,
        REMINDER_BATCH_SIZE,
    )

    Retention = env["aftersales.retention"]
    if report_url:
        # where wkhtmltopdf loads the report's assets from: a running Odoo server
        env["ir.config_parameter"].set_param("report.url", report_url)
    created = create_fixture(env, size)
    today = Retention.env.company._aftersales_today()
    due_domain = Retention._reminder_due_domain(today)
    print(
        f"\n== {size:,} retentions (created in {created:.1f} s by the ORM, {size / created:,.0f}/s)"
    )

    done, elapsed, queries = run_batches(
        env,
        lambda: Retention.search(due_domain, limit=REMINDER_BATCH_SIZE, order="reminder_date, id"),
        lambda batch: batch._record_reminders(),
        size,
    )
    print(
        f"decide + record: {done:,} reminders in {elapsed:.2f} s = {done / elapsed:,.0f} "
        "retentions/s; "
        f"{len(queries)} batches of {REMINDER_BATCH_SIZE}, queries: first batch {queries[0]}, "
        f"the others {sorted(set(queries[1:]))}"
    )

    env.cr.execute("ANALYZE aftersales_retention")
    done, elapsed, queries = run_batches(
        env,
        lambda: Retention._lock_to_mail(MAIL_BATCH_SIZE),
        lambda batch: batch._queue_reminder_mails(),
        mails,
    )
    print(
        f"e-mails with PDF letter queued (mail.template + report): {done:,} in {elapsed:.2f} s = "
        f"{done / elapsed:,.2f} e-mails/s; "
        f"{len(queries)} batches of {MAIL_BATCH_SIZE}, queries: first batch {queries[0]} "
        f"(caches warming up), the others {sorted(set(queries[1:]))}"
    )
    return done


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--mails", type=int, default=60, help="e-mails to time per size")
    parser.add_argument(
        "--report-url",
        help="URL of an Odoo server on the same database, from which wkhtmltopdf loads the "
        "letters' assets (as in production); without it the letters render without them",
    )
    args, odoo_args = parser.parse_known_args(argv)
    config.parse_config(odoo_args)
    registry = odoo.modules.registry.Registry(config["db_name"])
    for size in (int(s) for s in args.sizes.split(",")):
        with registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {})
            try:
                bench(env, size, args.mails, args.report_url)
            finally:
                cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1:])
