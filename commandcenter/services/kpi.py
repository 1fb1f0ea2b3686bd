"""Briefing data: the KPIs of a day or a shift, the breakdowns, hotspots, overdue cases,
workloads and handover notes, gathered into one frozen `BriefingData`.

Everything is counted by SQL aggregates over epoch-second columns. Each aggregate reads only
the cases that can count: one index range per time column (reported, registered, dispatched, fed
back, closed, handling deadline) or status, joined by UNION. The same conditions joined by OR
make SQLite read the whole case table, a second per query on a year of Putian history.

Definitions (the briefing prints them as footnotes):
- a day is a calendar day in the centre's time zone; a shift belongs to the date it starts;
- new / registered / dispatched / closed: cases whose report, registration, (latest) dispatch or
  closure time falls in the period;
- due to close: registered cases, rejected and merged ones excluded, whose handling deadline
  (after extensions, without suspended time) falls in the period; for a case suspended at the
  time the figures are taken, its deadline is pushed back by the time suspended so far;
- the outcome of the cases due is judged at `as_of` = the end of the period, or now if the
  period is still running, so a briefing printed again later shows the same rates:
  closure rate 结案率 = due cases closed by then / due to close;
  on-time closure rate 按期结案率 = due cases closed by their deadline / due to close;
  handling rate 处置率 = due cases fed back or closed by then / due to close;
  rework rate 返工率 = due cases ever returned for rework / due cases handled at least once;
- mean time to dispatch: registration to dispatch, over cases dispatched in the period and
  never returned for rework (a re-dispatch overwrites the dispatch time);
- mean time to close: report to closure, over cases closed in the period;
- overdue now: open cases whose current stage's deadline has passed when the briefing is made.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import shapely
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union,
)
from sqlalchemy.orm import Session, aliased

from ..db import Database
from ..domain.enums import OPEN_STATUS_VALUES, CaseStatus
from ..errors import NotFound
from ..models import (
    Case,
    Category,
    CommandCentre,
    Community,
    Department,
    Grid,
    Handover,
    HandoverItem,
    Officer,
    Street,
    User,
    to_epoch,
)
from ..shapes.briefing import (
    BriefingData,
    BriefingPeriod,
    Count,
    GridStat,
    HandoverNote,
    Kpis,
    MapCell,
    OverdueRow,
    Workload,
)
from .auth import centre_scope
from .info import overdue_condition
from .shifts import day_period, find_shift, shift_period

DAY = 86_400
BASELINE_DAYS = 28
TOP_GRIDS = 10
RISING_MIN_CASES = 3  # a grid needs this many cases in the period to count as rising
OVERDUE_LIMIT = 1000
OFFICER_LIMIT = 40
CATEGORY_LIMIT = 20
STREET_LIMIT = 40
EXCLUDED = (CaseStatus.REJECTED.value, CaseStatus.MERGED.value)

Progress = Callable[[str, float], None]


# ---- periods --------------------------------------------------------------------------
def briefing_period(session: Session, centre_id: int, day: date, shift_name: str | None = None) -> BriefingPeriod:
    tz = session.scalar(select(CommandCentre.timezone).where(CommandCentre.id == centre_id))
    if tz is None:
        raise NotFound("command centre", centre_id)
    if shift_name:
        period = shift_period(find_shift(session, centre_id, shift_name), day)
        return BriefingPeriod("shift", day, period.shift.name, period.start, period.end, tz)
    start, end = day_period(day, tz)
    return BriefingPeriod("daily", day, "", start, end, tz)


# ---- SQL helpers ----------------------------------------------------------------------
def _n(column: Any) -> Any:
    """An epoch column as a plain integer, so arithmetic on it stays integer seconds."""
    return type_coerce(column, BigInteger)


REPORTED = _n(Case.reported_at)


def _in_scope(scope: Sequence[int]) -> ColumnElement[bool]:
    """The centre filter, written so no planner picks the centre index for it.

    Scoped briefing queries select by time (reported_at, deadlines) or scan every case;
    reaching the rows through ix_case_centre_status instead (what SQLite does without
    statistics) costs one random lookup per case, five times slower than a plain scan.
    """
    return (Case.centre_id + 0).in_(scope)


def _any_of(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """Cases meeting any of `conditions`, each condition read through its own index.

    The same conditions joined by OR make SQLite (and often PostgreSQL) scan the whole case
    table; a UNION of one index-range query per condition reads only the rows that match.
    """
    return Case.id.in_(union(*(select(Case.id).where(c) for c in conditions)))


def _within(column: Any, a: int, b: int) -> ColumnElement[bool]:
    return and_(column >= a, column < b)


def _count_if(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _effective_deadline(as_of: int) -> Any:
    """The handling deadline with the running suspension (if any, up to `as_of`) added."""
    paused = case(
        (and_(Case.suspended_at.is_not(None), Case.suspended_at < as_of),
         literal(as_of, BigInteger) - _n(Case.suspended_at)),
        else_=0,
    )
    return _n(Case.handle_deadline_at) + paused


def _kpi_columns(a: int, b: int, as_of: int) -> list[Any]:
    deadline = _effective_deadline(as_of)
    due = and_(
        Case.registered_at.is_not(None),
        Case.status.not_in(EXCLUDED),
        Case.handle_deadline_at.is_not(None),
        deadline >= a,
        deadline < b,
    )
    closed_by = and_(Case.closed_at.is_not(None), Case.closed_at <= as_of)
    handled = or_(and_(Case.fed_back_at.is_not(None), Case.fed_back_at <= as_of), closed_by)
    dispatched_first = and_(_within(Case.dispatched_at, a, b), Case.rework_count == 0,
                            Case.registered_at.is_not(None))
    closed_in = _within(Case.closed_at, a, b)
    return [
        _count_if(_within(Case.reported_at, a, b)),
        _count_if(_within(Case.registered_at, a, b)),
        _count_if(_within(Case.dispatched_at, a, b)),
        _count_if(closed_in),
        _count_if(due),
        _count_if(and_(due, closed_by)),
        _count_if(and_(due, Case.closed_at.is_not(None), _n(Case.closed_at) <= deadline)),
        _count_if(and_(due, handled)),
        _count_if(and_(due, Case.rework_count > 0)),
        _count_if(and_(due, or_(handled, Case.rework_count > 0))),
        func.sum(case((dispatched_first, _n(Case.dispatched_at) - _n(Case.registered_at)), else_=None)),
        func.sum(case((dispatched_first, 1), else_=0)),
        func.sum(case((closed_in, _n(Case.closed_at) - REPORTED), else_=None)),
    ]


def _kpis(values: Sequence[Any], overdue_now: int | None) -> Kpis:
    ints = [int(v or 0) for v in values[:10]]
    dispatch_sum, dispatch_n, close_sum = values[10], int(values[11] or 0), values[12]
    return Kpis(
        *ints,
        mean_dispatch_minutes=(float(dispatch_sum) / dispatch_n / 60) if dispatch_n else None,
        mean_close_hours=(float(close_sum) / ints[3] / 3600) if ints[3] else None,
        overdue_now=overdue_now,
    )


def compute_kpis(session: Session, scope: Sequence[int], period: BriefingPeriod, previous: BriefingPeriod,
                 now: datetime) -> tuple[Kpis, Kpis]:
    """The KPIs of `period` and of `previous` in one pass over the cases either can count."""
    cur = _kpi_columns(to_epoch(period.start), to_epoch(period.end), to_epoch(min(now, period.end)))
    prev = _kpi_columns(to_epoch(previous.start), to_epoch(previous.end), to_epoch(min(now, previous.end)))
    # Every figure is a time in one of the periods (reported, registered, dispatched, closed, or
    # the handling deadline) except the deadline of a suspended case, which moves while it waits:
    # one index range per time column, plus the few suspended cases.
    since, until = to_epoch(min(period.start, previous.start)), to_epoch(max(period.end, previous.end))
    touched = _any_of(
        *(_within(column, since, until) for column in (Case.reported_at, Case.registered_at, Case.dispatched_at,
                                                       Case.closed_at, Case.handle_deadline_at)),
        Case.status == CaseStatus.SUSPENDED.value,
    )
    row = session.execute(select(*cur, *prev).where(_in_scope(scope), touched)).one()
    overdue = int(session.scalar(
        select(func.count()).select_from(Case).where(_in_scope(scope), overdue_condition(now))
    ) or 0)
    n = len(cur)
    return _kpis(row[:n], overdue), _kpis(row[n:], None)


# ---- breakdowns -----------------------------------------------------------------------
def _breakdowns(s: Session, scope: Sequence[int], a: int, b: int) -> dict[str, Any]:
    reported = and_(_in_scope(scope), _within(Case.reported_at, a, b))
    hours = max(1, -(-(b - a) // 3600))
    per_hour = [0] * hours
    bucket_of = (REPORTED - a) // 3600
    for bucket, n in s.execute(select(bucket_of, func.count()).where(reported).group_by(bucket_of)):
        per_hour[int(bucket)] += int(n)
    # the same hours of the previous four weeks (whole days back), as a mean per day
    lo = a - BASELINE_DAYS * DAY
    offset = (REPORTED - lo) % DAY
    hour_of_day = offset // 3600  # one expression object: PostgreSQL matches GROUP BY by its parameters
    baseline = [0.0] * hours
    for bucket, n in s.execute(
        select(hour_of_day, func.count())
        .where(_in_scope(scope), Case.reported_at >= lo, Case.reported_at < a, offset < (b - a))
        .group_by(hour_of_day)
    ):
        if int(bucket) < hours:
            baseline[int(bucket)] += int(n) / BASELINE_DAYS

    major = aliased(Category)
    cat_key = func.coalesce(major.id, Category.id)
    by_category = [
        Count(code, zh, en, int(n))
        for code, zh, en, n in s.execute(
            select(
                func.coalesce(major.code, Category.code),
                func.coalesce(major.name_zh, Category.name_zh),
                func.coalesce(major.name_en, Category.name_en),
                func.count(),
            )
            .select_from(Case)
            .join(Category, Category.id == Case.category_id)
            .outerjoin(major, major.id == Category.parent_id)
            .where(reported)
            .group_by(cat_key, func.coalesce(major.code, Category.code), func.coalesce(major.name_zh, Category.name_zh),
                      func.coalesce(major.name_en, Category.name_en))
            .order_by(func.count().desc(), func.coalesce(major.code, Category.code))
        )
    ]
    by_street = [
        Count(code, name, name, int(n))
        for code, name, n in s.execute(
            select(Street.code, Street.name, func.count())
            .select_from(Case)
            .join(Grid, Grid.id == Case.grid_id)
            .join(Community, Community.id == Grid.community_id)
            .join(Street, Street.id == Community.street_id)
            .where(reported)
            .group_by(Street.id, Street.code, Street.name)
            .order_by(func.count().desc(), Street.code)
        )
    ]
    by_source = [
        Count(src, src, src, int(n))
        for src, n in s.execute(
            select(Case.source, func.count()).where(reported).group_by(Case.source).order_by(func.count().desc(), Case.source)
        )
    ]
    return {
        "by_hour": tuple(per_hour),
        "by_hour_baseline": tuple(round(v, 3) for v in baseline),
        "by_category": _top(by_category, CATEGORY_LIMIT),
        "by_street": _top(by_street, STREET_LIMIT),
        "by_source": tuple(by_source),
    }


def _top(counts: list[Count], limit: int) -> tuple[Count, ...]:
    """The largest `limit - 1` and one "other" bar holding the rest (key "*")."""
    if len(counts) <= limit:
        return tuple(counts)
    rest = sum(c.count for c in counts[limit - 1:])
    return (*counts[: limit - 1], Count("*", "其他", "Other", rest))


# ---- hotspots -------------------------------------------------------------------------
def _grid_area(s: Session, centre_id: int) -> ColumnElement[bool] | None:
    """Which grids a centre covers: its street's, its district's, or (a city) all of them."""
    street_id, district_id = s.execute(
        select(CommandCentre.street_id, CommandCentre.district_id).where(CommandCentre.id == centre_id)
    ).one()
    if street_id is not None:
        return Community.street_id == street_id
    if district_id is not None:
        return Street.district_id == district_id
    return None


def _hotspots(s: Session, centre_id: int, scope: Sequence[int], a: int, b: int) -> dict[str, Any]:
    in_scope = _in_scope(scope)
    current = dict(
        s.execute(select(Case.grid_id, func.count()).where(in_scope, _within(Case.reported_at, a, b))
                  .group_by(Case.grid_id)).all()
    )
    lo = a - BASELINE_DAYS * DAY
    offset = (REPORTED - lo) % DAY
    past = dict(
        s.execute(
            select(Case.grid_id, func.count())
            .where(in_scope, Case.reported_at >= lo, Case.reported_at < a, offset < (b - a))
            .group_by(Case.grid_id)
        ).all()
    )
    hot_ids = sorted(current, key=lambda g: (-current[g], g))[:TOP_GRIDS]
    candidates = [g for g, n in current.items() if n >= RISING_MIN_CASES and n > past.get(g, 0) / BASELINE_DAYS]
    ratio = {g: (current[g] + 1) / (past.get(g, 0) / BASELINE_DAYS + 1) for g in candidates}
    rising_ids = sorted(candidates, key=lambda g: (-ratio[g], -current[g], g))[:TOP_GRIDS]
    info: dict[int, Any] = {}
    wanted = set(hot_ids) | set(rising_ids)
    if wanted:
        for r in s.execute(
            select(Grid.id, Grid.code, Grid.name, Community.name, Street.name)
            .join(Community, Community.id == Grid.community_id)
            .join(Street, Street.id == Community.street_id)
            .where(Grid.id.in_(wanted))
        ):
            info[r[0]] = r

    def stat(g: int) -> GridStat:
        r = info[g]
        return GridStat(g, r[1], r[2], r[3], r[4], int(current[g]), round(past.get(g, 0) / BASELINE_DAYS, 3))

    area = _grid_area(s, centre_id)
    stmt = select(Grid.id, Grid.code, Grid.geometry).join(Community, Community.id == Grid.community_id)
    if area is not None:
        stmt = stmt.join(Street, Street.id == Community.street_id).where(area)
    rows = s.execute(stmt.order_by(Grid.code)).all()
    cells: list[MapCell] = []
    if rows:
        geoms = shapely.from_wkb([r[2] for r in rows])
        multi = shapely.get_type_id(geoms) == 6
        if multi.any():  # the largest part stands for the cell on a city-wide map
            geoms[multi] = [max(g.geoms, key=lambda p: p.area) for g in geoms[multi]]
        coords, owner = shapely.get_coordinates(shapely.get_exterior_ring(geoms), return_index=True)
        parts = np.split(np.round(coords, 6), np.flatnonzero(np.diff(owner)) + 1)
        for (gid, code, _), part in zip(rows, parts, strict=True):
            cells.append(MapCell(code, tuple(map(tuple, part.tolist())), int(current.get(gid, 0))))
    return {
        "hot_grids": tuple(stat(g) for g in hot_ids),
        "rising_grids": tuple(stat(g) for g in rising_ids),
        "map_cells": tuple(cells),
    }


# ---- lists ----------------------------------------------------------------------------
def _overdue(s: Session, scope: Sequence[int], now: datetime) -> tuple[OverdueRow, ...]:
    """The first OVERDUE_LIMIT overdue cases (their count is the KPI `overdue_now`)."""
    where = and_(_in_scope(scope), overdue_condition(now))
    major = aliased(Category)
    rows = s.execute(
        select(Case.case_number, Case.priority, Case.status, Category.name_zh, Category.name_en, Street.name,
               Grid.code, func.coalesce(Officer.name, Department.name, ""), Case.stage_deadline_at,
               Case.escalation_level)
        .join(Category, Category.id == Case.category_id)
        .outerjoin(major, major.id == Category.parent_id)
        .join(Grid, Grid.id == Case.grid_id)
        .join(Community, Community.id == Grid.community_id)
        .join(Street, Street.id == Community.street_id)
        .outerjoin(Officer, Officer.id == Case.assignee_officer_id)
        .outerjoin(Department, Department.id == Case.assignee_department_id)
        .where(where)
        .order_by(Case.stage_deadline_at, Case.id)
        .limit(OVERDUE_LIMIT)
    ).all()
    return tuple(
        OverdueRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8],
                   round((now - r[8]).total_seconds() / 3600, 2), int(r[9]))
        for r in rows
    )


def _workloads(s: Session, scope: Sequence[int], a: int, b: int, now: datetime) -> dict[str, Any]:
    open_now = Case.status.in_(OPEN_STATUS_VALUES)
    moved = [_within(Case.dispatched_at, a, b), _within(Case.fed_back_at, a, b), _within(Case.closed_at, a, b)]
    columns = [_count_if(open_now), _count_if(overdue_condition(now)), *(_count_if(m) for m in moved)]
    # Counting per assignee id before joining the names, and testing the assignee columns with
    # `+ 0` (no index), keeps the planner from walking each officer's whole history, or every
    # case without an officer, through ix_case_officer_status.
    relevant = and_(_in_scope(scope), _any_of(open_now, *moved))
    officer = Case.assignee_officer_id + 0

    def per(assignee: Any, *where: ColumnElement[bool]) -> Any:
        return (select(assignee.label("assignee"), *(c.label(f"n{i}") for i, c in enumerate(columns)))
                .where(relevant, *where).group_by(assignee).subquery())

    officers = per(Case.assignee_officer_id, officer.is_not(None))
    officer_rows = s.execute(
        select(Officer.employee_no, Officer.name, *(officers.c[f"n{i}"] for i in range(len(columns))))
        .join(Officer, Officer.id == officers.c.assignee)
        .order_by(officers.c.n1.desc(), officers.c.n0.desc(), Officer.employee_no)
    ).all()
    departments = per(Case.assignee_department_id, officer.is_(None), Case.assignee_department_id.is_not(None))
    dept_rows = s.execute(
        select(Department.code, Department.name, *(departments.c[f"n{i}"] for i in range(len(columns))))
        .join(Department, Department.id == departments.c.assignee)
        .order_by(departments.c.n1.desc(), departments.c.n0.desc(), Department.code)
    ).all()

    def load(r: Sequence[Any]) -> Workload:
        return Workload(r[0], r[1], *(int(v) for v in r[2:]))

    return {
        "officers": tuple(load(r) for r in officer_rows[:OFFICER_LIMIT]),
        "officers_total": len(officer_rows),
        "departments": tuple(load(r) for r in dept_rows),
    }


def _handover_notes(s: Session, scope: Sequence[int], a: int, b: int) -> tuple[HandoverNote, ...]:
    author, acker = aliased(User), aliased(User)
    rows = s.execute(
        select(Handover, author.display_name, acker.display_name)
        .join(author, author.id == Handover.author_id)
        .outerjoin(acker, acker.id == Handover.acknowledged_by)
        .where(Handover.centre_id.in_(scope), Handover.period_start < b, Handover.period_end > a)
        .order_by(Handover.period_start, Handover.id)
    ).all()
    ids = [h.id for h, _, _ in rows]
    items: dict[int, list[tuple[str, str, datetime | None, bool]]] = {}
    if ids:
        for hid, text, number, due, done in s.execute(
            select(HandoverItem.handover_id, HandoverItem.text, Case.case_number, HandoverItem.due_at, HandoverItem.done)
            .outerjoin(Case, Case.id == HandoverItem.case_id)
            .where(HandoverItem.handover_id.in_(ids))
            .order_by(HandoverItem.handover_id, case((HandoverItem.due_at.is_(None), 1), else_=0),
                      HandoverItem.due_at, HandoverItem.id)  # undated items last on every backend
        ):
            items.setdefault(hid, []).append((text, number or "", due, bool(done)))
    return tuple(
        HandoverNote(
            id=h.id,
            shift_name=str(json.loads(h.summary_json or "{}").get("shift_name", "")),
            shift_date=h.shift_date,
            status=h.status,
            author=author_name,
            signed_at=h.signed_at,
            acknowledged_by=acker_name or "",
            acknowledged_at=h.acknowledged_at,
            notes=h.notes,
            items=tuple(items.get(h.id, ())),
            corrects_id=h.corrects_id,
        )
        for h, author_name, acker_name in rows
    )


# ---- the whole briefing ---------------------------------------------------------------
def briefing_data(db: Database, centre_id: int, day: date, shift_name: str | None = None,
                  progress: Progress | None = None) -> BriefingData:
    """Everything a daily (or, with `shift_name`, a shift) briefing of `centre_id` shows."""
    report = progress or (lambda _text, _fraction: None)
    now = db.clock.now()
    with db.read() as s:
        centre_name = s.scalar(select(CommandCentre.name).where(CommandCentre.id == centre_id))
        if centre_name is None:
            raise NotFound("command centre", centre_id)
        scope = centre_scope(s, centre_id)
        period = briefing_period(s, centre_id, day, shift_name)
        previous = briefing_period(s, centre_id, day - timedelta(days=1), shift_name)
        a, b = to_epoch(period.start), to_epoch(period.end)
        report("kpis", 0.05)
        kpis, previous_kpis = compute_kpis(s, scope, period, previous, now)
        report("breakdowns", 0.2)
        parts = _breakdowns(s, scope, a, b)
        report("hotspots", 0.3)
        parts.update(_hotspots(s, centre_id, scope, a, b))
        report("overdue", 0.4)
        overdue = _overdue(s, scope, now)
        parts.update(_workloads(s, scope, a, b, now))
        handovers = _handover_notes(s, scope, a, b)
    tz = ZoneInfo(period.timezone)
    labels = tuple(f"{(period.start + timedelta(hours=i)).astimezone(tz):%H}" for i in range(len(parts["by_hour"])))
    return BriefingData(
        centre_id=centre_id,
        centre_name=centre_name,
        period=period,
        previous=previous,
        as_of=min(now, period.end),
        generated_at=now,
        kpis=kpis,
        previous_kpis=previous_kpis,
        hour_labels=labels,
        overdue=overdue,
        overdue_total=kpis.overdue_now or 0,
        handovers=handovers,
        **parts,
    )


def default_centre(db: Database) -> int:
    """The top-level centre (the city's), for commands run without one named."""
    with db.read() as s:
        cid = s.scalar(
            select(CommandCentre.id).where(CommandCentre.parent_id.is_(None)).order_by(CommandCentre.id).limit(1)
        )
    if cid is None:
        raise NotFound("command centre", "any")
    return cid


def centre_by_code(db: Database, code: str) -> int:
    with db.read() as s:
        cid = s.scalar(select(CommandCentre.id).where(CommandCentre.code == code))
    if cid is None:
        raise NotFound("command centre", code)
    return cid
