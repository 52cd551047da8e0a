from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import AftersalesCase

MON_10 = datetime(2026, 3, 2, 2, 0)  # Monday 10:00 Beijing time


@tagged("post_install", "-at_install")
class TestComplaints(AftersalesCase):
    """R4, R44: a complaint is its own record, handled by an owner by a deadline, closed only
    with the customer's confirmation or the after-sales manager's reason."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.aftersales_escalation_user_id = cls.manager
        cls.project = cls._project("T-CMP-001")
        cls.Complaint = cls.env["aftersales.complaint"]
        cls.hotline = cls.env.ref("aftersales_service.helpdesk_ticket_channel_complaint")
        cls.employee = cls.env["hr.employee"].create({"name": "Rude Engineer"})

    def _complaint(self, **vals):
        return self.Complaint.with_user(self.as_user).create(
            {
                "partner_id": self.customer_contact.id,
                "project_id": self.project.id,
                "channel_id": self.hotline.id,
                "description": "The engineer came two days late.",
                "received_at": MON_10,
                **vals,
            }
        )

    def test_hotline_complaint_by_form(self):
        with Form(self.Complaint.with_user(self.as_user)) as form:
            form.partner_id = self.customer_contact
            form.project_id = self.project
            form.channel_id = self.hotline
            form.employee_id = self.employee
            form.received_at = MON_10
            form.description = "Nobody called back."
        complaint = form.record
        self.assertTrue(complaint.name.startswith("TS"))
        self.assertEqual(complaint.state, "new")
        self.assertEqual(complaint.commercial_partner_id, self.customer)
        # Three working days (the company setting's default) from Monday 10:00.
        self.assertEqual(self.company.aftersales_complaint_days, 3)
        self.assertEqual(complaint.deadline, datetime(2026, 3, 5, 2, 0))

    def test_deadline_setting_bounds(self):
        with self.assertRaises(ValidationError):
            self.company.aftersales_complaint_days = 0
        self.company.aftersales_complaint_days = 1
        self.assertEqual(self._complaint().deadline, datetime(2026, 3, 3, 2, 0))

    def test_lifecycle_customer_confirms(self):
        complaint = self._complaint()
        complaint.action_handle()
        self.assertEqual((complaint.state, complaint.user_id), ("handling", self.as_user))
        with self.assertRaisesRegex(UserError, "resolution"):
            complaint.action_resolve()
        complaint.resolution = "Apologised; the engineer's schedule is now checked daily."
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        # Staff cannot close it for the customer, nor write the state.
        with self.assertRaises(AccessError):
            complaint.with_user(self.as_user)._action_customer_confirm()
        with self.assertRaisesRegex(UserError, "can only change through the actions"):
            complaint.with_user(self.manager).write({"state": "closed"})
        # Another customer's portal user cannot confirm it either.
        other = self.env["res.users"].create(
            {
                "name": "Other Portal",
                "login": "t_cmp_other",
                "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        other.partner_id.parent_id = self.customer_b
        with self.assertRaises(AccessError):
            complaint.with_user(other)._action_customer_confirm()
        self.assertEqual(complaint.state, "resolved")
        complaint.with_user(self.portal_a)._action_customer_confirm()
        self.assertEqual(complaint.state, "closed")
        self.assertTrue(complaint.customer_confirmed_at)
        self.assertFalse(complaint.closed_by_id)
        # A closed complaint is a record.
        with self.assertRaises(UserError):
            complaint.with_user(self.manager).resolution = "Rewritten"

    def test_manager_closes_with_reason_only(self):
        complaint = self._complaint()
        with self.assertRaises(AccessError):
            complaint.with_user(self.as_user).action_close()
        with self.assertRaisesRegex(UserError, "reason"):
            complaint.with_user(self.manager).action_close()
        self.assertEqual(complaint.state, "new")
        complaint.with_user(self.manager).close_reason = "The customer cannot be reached."
        complaint.with_user(self.manager).action_close()
        self.assertEqual(
            (complaint.state, complaint.closed_by_id, complaint.customer_confirmed_at),
            ("closed", self.manager, False),
        )

    def test_closed_complaint_filed_in_visits_and_complaints(self):
        """The closed complaint's record goes to the archive's visits and complaints sub-item."""
        complaint = self._complaint()
        complaint.with_user(self.manager).close_reason = "Duplicate of a phone complaint."
        complaint.with_user(self.manager).action_close()
        entry = self.env["aftersales.archive.entry"].search(
            [("res_model", "=", "aftersales.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.project_id, self.project)
        self.assertEqual(entry.category_id, self.env.ref("aftersales_service.archive_category_b8"))
        # The complaint record printed (HTML under the test runner, a PDF in production).
        self.assertIn(complaint.name.encode(), entry.attachment_ids.raw)

    def test_escalation_with_the_request_engine(self):
        complaint = self._complaint()
        Warnings = self.env["aftersales.deadline.warning"]
        window = complaint.deadline - complaint.received_at
        with freeze_time(MON_10 + window * 0.74):
            self.assertEqual(Warnings._aftersales_escalate_complaints(), 0)
        with freeze_time(MON_10 + window * 0.76):
            self.assertEqual(Warnings._cron_escalate(), 1)
            self.assertEqual(Warnings._cron_escalate(), 0, "run twice: one warning")
        with freeze_time(complaint.deadline + timedelta(minutes=1)):
            self.assertEqual(Warnings._cron_escalate(), 1)
            self.assertTrue(complaint.is_late)
        warnings = Warnings.search([("complaint_id", "=", complaint.id)])
        self.assertEqual(sorted(warnings.mapped("level")), ["breach", "warning"])
        self.assertEqual(warnings.company_id, self.company)
        self.assertEqual(set(warnings.mapped("clock")), {"complaint"})
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "aftersales.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual((len(activities), activities.user_id), (2, self.manager))
        # Resolved: no more warnings.
        complaint.action_handle()
        complaint.resolution = "Done"
        complaint.action_resolve()
        with freeze_time(complaint.deadline + timedelta(days=5)):
            self.assertEqual(Warnings._aftersales_escalate_complaints(), 0)

    def test_escalation_share_is_the_company_setting(self):
        """The complaint's warning comes at the same setting as the requests' (one definition:
        res.company._aftersales_warn_at)."""
        self.company.aftersales_escalation_percent = 50
        complaint = self._complaint()
        Warnings = self.env["aftersales.deadline.warning"]
        window = complaint.deadline - complaint.received_at
        with freeze_time(MON_10 + window * 0.49):
            self.assertEqual(Warnings._aftersales_escalate_complaints(), 0)
        with freeze_time(MON_10 + window * 0.51):
            self.assertEqual(Warnings._aftersales_escalate_complaints(), 1)

    def test_multi_company(self):
        complaint = self._complaint()
        other = self.Complaint.create(
            {
                "partner_id": self.customer_b.id,
                "company_id": self.other_company.id,
                "description": "Beijing complaint",
            }
        )
        visible = self.Complaint.with_user(self.as_user).search([])
        self.assertIn(complaint, visible)
        self.assertNotIn(other, visible)
        # The portal user reads their own company's complaints only.
        mine = self.Complaint.with_user(self.portal_a).search([])
        self.assertEqual(mine, complaint)
