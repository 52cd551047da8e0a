from datetime import datetime

import pytz

from odoo.tests import tagged

from .portal_common import AftersalesPortalCase


class OnePortalCase(AftersalesPortalCase):
    """Customer A with a second project, without a title, and its own serial; the request of
    the first project has an answer deadline of 10:00 Beijing Time (02:00 UTC)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.project_p2 = cls._project("TOUR-P2")
        cls.lot_p2 = cls.env["stock.lot"].create(
            {
                "name": "TOUR-SN-2",
                "product_id": cls.pump.id,
                "aftersales_project_id": cls.project_p2.id,
            }
        )
        cls.ticket_a.answer_deadline = datetime(2026, 3, 2, 2, 0)


@tagged("post_install", "-at_install")
class TestOnePortal(OnePortalCase):
    """One customer portal for requests (issue 14, R1, R23): helpdesk_mgmt's /my/tickets and
    /my/ticket/<id> carry the after-sales fields; the former request pages lead there."""

    def setUp(self):
        super().setUp()
        self.authenticate("t_portal_a", "t_portal_a")

    def test_request_pages_redirect_to_the_one_portal(self):
        response = self.url_open(
            f"/my/aftersales/requests/{self.ticket_a.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(f"/my/ticket/{self.ticket_a.id}"))
        # Another customer's request is still not found, and not redirected.
        response = self.url_open(
            f"/my/aftersales/requests/{self.ticket_c.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("SECRET", response.text)
        # The project page links there too.
        page = self.url_open(f"/my/aftersales/projects/{self.project_a.id}").text
        self.assertIn(f'href="/my/ticket/{self.ticket_a.id}"', page)
        self.assertNotIn("/my/aftersales/requests/%s" % self.ticket_a.id, page)

    def test_request_page_shows_after_sales_fields(self):
        self.assertEqual(self.ticket_a.aftersales_portal_status, "received")
        page = self.url_open(f"/my/ticket/{self.ticket_a.id}").text
        for expected in (
            "TOUR-P1",
            "TOUR-SN-1",
            "2026-03-02 10:00",
            "Beijing Time",
            "Request Received",
            "o_aftersales_ticket_coverage",
        ):
            self.assertIn(expected, page)
        self.assertNotIn("Asia/Shanghai", page)
        self.assertNotIn('action="/ticket/close"', page)
        # helpdesk_mgmt's own dates in the same format and zone (Beijing, not UTC: between
        # 16:00 and 24:00 UTC the two dates differ).
        created = pytz.utc.localize(self.ticket_a.create_date).astimezone(
            pytz.timezone("Asia/Shanghai")
        )
        self.assertIn(f"{created:%Y-%m-%d %H:%M}</span>", page)

    def test_request_list_shows_after_sales_fields_and_searches_them(self):
        page = self.url_open("/my/tickets").text
        for expected in (
            "TOUR-P1",
            "TOUR-SN-1",
            "o_aftersales_ticket_status",
            "2026-03-02 10:00",
            "Beijing Time",
        ):
            self.assertIn(expected, page)
        self.assertNotIn("SECRET", page)
        other = self.env["helpdesk.ticket"].create(
            {
                "name": "Request of the second project",
                "description": "<p>x</p>",
                "partner_id": self.portal_a.partner_id.id,
                "aftersales_project_id": self.project_p2.id,
                "lot_id": self.lot_p2.id,
            }
        )
        for search_in, search in (
            ("project", "TOUR-P2"),
            ("serial", "TOUR-SN-2"),
            ("all", "TOUR-SN-2"),
        ):
            with self.subTest(search_in=search_in):
                page = self.url_open(f"/my/tickets?search_in={search_in}&search={search}").text
                self.assertIn(other.name, page)
                self.assertNotIn("Pump A noisy", page)
        page = self.url_open("/my/tickets?search_in=project&search=SECRET-C").text
        self.assertNotIn("SECRET ticket C", page)

    def test_statuses_in_customer_words(self):
        Stage = self.env["helpdesk.ticket.stage"]
        cases = {
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress": "in_progress",
            "helpdesk_mgmt.helpdesk_ticket_stage_awaiting": "waiting",
            "helpdesk_mgmt.helpdesk_ticket_stage_done": "done",
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled": "cancelled",
            "helpdesk_mgmt.helpdesk_ticket_stage_rejected": "cancelled",
        }
        for xmlid, status in cases.items():
            with self.subTest(stage=xmlid):
                self.ticket_a.stage_id = self.env.ref(xmlid)
                self.assertEqual(self.ticket_a.aftersales_portal_status, status)
        # A stage of the company's own: its flags decide, or the status it names.
        stage = Stage.create({"name": "Internal: with collections", "closed": False})
        self.ticket_a.stage_id = stage
        self.assertEqual(self.ticket_a.aftersales_portal_status, "in_progress")
        page = self.url_open(f"/my/ticket/{self.ticket_a.id}").text
        self.assertIn("Being Handled", page)
        self.assertNotIn("Internal: with collections", page)
        stage.aftersales_portal_status = "waiting"
        self.assertEqual(self.ticket_a.aftersales_portal_status, "waiting")

    def test_chinese_portal(self):
        """In Chinese: the customer-facing words and the company's clock, 北京时间."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "in", ("aftersales_service", "helpdesk_mgmt"))]
        )._update_translations("zh_CN")
        self.portal_a.lang = "zh_CN"
        self.authenticate("t_portal_a", "t_portal_a")  # the session takes the user's language
        page = self.url_open(f"/my/ticket/{self.ticket_a.id}").text
        for expected in ("北京时间", "已受理", "答复期限", "TOUR-P1"):
            self.assertIn(expected, page)
        self.assertNotIn("Beijing Time", page)
        page = self.url_open("/my/tickets").text
        self.assertIn("北京时间", page)
        self.assertIn("已受理", page)

    def test_home_tile_icon_and_new_buttons(self):
        home = self.url_open("/my").text
        self.assertIn("/aftersales_service/static/src/img/repair_request.svg", home)
        self.assertNotIn("portal-ticket.svg", home)
        icon = self.url_open("/aftersales_service/static/src/img/repair_request.svg")
        self.assertEqual(icon.status_code, 200)
        # helpdesk_mgmt's "New" leads a customer with projects to the repair request form.
        page = self.url_open("/my/tickets").text
        self.assertIn('href="/my/aftersales/requests/new"', page)
        self.assertNotIn('action="/new/ticket"', page)

    def test_project_without_title_keeps_its_cells(self):
        page = self.url_open("/my/aftersales").text
        row = page.split("TOUR-P2", 1)[1].split("</tr>", 1)[0]
        self.assertEqual(row.count("<td"), 4)  # the number's cell, then title, warranty, end, count

    def test_form_marks_each_serial_with_its_project(self):
        form = self.url_open("/my/aftersales/requests/new").text
        self.assertIn(f'data-project-id="{self.project_p2.id}"', form)
        group = form.split(f'data-project-id="{self.project_p2.id}"', 1)[1].split("</optgroup>", 1)[
            0
        ]
        self.assertIn("TOUR-SN-2", group)
        self.assertNotIn("TOUR-SN-1", group)


@tagged("post_install", "-at_install")
class TestOnePortalTours(OnePortalCase):
    """The one request portal in a real (headless Chromium) browser."""

    def test_one_portal(self):
        self.start_tour("/my", "aftersales_one_portal", login="t_portal_a")

    def test_portal_thread(self):
        self.start_tour("/my/tickets", "aftersales_portal_thread", login="t_portal_a")
        message = self.ticket_a.message_ids.filtered(
            lambda m: "still noisy after the restart" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.portal_a.partner_id)
        self.assertEqual(message.message_type, "comment")

    def test_serial_picker(self):
        self.start_tour(
            "/my/aftersales/requests/new", "aftersales_portal_serial_picker", login="t_portal_a"
        )


@tagged("post_install", "-at_install")
class TestOnePortalPhone(OnePortalCase):
    """On a phone the request tables keep the status and the deadline on the screen."""

    browser_size = "375x667"
    touch_enabled = True

    def test_phone_tables(self):
        self.start_tour("/my/tickets", "aftersales_portal_phone", login="t_portal_a")
