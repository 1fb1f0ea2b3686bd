"""A period's assessment figures as they stood at its end, read from the case history alone.

Every history row keeps the clocks as its step left them (`deadline_at`, the deadline 按期 is
judged against, and `stage_deadline_at`, see migration 0008), so the state of a case at any
instant is its last row before it: status, deadlines, and the handler named by its latest
dispatch. A reopening, a rework, an extension or a closure after the period's end adds rows
after it and changes nothing that is read here; reprinting a past day gives the same figures.

The rows of the few thousand cases a period can count (an event in it, a deadline in it, open
at its end) are read once for the period and the previous one, and replayed here per case.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from ...domain.enums import OPEN_STATUS_VALUES, CaseStatus
from ...models import Case, CaseHistory, Community, Grid
from .breakdowns import in_scope, seconds
from .corrected import street_moves

H = CaseHistory
# history action codes as the lifecycle, the time requests and the field steps store them
# (domain.actions.Action values); the history is read by code, as any report on it would be
CLOSING = frozenset({"close", "solve_on_spot"})
FEEDBACK = "feed_back"
REWORK = frozenset({"return_for_rework", "fail_check"})
EXTENSION = "extend"  # the supervisor's approval; a request or a refusal is no extension
SUSPENSION = "suspend"  # likewise the approval of a suspension
SEND_BACK = "send_back"
REOPEN = "reopen"
REGISTER = "register"
DISPATCH = "dispatch"
ASSIGNING = frozenset({"dispatch", "reassign"})
ON_SPOT = "solve_on_spot"
FOLLOW_UP = "follow_up"  # its `outcome` is the reporter's satisfaction
CONTENT = frozenset({"satisfied", "basically_satisfied"})  # 满意率 counts both
UNASSIGNING = frozenset({"send_back", "reopen"})
EXCLUDED = frozenset({CaseStatus.REJECTED.value, CaseStatus.MERGED.value, CaseStatus.REPORTED.value})
OPEN = frozenset(OPEN_STATUS_VALUES)
RUNNING = OPEN - {CaseStatus.SUSPENDED.value}


class Step(NamedTuple):
    """One history row as replayed (a tuple: a day's candidates are some hundred thousand rows)."""

    id: int
    at: int
    action: str
    to_status: str
    officer_id: int | None
    department_id: int | None
    deadline: int | None
    stage_deadline: int | None
    outcome: str


@dataclass(frozen=True)
class CaseFacts:
    """Where a case is (its street, and where it was before corrections) and when it was reported."""

    case_id: int
    street_id: int
    reported_at: int
    # (corrected at, street before) for each correction that moved it to another street
    street_moves: tuple[tuple[int, int], ...] = ()

    def street_at(self, cut: int) -> int:
        """The street the case was in just before `cut`: a later correction's "before"."""
        for at, before in self.street_moves:
            if at >= cut:
                return before
        return self.street_id


@dataclass(frozen=True)
class Window:
    """A period [start, end) in epoch seconds; events count before `cut`, lateness at `as_of`."""

    start: int
    end: int
    as_of: int

    @property
    def cut(self) -> int:
        return min(self.end, self.as_of + 1)


@dataclass
class Tally:
    """The due cases of one unit (or the centre) and how they ended up, as of the period's end."""

    due: int = 0
    closed: int = 0
    closed_on_time: int = 0
    handled: int = 0
    handled_on_time: int = 0
    reworked: int = 0
    handled_ever: int = 0
    extended: int = 0
    suspended: int = 0
    sent_back: int = 0


@dataclass
class Load:
    open_at_end: int = 0
    overdue_at_end: int = 0
    dispatched: int = 0
    fed_back: int = 0
    closed: int = 0


@dataclass(frozen=True)
class Overdue:
    case_id: int
    status: str
    officer_id: int | None
    department_id: int | None
    deadline: int


@dataclass
class PeriodFacts:
    """Everything a briefing counts for one period, before names are attached."""

    new: int = 0
    registered: int = 0
    dispatched: int = 0
    closed: int = 0
    dispatches: int = 0  # dispatch steps (a case dispatched again after a send-back counts twice)
    dispatches_kept: int = 0  # of those, not sent back by the period's end
    closed_on_spot: int = 0
    follow_ups: int = 0
    satisfied: int = 0
    centre: Tally = field(default_factory=Tally)
    streets: dict[int, Tally] = field(default_factory=lambda: defaultdict(Tally))
    departments: dict[int, Tally] = field(default_factory=lambda: defaultdict(Tally))
    officers: dict[int, Tally] = field(default_factory=lambda: defaultdict(Tally))
    dispatch_seconds: list[int] = field(default_factory=list)
    close_seconds: list[int] = field(default_factory=list)
    overdue: list[Overdue] = field(default_factory=list)
    officer_load: dict[int, Load] = field(default_factory=lambda: defaultdict(Load))
    department_load: dict[int, Load] = field(default_factory=lambda: defaultdict(Load))


def read_steps(s: Session, scope: Sequence[int], windows: Iterable[Window]
               ) -> tuple[dict[int, CaseFacts], dict[int, list[Step]]]:
    """The history (before the latest cut) of every case of `scope` the windows can count.

    A case counts in a window if it has an event in it, a deadline (judged or of its stage) in
    it, or may be open at its end: open now, or changed since the end.
    """
    windows = list(windows)
    latest = max(w.cut for w in windows)
    parts = []
    for w in windows:
        parts += [
            select(H.case_id).where(H.at >= w.start, H.at < w.cut),
            select(H.case_id).where(H.deadline_at >= w.start, H.deadline_at < w.end, H.at < w.cut),
            select(H.case_id).where(H.stage_deadline_at >= w.start, H.stage_deadline_at < w.end, H.at < w.cut),
            select(H.case_id).where(H.at >= w.cut),
        ]
    parts.append(select(Case.id).where(Case.status.in_(OPEN_STATUS_VALUES)))
    wanted = union(*parts).subquery()
    rows = s.execute(
        select(H.case_id, H.id, seconds(H.at), H.action, H.to_status, H.officer_id, H.department_id,
               seconds(H.deadline_at), seconds(H.stage_deadline_at), H.outcome, Community.street_id,
               seconds(Case.reported_at))
        .join(Case, Case.id == H.case_id)
        .join(Grid, Grid.id == Case.grid_id)
        .join(Community, Community.id == Grid.community_id)
        .where(H.case_id.in_(select(wanted.c[0])), in_scope(scope), H.at < latest)
        .order_by(H.case_id, H.id)
    )
    facts: dict[int, CaseFacts] = {}
    steps: dict[int, list[Step]] = defaultdict(list)
    make = Step._make
    for row in rows:
        cid = row[0]
        if cid not in facts:
            facts[cid] = CaseFacts(cid, row[10], row[11])
        steps[cid].append(make(row[1:10]))
    # read from the small correction table alone: filtering it by `wanted` would run that union again
    for cid, moves in street_moves(s).items():
        if cid in facts:
            facts[cid] = replace(facts[cid], street_moves=moves)
    return facts, steps


def _handler(cycle: Sequence[Step]) -> tuple[int | None, int | None]:
    """The officer and department named by the cycle's latest dispatch, unless sent back since."""
    for step in reversed(cycle):
        if step.action in ASSIGNING:
            return step.officer_id, step.department_id
        if step.action in UNASSIGNING:
            return None, None
    return None, None


def _unit_of(officer: int | None, department: int | None) -> tuple[str, int] | None:
    """Whose load a case is: the officer's if one is named, else the department's."""
    if officer is not None:
        return "officer", officer
    if department is not None:
        return "department", department
    return None


def replay(facts: dict[int, CaseFacts], steps: dict[int, list[Step]], w: Window) -> PeriodFacts:
    """The figures of window `w`, each case read as it stood at the window's end."""
    out = PeriodFacts()
    a, b, cut, as_of = w.start, w.end, w.cut, w.as_of
    for cid, all_steps in steps.items():
        rows = [st for st in all_steps if st.at < cut]
        if not rows:
            continue
        case = facts[cid]
        _events(out, case, rows, a, cut)
        start = max((i for i, st in enumerate(rows) if st.action == REOPEN), default=0)
        cycle = rows[start:]
        snap = rows[-1]
        officer, department = _handler(cycle)
        unit = _unit_of(officer, department)
        if snap.to_status in OPEN:
            load = _load(out, unit)
            if load is not None:
                load.open_at_end += 1
            if (snap.to_status in RUNNING and snap.stage_deadline is not None and snap.stage_deadline < as_of):
                if load is not None:
                    load.overdue_at_end += 1
                out.overdue.append(Overdue(cid, snap.to_status, officer, department, snap.stage_deadline))
        judged = _due_deadline(snap, _judged_deadline(cycle), a, b)
        if judged is None:
            continue
        tallies = [out.centre, out.streets[case.street_at(cut)]]
        if unit is not None:
            tallies.append((out.officers if unit[0] == "officer" else out.departments)[unit[1]])
        _judge(tallies, cycle, snap, judged)
    return out


def _judged_deadline(cycle: Sequence[Step]) -> int | None:
    """The cycle's judged deadline as it stood at its last row, except that an extension
    approved after the deadline then in force had passed does not un-late the case: the
    deadline stays the one that had passed (asked in time or not, the lateness happened)."""
    before: int | None = None
    for st in cycle:
        if st.action == EXTENSION and before is not None and st.at > before:
            return before
        before = st.deadline
    return before


def _due_deadline(snap: Step, deadline: int | None, a: int, b: int) -> int | None:
    """The deadline a case is judged against if it fell due in [a, b) as the case stood at b.

    Registered cases whose judged deadline (first handling deadline plus approved extensions
    and suspended time) falls in the period, and registered cases still waiting for dispatch
    when their dispatch limit ran out in it. A case suspended at the end waits with its clock
    stopped, unless it was already late when it was suspended.
    """
    if snap.to_status in EXCLUDED:
        return None
    if deadline is not None:
        paused = snap.to_status == CaseStatus.SUSPENDED.value and deadline >= snap.at
        return deadline if a <= deadline < b and not paused else None
    if snap.to_status == CaseStatus.REGISTERED.value and snap.stage_deadline is not None:
        return snap.stage_deadline if a <= snap.stage_deadline < b else None
    return None


def _judge(tallies: list[Tally], cycle: Sequence[Step], snap: Step, deadline: int) -> None:
    closed_at = None
    if snap.to_status == CaseStatus.CLOSED.value:
        closed_at = next(st.at for st in reversed(cycle) if st.action in CLOSING)
    feedback = [st for st in cycle if st.action == FEEDBACK]
    reworks = [st for st in cycle if st.action in REWORK]
    last_fb = feedback[-1] if feedback else None
    standing = last_fb is not None and (not reworks or reworks[-1].id < last_fb.id)
    handled = closed_at is not None or standing
    handled_at = last_fb.at if standing and last_fb is not None else closed_at
    for t in tallies:
        t.due += 1
        t.closed += closed_at is not None
        t.closed_on_time += closed_at is not None and closed_at <= deadline
        t.handled += handled
        t.handled_on_time += handled and handled_at is not None and handled_at <= deadline
        t.reworked += bool(reworks)
        t.handled_ever += handled or bool(feedback) or bool(reworks)
        t.extended += any(st.action == EXTENSION for st in cycle)
        t.suspended += any(st.action == SUSPENSION for st in cycle)


def _load(out: PeriodFacts, unit: tuple[str, int] | None) -> Load | None:
    if unit is None:
        return None
    return (out.officer_load if unit[0] == "officer" else out.department_load)[unit[1]]


def _events(out: PeriodFacts, case: CaseFacts, rows: Sequence[Step], a: int, cut: int) -> None:
    """Counts of what happened to one case in [a, cut): each step counted on its own day."""
    if a <= case.reported_at < cut:
        out.new += 1
    cycle_start: int | None = None
    dispatched_in_cycle = False
    counted_dispatch = False
    for i, st in enumerate(rows):
        if st.action in (REGISTER, REOPEN):
            cycle_start, dispatched_in_cycle = st.at, False
        inside = a <= st.at < cut
        if st.action == DISPATCH:
            if inside and not dispatched_in_cycle and cycle_start is not None:
                out.dispatch_seconds.append(st.at - cycle_start)
            dispatched_in_cycle = True
        if not inside:
            continue
        if st.action == REGISTER:
            out.registered += 1
        elif st.action == DISPATCH:
            out.dispatched += not counted_dispatch
            counted_dispatch = True
            out.dispatches += 1
            out.dispatches_kept += _kept(rows[i + 1:])
        elif st.action in CLOSING:
            out.closed += 1
            out.closed_on_spot += st.action == ON_SPOT
            out.close_seconds.append(st.at - case.reported_at)
        elif st.action == FOLLOW_UP and st.outcome:
            out.follow_ups += 1
            out.satisfied += st.outcome in CONTENT
        elif st.action == SEND_BACK:
            out.centre.sent_back += 1
            out.streets[case.street_at(cut)].sent_back += 1
            if st.department_id is not None:
                out.departments[st.department_id].sent_back += 1
            elif st.officer_id is not None:
                out.officers[st.officer_id].sent_back += 1
        if st.action in ASSIGNING or st.action == FEEDBACK or st.action in CLOSING:
            officer, department = ((st.officer_id, st.department_id) if st.action in ASSIGNING
                                   else _handler(rows[: i + 1]))
            if st.action == FEEDBACK and (st.officer_id or st.department_id):
                officer, department = st.officer_id, st.department_id
            load = _load(out, _unit_of(officer, department))
            if load is not None:
                if st.action == DISPATCH:
                    load.dispatched += 1
                elif st.action == FEEDBACK:
                    load.fed_back += 1
                elif st.action in CLOSING:
                    load.closed += 1


def _kept(after: Sequence[Step]) -> bool:
    """A dispatch stands unless the handler sent the case back before it was dispatched again."""
    for st in after:
        if st.action == SEND_BACK:
            return False
        if st.action in (DISPATCH, REOPEN):
            return True
    return True
