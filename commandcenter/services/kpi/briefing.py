"""The whole briefing of a day or a shift: figures as of the period's end, charts, lists, notes.

The figures come from the case history replayed to the period's end (`asof`), so a reprint of
a past period shows what the first print showed, whatever was reopened, reworked, extended or
closed since; the charts from report times and places (`breakdowns`), with the cases corrected
(更正) since put back in the category and grid they had then (`corrected`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db import Database
from ...errors import NotFound
from ...models import (
    Case,
    Category,
    CommandCentre,
    Community,
    Department,
    Escalation,
    Grid,
    Officer,
    Street,
    to_epoch,
)
from ...shapes.briefing import BriefingData, BriefingPeriod, Kpis, OverdueRow, UnitFigures, Workload
from ..auth import centre_scope
from .asof import Load, PeriodFacts, Tally, Window, read_steps, replay
from .breakdowns import breakdowns, briefing_period, handover_notes, hotspots
from .corrected import corrected_since

OVERDUE_LIMIT = 1000
OFFICER_LIMIT = 40
LEVELS = {"reminder": 1, "supervision": 2}

Progress = Callable[[str, float], None]


def _window(period: BriefingPeriod, now: datetime) -> Window:
    return Window(to_epoch(period.start), to_epoch(period.end), to_epoch(min(now, period.end)))


def _kpis(f: PeriodFacts) -> Kpis:
    c = f.centre
    mean = lambda values, unit: sum(values) / len(values) / unit if values else None  # noqa: E731
    return Kpis(
        new=f.new, registered=f.registered, dispatched=f.dispatched, closed=f.closed, due_to_close=c.due,
        closed_of_due=c.closed, closed_on_time=c.closed_on_time, handled_of_due=c.handled,
        handled_on_time_of_due=c.handled_on_time, reworked_of_due=c.reworked, handled_ever_of_due=c.handled_ever,
        extended_of_due=c.extended, suspended_of_due=c.suspended, sent_back=c.sent_back, dispatches=f.dispatches,
        dispatches_kept=f.dispatches_kept, closed_on_spot=f.closed_on_spot, follow_ups=f.follow_ups,
        satisfied=f.satisfied,
        mean_dispatch_minutes=mean(f.dispatch_seconds, 60), mean_close_hours=mean(f.close_seconds, 3600),
        overdue_at_end=len(f.overdue),
    )


def period_kpis(db: Database, centre_id: int, day: date, shift_name: str | None = None) -> tuple[Kpis, Kpis]:
    """The figures of a day (or shift) and of the one before, as each stood at its end."""
    now = db.clock.now()
    with db.read() as s:
        scope = centre_scope(s, centre_id)
        period = briefing_period(s, centre_id, day, shift_name)
        previous = briefing_period(s, centre_id, day - timedelta(days=1), shift_name)
        cur, prev = _window(period, now), _window(previous, now)
        facts, steps = read_steps(s, scope, (cur, prev))
    return _kpis(replay(facts, steps, cur)), _kpis(replay(facts, steps, prev))


def period_units(db: Database, centre_id: int, day: date) -> tuple[tuple[UnitFigures, ...], tuple[UnitFigures, ...]]:
    """The briefing's per-street and per-department tables of a day (the centre's totals last),
    without the rest of the briefing: the figures a CSV export of the day's units carries."""
    now = db.clock.now()
    with db.read() as s:
        scope = centre_scope(s, centre_id)
        cur = _window(briefing_period(s, centre_id, day), now)
        facts, steps = read_steps(s, scope, (cur,))
        units = _units(s, replay(facts, steps, cur))
    return units["street_units"], units["department_units"]


def _rank(units: dict[int, Tally], names: dict[int, tuple[str, str]], centre: Tally) -> tuple[UnitFigures, ...]:
    """Units best first by 按期处置率, then 处置率 and cases; the centre's totals last."""
    def figures(key: str, name: str, rank: int, t: Tally) -> UnitFigures:
        return UnitFigures(key, name, rank, t.due, t.handled, t.handled_on_time, t.reworked, t.handled_ever,
                           t.extended, t.suspended, t.sent_back)

    rows = [figures(*names[uid], 0, t) for uid, t in units.items() if uid in names and (t.due or t.sent_back)]
    rows.sort(key=lambda u: (-(u.on_time_handling_rate if u.on_time_handling_rate is not None else -1),
                             -(u.handling_rate if u.handling_rate is not None else -1), -u.due, u.key))
    ranked = [UnitFigures(u.key, u.name, i, *(getattr(u, f) for f in (
        "due", "handled", "handled_on_time", "reworked", "handled_ever", "extended", "suspended", "sent_back")))
        for i, u in enumerate(rows, 1)]
    return (*ranked, figures("*", "", 0, centre))


def _names(s: Session, model: Any, key: Any, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    if not ids:
        return {}
    return {i: (k, n) for i, k, n in s.execute(select(model.id, key, model.name).where(model.id.in_(ids)))}


def _overdue_rows(s: Session, f: PeriodFacts, as_of: int, cut: int) -> tuple[OverdueRow, ...]:
    """The first OVERDUE_LIMIT cases overdue at the period's end, longest overdue first, as they stood."""
    listed = sorted(f.overdue, key=lambda o: (o.deadline, o.case_id))[:OVERDUE_LIMIT]
    if not listed:
        return ()
    ids = [o.case_id for o in listed]
    info = _case_info(s, ids, cut)
    levels: dict[tuple[int, int], int] = {}
    for cid, level, deadline in s.execute(
            select(Escalation.case_id, Escalation.level, Escalation.deadline_at)
            .where(Escalation.case_id.in_(ids), Escalation.at < as_of)):
        k = (cid, to_epoch(deadline))
        levels[k] = max(levels.get(k, 0), LEVELS.get(level, 0))
    officers = _names(s, Officer, Officer.employee_no, sorted({o.officer_id for o in listed if o.officer_id}))
    departments = _names(s, Department, Department.code, sorted({o.department_id for o in listed
                                                                 if o.department_id}))
    rows = []
    for o in listed:
        number, priority, cat_zh, cat_en, street, grid = info[o.case_id]
        handler = (officers.get(o.officer_id, ("", ""))[1] if o.officer_id
                   else departments.get(o.department_id, ("", ""))[1] if o.department_id else "")
        deadline = datetime.fromtimestamp(o.deadline, tz=UTC)
        rows.append(OverdueRow(number, priority, o.status, cat_zh, cat_en, street, grid, handler, deadline,
                               round((as_of - o.deadline) / 3600, 2), levels.get((o.case_id, o.deadline), 0)))
    return tuple(rows)


def _case_info(s: Session, ids: Sequence[int], cut: int) -> dict[int, tuple[Any, ...]]:
    """Number, priority, category names, street and grid of some cases, the last three as they
    stood at `cut` (a correction since does not rewrite a reprint)."""
    info = {r[0]: tuple(r[1:]) for r in s.execute(
        select(Case.id, Case.case_number, Case.priority, Category.name_zh, Category.name_en, Street.name, Grid.code)
        .join(Category, Category.id == Case.category_id)
        .join(Grid, Grid.id == Case.grid_id)
        .join(Community, Community.id == Grid.community_id)
        .join(Street, Street.id == Community.street_id)
        .where(Case.id.in_(ids)))}
    for cid, m in corrected_since(s, cut, Case.id.in_(ids)).items():
        zh, en = s.execute(select(Category.name_zh, Category.name_en).where(Category.id == m.category_then)).one()
        street, grid = s.execute(select(Street.name, Grid.code).join(Community, Community.street_id == Street.id)
                                 .join(Grid, Grid.community_id == Community.id).where(Grid.id == m.grid_then)).one()
        info[cid] = (*info[cid][:2], zh, en, street, grid)
    return info


def _workloads(s: Session, f: PeriodFacts) -> dict[str, Any]:
    """Officers' and departments' open and overdue cases at the period's end, their moves in it
    and their due cases with those handled on time."""
    def rows(loads: dict[int, Load], due: dict[int, Tally], names: dict[int, tuple[str, str]]) -> list[Workload]:
        out = []
        for i in names:
            w, t = loads.get(i, Load()), due.get(i, Tally())
            if w.open_at_end or w.dispatched or w.fed_back or w.closed or t.due:
                out.append(Workload(*names[i], w.open_at_end, w.overdue_at_end, w.dispatched, w.fed_back, w.closed,
                                    t.due, t.handled_on_time))
        return sorted(out, key=lambda w: (-w.overdue_at_end, -w.open_at_end, w.key))

    officer_ids, department_ids = sorted(set(f.officer_load) | set(f.officers)), sorted(
        set(f.department_load) | set(f.departments))
    officers = rows(f.officer_load, f.officers, _names(s, Officer, Officer.employee_no, officer_ids))
    departments = rows(f.department_load, f.departments, _names(s, Department, Department.code, department_ids))
    return {"officers": tuple(officers[:OFFICER_LIMIT]), "officers_total": len(officers),
            "departments": tuple(departments)}


def _units(s: Session, f: PeriodFacts) -> dict[str, Any]:
    streets = {i: (code, name) for i, code, name in s.execute(
        select(Street.id, Street.code, Street.name).where(Street.id.in_(sorted(f.streets))))} if f.streets else {}
    departments = _names(s, Department, Department.code, sorted(f.departments))
    return {"street_units": _rank(f.streets, streets, f.centre),
            "department_units": _rank(f.departments, departments, f.centre)}


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
        cur, prev = _window(period, now), _window(previous, now)
        report("kpis", 0.05)
        facts, steps = read_steps(s, scope, (cur, prev))
        current = replay(facts, steps, cur)
        before = replay(facts, steps, prev)
        report("breakdowns", 0.2)
        parts = breakdowns(s, scope, cur.start, cur.end, cur.cut)
        report("hotspots", 0.3)
        parts.update(hotspots(s, centre_id, scope, cur.start, cur.end, cur.cut))
        report("overdue", 0.4)
        overdue = _overdue_rows(s, current, cur.as_of, cur.cut)
        parts.update(_workloads(s, current))
        parts.update(_units(s, current))
        # the handovers of its own desk and of the centres directly below it: every street's too
        # would fill a city's briefing (dozens of street handovers a day at Putian)
        desks = (centre_id, *s.scalars(select(CommandCentre.id).where(CommandCentre.parent_id == centre_id)))
        handovers = handover_notes(s, desks, cur.start, cur.end)
    tz = ZoneInfo(period.timezone)
    labels = tuple(f"{(period.start + timedelta(hours=i)).astimezone(tz):%H}" for i in range(len(parts["by_hour"])))
    kpis = _kpis(current)
    return BriefingData(
        centre_id=centre_id,
        centre_name=centre_name,
        period=period,
        previous=previous,
        as_of=min(now, period.end),
        generated_at=now,
        kpis=kpis,
        previous_kpis=_kpis(before),
        hour_labels=labels,
        overdue=overdue,
        overdue_total=kpis.overdue_at_end,
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
