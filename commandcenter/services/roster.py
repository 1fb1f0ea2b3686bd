"""The officer roster: who is on duty, where, with how much work, and which shift they are on.

Reading the roster is a handful of set-based queries (officers, their grids, their case load,
the shifts running now) joined in Python, never a query per officer: 3,096 officers load in a
few tens of milliseconds. Each write (a duty status change, a shift edit, a batch of position
reports) is one transaction that also writes the audit trail and the change log, so every
seat's roster and map update within a poll.

Duty status is guarded by the officer's `version` (optimistic lock): a supervisor who changes a
status another seat changed meanwhile gets `StaleOfficer` and nothing is written. Position
reports deliberately do not bump the version: a drill feed moving an officer every few seconds
must not make a supervisor's duty change fail.

Shifts themselves (patterns, occurrences, members, editing) live in `services.shifts`, so the
roster, handovers and briefings agree on which shift is running.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.enums import OPEN_STATUS_VALUES, DutyStatus
from ..errors import CommandCentreError, NotFound, ValidationError
from ..models import (
    Case,
    Community,
    DutyChange,
    Grid,
    Officer,
    OfficerGrid,
    OfficerPosition,
    Street,
    to_epoch,
)
from ..shapes.officer_page import PlaceName
from .auth import Principal, authorize
from .changefeed import record_change
from .info import overdue_condition
from .lifecycle import write_audit
from .personal_data import officers_for
from .place_names import name_places
from .shifts import current_shift_names

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
    last_place: PlaceName | None = None  # the grid of the last position (or the nearest one)

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
        .where(Case.status.in_(OPEN_STATUS_VALUES), Case.assignee_officer_id.is_not(None))
        .group_by(Case.assignee_officer_id)
    )
    if ids is not None:
        stmt = stmt.where(Case.assignee_officer_id.in_(ids))
    return {int(oid): OfficerLoad(int(n), int(late or 0)) for oid, n, late in s.execute(stmt)}


def officer_rows(db: Database, officer_ids: Iterable[int] | None = None,
                 viewer: Principal | None = None) -> list[OfficerRow]:
    """The roster (or the given officers), ordered by employee number; phones masked unless
    `viewer` may see personal data."""
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
        shift_of = current_shift_names(s, now, ids)
    none = OfficerLoad(0, 0)
    located = [r for r in officers if r.last_lon is not None and r.last_lat is not None]
    place_of = dict(zip((r.id for r in located), name_places(db, [(r.last_lon, r.last_lat) for r in located]),
                        strict=True))
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
                last_place=place_of.get(r.id),
            )
        )
    return officers_for(db, viewer, rows)


def officer_row(db: Database, officer_id: int, viewer: Principal | None = None) -> OfficerRow:
    rows = officer_rows(db, [officer_id], viewer)
    if not rows:
        raise NotFound("officer", officer_id)
    return rows[0]


def _distinct(values: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(values))


# ---- duty status ----------------------------------------------------------------------------
def set_duty_status(db: Database, actor: Principal, officer_id: int, status: DutyStatus | str,
                    expected_version: int | None = None) -> OfficerRow:
    """Change an officer's duty status, recording who changed it from what, when.

    `expected_version` is the version the caller's screen showed; if another seat changed the
    officer since, StaleOfficer is raised and nothing changes. Setting the status the officer
    already has changes nothing and records nothing.
    """
    status = _duty_status(db, actor, status)
    now = db.clock.now()
    try:
        with db.unit_of_work() as s:
            _change_duty(s, db, actor, now, officer_id, status, expected_version)
    except StaleDataError as exc:  # a concurrent UPDATE won between our read and our write
        raise _stale(db, officer_id, expected_version) from exc
    return officer_row(db, officer_id, actor)


@dataclass(frozen=True)
class DutyChangeResult:
    """What a bulk duty change did: the officers changed, and each refusal with its reason."""

    done: tuple[OfficerRow, ...]
    failed: tuple[tuple[int, CommandCentreError], ...]  # (officer id, why)


def set_duty_statuses(db: Database, actor: Principal, officers: Sequence[tuple[int, int | None]],
                      status: DutyStatus | str) -> DutyChangeResult:
    """Give several officers one duty status in one transaction (the roster's bulk action).

    `officers` are (officer id, the version the screen showed). Each officer is checked on its
    own (a savepoint each): one changed at another seat, or gone, is refused with its error in
    `failed` while the others change, as if the supervisor had set them one by one.
    """
    status = _duty_status(db, actor, status)
    now = db.clock.now()
    changed: list[int] = []
    failed: list[tuple[int, CommandCentreError]] = []
    with db.unit_of_work() as s:
        for officer_id, expected_version in officers:
            try:
                with s.begin_nested():
                    _change_duty(s, db, actor, now, officer_id, status, expected_version)
                changed.append(officer_id)
            except StaleDataError:
                failed.append((officer_id, _stale(db, officer_id, expected_version)))
            except CommandCentreError as exc:
                failed.append((officer_id, exc))
    by_id = {r.id: r for r in officer_rows(db, changed, actor)} if changed else {}
    return DutyChangeResult(tuple(by_id[i] for i in changed if i in by_id), tuple(failed))


def _duty_status(db: Database, actor: Principal, status: DutyStatus | str) -> DutyStatus:
    authorize(db, actor, Action.MANAGE_ROSTER)
    try:
        return DutyStatus(status)
    except ValueError as exc:
        raise ValidationError(f"unknown duty status {status!r}", field="duty_status") from exc


def _change_duty(s: Session, db: Database, actor: Principal, now: datetime, officer_id: int,
                 status: DutyStatus, expected_version: int | None) -> None:
    """One officer's change inside the caller's transaction (see `set_duty_status`)."""
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


def _stale(db: Database, officer_id: int, expected_version: int | None) -> StaleOfficer:
    """The refusal for a concurrent UPDATE that won between our read and our write."""
    row = officer_row(db, officer_id)
    return StaleOfficer(row.id, row.name, expected_version or -1, row.version, row.duty_status)


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
