import base64
import io

import qrcode

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .portal_common import PNG_B64, AftersalesPortalCase


@tagged("post_install", "-at_install")
class TestServiceReport(AftersalesPortalCase):
    def test_sequence_and_links(self):
        self.assertTrue(self.report_a.name.startswith("SR/"))
        self.assertNotEqual(self.report_a.name, self.report_b.name)
        self.assertEqual(self.report_a.project_id, self.project_a)
        self.assertEqual(self.report_a.commercial_partner_id, self.customer)
        self.assertEqual(self.report_b.company_id, self.other_company)
        self.assertEqual(self.ticket_a.aftersales_report_ids, self.report_a)

    def test_sign_locks_report_and_files_pdf_on_project(self):
        """R23: the signed report is locked and its PDF filed on the project."""
        report = self.report_a
        report._action_sign("Contact A", PNG_B64)
        self.assertEqual(report.state, "signed")
        self.assertTrue(report.signed_on)
        attachment = report.signed_attachment_id
        self.assertEqual(
            (attachment.res_model, attachment.res_id), ("aftersales.project", self.project_a.id)
        )
        self.assertIn(report.name.replace("/", "_"), attachment.name.replace("/", "_"))
        self.assertTrue(attachment.raw)
        with self.assertRaisesRegex(UserError, "signed"):
            report.write({"work_done": "rewritten"})
        with self.assertRaisesRegex(UserError, "signed"):
            report.with_user(self.manager).write({"hours": 1})
        with self.assertRaisesRegex(UserError, "signed"):
            report.write({"state": "draft"})
        with self.assertRaisesRegex(UserError, "signed"):
            report.write({"signed_attachment_id": False})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            report.with_user(self.manager).unlink()
        with self.assertRaisesRegex(UserError, "already signed"):
            report._action_sign("Someone Else", PNG_B64)
        self.assertEqual(report.work_done, "Replaced the mechanical seal of the dosing pump.")
        # The rating and the settlement remain writable (R23, R44).
        report._action_rate(5, "Great")
        with self.assertRaises(AccessError):
            report.with_user(self.engineer).action_settle()
        report.with_user(self.as_user).action_settle()
        self.assertEqual((report.rating, report.state), ("5", "settled"))
        self.assertEqual(report.settled_by_id, self.as_user)

    def test_draft_report_can_change_and_be_deleted(self):
        report = self.env["aftersales.service.report"].create(self._report_vals(self.ticket_a))
        report.write({"hours": 3})
        self.assertEqual(report.hours, 3)
        report.with_user(self.manager).unlink()
        self.assertFalse(report.exists())

    def test_sign_requires_work_and_signature(self):
        report = self.env["aftersales.service.report"].create(
            self._report_vals(self.ticket_a, work_done=False)
        )
        with self.assertRaisesRegex(UserError, "work done"):
            report._action_sign("Contact A", PNG_B64)
        report.work_done = "Cleaned the filter."
        with self.assertRaisesRegex(UserError, "signature"):
            report._action_sign("Contact A", False)
        self.assertEqual(report.state, "draft")
        # Back office: the customer signs on the engineer's tablet, in the signing dialog.
        action = report.action_sign()
        wizard = (
            self.env[action["res_model"]]
            .with_context(**action["context"])
            .create({"signed_by": "Contact A", "signature": PNG_B64})
        )
        wizard.action_confirm()
        self.assertEqual((report.state, report.signed_by), ("signed", "Contact A"))
        self.assertTrue(report.signed_attachment_id)

    def test_sign_requires_a_passed_test(self):
        """R24: a test after repair proves the work; a failed test is not signed off; without
        a test, the report says why none applies."""
        report = self.env["aftersales.service.report"].create(
            self._report_vals(self.ticket_a, test_result="fail")
        )
        with self.assertRaisesRegex(UserError, "test after repair failed"):
            report._action_sign("Contact A", PNG_B64)
        report.write({"test_result": False, "test_not_applicable": True})
        with self.assertRaisesRegex(UserError, "no test applies"):
            report._action_sign("Contact A", PNG_B64)
        report.test_not_applicable_reason = "Advice by phone only: nothing was repaired."
        report._action_sign("Contact A", PNG_B64)
        self.assertEqual(report.state, "signed")

    def test_engineer_reports_on_assigned_work_only(self):
        """Engineers report on their own trips and requests, never on another customer's."""
        Report = self.env["aftersales.service.report"].with_user(self.engineer)
        with self.assertRaises(AccessError):
            Report.create(self._report_vals(self.ticket_a))
        self.ticket_a.user_id = self.engineer
        other = self.env["helpdesk.ticket"].create(
            {
                "name": "Other",
                "description": "Other",
                "partner_id": self.customer_b.id,
                "user_id": self.engineer.id,
            }
        )
        report = Report.create(self._report_vals(self.ticket_a))
        with self.assertRaisesRegex(UserError, "another customer's request"):
            report.write({"ticket_id": other.id})
        self.assertEqual(report.ticket_id, self.ticket_a)
        # Nor to a request of the same customer that is not theirs.
        unassigned = self.env["helpdesk.ticket"].create(
            {"name": "Not mine", "description": "Not mine", "partner_id": self.customer.id}
        )
        with self.assertRaisesRegex(UserError, "assigned to you"):
            report.write({"ticket_id": unassigned.id})

    def test_rating_rules(self):
        """R44: rated once, 1 to 5, only after signing; the request shows the average."""
        with self.assertRaisesRegex(UserError, "once the report is signed"):
            self.report_a._action_rate(4, "")
        self.report_a._action_sign("Contact A", PNG_B64)
        with self.assertRaisesRegex(UserError, "between 1 and 5"):
            self.report_a._action_rate(6, "")
        self.report_a._action_rate(4, "Good")
        self.assertEqual(self.report_a.rating_value, 4)
        self.assertEqual(self.ticket_a.aftersales_rating, 4.0)
        with self.assertRaisesRegex(UserError, "already rated"):
            self.report_a._action_rate(5, "")
        second = self.env["aftersales.service.report"].create(self._report_vals(self.ticket_a))
        second._action_sign("Contact A", PNG_B64)
        second._action_rate(2, "Slow")
        self.assertEqual(self.ticket_a.aftersales_rating, 3.0)
        self.assertEqual(self.ticket_a.aftersales_report_count, 2)

    def test_settle_needs_signature(self):
        with self.assertRaisesRegex(UserError, "Only signed reports"):
            self.report_a.action_settle()

    def test_negative_hours_refused(self):
        with self.assertRaises(ValidationError):
            self.env["aftersales.service.report"].create(self._report_vals(self.ticket_a, hours=-1))

    def test_access_by_group(self):
        Report = self.env["aftersales.service.report"]
        self.ticket_a.user_id = self.engineer
        report = Report.with_user(self.engineer).create(self._report_vals(self.ticket_a))
        self.assertEqual(report.engineer_id, self.engineer)
        with self.assertRaises(AccessError):
            report.with_user(self.as_user).unlink()
        # Portal users read their own reports only, and never write.
        mine = Report.with_user(self.portal_a).search([])
        self.assertEqual(set(mine.ids), {self.report_a.id, report.id})
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.portal_a).write({"rating": "5"})
        with self.assertRaises(AccessError):
            self.report_b.with_user(self.portal_a).read(["work_done"])
        # Engineers of our company do not see the other company's reports.
        self.assertFalse(Report.with_user(self.engineer).search([("id", "=", self.report_b.id)]))

    def test_report_renders_in_english_and_chinese(self):
        """The service report renders in the customer's language, English or Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["aftersales_service"], ["zh_CN"], overwrite=True
        )
        Report = self.env["ir.actions.report"]
        ref = "aftersales_service.aftersales_service_report_action_report"
        self.report_a._action_sign("Contact A", PNG_B64)
        self.portal_a.partner_id.lang = "en_US"
        html = Report._render_qweb_html(ref, self.report_a.ids)[0].decode()
        self.assertIn("Service Report", html)
        self.assertIn("Maintenance Advice", html)
        self.assertIn("Check the seal every month.", html)
        self.assertIn("data:image/png;base64,", html)  # the QR code and the signature
        self.portal_a.partner_id.lang = "zh_CN"
        html = Report._render_qweb_html(ref, self.report_a.ids)[0].decode()
        self.assertIn("服务报告", html)
        self.assertIn("维护建议", html)
        self.assertNotIn("Maintenance Advice", html)

    def test_qr_code_opens_portal_page(self):
        url = self.report_a._portal_qr_url()
        self.assertTrue(url.startswith(self.report_a.get_base_url()))
        self.assertIn(
            f"/my/aftersales/reports/{self.report_a.id}?access_token={self.report_a.access_token}",
            url,
        )
        # The printed code encodes exactly that address (QR encoding is deterministic).
        expected = qrcode.make(url, box_size=4, border=1)
        stream = io.BytesIO()
        expected.save(stream, format="PNG")
        self.assertEqual(
            self.report_a._portal_qr_code(),
            "data:image/png;base64," + base64.b64encode(stream.getvalue()).decode(),
        )
