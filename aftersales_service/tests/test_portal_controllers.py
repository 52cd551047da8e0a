import json
from datetime import datetime

from odoo import Command
from odoo.tests import JsonRpcException, tagged
from odoo.tools import mute_logger

from .portal_common import PNG_B64, AftersalesPortalCase


@tagged("post_install", "-at_install")
class TestPortalControllers(AftersalesPortalCase):
    """Every portal route, called by customer A with customer B's ids: 404, never data.
    Customer B belongs to another company (the Beijing branch)."""

    SECRETS = ("SECRET", "Beijing secret plant")

    def setUp(self):
        super().setUp()
        self.authenticate("t_portal_a", "t_portal_a")

    def assertNoSecret(self, response):
        for secret in self.SECRETS:
            self.assertNotIn(secret, response.text)

    def assertNotFound(self, response):
        self.assertIn(response.status_code, (403, 404))
        self.assertNoSecret(response)

    def _post(self, url, data, files=None):
        return self.url_open(url, data={"csrf_token": self.csrf_token(), **data}, files=files)

    def csrf_token(self):
        # The form token of the authenticated session (as QWeb writes it in the form).
        page = self.url_open("/my/aftersales/requests/new")
        marker = 'name="csrf_token" value="'
        return page.text.split(marker, 1)[1].split('"', 1)[0]

    def test_home_shows_entries(self):
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn('href="/my/aftersales/requests/new"', response.text)
        self.assertIn('href="/my/aftersales"', response.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["aftersales_project_count"]}
        )
        self.assertEqual(counters["aftersales_project_count"], 1)

    def test_project_list_and_detail(self):
        response = self.url_open("/my/aftersales")
        self.assertEqual(response.status_code, 200)
        self.assertIn("TOUR-P1", response.text)
        self.assertNoSecret(response)
        response = self.url_open(f"/my/aftersales/projects/{self.project_a.id}")
        self.assertEqual(response.status_code, 200)
        for expected in ("TOUR-P1", "TOUR-SN-1", "Pump A noisy", self.report_a.name, "2027"):
            self.assertIn(expected, response.text)
        self.assertNotFound(self.url_open(f"/my/aftersales/projects/{self.project_b.id}"))
        self.assertNotFound(self.url_open("/my/aftersales/projects/999999"))

    def test_deadline_in_company_clock(self):
        # The answer deadline is computed elsewhere (UTC); the customer reads it in the
        # company's clock, labelled as on its documents (issue 14), whatever their own zone.
        self.company.resource_calendar_id.tz = "Asia/Shanghai"
        self.portal_a.tz = "Europe/Paris"
        self.ticket_a.answer_deadline = datetime(2026, 3, 2, 2, 0)
        for url in (
            f"/my/ticket/{self.ticket_a.id}",
            f"/my/aftersales/projects/{self.project_a.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn("2026-03-02 10:00", response.text)
                self.assertIn("Beijing Time", response.text)
                self.assertNotIn("Asia/Shanghai", response.text)

    def test_request_pages(self):
        response = self.url_open(f"/my/aftersales/requests/{self.ticket_a.id}")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(
            response.url.endswith(f"/my/ticket/{self.ticket_a.id}")
        )  # the one request portal
        self.assertIn("Pump A noisy", response.text)
        self.assertIn(f"/web/image/{self.photo_a.id}/", response.text)
        self.assertNotFound(self.url_open(f"/my/aftersales/requests/{self.ticket_b.id}"))
        form = self.url_open("/my/aftersales/requests/new")
        self.assertIn("TOUR-P1", form.text)
        self.assertIn("TOUR-SN-1", form.text)
        self.assertNoSecret(form)

    def test_submit_request(self):
        """R1: a portal request gets the portal channel, the time of receipt and a confirmation."""
        before = datetime.now().replace(microsecond=0)
        response = self._post(
            "/my/aftersales/requests/submit",
            {
                "project_id": self.project_a.id,
                "lot_id": self.lot_a.id,
                "name": "Pump leaking",
                "severity": "major",
                "needs_onsite": "1",
                "description": "Leaks at the seal\n<b>since</b> today",
            },
            files={"photos": ("leak.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "image/png")},
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "Pump leaking")])
        self.assertEqual(len(ticket), 1)
        self.assertIn(f"/my/ticket/{ticket.id}", response.url)
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )
        self.assertEqual(ticket.partner_id, self.portal_a.partner_id)
        self.assertEqual(
            (ticket.aftersales_project_id, ticket.lot_id), (self.project_a, self.lot_a)
        )
        self.assertEqual((ticket.severity, ticket.needs_onsite), ("major", True))
        self.assertGreaterEqual(ticket.received_at, before)
        self.assertIn("&lt;b&gt;since&lt;/b&gt;", ticket.description)  # escaped, not HTML
        photos = self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(photos.mapped("name"), ["leak.png"])
        confirmation = ticket.message_ids.filtered(
            lambda m: "received" in (m.subject or "") and self.portal_a.partner_id in m.partner_ids
        )
        self.assertTrue(confirmation, "the customer gets a confirmation e-mail")
        self.assertIn("was received", response.text)

    def test_submit_bad_input_creates_nothing(self):
        Ticket = self.env["helpdesk.ticket"]
        count = Ticket.search_count([])
        response = self._post(
            "/my/aftersales/requests/submit",
            {"project_id": self.project_a.id, "name": "", "description": ""},
            files={"photos": ("virus.exe", b"MZ", "application/octet-stream")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_aftersales_form_error", response.text)
        self.assertIn("is not a photo", response.text)
        self.assertEqual(Ticket.search_count([]), count)

    def test_submit_with_other_customer_ids(self):
        Ticket = self.env["helpdesk.ticket"]
        count = Ticket.search_count([])
        base = {"name": "Sneaky", "description": "x", "severity": "general"}
        self.assertNotFound(
            self._post("/my/aftersales/requests/submit", {**base, "project_id": self.project_b.id})
        )
        self.assertNotFound(
            self._post(
                "/my/aftersales/requests/submit",
                {**base, "project_id": self.project_a.id, "lot_id": self.lot_b.id},
            )
        )
        self.assertEqual(Ticket.search_count([]), count)

    def test_report_page_sign_and_rate(self):
        report = self.report_a
        response = self.url_open(f"/my/aftersales/reports/{report.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Replaced the mechanical seal", response.text)
        self.assertIn("o_aftersales_report_sign", response.text)
        pdf = self.url_open(f"/my/aftersales/reports/{report.id}?report_type=pdf")
        self.assertEqual(pdf.status_code, 200)
        result = self.make_jsonrpc_request(
            f"/my/aftersales/reports/{report.id}/sign",
            {"name": "Contact A", "signature": PNG_B64},
        )
        self.assertTrue(result.get("force_refresh"), result)
        self.assertEqual(report.state, "signed")
        self.assertEqual(report.signed_by, "Contact A")
        again = self.make_jsonrpc_request(
            f"/my/aftersales/reports/{report.id}/sign",
            {"name": "Other", "signature": PNG_B64},
        )
        self.assertIn("error", again)
        self.assertEqual(report.signed_by, "Contact A")
        response = self._post(
            f"/my/aftersales/reports/{report.id}/rate", {"rating": "9", "rating_comment": "x"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(report.rating)
        response = self._post(
            f"/my/aftersales/reports/{report.id}/rate", {"rating": "5", "rating_comment": "Good"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual((report.rating, report.rating_comment), ("5", "Good"))
        # The rating shows on the request.
        self.assertIn("5.0", self.url_open(f"/my/aftersales/requests/{self.ticket_a.id}").text)

    def test_report_routes_with_other_customer_ids(self):
        report_b = self.report_b
        self.assertNotFound(self.url_open(f"/my/aftersales/reports/{report_b.id}"))
        self.assertNotFound(self.url_open(f"/my/aftersales/reports/{report_b.id}?report_type=pdf"))
        self.assertNotFound(
            self.url_open(f"/my/aftersales/reports/{report_b.id}?access_token=guessed")
        )
        result = self.make_jsonrpc_request(
            f"/my/aftersales/reports/{report_b.id}/sign",
            {"name": "Intruder", "signature": PNG_B64},
        )
        self.assertIn("error", result)
        self.assertNotFound(
            self._post(f"/my/aftersales/reports/{report_b.id}/rate", {"rating": "1"})
        )
        self.assertEqual((report_b.state, report_b.rating), ("draft", False))

    def test_access_token_opens_report_without_login(self):
        """The QR code on the PDF carries the access token: it opens the page without login."""
        self.authenticate(None, None)
        url = self.report_a.get_portal_url()
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.report_a.name, response.text)
        self.assertNotFound(self.url_open(f"/my/aftersales/reports/{self.report_a.id}"))

    def test_attachment_links(self):
        """Attachments open only through the token the customer's own pages carry."""
        page = self.url_open(f"/my/aftersales/requests/{self.ticket_a.id}").text
        self.photo_a.invalidate_recordset(["access_token"])
        token_a = self.photo_a.access_token
        self.assertTrue(token_a)
        self.assertIn(
            f"/web/content/{self.photo_a.id}?download=true&amp;access_token={token_a}", page
        )
        response = self.url_open(f"/web/content/{self.photo_a.id}?access_token={token_a}")
        self.assertEqual(response.status_code, 200)
        for url in (
            f"/web/content/{self.photo_b.id}",
            f"/web/content/{self.photo_b.id}?access_token={token_a}",
        ):
            self.assertNotFound(self.url_open(url))
        # /web/image answers Odoo's placeholder picture, never the photo itself.
        response = self.url_open(f"/web/image/{self.photo_b.id}")
        self.assertNotEqual(response.content, self.photo_b.raw)
        self.report_b._action_sign("Contact B", PNG_B64)
        pdf_b = self.report_b.signed_attachment_id
        self.assertEqual(pdf_b.res_model, "aftersales.project")
        self.assertNotFound(self.url_open(f"/web/content/{pdf_b.id}"))
        self.assertNotFound(self.url_open(f"/web/content/{pdf_b.id}?access_token={token_a}"))
        self.report_a._action_sign("Contact A", PNG_B64)
        pdf_a = self.report_a.signed_attachment_id
        page = self.url_open(f"/my/aftersales/reports/{self.report_a.id}").text
        pdf_a.invalidate_recordset(["access_token"])
        self.assertIn(
            f"/web/content/{pdf_a.id}?download=true&amp;access_token={pdf_a.access_token}", page
        )
        response = self.url_open(f"/web/content/{pdf_a.id}?access_token={pdf_a.access_token}")
        self.assertEqual(response.status_code, 200)

    @mute_logger("odoo.http")
    def test_rpc_with_other_customer_ids(self):
        def call(model, method, args, kwargs=None):
            return self.make_jsonrpc_request(
                f"/web/dataset/call_kw/{model}/{method}",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )

        found = call("aftersales.service.report", "search_read", [[]], {"fields": ["name"]})
        self.assertEqual([r["id"] for r in found], self.report_a.ids)
        for model, record in (
            ("aftersales.service.report", self.report_b),
            ("aftersales.project", self.project_b),
            ("helpdesk.ticket", self.ticket_b),
            ("ir.attachment", self.photo_b),
        ):
            with self.subTest(model=model), self.assertRaises(JsonRpcException) as caught:
                call(model, "read", [record.ids, ["display_name"]])
            self.assertIn("AccessError", caught.exception.args[0])
        for model in ("aftersales.project", "helpdesk.ticket"):
            names = json.dumps(call(model, "search_read", [[]], {"fields": ["display_name"]}))
            self.assertNotIn("SECRET", names)
        with self.assertRaises(JsonRpcException):
            call("aftersales.service.report", "write", [self.report_a.ids, {"rating": "5"}])
        self.assertFalse(self.report_a.rating)

    def test_project_page_queries_do_not_grow_with_requests(self):
        """The project page reads its requests and reports in batches, not one by one."""
        url = f"/my/aftersales/projects/{self.project_a.id}"

        def queries():
            self.url_open(url)  # first call: access tokens are created, caches filled
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.assertEqual(self.url_open(url).status_code, 200)
            return self.cr.sql_log_count - before

        few = queries()
        self.assertGreater(few, 10)  # the page is measured, not a cached answer
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"Batch request {i}",
                    "description": "<p>x</p>",
                    "partner_id": self.portal_a.partner_id.id,
                    "aftersales_project_id": self.project_a.id,
                }
                for i in range(20)
            ]
        )
        self.env["aftersales.service.report"].create([self._report_vals(t) for t in tickets])
        many = queries()
        self.assertLessEqual(many, few + 5, f"{few} queries for 1 request, {many} for 21")
        self.assertEqual(self.project_a.open_ticket_count, 21)

    def test_project_invoices_open_in_account_portal(self):
        """The project lists the contract's posted invoices, linked to Odoo's invoice portal."""
        service = self.env["product.product"].create(
            {
                "name": "Commissioning",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 800,
            }
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [Command.create({"product_id": service.id, "product_uom_qty": 1})],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        self.project_a.sale_order_id = order
        page = self.url_open(f"/my/aftersales/projects/{self.project_a.id}").text
        self.assertIn(invoice.name, page)
        self.assertIn(f"/my/invoices/{invoice.id}?access_token=", page)
        response = self.url_open(invoice.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn(invoice.name, response.text)
