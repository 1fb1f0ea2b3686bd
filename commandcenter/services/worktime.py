"""Working time: time limits in working minutes follow China's holiday calendar.

Instants map onto a monotone "working-minute line" (minutes of office hours since an origin
day), so adding N working minutes is a forward map, an addition and an inverse map by
bisection: O(log days) per deadline instead of walking the calendar. The demo generator uses
the same arrays vectorised with numpy.

The calendar's exceptions (holidays and adjusted working weekends, 调休) come from the
`calendar_day` table, seeded from the `chinese-calendar` package. Years the table does not
cover fall back to plain Monday-to-Friday weeks and are reported by `uncovered_years` so the
GUI and CLI can warn and an admin can add the newly announced dates.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.enums import TimeUnit
from ..domain.zones import DEFAULT_TZ
from ..models import CalendarDay, CalendarYear

# office hours of a working day (local time); configurable per deployment later
WORK_PERIODS: tuple[tuple[time, time], ...] = ((time(8, 30), time(12, 0)), (time(14, 0), time(17, 30)))


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


@dataclass
class WorkCalendar:
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_TZ))
    exceptions: dict[date, str] = field(default_factory=dict)  # day -> 'holiday' | 'workday'
    covered_years: frozenset[int] = frozenset()
    periods: tuple[tuple[time, time], ...] = WORK_PERIODS
    origin: date = date(2000, 1, 1)
    span_days: int = 365 * 40
    _cum: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._spans = [(_minutes(a), _minutes(b)) for a, b in self.periods]
        self._per_day = sum(b - a for a, b in self._spans)
        cum = [0]
        day = self.origin
        for _ in range(self.span_days):
            cum.append(cum[-1] + (self._per_day if self.is_working_day(day) else 0))
            day += timedelta(days=1)
        self._cum = cum

    # ---- days -------------------------------------------------------------------------
    def is_working_day(self, day: date) -> bool:
        kind = self.exceptions.get(day)
        if kind == "holiday":
            return False
        if kind == "workday":
            return True
        return day.weekday() < 5

    def uncovered_years(self, years: set[int] | range) -> list[int]:
        """Years in `years` whose holidays are unknown (weekends-only fallback applies)."""
        return sorted(y for y in years if y not in self.covered_years)

    def local_day(self, instant: datetime) -> date:
        return instant.astimezone(self.tz).date()

    # ---- the working-minute line ------------------------------------------------------
    def working_minute(self, instant: datetime) -> float:
        """Working minutes from the origin day's midnight up to `instant`."""
        local = instant.astimezone(self.tz)
        idx = (local.date() - self.origin).days
        if idx < 0 or idx >= self.span_days:
            raise ValueError(f"{local.date()} is outside the working calendar")
        base = self._cum[idx]
        if self._cum[idx + 1] == base:
            return float(base)
        m = local.hour * 60 + local.minute + local.second / 60
        within = 0.0
        for a, b in self._spans:
            if m >= b:
                within += b - a
            elif m > a:
                within += m - a
        return base + within

    def instant_at(self, working_minute: float) -> datetime:
        """The earliest instant at which `working_minute` working minutes have elapsed."""
        idx = bisect.bisect_left(self._cum, working_minute) - 1
        idx = max(idx, 0)
        # skip days with no working time so the deadline lands inside office hours
        while self._cum[idx + 1] == self._cum[idx] or self._cum[idx + 1] < working_minute:
            idx += 1
        rest = working_minute - self._cum[idx]
        for a, b in self._spans:
            if rest <= b - a:
                minute = a + rest
                break
            rest -= b - a
        else:  # pragma: no cover - guarded by the loop above
            minute = self._spans[-1][1]
        day = self.origin + timedelta(days=idx)
        local = datetime.combine(day, time(0), self.tz) + timedelta(minutes=minute)
        return local.astimezone(UTC)

    def add(self, start: datetime, minutes: float, unit: TimeUnit | str) -> datetime:
        """`start` plus a time limit in calendar or working minutes."""
        if TimeUnit(unit) is TimeUnit.CALENDAR:
            return start + timedelta(minutes=minutes)
        return self.instant_at(self.working_minute(start) + minutes)

    def minutes_between(self, start: datetime, end: datetime, unit: TimeUnit | str) -> float:
        """The calendar or working minutes from `start` to `end` (negative when `end` is earlier):
        what a suspended clock has left, carried over to the moment it resumes."""
        if TimeUnit(unit) is TimeUnit.CALENDAR:
            return (end - start).total_seconds() / 60
        return self.working_minute(end) - self.working_minute(start)

    def subtract(self, end: datetime, minutes: float, unit: TimeUnit | str) -> datetime:
        """The instant `minutes` calendar or working minutes before `end` (the reminder's place
        before a deadline that an extension or a resume has moved)."""
        if TimeUnit(unit) is TimeUnit.CALENDAR:
            return end - timedelta(minutes=minutes)
        return self.instant_at(self.working_minute(end) - minutes)


CALENDAR_LOOKAHEAD_DAYS = 60


def years_needed(now: datetime, tz: str = DEFAULT_TZ) -> set[int]:
    """The years whose holidays deadlines set now can fall in: this year, and the next one
    once it is less than two months away."""
    local = now.astimezone(ZoneInfo(tz)).date()
    return {local.year, (local + timedelta(days=CALENDAR_LOOKAHEAD_DAYS)).year}


def load_calendar(session: Session, tz: str = DEFAULT_TZ) -> WorkCalendar:
    exceptions = {d: k for d, k in session.execute(select(CalendarDay.day, CalendarDay.kind))}
    years = frozenset(session.scalars(select(CalendarYear.year)))
    return WorkCalendar(tz=ZoneInfo(tz), exceptions=exceptions, covered_years=years)


def seed_calendar(session: Session) -> list[int]:
    """Fill the holiday table from `chinese-calendar`; returns the years it covered."""
    import chinese_calendar

    known = set(session.scalars(select(CalendarDay.day)))
    years: set[int] = set()
    for source, kind in ((chinese_calendar.holidays, "holiday"), (chinese_calendar.workdays, "workday")):
        for day, name in source.items():
            years.add(day.year)
            if day not in known:
                session.add(CalendarDay(day=day, kind=kind, name=str(name)))
                known.add(day)
    have = set(session.scalars(select(CalendarYear.year)))
    for year in sorted(years - have):
        session.add(CalendarYear(year=year, source=f"chinese-calendar {chinese_calendar.__version__}"))
    return sorted(years)
