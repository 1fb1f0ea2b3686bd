"""Shifts: the patterns a centre works, when each occurrence runs, who works it, and editing them.

One module for everything about shifts, so the roster, handovers and briefings agree on which
shift is running. Shift patterns are local wall-clock times (HH:MM) in the centre's time zone. A
shift that crosses midnight (20:00–08:00) belongs to the date it starts, so "the night shift of
the 25th" runs from the 25th 20:00 to the 26th 08:00.

Three views of a shift, each with its own name:
- `ShiftInfo`, from `shift_patterns`: a centre's pattern as handovers and briefings read it. A
  centre without stored shifts gets the common two-shift pattern (id None), so handovers and
  briefings work before anyone sets up a roster.
- `ShiftPeriod`: one occurrence of a pattern, with its UTC start and end.
- `ShiftRow`, from `shift_rows` / `shift_row`: a stored shift with its members, as the roster
  screen edits it (`save_shift`, `delete_shift`, `assign_to_shift`, `remove_from_shift`).

Each edit is one transaction with a permission check, an audit entry and a change-log row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.enums import Role
from ..errors import NotFound, ValidationError
from ..models import CommandCentre, Officer, Shift, ShiftMember, User
from .auth import Principal, authorize
from .changefeed import record_change
from .lifecycle import write_audit
from .validation import check_length, column_limit
from .worktime import DEFAULT_TZ

# used only when a centre has no Shift rows; id None marks them as not stored
DEFAULT_PATTERN: tuple[tuple[str, str, str], ...] = (("Day", "08:00", "20:00"), ("Night", "20:00", "08:00"))
MAX_SHIFT_NAME = column_limit(Shift.name)  # the column decides; the roster screen limits its field to it
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


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


@dataclass(frozen=True, slots=True)
class ShiftRow:
    """A stored shift pattern and who works it."""

    id: int
    centre_id: int
    name: str
    start_time: str  # local HH:MM
    end_time: str  # local HH:MM; not after start means the shift ends the next day
    weekdays: str  # the days it starts on, "1234567" (1 = Monday)
    officer_ids: tuple[int, ...]
    officer_names: tuple[str, ...]
    user_ids: tuple[int, ...]
    user_names: tuple[str, ...]

    @property
    def overnight(self) -> bool:
        return self.end_time <= self.start_time


@dataclass(frozen=True, slots=True)
class ShiftOnDuty:
    """A shift occurrence with its members, for "who is on now / next"."""

    period: ShiftPeriod
    officer_names: tuple[str, ...]
    user_names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ShiftBoard:
    current: tuple[ShiftOnDuty, ...]  # usually one; overlapping shifts all show
    next: ShiftOnDuty | None


@dataclass(frozen=True, slots=True)
class UserOption:
    """A user who can be put on a shift."""

    id: int
    display_name: str
    role: str


# ---- occurrences ----------------------------------------------------------------------
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


def _periods(shift: ShiftInfo, first: date, days: int) -> list[ShiftPeriod]:
    """Occurrences of `shift` starting on local days `first` .. `first + days - 1`."""
    days_on = (first + timedelta(days=n) for n in range(days))
    return [shift_period(shift, day) for day in days_on if shift.runs_on(day)]


def _local_today(shift: ShiftInfo, now: datetime) -> date:
    return now.astimezone(ZoneInfo(shift.timezone)).date()


def _running(shifts: Iterable[ShiftInfo], now: datetime) -> list[ShiftPeriod]:
    """Every occurrence running at `now`, the earliest started first (overlaps happen at handover)."""
    running = []
    for shift in shifts:
        yesterday = _local_today(shift, now) - timedelta(days=1)
        running += [p for p in _periods(shift, yesterday, 2) if p.contains(now)]
    return sorted(running, key=lambda p: (p.start, p.shift.name))


def _upcoming(shifts: Iterable[ShiftInfo], now: datetime) -> ShiftPeriod | None:
    """The first occurrence starting after `now` within a week."""
    upcoming = []
    for shift in shifts:
        upcoming += [p for p in _periods(shift, _local_today(shift, now), 8) if p.start > now]
    return min(upcoming, key=lambda p: (p.start, p.shift.name), default=None)


# ---- a centre's patterns --------------------------------------------------------------
def centre_timezone(session: Session, centre_id: int) -> str:
    tz = session.scalar(select(CommandCentre.timezone).where(CommandCentre.id == centre_id))
    if tz is None:
        raise NotFound("command centre", centre_id)
    return tz or DEFAULT_TZ


def read_shift_patterns(session: Session, centre_id: int) -> list[ShiftInfo]:
    """`shift_patterns` inside the caller's transaction."""
    tz = centre_timezone(session, centre_id)
    rows = session.execute(
        select(Shift.id, Shift.name, Shift.start_time, Shift.end_time, Shift.weekdays)
        .where(Shift.centre_id == centre_id)
        .order_by(Shift.start_time, Shift.id)
    ).all()
    if not rows:
        return [ShiftInfo(None, centre_id, n, a, b, "1234567", tz) for n, a, b in DEFAULT_PATTERN]
    return [ShiftInfo(r.id, centre_id, r.name, r.start_time, r.end_time, r.weekdays, tz) for r in rows]


def shift_patterns(db: Database, centre_id: int) -> list[ShiftInfo]:
    """The centre's shift patterns in start-time order (the default pattern if it has none)."""
    with db.read() as s:
        return read_shift_patterns(s, centre_id)


def shifts_at(session: Session, centre_id: int, now: datetime) -> list[ShiftPeriod]:
    """Every shift of the centre running at `now`, the earliest started first."""
    return _running(read_shift_patterns(session, centre_id), now)


def current_shift(db: Database, centre_id: int, now: datetime) -> ShiftPeriod | None:
    """The shift a centre is in at `now`: when two overlap, the one that started last."""
    with db.read() as s:
        running = shifts_at(s, centre_id, now)
    return running[-1] if running else None


def next_shift(db: Database, centre_id: int, now: datetime) -> ShiftPeriod | None:
    """The first shift of the centre starting after `now` within a week."""
    return _upcoming(shift_patterns(db, centre_id), now)


def last_ended_shift(session: Session, centre_id: int, now: datetime) -> ShiftPeriod | None:
    """The shift that ended most recently at or before `now` (within two days)."""
    ended = []
    for shift in read_shift_patterns(session, centre_id):
        ended += [p for p in _periods(shift, _local_today(shift, now) - timedelta(days=2), 3) if p.end <= now]
    return max(ended, key=lambda p: (p.end, p.shift.name)) if ended else None


def find_shift(session: Session, centre_id: int, name: str) -> ShiftInfo:
    """A centre's shift by name (case-insensitive); NotFound lists none, so the caller can."""
    for shift in read_shift_patterns(session, centre_id):
        if shift.name.casefold() == name.strip().casefold():
            return shift
    raise NotFound("shift", name)


# ---- stored shifts and their members ----------------------------------------------------
def _centre_zones(s: Session) -> dict[int, str]:
    return {cid: tz or DEFAULT_TZ for cid, tz in s.execute(select(CommandCentre.id, CommandCentre.timezone))}


def _info(shift: ShiftRow | Shift, zones: dict[int, str]) -> ShiftInfo:
    return ShiftInfo(shift.id, shift.centre_id, shift.name, shift.start_time, shift.end_time, shift.weekdays,
                     zones.get(shift.centre_id, DEFAULT_TZ))


def shift_rows(db: Database, centre_ids: Iterable[int] | None = None) -> list[ShiftRow]:
    """Stored shifts (of the given centres) with their members, by start time then name."""
    with db.read() as s:
        return _shift_rows(s, None if centre_ids is None else list(centre_ids))


def shift_row(db: Database, shift_id: int) -> ShiftRow:
    """One stored shift with its members."""
    with db.read() as s:
        rows = _shift_rows(s, None, [shift_id])
    if not rows:
        raise NotFound("shift", shift_id)
    return rows[0]


def _shift_rows(s: Session, centre_ids: list[int] | None, shift_ids: list[int] | None = None) -> list[ShiftRow]:
    stmt = select(Shift).order_by(Shift.start_time, Shift.name)
    if centre_ids is not None:
        stmt = stmt.where(Shift.centre_id.in_(centre_ids))
    if shift_ids is not None:
        stmt = stmt.where(Shift.id.in_(shift_ids))
    shifts = list(s.scalars(stmt))
    officers: dict[int, list[tuple[int, str]]] = defaultdict(list)
    users: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if shifts:
        members = s.execute(
            select(ShiftMember.shift_id, ShiftMember.officer_id, Officer.name, ShiftMember.user_id, User.display_name)
            .outerjoin(Officer, Officer.id == ShiftMember.officer_id)
            .outerjoin(User, User.id == ShiftMember.user_id)
            .where(ShiftMember.shift_id.in_([sh.id for sh in shifts]))
            .order_by(ShiftMember.shift_id, Officer.employee_no, User.username)
        )
        for shift_id, oid, oname, uid, uname in members:
            if oid is not None:
                officers[shift_id].append((oid, oname))
            else:
                users[shift_id].append((uid, uname))
    return [
        ShiftRow(
            id=sh.id, centre_id=sh.centre_id, name=sh.name, start_time=sh.start_time, end_time=sh.end_time,
            weekdays=sh.weekdays,
            officer_ids=tuple(o for o, _ in officers[sh.id]), officer_names=tuple(n for _, n in officers[sh.id]),
            user_ids=tuple(u for u, _ in users[sh.id]), user_names=tuple(n for _, n in users[sh.id]),
        )
        for sh in shifts
    ]


def current_shift_names(s: Session, now: datetime, officer_ids: list[int] | None) -> dict[int, str]:
    """The stored shifts each officer is on at `now`, joined by ", " (officers on none are absent)."""
    shifts = list(s.scalars(select(Shift)))
    if not shifts:
        return {}
    zones = _centre_zones(s)
    running = _running((_info(sh, zones) for sh in shifts), now)
    if not running:
        return {}
    names = {p.shift.id: p.shift.name for p in running}
    stmt = select(ShiftMember.officer_id, ShiftMember.shift_id).where(
        ShiftMember.shift_id.in_(list(names)), ShiftMember.officer_id.is_not(None)
    )
    if officer_ids is not None:
        stmt = stmt.where(ShiftMember.officer_id.in_(officer_ids))
    result: dict[int, str] = {}
    for oid, shift_id in s.execute(stmt.order_by(ShiftMember.shift_id)):
        result[oid] = f"{result[oid]}, {names[shift_id]}" if oid in result else names[shift_id]
    return result


def shift_board(db: Database, centre_ids: Iterable[int] | None = None, at: datetime | None = None) -> ShiftBoard:
    """Who is on the shift running now and on the next shift to start (of the given centres)."""
    now = at or db.clock.now()
    with db.read() as s:
        zones = _centre_zones(s)
        shifts = _shift_rows(s, None if centre_ids is None else list(centre_ids))
    by_id = {sh.id: sh for sh in shifts}
    infos = [_info(sh, zones) for sh in shifts]
    nxt = _upcoming(infos, now)

    def on_duty(p: ShiftPeriod) -> ShiftOnDuty:
        sh = by_id[p.shift.id]  # type: ignore[index]  # stored shifts have ids
        return ShiftOnDuty(p, sh.officer_names, sh.user_names)

    return ShiftBoard(tuple(on_duty(p) for p in _running(infos, now)), on_duty(nxt) if nxt else None)


def list_users(db: Database, centre_ids: Iterable[int] | None = None) -> list[UserOption]:
    """Active users who can be put on a shift (operators and supervisors)."""
    with db.read() as s:
        stmt = (
            select(User.id, User.display_name, User.role)
            .where(User.active.is_(True), User.role.in_([Role.OPERATOR.value, Role.SUPERVISOR.value]))
            .order_by(User.role, User.display_name)
        )
        if centre_ids is not None:
            stmt = stmt.where(User.centre_id.in_(list(centre_ids)))
        return [UserOption(r.id, r.display_name, r.role) for r in s.execute(stmt)]


# ---- editing ------------------------------------------------------------------------------
def _parse_time(value: str, field: str) -> time:
    m = _TIME.match((value or "").strip())
    if not m:
        raise ValidationError(f"{field.replace('_', ' ')} must be a time HH:MM (00:00 to 23:59)", field=field)
    return time(int(m.group(1)), int(m.group(2)))


def _clean_weekdays(weekdays: str | Iterable[int]) -> str:
    days = {int(d) for d in weekdays if str(d).strip()} if not isinstance(weekdays, str) else {
        int(c) for c in weekdays if c.isdigit()
    }
    if not days or not days <= set(range(1, 8)):
        raise ValidationError("choose at least one day from Monday (1) to Sunday (7)", field="weekdays")
    return "".join(str(d) for d in sorted(days))


def save_shift(db: Database, actor: Principal, *, name: str, start_time: str, end_time: str,
               weekdays: str | Iterable[int] = "1234567", shift_id: int | None = None,
               centre_id: int | None = None) -> ShiftRow:
    """Define a new shift (no `shift_id`) or edit one. A shift ending at or before its start
    runs overnight; start equal to end is a 24-hour shift."""
    authorize(db, actor, Action.MANAGE_ROSTER)
    name = (name or "").strip()
    if not name:
        raise ValidationError("a shift needs a name", field="name")
    check_length(Shift.name, name, "name")
    start = _parse_time(start_time, "start_time").strftime("%H:%M")
    end = _parse_time(end_time, "end_time").strftime("%H:%M")
    days = _clean_weekdays(weekdays)
    now = db.clock.now()
    with db.unit_of_work() as s:
        if shift_id is None:
            centre = centre_id if centre_id is not None else getattr(actor, "centre_id", None)
            if centre is None or s.get(CommandCentre, centre) is None:
                raise ValidationError("choose the command centre the shift belongs to", field="centre")
            shift = Shift(centre_id=centre, name=name, start_time=start, end_time=end, weekdays=days)
            op = "insert"
        else:
            shift = _stored(s, shift_id)
            op = "update"
        clash = s.scalar(select(Shift.id).where(Shift.centre_id == shift.centre_id, Shift.name == name,
                                                Shift.id != (shift.id or -1)))
        if clash is not None:
            raise ValidationError(f"there is already a shift called {name}", field="name")
        shift.name, shift.start_time, shift.end_time, shift.weekdays = name, start, end, days
        s.add(shift)
        s.flush()
        write_audit(s, actor, now, f"shift_{op}", "shift", shift.id,
                    {"name": name, "start": start, "end": end, "weekdays": days})
        record_change(s, now, Entity.SHIFT, shift.id, op, shift.centre_id)
        new_id = shift.id
    return shift_row(db, new_id)


def _stored(s: Session, shift_id: int) -> Shift:
    shift = s.get(Shift, shift_id)
    if shift is None:
        raise NotFound("shift", shift_id)
    return shift


def delete_shift(db: Database, actor: Principal, shift_id: int) -> None:
    authorize(db, actor, Action.MANAGE_ROSTER)
    now = db.clock.now()
    with db.unit_of_work() as s:
        shift = _stored(s, shift_id)
        s.execute(ShiftMember.__table__.delete().where(ShiftMember.shift_id == shift_id))
        s.delete(shift)
        write_audit(s, actor, now, "shift_delete", "shift", shift_id, {"name": shift.name})
        record_change(s, now, Entity.SHIFT, shift_id, "delete", shift.centre_id)


def assign_to_shift(db: Database, actor: Principal, shift_id: int, *,
                    officer_ids: Iterable[int] = (), user_ids: Iterable[int] = ()) -> ShiftRow:
    """Add officers and users (operators, supervisors) to a shift; members already in it stay once."""
    return _change_members(db, actor, shift_id, set(officer_ids), set(user_ids), add=True)


def remove_from_shift(db: Database, actor: Principal, shift_id: int, *,
                      officer_ids: Iterable[int] = (), user_ids: Iterable[int] = ()) -> ShiftRow:
    return _change_members(db, actor, shift_id, set(officer_ids), set(user_ids), add=False)


def _change_members(db: Database, actor: Principal, shift_id: int, officer_ids: set[int],
                    user_ids: set[int], add: bool) -> ShiftRow:
    authorize(db, actor, Action.MANAGE_ROSTER)
    now = db.clock.now()
    with db.unit_of_work() as s:
        shift = _stored(s, shift_id)
        have = s.execute(select(ShiftMember.officer_id, ShiftMember.user_id).where(ShiftMember.shift_id == shift_id))
        have_officers: set[int] = set()
        have_users: set[int] = set()
        for oid, uid in have:
            if oid is not None:
                have_officers.add(oid)
            else:
                have_users.add(uid)
        if add:
            known_o = set(s.scalars(select(Officer.id).where(Officer.id.in_(officer_ids)))) if officer_ids else set()
            known_u = set(s.scalars(select(User.id).where(User.id.in_(user_ids)))) if user_ids else set()
            if officer_ids - known_o:
                raise NotFound("officer", min(officer_ids - known_o))
            if user_ids - known_u:
                raise NotFound("user", min(user_ids - known_u))
            rows = [{"shift_id": shift_id, "officer_id": o, "user_id": None} for o in sorted(officer_ids - have_officers)]
            rows += [{"shift_id": shift_id, "officer_id": None, "user_id": u} for u in sorted(user_ids - have_users)]
            if rows:
                s.execute(insert(ShiftMember), rows)
            changed = len(rows)
        else:
            table = ShiftMember.__table__
            changed = 0
            if officer_ids:
                changed += s.execute(table.delete().where(table.c.shift_id == shift_id,
                                                          table.c.officer_id.in_(officer_ids))).rowcount or 0
            if user_ids:
                changed += s.execute(table.delete().where(table.c.shift_id == shift_id,
                                                          table.c.user_id.in_(user_ids))).rowcount or 0
        if changed:
            write_audit(s, actor, now, "shift_assign" if add else "shift_unassign", "shift", shift_id,
                        {"officers": sorted(officer_ids), "users": sorted(user_ids)})
            record_change(s, now, Entity.SHIFT, shift_id, "update", shift.centre_id)
    return shift_row(db, shift_id)
