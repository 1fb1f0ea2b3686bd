"""The parts of a briefing that do not depend on how cases stand: arrivals per hour, by
category, street and source, the hotspot grids and their map, and the handover notes.

Each is counted by SQL aggregates over the case's report time, source, category and place. Only
a correction (更正) changes a category or a grid after the report, and the cases corrected after
the period's end are counted back where they stood then (kpi/corrected), so a reprint gives the
same charts whatever happened since.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import numpy as np
import shapely
from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session, aliased

from ...errors import NotFound
from ...models import (
    Case,
    Category,
    CommandCentre,
    Community,
    Grid,
    Handover,
    HandoverItem,
    Street,
    User,
)
from ...shapes.briefing import BriefingPeriod, Count, GridStat, HandoverNote, MapCell
from ..drill_scope import counted_in_figures
from ..shifts import day_period, find_shift, shift_period
from .corrected import corrected_since, regroup, seconds

DAY = 86_400
BASELINE_DAYS = 28
TOP_GRIDS = 10
MAP_DETAIL = 2000  # the briefing map keeps outline detail down to this fraction of its extent
RISING_MIN_CASES = 3  # a grid needs this many cases in the period to count as rising
CATEGORY_LIMIT = 20
STREET_LIMIT = 40


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
REPORTED = seconds(Case.reported_at)


def in_scope(scope: Sequence[int]) -> ColumnElement[bool]:
    """The centre filter, written so no planner picks the centre index for it.

    Scoped briefing queries select by time (reported_at, deadlines) or scan every case;
    reaching the rows through ix_case_centre_status instead (what SQLite does without
    statistics) costs one random lookup per case, five times slower than a plain scan.
    Drill cases are left out on a production database (services/drill_scope).
    """
    return and_((Case.centre_id + 0).in_(scope), counted_in_figures())


def within(column: Any, a: int, b: int) -> ColumnElement[bool]:
    return and_(column >= a, column < b)


# ---- breakdowns -----------------------------------------------------------------------
def breakdowns(s: Session, scope: Sequence[int], a: int, b: int, cut: int | None = None) -> dict[str, Any]:
    """Arrivals in [a, b) by hour (with the same hours' mean of four weeks), category, street
    and source; with `cut`, categories and streets as they stood then (before later corrections)."""
    reported = and_(in_scope(scope), within(Case.reported_at, a, b))
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
        .where(in_scope(scope), Case.reported_at >= lo, Case.reported_at < a, offset < (b - a))
        .group_by(hour_of_day)
    ):
        if int(bucket) < hours:
            baseline[int(bucket)] += int(n) / BASELINE_DAYS

    moved = corrected_since(s, cut, reported) if cut is not None else {}
    leaf_counts = regroup(
        dict(s.execute(select(Case.category_id, func.count()).where(reported).group_by(Case.category_id)).all()),
        ((m.category_now, m.category_then) for m in moved.values()))
    grid_moves = [(m.grid_now, m.grid_then) for m in moved.values() if m.grid_now != m.grid_then]
    street_counts = dict(
        s.execute(select(Community.street_id, func.count())
                  .select_from(Case)
                  .join(Grid, Grid.id == Case.grid_id)
                  .join(Community, Community.id == Grid.community_id)
                  .where(reported)
                  .group_by(Community.street_id)).all())
    if grid_moves:
        street_of = dict(s.execute(select(Grid.id, Community.street_id).join(Community, Community.id == Grid.community_id)
                                   .where(Grid.id.in_({g for pair in grid_moves for g in pair}))).all())
        street_counts = regroup(street_counts, ((street_of[now], street_of[then]) for now, then in grid_moves))
    return {
        "by_hour": tuple(per_hour),
        "by_hour_baseline": tuple(round(v, 3) for v in baseline),
        "by_category": _top(_by_major(s, leaf_counts), CATEGORY_LIMIT),
        "by_street": _top(_by_street(s, street_counts), STREET_LIMIT),
        "by_source": tuple(_by_source(s, reported)),
    }


def _by_major(s: Session, leaf_counts: dict[int, int]) -> list[Count]:
    """Counts by category summed into their major categories, largest first."""
    if not leaf_counts:
        return []
    major = aliased(Category)
    totals: dict[tuple[str, str, str], int] = {}
    for leaf, code, zh, en in s.execute(
        select(Category.id, func.coalesce(major.code, Category.code), func.coalesce(major.name_zh, Category.name_zh),
               func.coalesce(major.name_en, Category.name_en))
        .outerjoin(major, major.id == Category.parent_id)
        .where(Category.id.in_(sorted(leaf_counts)))
    ):
        totals[(code, zh, en)] = totals.get((code, zh, en), 0) + leaf_counts[leaf]
    return sorted((Count(*key, n) for key, n in totals.items()), key=lambda c: (-c.count, c.key))


def _by_street(s: Session, street_counts: dict[int, int]) -> list[Count]:
    if not street_counts:
        return []
    names = s.execute(select(Street.id, Street.code, Street.name).where(Street.id.in_(sorted(street_counts))))
    return sorted((Count(code, name, name, street_counts[i]) for i, code, name in names),
                  key=lambda c: (-c.count, c.key))


def _by_source(s: Session, reported: ColumnElement[bool]) -> list[Count]:
    return [Count(src, src, src, int(n)) for src, n in s.execute(
        select(Case.source, func.count()).where(reported).group_by(Case.source).order_by(func.count().desc(), Case.source))]


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


def hotspots(s: Session, centre_id: int, scope: Sequence[int], a: int, b: int,
             cut: int | None = None) -> dict[str, Any]:
    """The busiest and the fastest-rising grids of [a, b) against the same hours of four weeks,
    and the area's map; with `cut`, each case in the grid it stood in then."""
    scoped = in_scope(scope)
    current = dict(
        s.execute(select(Case.grid_id, func.count()).where(scoped, within(Case.reported_at, a, b))
                  .group_by(Case.grid_id)).all()
    )
    lo = a - BASELINE_DAYS * DAY
    offset = (REPORTED - lo) % DAY
    past = dict(
        s.execute(
            select(Case.grid_id, func.count())
            .where(scoped, Case.reported_at >= lo, Case.reported_at < a, offset < (b - a))
            .group_by(Case.grid_id)
        ).all()
    )
    if cut is not None:
        moved = [m for m in corrected_since(s, cut, scoped, within(Case.reported_at, lo, b)).values()
                 if m.grid_now != m.grid_then]
        current = regroup(current, ((m.grid_now, m.grid_then) for m in moved if m.reported_at >= a))
        past = regroup(past, ((m.grid_now, m.grid_then) for m in moved
                              if m.reported_at < a and (m.reported_at - lo) % DAY < b - a))
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
        # the map is a thumbnail of the whole area (about 9 cm wide): a vertex closer than a
        # 2,000th of its extent to the line through its neighbours is below a printer's dot
        x0, y0, x1, y1 = shapely.total_bounds(geoms)
        geoms = shapely.simplify(geoms, max(x1 - x0, y1 - y0) / MAP_DETAIL, preserve_topology=True)
        coords, owner = shapely.get_coordinates(shapely.get_exterior_ring(geoms), return_index=True)
        parts = np.split(np.round(coords, 6), np.flatnonzero(np.diff(owner)) + 1)
        for (gid, code, _), part in zip(rows, parts, strict=True):
            cells.append(MapCell(code, tuple(map(tuple, part.tolist())), int(current.get(gid, 0))))
    return {
        "hot_grids": tuple(stat(g) for g in hot_ids),
        "rising_grids": tuple(stat(g) for g in rising_ids),
        "map_cells": tuple(cells),
    }


# ---- handover notes -------------------------------------------------------------------
def handover_notes(s: Session, scope: Sequence[int], a: int, b: int) -> tuple[HandoverNote, ...]:
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
