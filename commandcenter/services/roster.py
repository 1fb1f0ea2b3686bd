"""The officer roster: who is on duty, where, with how much work, and the shifts they work.

Reading the roster is a handful of set-based queries (officers, their grids, their case load,
the shifts running now) joined in Python, never a query per officer: 3,096 officers load in a
few tens of milliseconds. Each write (a duty status change, a shift edit, a batch of position
reports) is one transaction that also writes the audit trail and the change log, so every
seat's roster and map update within a poll.

Duty status is guarded by the officer's `version` (optimistic lock): a supervisor who changes a
status another seat changed meanwhile gets `StaleOfficer` and nothing is written. Position
reports deliberately do not bump the version: a drill feed moving an officer every few seconds
must not make a supervisor's duty change fail.

Shift occurrences (overnight shifts, the date a shift belongs to) come from `services.shifts`,
so the roster, handovers and briefings agree on which shift is running.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.enums import OPEN_STATUSES, DutyStatus, Role
from ..errors import CommandCentreError, NotFound, ValidationError
from ..models import (
    Case,
    CommandCentre,
    Community,
    DutyChange,
    Grid,
    Officer,
    OfficerGrid,
    OfficerPosition,
    Shift,
    ShiftMember,
    Street,
    User,
    to_epoch,
)
from .auth import Actor, SystemActor, authorize
from .changefeed import record_change
from .info import overdue_condition
from .lifecycle import write_audit
from .shifts import ShiftInfo, ShiftPeriod, shift_period
from .validation import check_length, column_limit
from .worktime import DEFAULT_TZ

OPEN_VALUES = tuple(s.value for s in OPEN_STATUSES)
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
MAX_SHIFT_NAME = column_limit(Shift.name)  # the column decides; the roster screen limits its field to it
_T = TypeVar("_T")


class StaleOfficer(CommandCentreError):
    """Another seat changed the officer since this one read it (optimistic lock on `version`)."""

    code = "stale_officer"

    def __init__(self, officer_id: int, name: str, expected_version: int, actual_version: int,
                 duty_status: str) -> None:
        super().__init__(
            f"officer {name} was changed at another seat (now {duty_status.replace('_', ' ')}); "
            "nothing was changed here - reload and try again",
            officer_id=officer_id,
            name=name,
            expected_version=expected_version,
            actual_version=actual_version,
            duty_status=duty_status,
        )
        self.officer_id, self.name, self.duty_status = officer_id, name, duty_status


@dataclass(frozen=True, slots=True)
class OfficerRow:
    """One officer as the roster shows them."""

    id: int
    employee_no: str
    name: str
    pinyin_initials: str
    phone: str
    duty_status: str
    shift_name: str  # the shift they work that is running now, "" if none
    grid_codes: tuple[str, ...]
    street_names: tuple[str, ...]  # distinct, in grid order
    community_names: tuple[str, ...]
    open_cases: int
    overdue_cases: int
    last_lon: float | None
    last_lat: float | None
    last_seen_at: datetime | None
    version: int
    grid_ids: tuple[int, ...] = ()
    street_ids: tuple[int, ...] = ()
    community_ids: tuple[int, ...] = ()

    @property
    def available(self) -> bool:
        return self.duty_status in (DutyStatus.ON_DUTY, DutyStatus.IN_FIELD)


@dataclass(frozen=True, slots=True)
class OfficerLoad:
    open_cases: int
    overdue_cases: int


@dataclass(frozen=True, slots=True)
class PositionReport:
    """One timestamped position of one officer (drill feed, GPS import)."""

    officer_id: int
    at: datetime
    lon: float
    lat: float


@dataclass(frozen=True, slots=True)
class ShiftRow:
    """A shift pattern and who works it."""

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
    """A shift occurrence (`services.shifts.ShiftPeriod`) with its members, for "who is on now / next"."""

    period: ShiftPeriod
    officer_names: tuple[str, ...]
    user_names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ShiftBoard:
    current: tuple[ShiftOnDuty, ...]  # usually one; overlapping shifts all show
    next: ShiftOnDuty | None


@dataclass(frozen=True, slots=True)
class UserOption:
    id: int
    display_name: str
    role: str


def pinyin_initials(text: str, limit: int = 20) -> str:
    """Lower-case initials for search: "张伟" → "zw"; Latin words give their first letter."""
    # pypinyin loads its phrase dictionary (about half a second) on import: not at start-up
    from pypinyin import Style, lazy_pinyin

    out = []
    for part in lazy_pinyin(text or "", style=Style.FIRST_LETTER):
        out += [word[0].lower() for word in part.split() if word[0].isalnum()]
    return "".join(out)[:limit]


# ---- reading the roster ---------------------------------------------------------------------
def officer_loads(db: Database, officer_ids: Iterable[int] | None = None) -> dict[int, OfficerLoad]:
    """Open and overdue assigned cases per officer (officers without any are absent)."""
    with db.read() as s:
        return _loads(s, db.clock.now(), None if officer_ids is None else list(officer_ids))


def _loads(s: Session, now: datetime, ids: list[int] | None) -> dict[int, OfficerLoad]:
    stmt = (
        select(
            Case.assignee_officer_id,
            func.count(),
            func.sum(case((overdue_condition(now), 1), else_=0)),
        )
        .where(Case.status.in_(OPEN_VALUES), Case.assignee_officer_id.is_not(None))
        .group_by(Case.assignee_officer_id)
    )
    if ids is not None:
        stmt = stmt.where(Case.assignee_officer_id.in_(ids))
    return {int(oid): OfficerLoad(int(n), int(late or 0)) for oid, n, late in s.execute(stmt)}


def officer_rows(db: Database, officer_ids: Iterable[int] | None = None) -> list[OfficerRow]:
    """The roster (or the given officers), ordered by employee number."""
    ids = None if officer_ids is None else sorted(set(officer_ids))
    now = db.clock.now()
    with db.read() as s:
        stmt = select(
            Officer.id, Officer.employee_no, Officer.name, Officer.pinyin_initials, Officer.phone,
            Officer.duty_status, Officer.last_lon, Officer.last_lat, Officer.last_seen_at, Officer.version,
        ).order_by(Officer.employee_no)
        grid_stmt = (
            select(OfficerGrid.officer_id, Grid.id, Grid.code, Community.id, Community.name, Street.id, Street.name)
            .join(Grid, Grid.id == OfficerGrid.grid_id)
            .join(Community, Community.id == Grid.community_id)
            .join(Street, Street.id == Community.street_id)
            .order_by(OfficerGrid.officer_id, Grid.code)
        )
        if ids is not None:
            stmt = stmt.where(Officer.id.in_(ids))
            grid_stmt = grid_stmt.where(OfficerGrid.officer_id.in_(ids))
        officers = s.execute(stmt).all()
        grids: dict[int, list[tuple[int, str, int, str, int, str]]] = defaultdict(list)
        for oid, gid, code, cid, cname, sid, sname in s.execute(grid_stmt):
            grids[oid].append((gid, code, cid, cname, sid, sname))
        loads = _loads(s, now, ids)
        shift_of = _current_shift_names(s, now, ids)
    none = OfficerLoad(0, 0)
    rows = []
    for r in officers:
        mine = grids.get(r.id, [])
        load = loads.get(r.id, none)
        rows.append(
            OfficerRow(
                id=r.id,
                employee_no=r.employee_no,
                name=r.name,
                pinyin_initials=r.pinyin_initials or pinyin_initials(r.name),
                phone=r.phone,
                duty_status=r.duty_status,
                shift_name=shift_of.get(r.id, ""),
                grid_codes=tuple(g[1] for g in mine),
                street_names=_distinct(g[5] for g in mine),
                community_names=_distinct(g[3] for g in mine),
                open_cases=load.open_cases,
                overdue_cases=load.overdue_cases,
                last_lon=r.last_lon,
                last_lat=r.last_lat,
                last_seen_at=r.last_seen_at,
                version=r.version,
                grid_ids=tuple(g[0] for g in mine),
                street_ids=_distinct(g[4] for g in mine),
                community_ids=_distinct(g[2] for g in mine),
            )
        )
    return rows


def officer_row(db: Database, officer_id: int) -> OfficerRow:
    rows = officer_rows(db, [officer_id])
    if not rows:
        raise NotFound("officer", officer_id)
    return rows[0]


def _distinct(values: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(values))


# ---- duty status ----------------------------------------------------------------------------
def set_duty_status(db: Database, actor: Actor | SystemActor, officer_id: int, status: DutyStatus | str,
                    expected_version: int | None = None) -> OfficerRow:
    """Change an officer's duty status, recording who changed it from what, when.

    `expected_version` is the version the caller's screen showed; if another seat changed the
    officer since, StaleOfficer is raised and nothing changes. Setting the status the officer
    already has changes nothing and records nothing.
    """
    authorize(db, actor, Action.MANAGE_ROSTER)
    try:
        status = DutyStatus(status)
    except ValueError as exc:
        raise ValidationError(f"unknown duty status {status!r}", field="duty_status") from exc
    now = db.clock.now()
    try:
        with db.unit_of_work() as s:
            stmt = select(Officer).where(Officer.id == officer_id)
            if not db.is_sqlite:
                stmt = stmt.with_for_update()
            officer = s.scalar(stmt)
            if officer is None:
                raise NotFound("officer", officer_id)
            if expected_version is not None and officer.version != expected_version:
                raise StaleOfficer(officer.id, officer.name, expected_version, officer.version, officer.duty_status)
            before = officer.duty_status
            if before != status.value:
                officer.duty_status = status.value
                s.flush()
                s.execute(insert(DutyChange).values(officer_id=officer.id, at=to_epoch(now), from_status=before,
                                                    to_status=status.value, user_id=actor.user_id))
                write_audit(s, actor, now, "duty_change", "officer", officer.id,
                            {"employee_no": officer.employee_no, "from": before, "to": status.value})
                record_change(s, now, Entity.OFFICER, officer.id, "update", officer.centre_id)
    except StaleDataError as exc:  # a concurrent UPDATE won between our read and our write
        row = officer_row(db, officer_id)
        raise StaleOfficer(row.id, row.name, expected_version or -1, row.version, row.duty_status) from exc
    return officer_row(db, officer_id)


# ---- positions ------------------------------------------------------------------------------
def record_positions(db: Database, reports: Sequence[PositionReport], *, session: Session | None = None) -> int:
    """Store position reports; move each officer's last position when a report is newer.

    Used by the drill feed and by imports (which pass their own `session`, so the positions
    land in the import's single transaction). Returns how many officers moved.
    """
    if not reports:
        return 0
    if session is None:
        with db.unit_of_work() as s:
            return _write_positions(s, db.clock.now(), reports)
    return _write_positions(session, db.clock.now(), reports)


def _write_positions(s: Session, now: datetime, reports: Sequence[PositionReport]) -> int:
    s.execute(
        insert(OfficerPosition),
        [{"officer_id": r.officer_id, "at": to_epoch(r.at), "lon": float(r.lon), "lat": float(r.lat)} for r in reports],
    )
    latest: dict[int, PositionReport] = {}
    for r in reports:
        best = latest.get(r.officer_id)
        if best is None or r.at > best.at:
            latest[r.officer_id] = r
    table = Officer.__table__
    current: dict[int, tuple[datetime | None, int | None]] = {}
    ids = list(latest)
    for start in range(0, len(ids), 900):
        for oid, seen, centre in s.connection().execute(
            select(table.c.id, table.c.last_seen_at, table.c.centre_id).where(table.c.id.in_(ids[start:start + 900]))
        ):
            current[oid] = (seen, centre)
    moved = [
        r for oid, r in latest.items()
        if oid in current and (current[oid][0] is None or current[oid][0] < r.at)
    ]
    if moved:
        # Core UPDATE on the table: the version column is left alone on purpose (see module doc)
        stmt = (
            update(table)
            .where(table.c.id == bindparam("oid"))
            .where((table.c.last_seen_at.is_(None)) | (table.c.last_seen_at < bindparam("at")))
            .values(last_lon=bindparam("lon"), last_lat=bindparam("lat"), last_seen_at=bindparam("at"))
        )
        s.connection().execute(
            stmt, [{"oid": r.officer_id, "lon": float(r.lon), "lat": float(r.lat), "at": to_epoch(r.at)} for r in moved]
        )
        for r in moved:
            record_change(s, now, Entity.OFFICER, r.officer_id, "update", current[r.officer_id][1])
    return len(moved)


# ---- shifts ---------------------------------------------------------------------------------
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


def list_shifts(db: Database, centre_ids: Iterable[int] | None = None) -> list[ShiftRow]:
    """Shifts (of the given centres) with their members, by start time then name."""
    with db.read() as s:
        return _shift_rows(s, None if centre_ids is None else list(centre_ids))


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


def save_shift(db: Database, actor: Actor | SystemActor, *, name: str, start_time: str, end_time: str,
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
            found = s.get(Shift, shift_id)
            if found is None:
                raise NotFound("shift", shift_id)
            shift = found
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
    return list_shift(db, new_id)


def list_shift(db: Database, shift_id: int) -> ShiftRow:
    with db.read() as s:
        rows = _shift_rows(s, None, [shift_id])
    if not rows:
        raise NotFound("shift", shift_id)
    return rows[0]


def delete_shift(db: Database, actor: Actor | SystemActor, shift_id: int) -> None:
    authorize(db, actor, Action.MANAGE_ROSTER)
    now = db.clock.now()
    with db.unit_of_work() as s:
        shift = s.get(Shift, shift_id)
        if shift is None:
            raise NotFound("shift", shift_id)
        s.execute(ShiftMember.__table__.delete().where(ShiftMember.shift_id == shift_id))
        s.delete(shift)
        write_audit(s, actor, now, "shift_delete", "shift", shift_id, {"name": shift.name})
        record_change(s, now, Entity.SHIFT, shift_id, "delete", shift.centre_id)


def assign_to_shift(db: Database, actor: Actor | SystemActor, shift_id: int, *,
                    officer_ids: Iterable[int] = (), user_ids: Iterable[int] = ()) -> ShiftRow:
    """Add officers and users (operators, supervisors) to a shift; members already in it stay once."""
    return _change_members(db, actor, shift_id, set(officer_ids), set(user_ids), add=True)


def remove_from_shift(db: Database, actor: Actor | SystemActor, shift_id: int, *,
                      officer_ids: Iterable[int] = (), user_ids: Iterable[int] = ()) -> ShiftRow:
    return _change_members(db, actor, shift_id, set(officer_ids), set(user_ids), add=False)


def _change_members(db: Database, actor: Actor | SystemActor, shift_id: int, officer_ids: set[int],
                    user_ids: set[int], add: bool) -> ShiftRow:
    authorize(db, actor, Action.MANAGE_ROSTER)
    now = db.clock.now()
    with db.unit_of_work() as s:
        shift = s.get(Shift, shift_id)
        if shift is None:
            raise NotFound("shift", shift_id)
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
    return list_shift(db, shift_id)


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


def _centre_zones(s: Session) -> dict[int, str]:
    return {cid: tz or DEFAULT_TZ for cid, tz in s.execute(select(CommandCentre.id, CommandCentre.timezone))}


def _periods(shift: ShiftRow | Shift, zones: dict[int, str], first: date, days: int) -> list[ShiftPeriod]:
    """Occurrences of a stored shift starting on local days `first` .. `first + days - 1`."""
    info = ShiftInfo(shift.id, shift.centre_id, shift.name, shift.start_time, shift.end_time, shift.weekdays,
                     zones.get(shift.centre_id, DEFAULT_TZ))
    days_on = (first + timedelta(days=n) for n in range(days))
    return [shift_period(info, day) for day in days_on if info.runs_on(day)]


def _local_today(shift: ShiftRow | Shift, zones: dict[int, str], now: datetime) -> date:
    return now.astimezone(ZoneInfo(zones.get(shift.centre_id, DEFAULT_TZ))).date()


def _running(shifts: Sequence[ShiftRow | Shift], zones: dict[int, str], now: datetime) -> list[ShiftPeriod]:
    running = []
    for sh in shifts:
        yesterday = _local_today(sh, zones, now) - timedelta(days=1)
        running += [p for p in _periods(sh, zones, yesterday, 2) if p.contains(now)]
    return running


def _current_shift_names(s: Session, now: datetime, officer_ids: list[int] | None) -> dict[int, str]:
    shifts = list(s.scalars(select(Shift)))
    if not shifts:
        return {}
    running = _running(shifts, _centre_zones(s), now)
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
    current = sorted(_running(shifts, zones, now), key=lambda p: (p.start, p.shift.name))
    upcoming: list[ShiftPeriod] = []
    for sh in shifts:
        upcoming += [p for p in _periods(sh, zones, _local_today(sh, zones, now), 8) if p.start > now]
    nxt = min(upcoming, key=lambda p: (p.start, p.shift.name), default=None)

    def on_duty(p: ShiftPeriod) -> ShiftOnDuty:
        sh = by_id[p.shift.id]
        return ShiftOnDuty(p, sh.officer_names, sh.user_names)

    return ShiftBoard(tuple(on_duty(p) for p in current), on_duty(nxt) if nxt else None)
