"""Which shift a centre is in, and the UTC period a shift covers on a given date.

Shift patterns are local wall-clock times (HH:MM) in the centre's time zone. A shift that
crosses midnight (20:00–08:00) belongs to the date it starts, so "the night shift of the 25th"
runs from the 25th 20:00 to the 26th 08:00. A centre without shift rows gets the common
two-shift pattern, so handovers and briefings work before anyone sets up a roster.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import Database
from ..errors import NotFound
from ..models import CommandCentre, Shift
from .worktime import DEFAULT_TZ

# used only when a centre has no Shift rows; id None marks them as not stored
DEFAULT_PATTERN: tuple[tuple[str, str, str], ...] = (("Day", "08:00", "20:00"), ("Night", "20:00", "08:00"))


@dataclass(frozen=True)
class ShiftInfo:
    """A shift pattern of one centre, with the time zone its times are read in."""

    id: int | None
    centre_id: int
    name: str
    start_time: str
    end_time: str
    weekdays: str  # ISO weekday digits the shift runs on, 1 = Monday
    timezone: str = DEFAULT_TZ

    def runs_on(self, day: date) -> bool:
        return str(day.isoweekday()) in self.weekdays


@dataclass(frozen=True)
class ShiftPeriod:
    """One occurrence of a shift: the date it belongs to and its UTC start and end."""

    shift: ShiftInfo
    day: date
    start: datetime
    end: datetime

    def contains(self, instant: datetime) -> bool:
        return self.start <= instant < self.end


def _hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def shift_period(shift: ShiftInfo, day: date) -> ShiftPeriod:
    """The UTC period of `shift` on `day` (the date it starts); ends the next day if it wraps."""
    tz = ZoneInfo(shift.timezone)
    start = datetime.combine(day, _hhmm(shift.start_time), tz)
    end_day = day if _hhmm(shift.end_time) > _hhmm(shift.start_time) else day + timedelta(days=1)
    end = datetime.combine(end_day, _hhmm(shift.end_time), tz)
    return ShiftPeriod(shift, day, start.astimezone(UTC), end.astimezone(UTC))


def day_period(day: date, timezone: str = DEFAULT_TZ) -> tuple[datetime, datetime]:
    """A calendar day in the centre's time zone as a UTC half-open interval (23 or 25 h on DST days)."""
    tz = ZoneInfo(timezone)
    start = datetime.combine(day, time(0), tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def centre_timezone(session: Session, centre_id: int) -> str:
    tz = session.scalar(select(CommandCentre.timezone).where(CommandCentre.id == centre_id))
    if tz is None:
        raise NotFound("command centre", centre_id)
    return tz or DEFAULT_TZ


def centre_shifts(session: Session, centre_id: int) -> list[ShiftInfo]:
    """The centre's shift patterns in start-time order (the default pattern if it has none)."""
    tz = centre_timezone(session, centre_id)
    rows = session.execute(
        select(Shift.id, Shift.name, Shift.start_time, Shift.end_time, Shift.weekdays)
        .where(Shift.centre_id == centre_id)
        .order_by(Shift.start_time, Shift.id)
    ).all()
    if not rows:
        return [ShiftInfo(None, centre_id, n, a, b, "1234567", tz) for n, a, b in DEFAULT_PATTERN]
    return [ShiftInfo(r.id, centre_id, r.name, r.start_time, r.end_time, r.weekdays, tz) for r in rows]


def list_centre_shifts(db: Database, centre_id: int) -> list[ShiftInfo]:
    """The centre's shift patterns, for pickers (the default pattern if it has none)."""
    with db.read() as s:
        return centre_shifts(s, centre_id)


def shifts_at(session: Session, centre_id: int, now: datetime) -> list[ShiftPeriod]:
    """Every shift running at `now`, the earliest started first (overlaps happen at handover)."""
    running: list[ShiftPeriod] = []
    for shift in centre_shifts(session, centre_id):
        local_day = now.astimezone(ZoneInfo(shift.timezone)).date()
        for day in (local_day - timedelta(days=1), local_day):
            if shift.runs_on(day):
                period = shift_period(shift, day)
                if period.contains(now):
                    running.append(period)
    return sorted(running, key=lambda p: (p.start, p.shift.name))


def current_shift(db: Database, centre_id: int, now: datetime) -> ShiftPeriod | None:
    """The shift a centre is in at `now`: when two overlap, the one that started last."""
    with db.read() as s:
        running = shifts_at(s, centre_id, now)
    return running[-1] if running else None


def next_shift(db: Database, centre_id: int, now: datetime) -> ShiftPeriod | None:
    """The first shift starting after `now` within a week."""
    with db.read() as s:
        shifts = centre_shifts(s, centre_id)
    upcoming = []
    for shift in shifts:
        local_day = now.astimezone(ZoneInfo(shift.timezone)).date()
        for offset in range(0, 8):
            day = local_day + timedelta(days=offset)
            if shift.runs_on(day):
                period = shift_period(shift, day)
                if period.start > now:
                    upcoming.append(period)
                    break
    return min(upcoming, key=lambda p: (p.start, p.shift.name)) if upcoming else None


def last_ended_shift(session: Session, centre_id: int, now: datetime) -> ShiftPeriod | None:
    """The shift that ended most recently at or before `now` (within two days)."""
    ended = []
    for shift in centre_shifts(session, centre_id):
        local_day = now.astimezone(ZoneInfo(shift.timezone)).date()
        for offset in (2, 1, 0):
            day = local_day - timedelta(days=offset)
            if shift.runs_on(day):
                period = shift_period(shift, day)
                if period.end <= now:
                    ended.append(period)
    return max(ended, key=lambda p: (p.end, p.shift.name)) if ended else None


def find_shift(session: Session, centre_id: int, name: str) -> ShiftInfo:
    """A centre's shift by name (case-insensitive); NotFound lists none, so the caller can."""
    for shift in centre_shifts(session, centre_id):
        if shift.name.casefold() == name.strip().casefold():
            return shift
    raise NotFound("shift", name)
