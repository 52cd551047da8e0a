"""Deadline engine of the after-sales service: pure Python, no ORM.

Every datetime going in or out is *naive UTC*, the way Odoo stores ``fields.Datetime``;
whatever depends on the local day or clock (working days, quotation cut-offs) is computed
in the calendar's time zone. The numbers come from :class:`DeadlinePolicy`, whose defaults
are the regulation's and which the company settings feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytz

# How far ahead a calendar is searched for a working day before it is declared broken.
_MAX_SEARCH_DAYS = 3660
# The working weekdays of a calendar that names none (Monday=0).
MONDAY_TO_FRIDAY = frozenset({0, 1, 2, 3, 4})


def _hours(value: float) -> timedelta:
    return timedelta(hours=value)


@dataclass(frozen=True)
class WorkCalendar:
    """Working days in one time zone: weekdays, public holidays and make-up days (调休)."""

    tz: str = "Asia/Shanghai"
    weekdays: frozenset = MONDAY_TO_FRIDAY  # working weekdays, Monday=0
    holidays: frozenset = frozenset()  # local dates that are NOT working days
    workdays: frozenset = frozenset()  # local dates that ARE working days although weekend
    # Years whose official holiday schedule was imported; empty = the calendar uses none.
    schedule_years: frozenset = frozenset()

    @property
    def zone(self) -> pytz.BaseTzInfo:
        return pytz.timezone(self.tz)

    def is_working_day(self, day: date) -> bool:
        """Make-up workdays win, then holidays, then the working weekdays."""
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() in self.weekdays

    def unknown_years(self, *utc_naive: datetime | None) -> list[int]:
        """The local years of the given datetimes for which a calendar that follows an official
        holiday schedule has none imported: its working days there are plain weekdays."""
        if not self.schedule_years:
            return []
        years = {self.to_local(value).year for value in utc_naive if value is not None}
        return sorted(years - self.schedule_years)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        for offset in range(1, _MAX_SEARCH_DAYS + 1):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError("the working calendar has no working day")

    def to_local(self, utc_naive: datetime) -> datetime:
        """Naive UTC -> aware local datetime."""
        aware = utc_naive if utc_naive.tzinfo else pytz.utc.localize(utc_naive)
        return aware.astimezone(self.zone)

    def to_utc(self, local_aware_or_naive: datetime) -> datetime:
        """Local datetime -> naive UTC; a naive input is a local wall-clock time."""
        value = local_aware_or_naive
        if value.tzinfo is None:
            value = self.zone.localize(value)
        return value.astimezone(pytz.utc).replace(tzinfo=None)

    def end_of_day(self, day: date) -> datetime:
        """24:00 local of ``day`` (00:00 local of the next calendar day), as naive UTC."""
        return self.to_utc(datetime.combine(day + timedelta(days=1), time()))

    def add_working_days(self, utc_naive: datetime, days: int) -> datetime:
        """The same local clock time ``days`` working days later, as naive UTC.

        The start day never counts and non-working days are skipped. A start on a non-working
        day runs to the end (24:00 local) of the ``days``-th working day after it, so that a
        later start never gives an earlier result (Saturday 10:00 must not beat Friday 15:00).
        """
        if days < 0:
            raise ValueError("days must not be negative")
        if days == 0:
            return utc_naive
        local = self.to_local(utc_naive).replace(tzinfo=None)
        day = local.date()
        start_works = self.is_working_day(day)
        for _i in range(days):
            day = self.next_working_day(day)
        if not start_works:
            return self.end_of_day(day)
        return self.to_utc(datetime.combine(day, local.time()))


@dataclass(frozen=True)
class DeadlinePolicy:
    """Every number of the regulation; the defaults are the regulation's own."""

    answer_policy: str = "severity"  # 'severity' (R7) | 'flat' (R11)
    answer_general_hours: float = 4  # R7: a general problem
    answer_major_hours: float = 24  # R7: a major or difficult problem
    answer_flat_hours: float = 24  # R11: any service demand
    onsite_policy: str = "distance"  # 'distance' (R9) | 'province' (R10) | 'none'
    onsite_radius_km: float = 100  # R9
    onsite_near_hours: float = 24  # R9: within the radius
    onsite_far_hours: float = 72  # R9: beyond it, 24-72 h: the latest
    answer_far_max_hours: float = 12  # R9: beyond the radius the answer is due at most this late
    onsite_in_province_hours: float = 8  # R10
    onsite_out_province_hours: float = 24  # R10
    quote_noon_cutoff: float = 12.0  # R12: local hour (12.0 = 12:00)
    quote_evening_cutoff: float = 17.0  # R12
    quote_major_hours: float = 48  # R12: larger or important needs
    parts_stock_hours: float = 24  # R8: common spares
    parts_domestic_working_days: int = 3  # R8: domestic, easy-to-buy items


@dataclass(frozen=True)
class RequestClock:
    """The facts of one request that its deadlines depend on."""

    received_at: datetime  # naive UTC
    severity: str = "general"  # 'general' | 'major'
    needs_onsite: bool = False
    paid: bool = False
    needs_quote: bool = True  # the request's type asks for a quotation when paid (R3, R12)
    distance_km: float | None = None  # None = unknown -> within the radius
    same_province: bool | None = None  # None = unknown -> in province
    # ((start_utc, end_utc_or_None), ...) spent in a "waiting for customer" stage
    pauses: tuple = ()


@dataclass(frozen=True)
class Deadlines:
    answer: datetime
    onsite: datetime | None  # None unless the request needs a visit
    quote: datetime | None  # None unless the service is paid


def _check_naive(value: datetime | None, name: str) -> None:
    if value is not None and value.tzinfo is not None:
        raise TypeError(f"{name} must be a naive UTC datetime")


def _extend_for_pauses(
    deadline: datetime, received_at: datetime, pauses: tuple, now: datetime | None
) -> datetime:
    """Push ``deadline`` back by the time spent waiting for the customer.

    A pause counts only if it starts before the (already extended) deadline; its part before
    the receipt is ignored, overlaps are counted once, and an open pause (end None) runs until
    ``now`` (nothing when ``now`` is None).
    """
    counted_until = received_at
    for start, end in sorted(pauses, key=lambda pause: pause[0]):
        if start >= deadline:
            break
        end = now if end is None else end
        if end is None:
            continue
        start = max(start, counted_until)
        if end > start:
            deadline += end - start
            counted_until = end
    return deadline


def _answer_and_onsite(
    clock: RequestClock, policy: DeadlinePolicy
) -> tuple[datetime, datetime | None]:
    received = clock.received_at
    if clock.severity not in ("general", "major"):
        raise ValueError(f"unknown severity {clock.severity!r}")
    if policy.answer_policy == "flat":
        # R11: respond to any service demand within 24 h (replaces R7 when chosen).
        answer = received + _hours(policy.answer_flat_hours)
    elif policy.answer_policy == "severity":
        # R7: answer a general problem within 4 h, a major or difficult one within 24 h.
        hours = (
            policy.answer_general_hours
            if clock.severity == "general"
            else policy.answer_major_hours
        )
        answer = received + _hours(hours)
    else:
        raise ValueError(f"unknown answer policy {policy.answer_policy!r}")
    if not clock.needs_onsite or policy.onsite_policy == "none":
        return answer, None
    if policy.onsite_policy == "distance":
        # R9: within the radius on site in 24 h; beyond it answer within 12 h, on site in 72 h.
        if clock.distance_km is not None and clock.distance_km > policy.onsite_radius_km:
            answer = min(answer, received + _hours(policy.answer_far_max_hours))
            return answer, received + _hours(policy.onsite_far_hours)
        return answer, received + _hours(policy.onsite_near_hours)
    if policy.onsite_policy == "province":
        # R10: in province on site within 8 h, out of province within 24 h.
        in_province = clock.same_province is not False
        hours = policy.onsite_in_province_hours if in_province else policy.onsite_out_province_hours
        return answer, received + _hours(hours)
    raise ValueError(f"unknown on-site policy {policy.onsite_policy!r}")


def _quote(clock: RequestClock, policy: DeadlinePolicy, calendar: WorkCalendar) -> datetime:
    """Paid quotation deadline (R12).

    Major: 48 h. General, by the local time of receipt on a working day: before 12:00 by the
    end of that day; before 17:00 by 12:00 of the next working day; later (or on a non-working
    day) by the end of the next working day. Each band ends no later than the next one starts,
    so a later receipt never gives an earlier deadline.
    """
    if clock.severity == "major":
        return clock.received_at + _hours(policy.quote_major_hours)
    local = calendar.to_local(clock.received_at).replace(tzinfo=None)
    day = local.date()
    since_midnight = local - datetime.combine(day, time())
    if calendar.is_working_day(day):
        if since_midnight < _hours(policy.quote_noon_cutoff):
            return calendar.end_of_day(day)
        if since_midnight < _hours(policy.quote_evening_cutoff):
            next_day = datetime.combine(calendar.next_working_day(day), time())
            return calendar.to_utc(next_day + _hours(policy.quote_noon_cutoff))
    return calendar.end_of_day(calendar.next_working_day(day))


def compute_deadlines(
    clock: RequestClock,
    policy: DeadlinePolicy,
    calendar: WorkCalendar,
    now: datetime | None = None,
) -> Deadlines:
    """The answer, on-site and quotation deadlines of one request (naive UTC).

    Pauses (waiting for the customer) extend the answer and on-site clocks, not the quotation.
    """
    _check_naive(clock.received_at, "received_at")
    _check_naive(now, "now")
    answer, onsite = _answer_and_onsite(clock, policy)
    answer = _extend_for_pauses(answer, clock.received_at, clock.pauses, now)
    if onsite is not None:
        onsite = _extend_for_pauses(onsite, clock.received_at, clock.pauses, now)
    quote = _quote(clock, policy, calendar) if clock.paid and clock.needs_quote else None
    return Deadlines(answer=answer, onsite=onsite, quote=quote)


def part_deadline(
    start: datetime,
    origin: str,
    policy: DeadlinePolicy,
    calendar: WorkCalendar,
    contract_date: datetime | None = None,
) -> datetime:
    """When a spare part is due, by its origin (R8).

    Common (stock) spares within 24 h; domestic, easy-to-buy items within 3 working days;
    imported parts and large equipment by the date the contract documents set.
    """
    if origin == "stock":
        return start + _hours(policy.parts_stock_hours)
    if origin == "domestic":
        return calendar.add_working_days(start, policy.parts_domestic_working_days)
    if origin == "imported":
        if contract_date is None:
            raise ValueError("imported part needs its contract date")
        return contract_date
    raise ValueError(f"unknown part origin {origin!r}")


def latest(*values: datetime | None) -> datetime | None:
    """The latest of the given datetimes, ignoring None (None when there is none)."""
    return max((value for value in values if value is not None), default=None)
