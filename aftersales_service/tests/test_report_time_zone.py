from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged

from .common_requests import AftersalesRequestCase
from .dispatch_common import DispatchCase
from .pdf_text import report_text


@tagged("post_install", "-at_install")
class TestReportTimeZone(DispatchCase, HttpCase):
    """Documents print in the company's time zone (its working calendar's, the deadline engine's
    clock), whoever prints them, and say which clock that is (issue 14). HttpCase: wkhtmltopdf
    fetches the report assets from the test server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.as_user.tz = "UTC"
        cls.manager.tz = "Asia/Shanghai"
        cls.user_ny = new_test_user(
            cls.env,
            "t_as_newyork",
            tz="America/New_York",
            groups="base.group_user,aftersales_service.group_aftersales_user",
        )
        # 00:30 UTC is 08:30 in Beijing, 19:30 the day before in New York.
        cls.dispatch = cls._dispatch(
            planned_departure="2026-03-02 00:30:00", planned_return="2026-03-04 10:00:00"
        )

    def test_travel_order_same_for_every_printer(self):
        report = "aftersales_service.action_report_dispatch_travel"
        texts = {
            user.login: report_text(self, report, self.dispatch, user=user)
            for user in (self.as_user, self.manager, self.user_ny)
        }
        shanghai = texts[self.manager.login]
        self.assertIn("08:30", shanghai)
        self.assertIn("18:00", shanghai)  # the return, 10:00 UTC
        self.assertNotIn("00:30", shanghai)
        self.assertIn("BeijingTime", shanghai)
        self.assertEqual(texts[self.as_user.login], shanghai)
        self.assertEqual(texts[self.user_ny.login], shanghai)

    def test_label_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "aftersales_service")]
        )._update_translations("zh_CN")
        text = report_text(
            self,
            "aftersales_service.action_report_dispatch_work",
            self.dispatch,
            user=self.as_user,
            lang="zh_CN",
        )
        self.assertIn("时间:北京时间", text)  # NFKC: the full-width colon reads ":"
        self.assertIn("2026年03月02日08时30分", text)

    def test_other_zone_labelled_by_offset(self):
        """A company elsewhere: its own clock, named by its UTC offset, never a raw zone name."""
        self.company.resource_calendar_id.tz = "Asia/Tokyo"
        self.assertEqual(self.company._aftersales_tz(), "Asia/Tokyo")
        self.assertEqual(self.company._aftersales_tz_label(), "UTC+09:00")
        self.assertEqual(self.company._aftersales_tz_label("Asia/Shanghai"), "Beijing Time")
        self.assertEqual(self.company._aftersales_tz_label("Asia/Kolkata"), "UTC+05:30")
        text = report_text(
            self,
            "aftersales_service.action_report_dispatch_travel",
            self.dispatch,
            user=self.manager,
        )
        self.assertIn("09:30", text)
        self.assertIn("UTC+09:00", text)
        self.assertNotIn("Asia/Tokyo", text)


@tagged("post_install", "-at_install")
class TestUserTimeZoneWarning(DispatchCase):
    """An after-sales user whose time zone is not the company's is told so, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"

    def _warnings(self, user):
        return self.env["mail.message"].search(
            [
                ("partner_ids", "in", user.partner_id.ids),
                ("subject", "=", "Time zone differs from the company's"),
            ]
        )

    def test_warned_once(self):
        self.as_user.tz = "Europe/Berlin"
        self.as_user._update_last_login()
        self.as_user._update_last_login()
        warnings = self._warnings(self.as_user)
        self.assertEqual(len(warnings), 1)
        self.assertIn("Europe/Berlin", warnings.body)
        self.assertIn("Beijing Time", warnings.body)
        # A new difference is a new warning; matching the company's is none.
        self.as_user.tz = "Asia/Tokyo"
        self.as_user._update_last_login()
        self.assertEqual(len(self._warnings(self.as_user)), 2)

    def test_no_warning_in_company_zone_or_outside_after_sales(self):
        self.manager.tz = "Asia/Shanghai"
        self.manager._update_last_login()
        self.assertFalse(self._warnings(self.manager))
        outsider = new_test_user(
            self.env, "t_outsider", tz="Europe/Paris", groups="base.group_user"
        )
        outsider._update_last_login()
        self.assertFalse(self._warnings(outsider))

    def test_demo_users_in_shanghai(self):
        for xmlid in (
            "base.user_admin",
            "aftersales_service.user_dispatcher",
            "aftersales_service.user_engineer",
            "aftersales_service.user_portal_pujiang",
        ):
            self.assertEqual(self.env.ref(xmlid).tz, "Asia/Shanghai", xmlid)


@tagged("post_install", "-at_install")
class TestCompanyDate(DispatchCase):
    """Dates are the company's (its calendar's zone), whoever enters them: midnight in Beijing
    is 16:00 UTC, and a user without a zone, or in New York, would otherwise date a service
    report or judge a visit overdue by the day before."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.as_user.tz = False
        cls.user_ny = new_test_user(
            cls.env,
            "t_as_ny_dates",
            tz="America/New_York",
            groups="base.group_user,aftersales_service.group_aftersales_user",
        )
        cls.visit = cls.env["aftersales.visit"].create(
            {"project_id": cls.project.id, "planned_date": "2026-11-30"}
        )

    def _dates_seen(self):
        Report = self.env["aftersales.service.report"]
        return {
            str(Report.with_user(user).default_get(["service_date"])["service_date"])
            for user in (self.as_user, self.user_ny, self.manager)
        }

    def test_last_second_before_midnight_in_beijing(self):
        with freeze_time("2026-11-30 15:59:59"):
            self.assertEqual(self.company._aftersales_today(), date(2026, 11, 30))
            self.assertEqual(self._dates_seen(), {"2026-11-30"})
            self.visit.invalidate_recordset(["overdue"])
            self.assertFalse(self.visit.with_user(self.user_ny).overdue)
            self.assertNotIn(self.visit, self.visit.search([("overdue", "=", True)]))

    def test_midnight_in_beijing(self):
        with freeze_time("2026-11-30 16:00:00"):
            self.assertEqual(self.company._aftersales_today(), date(2026, 12, 1))
            self.assertEqual(self._dates_seen(), {"2026-12-01"})
            self.visit.invalidate_recordset(["overdue"])
            self.assertTrue(self.visit.with_user(self.as_user).overdue)
            self.assertIn(
                self.visit, self.visit.with_user(self.user_ny).search([("overdue", "=", True)])
            )


@tagged("post_install", "-at_install")
class TestEscalationInManagersLanguage(AftersalesRequestCase):
    """The deadline warnings speak the manager's language, the clock's name included
    (no "Answer期限已超时"), and name the company's clock with its label."""

    def test_breach_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "aftersales_service")]
        )._update_translations("zh_CN")
        self.manager.lang = "zh_CN"
        received = datetime(2026, 3, 2, 2, 0)  # Monday 10:00 in Shanghai
        ticket = self._ticket(received)
        with freeze_time(received + timedelta(hours=5)):
            self.env["aftersales.deadline.warning"]._cron_escalate()
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(activity.summary, "答复期限已超时")
        self.assertIn("北京时间", str(activity.note))
