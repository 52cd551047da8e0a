import re
from datetime import datetime, timedelta

from odoo.tests import tagged

from .portal_common import AftersalesPortalCase

ROW = re.compile(r'class="o_aftersales_(open|closed)_request">\s*<td><a href="/my/ticket/(\d+)"')


@tagged("post_install", "-at_install")
class TestPortalPaging(AftersalesPortalCase):
    """The project page pages through its requests (issue 15, "Scale"): open ones first, the
    earliest next deadline on top, then the closed ones, the last closed first; counts from the
    database; another customer's requests never shown; its query count does not grow with the
    project's history."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.project_p = cls._project("PAGE-P", title="Paged plant")
        base = datetime(2026, 3, 2, 1, 0)
        # Created in the reverse order of their urgency: the page order is not the id order.
        cls.open_tickets = cls._tickets(cls.project_p, "Open", 25, base, step_hours=-3)
        cls.closed_tickets = cls._tickets(cls.project_p, "Done", 20, base, step_hours=1)
        cls.closed_tickets.stage_id = cls.stage_done
        for n, ticket in enumerate(cls.closed_tickets):
            # Closed on scattered days, not in the order of their ids.
            ticket.closed_date = base + timedelta(days=(n * 7) % 20)
        # Customer C (same company) with many requests: never on customer A's pages.
        cls._tickets(cls.project_c, "SECRET C request", 30, base, step_hours=1)

    @classmethod
    def _tickets(cls, project, name, count, start, step_hours):
        partner = project.partner_id.child_ids[:1] or project.partner_id
        return cls.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"{name} {n}",
                    "description": "<p>x</p>",
                    "partner_id": partner.id,
                    "aftersales_project_id": project.id,
                    "received_at": start + timedelta(hours=step_hours * n),
                }
                for n in range(count)
            ]
        )

    def setUp(self):
        super().setUp()
        self.authenticate("t_portal_a", "t_portal_a")

    def _rows(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("SECRET", response.text)
        return response.text, [
            (kind, int(ticket_id)) for kind, ticket_id in ROW.findall(response.text)
        ]

    def test_pages_open_first_by_deadline_then_closed(self):
        open_sorted = self.open_tickets.sorted(
            lambda t: (t.aftersales_next_deadline or datetime.max, t.received_at, t.id)
        )
        self.assertTrue(all(open_sorted.mapped("aftersales_next_deadline")))
        self.assertNotEqual(open_sorted.ids, sorted(open_sorted.ids))
        closed_sorted = self.closed_tickets.sorted(lambda t: (t.closed_date, t.id), reverse=True)
        self.assertNotEqual(closed_sorted.ids, sorted(closed_sorted.ids, reverse=True))
        expected = [("open", t.id) for t in open_sorted] + [("closed", t.id) for t in closed_sorted]

        url = f"/my/aftersales/projects/{self.project_p.id}"
        page1, rows1 = self._rows(url)
        page2, rows2 = self._rows(f"{url}/page/2")
        page3, rows3 = self._rows(f"{url}/page/3")
        self.assertEqual(rows1, expected[:20])
        # Page 2: the last five open requests, then the most recently closed ones.
        self.assertEqual(rows2, expected[20:40])
        self.assertEqual(rows3, expected[40:])
        for page in (page1, page2, page3):
            self.assertIn('o_aftersales_open_count">25<', page)
            self.assertIn('o_aftersales_closed_count">20<', page)
        # The pager leads to the third and last page, and no further.
        self.assertIn(f'href="{url}/page/3"', page1)
        self.assertNotIn(f'href="{url}/page/4"', page1)
        # A page beyond the last shows the last one.
        self.assertEqual(self._rows(f"{url}/page/9")[1], expected[40:])

    def test_another_customers_project_pages_are_not_found(self):
        for url in (
            f"/my/aftersales/projects/{self.project_c.id}/page/2",
            f"/my/aftersales/projects/{self.project_c.id}/reports",
            f"/my/aftersales/projects/{self.project_b.id}/reports/page/2",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("SECRET", response.text)

    def test_reports_latest_on_project_page_all_on_their_list(self):
        Report = self.env["aftersales.service.report"]
        reports = Report.create([self._report_vals(t) for t in self.closed_tickets[:7]])
        page = self.url_open(f"/my/aftersales/projects/{self.project_p.id}").text
        shown = re.findall(
            r'class="o_aftersales_report_row">\s*<td><a href="[^"]*/reports/(\d+)', page
        )
        self.assertEqual([int(i) for i in shown], reports.sorted("id", reverse=True).ids[:5])
        link = f"/my/aftersales/projects/{self.project_p.id}/reports"
        self.assertIn(f'href="{link}"', page)
        self.assertIn('o_aftersales_report_count">7<', page)
        listed = self.url_open(link).text
        for report in reports:
            self.assertIn(report.name, listed)
        self.assertNotIn(self.report_c.name, listed)

    def _page_queries(self, url):
        self.url_open(url)  # caches filled, access tokens made
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.assertEqual(self.url_open(url).status_code, 200)
        return self.cr.sql_log_count - before

    def test_project_page_queries_do_not_grow_with_history(self):
        """30 requests or 300: the same queries (the page reads one page of requests)."""
        small = self._project("PAGE-30", title="Small plant")
        large = self._project("PAGE-300", title="Large plant")
        base = datetime(2026, 4, 1, 1, 0)
        small_tickets = self._tickets(small, "Small", 30, base, 1)
        large_tickets = self._tickets(large, "Large", 300, base, 1)
        (small_tickets[:10] | large_tickets[:100]).stage_id = self.stage_done
        Report = self.env["aftersales.service.report"]
        Report.create([self._report_vals(t) for t in small_tickets[:10] | large_tickets[:100]])
        few = self._page_queries(f"/my/aftersales/projects/{small.id}")
        many = self._page_queries(f"/my/aftersales/projects/{large.id}")
        self.assertGreater(few, 10)  # the page is measured, not a cached answer
        self.assertEqual(many, few, f"{few} queries for 30 requests, {many} for 300")
        # A page deep in the history (closed requests: their closing dates instead of the
        # deadlines) is read with an offset in SQL, not by loading what comes before it.
        deep = self._page_queries(f"/my/aftersales/projects/{large.id}/page/12")
        self.assertLessEqual(deep, many + 2, f"{many} queries for page 1, {deep} for page 12")
