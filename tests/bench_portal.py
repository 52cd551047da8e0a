"""Benchmark of the customer portal under load (issue 15, "Scale"; not a test: run it by hand).

    python3 tests/bench_portal.py -d <database> [--port 8069] [--users 20] [--think 5]
        [--duration 180] [--requests 10000] [--gevent-port N] [--keep-server]

  1. Builds (first run) or reuses the data in <database>: a customer ("Portal Bench Plant Co.")
     with one project (BENCH-PORTAL) of --requests requests over a few years (four in five of them
     closed), 300 service reports and --users portal users of that customer (bench_portal_01 ...,
     password = login). The data is committed: later runs reuse it. The database itself, with
     the addons and demo data, is made by setup/run.sh when it does not exist yet.
  2. Starts Odoo in production mode with setup/run.sh (its multi-process server, WORKERS=2,
     on --port), unless it already runs there.
  3. Drives --users concurrent portal users, each logged in with its own session, over the HTML
     portal pages, with --think seconds (+-20 %) between pages: home (/my), the project list, the
     project page, its request pages 2..n (a random depth), helpdesk_mgmt's request list pages,
     one request; after a warm-up (each user's first pass is not counted) for --duration seconds.
  4. Prints, per page, how many were served, the median, p95 and worst time, and failures, then
     the server's own medians from its log (queries, SQL time, other time: on a busy machine they
     tell a page's cost from its wait for a CPU); then stops the server it started.
Target (issue 15, 2-core machine): every page p95 < 150 ms with 20 users and 5 s think time.
"""

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta

import requests

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CUSTOMER = "Portal Bench Plant Co."
PROJECT = "BENCH-PORTAL"
SEEDED = 200  # requests created through the ORM; the others are SQL copies of them
REPORTS = 300
# Odoo's request log line: "GET <path> HTTP/1.1" 200 - <queries> <SQL s> <other server s>
SERVED = re.compile(r'^(\S+ \S+),\d+ .*"GET (\S+) HTTP/1\.1" 200 - (\d+) ([\d.]+) ([\d.]+)')
PAGES = [
    ("home /my", re.compile(r"/my$")),
    ("project list", re.compile(r"/my/aftersales$")),
    ("project page", re.compile(r"/my/aftersales/projects/\d+$")),
    ("project requests page 2..n", re.compile(r"/my/aftersales/projects/\d+/page/\d+$")),
    ("request list /my/tickets", re.compile(r"/my/tickets$")),
    ("request list page 2..n", re.compile(r"/my/tickets/page/\d+$")),
    ("one request", re.compile(r"/my/ticket/\d+$")),
]
TICKET_LINK = re.compile(r'href="/my/ticket/(\d+)"')
PAGE_LINK = re.compile(r"/page/(\d+)[\"?]")


def odoo_env_args(args):
    addons = subprocess.run(
        ["bash", "-c", f"source {REPO}/setup/common.sh && odoo_addons_path"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return [f"--addons-path={addons}", "--db_host=", f"--data-dir={state_dir()}/filestore"]


def state_dir():
    return os.environ.get("AFTERSALES_STATE_DIR", os.path.expanduser("~/.local/share/aftersales"))


def server_env(args):
    env = dict(os.environ, DB_NAME=args.database, HTTP_PORT=str(args.port), WORKERS="2")
    if args.gevent_port:
        env["GEVENT_PORT"] = str(args.gevent_port)
    return env


# ---------------------------------------------------------------------------------- the data
def seed(args):
    """The customer, its project with its history, its portal users: made once, committed."""
    import odoo
    from odoo.tools import config

    config.parse_config([*odoo_env_args(args), "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    context = {"tracking_disable": True}
    # Each `with registry.cursor()` block commits when it ends without error (Odoo's idiom for a
    # script's own transaction): the history first, then the users, so a failed user set-up
    # keeps the long history for the next run.
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, context)
        project = env["aftersales.project"].search([("name", "=", PROJECT)], limit=1)
        if project and project.ticket_count >= args.requests:
            print(f"reusing {PROJECT}: {project.ticket_count:,} requests")
        else:
            project = make_history(env, args.requests)
        project_id = project.id
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, context)
        project = env["aftersales.project"].browse(project_id)
        make_users(env, project.partner_id, args.users)
    return project_id


def make_history(env, total):
    t0 = time.perf_counter()
    customer = env["res.partner"].create({"name": CUSTOMER, "is_company": True})
    contact = env["res.partner"].create(
        {"name": "Plant Maintenance Office", "parent_id": customer.id, "email": "m@example.com"}
    )
    project = env["aftersales.project"].create(
        {
            "name": PROJECT,
            "title": "Large chemical plant",
            "partner_id": customer.id,
            "delivery_date": "2023-03-01",
            "warranty_months": 48,
            "site_distance_km": 180,
            "site_state_id": env.ref("base.state_cn_JS").id,
        }
    )
    start = datetime(2023, 3, 6, 1, 0)
    seeded = env["helpdesk.ticket"].create(
        [
            {
                "name": f"Pump station {n % 37}: fault {n}",
                "description": "<p>The dosing pump trips after a few minutes.</p>",
                "partner_id": contact.id,
                "aftersales_project_id": project.id,
                "received_at": start + timedelta(hours=7 * n),
                "severity": "major" if n % 4 == 0 else "general",
                "needs_onsite": n % 3 == 0,
            }
            for n in range(SEEDED)
        ]
    )
    env.flush_all()
    # The rest of the history: copies of every column, spread over three and a half years.
    cr = env.cr
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'helpdesk_ticket' AND column_name NOT IN
                  ('id', 'number', 'name', 'received_at', 'create_date', 'write_date')"""
    )
    columns = [row[0] for row in cr.fetchall()]
    listed = ", ".join(f'"{c}"' for c in columns)
    copies = total - SEEDED
    cr.execute(
        f"""INSERT INTO helpdesk_ticket ({listed}, number, name, received_at, create_date,
                                         write_date)
            SELECT {", ".join(f't."{c}"' for c in columns)}, 'PB' || g,
                   'Pump station ' || (g %% 37) || ': fault ' || g,
                   TIMESTAMP '2023-03-06 01:00' + g * interval '3 hours',
                   TIMESTAMP '2023-03-06 01:00' + g * interval '3 hours',
                   TIMESTAMP '2023-03-06 01:00' + g * interval '3 hours'
              FROM generate_series(1, %s) g
              JOIN helpdesk_ticket t ON t.id = %s + (g %% %s)
          RETURNING id""",
        [copies, seeded[0].id, SEEDED],
    )
    ids = seeded.ids + [row[0] for row in cr.fetchall()]
    # Four in five requests are closed (the history); the open ones are the latest fifth and a
    # few stragglers.
    done = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
    cr.execute(
        """UPDATE helpdesk_ticket SET stage_id = %s, closed_date = received_at + interval '2 days'
            WHERE id = ANY(%s) AND received_at < %s AND id %% 50 <> 0""",
        [done.id, ids, datetime(2026, 1, 1)],
    )
    env.invalidate_all()
    tickets = env["helpdesk.ticket"].browse(ids)
    tickets._aftersales_recompute_deadlines()
    env.flush_all()
    closed = tickets.filtered("closed")
    engineer = env["hr.employee"].search([("user_id", "!=", False)], limit=1)
    env["aftersales.service.report"].create(
        [
            {
                "ticket_id": ticket.id,
                "engineer_id": engineer.user_id.id,
                "work_done": "Replaced the mechanical seal of the dosing pump.",
                "test_description": "Ran the pump for one hour at nominal flow.",
                "test_result": "pass",
                "hours": 2.5,
            }
            for ticket in closed[-REPORTS:]
        ]
    )
    env.flush_all()
    print(
        f"made {PROJECT}: {len(ids):,} requests ({len(closed):,} closed), {REPORTS} service "
        f"reports in {time.perf_counter() - t0:.0f} s"
    )
    return project


def make_users(env, customer, count):
    Users = env["res.users"].with_context(no_reset_password=True)
    portal = env.ref("base.group_portal")
    for n in range(1, count + 1):
        login = f"bench_portal_{n:02d}"
        if not Users.search_count([("login", "=", login)]):
            user = Users.create(
                {
                    "name": f"Bench Portal {n:02d}",
                    "login": login,
                    "password": login,
                    "groups_id": [(6, 0, portal.ids)],
                }
            )
            user.partner_id.parent_id = customer


# ---------------------------------------------------------------------------------- the server
def start_server(args):
    url = f"http://127.0.0.1:{args.port}"
    try:
        requests.get(f"{url}/web/login", timeout=5)
        print(f"a server already answers on {url}: using it")
        return False
    except requests.ConnectionError:
        pass
    subprocess.run(["bash", f"{REPO}/setup/run.sh", "production"], env=server_env(args), check=True)
    return True


def stop_server(args):
    subprocess.run(["bash", f"{REPO}/setup/run.sh", "stop"], env=server_env(args), check=True)


# ---------------------------------------------------------------------------------- the users
class PortalUser(threading.Thread):
    def __init__(self, n, args, project_id, results, lock, stop_at, counting_from):
        super().__init__(daemon=True)
        self.login = f"bench_portal_{n:02d}"
        self.args, self.project_id = args, project_id
        self.results, self.lock = results, lock
        self.stop_at, self.counting_from = stop_at, counting_from
        self.base = f"http://127.0.0.1:{args.port}"
        self.session = requests.Session()
        self.ticket_ids, self.project_pages, self.list_pages = [], 1, 1

    def get(self, label, path, counted):
        t0 = time.perf_counter()
        try:
            response = self.session.get(self.base + path, timeout=120)
            ok = response.status_code == 200 and "o_portal" in response.text
            text = response.text
        except requests.RequestException:
            ok, text = False, ""
        ms = (time.perf_counter() - t0) * 1000
        if counted:
            with self.lock:
                self.results.setdefault(label, []).append((ms, ok))
        return text

    def think(self):
        time.sleep(self.args.think * random.uniform(0.8, 1.2))

    def log_in(self):
        page = self.session.get(f"{self.base}/web/login", timeout=60).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.session.post(
            f"{self.base}/web/login",
            data={
                "login": self.login,
                "password": self.login,
                "csrf_token": token,
                "redirect": "/my",
            },
            timeout=60,
        )
        if "/web/login" in response.url:
            raise RuntimeError(f"{self.login} could not log in")

    def one_pass(self, counted):
        project = f"/my/aftersales/projects/{self.project_id}"
        steps = [("home /my", "/my"), ("project list", "/my/aftersales"), ("project page", project)]
        depth = random.randint(1, 4)
        steps += (
            [
                (
                    "project requests page 2..n",
                    f"{project}/page/{random.randint(2, self.project_pages)}",
                )
                for _ in range(depth)
            ]
            if self.project_pages > 1
            else []
        )
        steps += [("request list /my/tickets", "/my/tickets")]
        steps += (
            [
                ("request list page 2..n", f"/my/tickets/page/{random.randint(2, self.list_pages)}")
                for _ in range(random.randint(0, 2))
            ]
            if self.list_pages > 1
            else []
        )
        steps += [("one request", None)]
        for label, path in steps:
            if time.time() > self.stop_at:
                return
            if path is None:
                path = f"/my/ticket/{random.choice(self.ticket_ids)}"
            text = self.get(label, path, counted and time.time() >= self.counting_from)
            pages = [int(p) for p in PAGE_LINK.findall(text)]
            if label == "project page":
                self.project_pages = max(pages or [1])
                self.ticket_ids = [int(t) for t in TICKET_LINK.findall(text)] or self.ticket_ids
            elif label == "request list /my/tickets":
                self.list_pages = max(pages or [1])
            self.think()

    def run(self):
        time.sleep(random.uniform(0, self.args.think))  # the users do not arrive at once
        self.log_in()
        self.one_pass(counted=False)  # warm-up: not counted
        while time.time() < self.stop_at:
            self.one_pass(counted=True)


def drive(args, project_id):
    results, lock = {}, threading.Lock()
    # Every user's warm-up pass ends within about 10 think times; counting starts then.
    counting_from = time.time() + args.think * 12
    stop_at = counting_from + args.duration
    users = [
        PortalUser(n, args, project_id, results, lock, stop_at, counting_from)
        for n in range(1, args.users + 1)
    ]
    load0 = os.getloadavg()
    for user in users:
        user.start()
    for user in users:
        user.join()
    load1 = os.getloadavg()
    print(
        f"\n{args.users} portal users, {args.think:g} s think time, {args.duration:g} s counted; "
        f"load average at start {load0[0]:.2f}, at end {load1[0]:.2f} (1 min)"
    )
    print(f"{'page':<30} {'served':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'failed':>7}")
    worst = 0.0
    for label in sorted(results, key=lambda lb: list(results).index(lb)):
        times = sorted(ms for ms, _ok in results[label])
        failed = sum(1 for _ms, ok in results[label] if not ok)
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        worst = max(worst, p95)
        print(
            f"{label:<30} {len(times):>7} {statistics.median(times):>8.0f} {p95:>8.0f} "
            f"{times[-1]:>8.0f} {failed:>7}"
        )
    served = sum(len(v) for v in results.values())
    print(
        f"{served} pages in {args.duration:g} s = {served / args.duration:.1f} pages/s; "
        f"worst p95 {worst:.0f} ms (target < 150 ms)"
    )
    server_costs(args, counting_from, stop_at)


def server_costs(args, since, until):
    """Per page, the server's own figures from its log (median queries, SQL time, other time):
    on a busy machine they tell the page's cost from the wait for a CPU."""
    logfile = os.path.join(state_dir(), f"odoo-{args.database}.log")
    if not os.path.exists(logfile):
        return
    since, until = (time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t)) for t in (since, until))
    costs = {}
    with open(logfile, encoding="utf-8", errors="replace") as log:
        for line in log:
            match = SERVED.match(line)
            if not match or not since <= match.group(1) <= until:
                continue
            path = match.group(2).split("?")[0]
            label = next((label for label, page in PAGES if page.match(path)), None)
            if label:
                queries, sql, other = match.groups()[2:]
                costs.setdefault(label, []).append((int(queries), float(sql), float(other)))
    print(f"\nserver side, from {logfile} (medians):")
    print(f"{'page':<30} {'queries':>8} {'SQL ms':>8} {'other ms':>9}")
    for label, _page in PAGES:
        rows = costs.get(label)
        if rows:
            print(
                f"{label:<30} {statistics.median(r[0] for r in rows):>8.0f} "
                f"{statistics.median(r[1] for r in rows) * 1000:>8.0f} "
                f"{statistics.median(r[2] for r in rows) * 1000:>9.0f}"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--port", type=int, default=8069)
    parser.add_argument("--gevent-port", type=int)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--think", type=float, default=5.0, help="seconds between pages")
    parser.add_argument("--duration", type=float, default=180.0, help="seconds counted")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--keep-server", action="store_true")
    args = parser.parse_args()
    started = start_server(args)  # makes the database (addons, demo data) when it is missing
    try:
        project_id = seed(args)
        drive(args, project_id)
    finally:
        if started and not args.keep_server:
            stop_server(args)


if __name__ == "__main__":
    sys.exit(main())
