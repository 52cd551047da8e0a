"""Benchmark of the monthly statistics (issue #18; not a test: run it by hand).

    python3 tests/bench_statistics.py --addons-path=<odoo addons>,<this repository> \
        -d <database> [--db_host=]

On a database with aftersales_service installed it creates 100,000 requests (a few through the
ORM, the rest copied in SQL, spread over 2025-2026 with answers, visits, quotations and trips),
then times, in the same run, the monthly pivot of one year:
  1. through the statistics view: ``aftersales.statistics._read_group`` grouped by month with
     the requests, the on-time rates of the answer, on-site and quotation clocks and the rating
     (what the pivot asks for);
  2. a plain ``helpdesk.ticket._read_group`` by month of receipt (count only), the baseline.
Each is run 5 times; the best and the median are printed. Everything runs in one transaction
that is rolled back: the database is left as it was. Target (issue #18): under 1 s.
"""

import os
import statistics
import sys
import time
from datetime import datetime, timedelta

import odoo
from odoo.tools import config

TOTAL = 100_000
CREATED = 50
RUNS = 5
YEAR = [("month", ">=", "2026-01-01"), ("month", "<", "2027-01-01")]


def timed(function):
    seconds = []
    result = None
    for _run in range(RUNS):
        t0 = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - t0)
    return result, min(seconds), statistics.median(seconds)


def bench(env):
    partner = env["res.partner"].create({"name": "Bench Customer", "is_company": True})
    project = env["aftersales.project"].create(
        {
            "name": "BENCH-STAT",
            "partner_id": partner.id,
            "delivery_date": "2025-06-01",
            "site_distance_km": 60,
            "site_state_id": env.ref("base.state_cn_SH").id,
        }
    )
    team = env.ref("aftersales_service.helpdesk_team_aftersales")
    start = datetime(2025, 1, 1, 1, 0)
    created = env["helpdesk.ticket"].create(
        [
            {
                "name": f"Bench request {n}",
                "description": "Pump trips",
                "partner_id": partner.id,
                "team_id": team.id,
                "aftersales_project_id": project.id,
                "received_at": start + timedelta(hours=7 * n),
                "needs_onsite": n % 3 == 0,
            }
            for n in range(CREATED)
        ]
    )
    env.flush_all()
    existing = env["helpdesk.ticket"].search_count([])
    missing = TOTAL - existing
    # Copies over two years (every 10 minutes or so), their deadlines moved with them; two in
    # three answered, half of the paid ones quoted.
    env.cr.execute(
        """INSERT INTO helpdesk_ticket (number, name, description, company_id, team_id, stage_id,
                   partner_id, commercial_partner_id, aftersales_project_id, received_at,
                   severity, needs_onsite, coverage, answer_deadline, onsite_deadline,
                   quote_deadline, answered_at, onsite_at, quoted_at, aftersales_rating,
                   priority, kanban_state, active, create_uid, write_uid, create_date,
                   write_date)
           SELECT 'S' || g, t.name, t.description, t.company_id, t.team_id, t.stage_id,
                  t.partner_id, t.commercial_partner_id, t.aftersales_project_id,
                  t.received_at + g * interval '631 seconds', t.severity, t.needs_onsite,
                  CASE WHEN g %% 3 = 0 THEN 'paid' ELSE 'free' END,
                  t.answer_deadline + g * interval '631 seconds',
                  t.onsite_deadline + g * interval '631 seconds',
                  CASE WHEN g %% 3 = 0 THEN t.received_at + g * interval '631 seconds'
                       + interval '2 days' END,
                  CASE WHEN g %% 3 != 1 THEN t.received_at + g * interval '631 seconds'
                       + (g %% 7) * interval '1 hour' END,
                  CASE WHEN t.needs_onsite THEN t.received_at + g * interval '631 seconds'
                       + (g %% 30) * interval '1 hour' END,
                  CASE WHEN g %% 6 = 0 THEN t.received_at + g * interval '631 seconds'
                       + interval '1 day' END,
                  CASE WHEN g %% 4 = 0 THEN 1 + g %% 5 ELSE 0 END,
                  t.priority, t.kanban_state, t.active, t.create_uid, t.write_uid,
                  t.create_date, t.write_date
             FROM generate_series(1, %s) g
             JOIN helpdesk_ticket t ON t.id = %s + (g %% %s)""",
        [missing, created[0].id, CREATED],
    )
    env.cr.execute("ANALYZE helpdesk_ticket")
    env.invalidate_all()
    print(f"requests in the database: {env['helpdesk.ticket'].search_count([]):,}")
    print("load average (1, 5, 15 min): %.2f %.2f %.2f" % os.getloadavg())
    Stats = env["aftersales.statistics"]
    Ticket = env["helpdesk.ticket"]

    def pivot():
        return Stats._read_group(
            YEAR,
            ["month:month"],
            ["__count", "answer_rate:avg", "onsite_rate:avg", "quote_rate:avg", "rating:avg"],
        )

    def plain():
        return Ticket._read_group(
            [
                ("received_at", ">=", "2025-12-31 16:00:00"),
                ("received_at", "<", "2026-12-31 16:00:00"),
            ],
            ["received_at:month"],
            ["__count"],
        )

    rows, best, median = timed(pivot)
    print(
        f"statistics view, monthly pivot of 2026 (count, 3 on-time rates, rating): "
        f"{len(rows)} months, {sum(row[1] for row in rows):,} requests, "
        f"best {best * 1000:.0f} ms, median {median * 1000:.0f} ms"
    )
    rows, best, median = timed(plain)
    print(
        f"helpdesk.ticket _read_group by month of receipt (count): {len(rows)} months, "
        f"{sum(row[1] for row in rows):,} requests, "
        f"best {best * 1000:.0f} ms, median {median * 1000:.0f} ms"
    )
    _rows, best, median = timed(
        lambda: env["aftersales.engineer.statistics"]._read_group(
            YEAR, ["employee_id", "month:month"], ["trip_count:sum", "hours:sum", "rating:avg"]
        )
    )
    print(
        f"staff assessment pivot (trips of the database): best {best * 1000:.0f} ms, "
        f"median {median * 1000:.0f} ms"
    )


def main():
    config.parse_config(sys.argv[1:])
    dbname = config["db_name"]
    if not dbname:
        sys.exit("give the database with -d")
    registry = odoo.modules.registry.Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tz": "Asia/Shanghai"})
        try:
            bench(env)
        finally:
            cr.rollback()


if __name__ == "__main__":
    main()
