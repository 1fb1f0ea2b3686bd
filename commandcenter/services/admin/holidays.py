"""The holiday calendar from the admin screen: the years it covers, a year's holidays and
adjusted working weekends (调休), one day added or removed, a whole year loaded from CSV.

Needs MANAGE_HOLIDAYS. Every change records a calendar change, which drops the cached work
calendar: deadlines computed afterwards follow it; clocks already running keep theirs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import delete, insert, select

from ...domain.actions import Action
from ...domain.entities import Entity
from ...errors import StaleSetting, ValidationError
from ...models import CalendarDay, CalendarYear
from ...shapes.admin import CalendarYearRow, HolidayRow
from ..auth import Principal
from ..calendar_admin import list_days, parse_calendar_csv, set_year
from ..changefeed import record_change
from ..validation import clean_text
from .common import AdminPart, audit

KINDS = ("holiday", "workday")


class HolidayAdmin(AdminPart):
    """The calendar of holidays and adjusted working days that working-time limits follow."""

    def years(self, principal: Principal) -> list[CalendarYearRow]:
        """Every year that is covered or has an exception, newest first."""
        self._allow(principal, Action.MANAGE_HOLIDAYS)
        with self.db.read() as s:
            covered = dict(s.execute(select(CalendarYear.year, CalendarYear.source)).all())
            counts: dict[int, dict[str, int]] = {}
            for day, kind in s.execute(select(CalendarDay.day, CalendarDay.kind)):
                counts.setdefault(day.year, {}).setdefault(kind, 0)
                counts[day.year][kind] += 1
        years = sorted(set(covered) | set(counts), reverse=True)
        return [CalendarYearRow(y, y in covered, covered.get(y, ""), counts.get(y, {}).get("holiday", 0),
                                counts.get(y, {}).get("workday", 0)) for y in years]

    def days(self, principal: Principal, year: int) -> list[HolidayRow]:
        self._allow(principal, Action.MANAGE_HOLIDAYS)
        entries, _covered = list_days(self.db, year)
        return [HolidayRow(e.day, e.kind, e.name) for e in entries]

    def add_day(self, principal: Principal, day: date, kind: str, name: str) -> HolidayRow:
        """Make `day` a holiday, or a Saturday or Sunday a working day; a day already listed is refused."""
        self._allow(principal, Action.MANAGE_HOLIDAYS)
        if kind not in KINDS:
            raise ValidationError(f"kind must be holiday or workday, not {kind!r}", field="kind", problem="kind")
        if kind == "workday" and day.weekday() < 5:
            raise ValidationError(f"{day} is a weekday: only a Saturday or Sunday can become a working day",
                                  field="day", problem="workday_not_weekend")
        name = clean_text(name, "name", CalendarDay.name)
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            if s.get(CalendarDay, day) is not None:
                raise ValidationError(f"{day} is already in the calendar", field="day", problem="day_taken")
            s.execute(insert(CalendarDay).values(day=day, kind=kind, name=name))
            audit(s, principal, now, "add_calendar_day", "calendar", day.year,
                  {"day": day.isoformat(), "kind": kind, "name": name})
            record_change(s, now, Entity.CALENDAR, day.year, "update")
        return HolidayRow(day, kind, name)

    def remove_day(self, principal: Principal, row: HolidayRow) -> None:
        """Remove a holiday or adjusted working day, if it still is as `row` shows it."""
        self._allow(principal, Action.MANAGE_HOLIDAYS)
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            done = s.execute(delete(CalendarDay).where(CalendarDay.day == row.day, CalendarDay.kind == row.kind,
                                                       CalendarDay.name == row.name))
            if done.rowcount != 1:
                raise StaleSetting("calendar day", row.day.isoformat())
            audit(s, principal, now, "remove_calendar_day", "calendar", row.day.year,
                  {"day": row.day.isoformat(), "kind": row.kind, "name": row.name})
            record_change(s, now, Entity.CALENDAR, row.day.year, "update")

    def load_year(self, principal: Principal, year: int, path: Path) -> int:
        """Replace a year's exceptions with a `date,kind,name` CSV file and mark the year covered."""
        self._allow(principal, Action.MANAGE_HOLIDAYS)
        entries = parse_calendar_csv(path)
        return set_year(self.db, principal, year, entries, f"file {path.name}")
