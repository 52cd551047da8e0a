import csv
import io
import uuid
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from ..tools import deadline_engine as engine

HOLIDAY_FILE_COLUMNS = {"date", "kind", "name"}


class ResourceCalendar(models.Model):
    """The company's working calendar, as the deadline engine sees it: working weekdays
    from the attendances, public holidays from the global leaves, and make-up working
    days (调休) from ``aftersales.calendar.workday``."""

    _inherit = "resource.calendar"

    aftersales_workday_ids = fields.One2many(
        "aftersales.calendar.workday", "calendar_id", string="Make-up Working Days"
    )
    aftersales_schedule_years = fields.Char(
        string="Holiday Schedules Imported",
        readonly=True,
        help="The years whose official holiday schedule (State Council) was imported into this "
        "calendar; a deadline in another year counts plain weekdays and the request says so.",
    )
    # The key of the deadline engine's cached WorkCalendar: a new value whenever the working
    # days change, so that only this calendar's cached value is left behind (in every worker:
    # each reads the version from the database), not the registry's whole cache.
    aftersales_calendar_version = fields.Char(
        string="Working Days Version", readonly=True, copy=False
    )

    def write(self, vals):
        res = super().write(vals)
        if {"tz", "attendance_ids"} & set(vals):
            self._aftersales_calendar_changed()
        return res

    def _aftersales_calendar_touch(self):
        """Working days changed: a new version, so the cached WorkCalendar of these calendars
        is computed again (a random one: a rolled-back change leaves no reusable key)."""
        if self:
            self.sudo().write({"aftersales_calendar_version": uuid.uuid4().hex})

    def _aftersales_calendar_changed(self):
        """Working days changed: a new cached calendar, and the deadlines of the open requests
        of every company working on these calendars move."""
        if not self:
            return
        self._aftersales_calendar_touch()
        companies = (
            self.env["res.company"].sudo().search([("resource_calendar_id", "in", self.ids)])
        )
        if companies:
            self.env["helpdesk.ticket"].sudo().search(
                [("company_id", "in", companies.ids), ("stage_id.closed", "=", False)]
            )._aftersales_recompute_deadlines()

    def _aftersales_work_calendar(self):
        """One immutable WorkCalendar per calendar, cached until a calendar, attendance,
        global leave or make-up day changes (their writes give the calendar a new version)."""
        self.ensure_one()
        return self._aftersales_cached_work_calendar(self.sudo().aftersales_calendar_version)

    @tools.ormcache("self.id", "version")
    def _aftersales_cached_work_calendar(self, version):
        self.ensure_one()
        calendar = self.sudo()
        zone = pytz.timezone(calendar.tz or "UTC")
        weekdays = {
            int(attendance.dayofweek)
            for attendance in calendar.attendance_ids
            if attendance.display_type != "line_section"
        }
        holidays = set()
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search_fetch(
                [
                    ("resource_id", "=", False),
                    ("calendar_id", "in", [calendar.id, False]),
                    ("company_id", "in", [calendar.company_id.id, False]),
                ],
                ["date_from", "date_to"],
            )
        )
        for leave in leaves:
            first = pytz.utc.localize(leave.date_from).astimezone(zone).date()
            last = (pytz.utc.localize(leave.date_to) - timedelta(seconds=1)).astimezone(zone).date()
            holidays.update(first + timedelta(days=n) for n in range((last - first).days + 1))
        return engine.WorkCalendar(
            tz=zone.zone,
            weekdays=frozenset(weekdays) if weekdays else engine.MONDAY_TO_FRIDAY,
            holidays=frozenset(holidays),
            workdays=frozenset(calendar.aftersales_workday_ids.mapped("date")),
            schedule_years=frozenset(calendar._aftersales_schedule_years()),
        )

    def _aftersales_schedule_years(self):
        """The years with an imported schedule: those the imports recorded, and those with a
        make-up working day (only an official schedule makes one)."""
        self.ensure_one()
        years = {
            int(year) for year in (self.aftersales_schedule_years or "").split(",") if year.strip()
        }
        return years | {day.year for day in self.aftersales_workday_ids.mapped("date")}

    def _aftersales_import_holidays(self, content):
        """Load a holiday schedule in the CSV format of ``data/cn_public_holidays_2026.csv``
        (columns date, kind = holiday | workday, name) into this calendar: holidays become
        global leaves of the calendar, make-up working days ``aftersales.calendar.workday``.
        Days already loaded are skipped, so a file can be loaded again.
        Returns the number of holidays and make-up days added."""
        self.ensure_one()
        if isinstance(content, bytes):
            content = content.decode("utf-8-sig")
        reader = csv.DictReader(io.StringIO(content))
        if not HOLIDAY_FILE_COLUMNS <= set(reader.fieldnames or ()):
            raise UserError(
                self.env._(
                    "The holiday file needs the columns %(columns)s.",
                    columns=", ".join(sorted(HOLIDAY_FILE_COLUMNS)),
                )
            )
        holidays, workdays = {}, {}
        for line, row in enumerate(reader, start=2):  # line 1 is the header
            try:
                day = date.fromisoformat((row["date"] or "").strip())
            except ValueError:
                raise UserError(
                    self.env._(
                        "Line %(line)s: “%(value)s” is not a date (YYYY-MM-DD).",
                        line=line,
                        value=row["date"],
                    )
                ) from None
            kind = (row["kind"] or "").strip()
            if kind not in ("holiday", "workday"):
                raise UserError(
                    self.env._(
                        "Line %(line)s: the kind must be holiday or workday, not “%(kind)s”.",
                        line=line,
                        kind=kind,
                    )
                )
            (holidays if kind == "holiday" else workdays)[day] = (row["name"] or "").strip()
        clash = sorted(set(holidays) & set(workdays))
        if clash:
            raise UserError(
                self.env._("%(day)s is both a holiday and a make-up working day.", day=clash[0])
            )
        zone = pytz.timezone(self.tz or "UTC")
        known = self.env["resource.calendar.leaves"].search_fetch(
            [("resource_id", "=", False), ("calendar_id", "=", self.id)], ["date_from"]
        )
        known_days = {pytz.utc.localize(leave.date_from).astimezone(zone).date() for leave in known}
        new_holidays = [day for day in sorted(holidays) if day not in known_days]

        def utc(day, clock):
            return (
                zone.localize(datetime.combine(day, clock))
                .astimezone(pytz.utc)
                .replace(tzinfo=None)
            )

        self.env["resource.calendar.leaves"].create(
            [
                {
                    "name": holidays[day],
                    "calendar_id": self.id,
                    "company_id": self.company_id.id or self.env.company.id,
                    "date_from": utc(day, time.min),
                    "date_to": utc(day, time(23, 59, 59)),
                    "time_type": "leave",
                }
                for day in new_holidays
            ]
        )
        known_workdays = set(self.aftersales_workday_ids.mapped("date"))
        new_workdays = [day for day in sorted(workdays) if day not in known_workdays]
        self.env["aftersales.calendar.workday"].create(
            [{"calendar_id": self.id, "date": day, "name": workdays[day]} for day in new_workdays]
        )
        years = self._aftersales_schedule_years() | {day.year for day in (*holidays, *workdays)}
        self.aftersales_schedule_years = ",".join(str(year) for year in sorted(years))
        self._aftersales_calendar_touch()
        return len(new_holidays) + len(new_workdays)

    @api.model
    def _aftersales_load_holiday_file(self, calendar_xmlid, path):
        """Demo and data loader: the schedule file at ``path`` (module-relative) into a calendar."""
        with tools.file_open(path, "rb") as handle:
            return self.env.ref(calendar_xmlid)._aftersales_import_holidays(handle.read())
