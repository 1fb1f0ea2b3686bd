"""The debrief of a drill: how fast each call was registered and dispatched, by whom, against the
trainer's goals; what escalated; what the wall alerted; where the operators' category or grid
differs from what the scenario intended.

Everything is read from what the drill left in the database, never from the player's memory:
the case histories (the first `register` and `dispatch` rows give the times and the operator),
the escalation table (催办 and 督办 recorded during the drill), the corrections (更正: who put
which category or grid right, and when) and the run's `drill_case` rows (what the scenario meant
each case to be). A trainer can therefore debrief a run after a
restart, or any time window of a demo (a drill played by the command line).

Alerts are not stored: the wall raises them as urgent cases arrive waiting (reported or
registered), through the flood throttle of services/alerts. The debrief replays that same
throttle over the drill's urgent arrivals in order, so it counts what every seat watching the
whole drill was shown on its own and what was folded into a flood summary.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from statistics import fmean

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..db import Database
from ..domain.actions import Action
from ..domain.enums import CaseStatus, EscalationLevel, Priority, Role
from ..errors import NotFound
from ..models import Case, CaseHistory, Category, DrillCase, DrillRun, Escalation, Grid, User
from ..shapes.corrections import CorrectionMade
from ..shapes.debrief import (
    DEFAULT_GOALS,
    AlertShown,
    CaseDebrief,
    Debrief,
    DebriefGoals,
    DebriefOverall,
    DrillRunRow,
    GoalMiss,
    OperatorDebrief,
)
from .alerts import AlertThrottle
from .auth import SYSTEM_ROLES, Principal, authorize
from .correction_log import CorrectionStep, corrections_of
from .drill_scope import is_demo

# the statuses in which the wall alerts an urgent arrival (views/wall_view WAITING)
ALERTED_ON_ARRIVAL = frozenset({CaseStatus.REPORTED.value, CaseStatus.REGISTERED.value})


@dataclass(frozen=True)
class _Step:
    at: datetime
    user_id: int | None


@dataclass(frozen=True)
class _CaseFacts:
    id: int
    number: str
    priority: str
    category_id: int
    category_code: str
    category_zh: str
    category_en: str
    grid_id: int
    grid_code: str
    reported_at: datetime
    intended_category_id: int | None
    intended_grid_id: int | None
    registered: _Step | None
    dispatched: _Step | None
    arrival_status: str
    reminders: int
    supervisions: int
    settled_at: datetime | None = None  # merged, rejected or closed (first time), which ends the need to act
    settled_as: str = ""  # that status


SETTLED = frozenset({CaseStatus.MERGED.value, CaseStatus.REJECTED.value, CaseStatus.CLOSED.value})


def _seconds(later: datetime | None, earlier: datetime) -> float | None:
    return None if later is None else (later - earlier).total_seconds()


def _case_facts(s: Session, case_ids: Sequence[int], run_id: int | None, end: datetime) -> list[_CaseFacts]:
    """The cases with their first registration and dispatch and their escalations up to `end`."""
    if not case_ids:
        return []
    intended = aliased(DrillCase)
    join_on = intended.case_id == Case.id
    if run_id is not None:
        join_on = join_on & (intended.run_id == run_id)
    rows = s.execute(
        select(Case.id, Case.case_number, Case.priority, Case.category_id, Category.code, Category.name_zh,
               Category.name_en, Case.grid_id, Grid.code.label("grid_code"), Case.reported_at,
               intended.intended_category_id, intended.intended_grid_id)
        .join(Category, Category.id == Case.category_id)
        .join(Grid, Grid.id == Case.grid_id)
        .outerjoin(intended, join_on)
        .where(Case.id.in_(case_ids))
        .order_by(Case.reported_at, Case.id)
    ).all()
    first: dict[tuple[int, str], _Step] = {}
    # the status a seat's wall first saw: after the intake transaction, whose rows share its instant
    # and its author (a call registered at once arrives registered; one answered on the call, closed)
    arrival: dict[int, tuple[datetime, int | None, str]] = {}
    settled: dict[int, tuple[datetime, str]] = {}
    for h in s.execute(
        select(CaseHistory.case_id, CaseHistory.action, CaseHistory.at, CaseHistory.user_id, CaseHistory.to_status)
        .where(CaseHistory.case_id.in_(case_ids), CaseHistory.at <= end)
        .order_by(CaseHistory.id)
    ):
        seen = arrival.get(h.case_id)
        if seen is None or seen[:2] == (h.at, h.user_id):
            arrival[h.case_id] = (h.at, h.user_id, h.to_status)
        if h.action in (Action.REGISTER.value, Action.DISPATCH.value):
            first.setdefault((h.case_id, h.action), _Step(h.at, h.user_id))
        if h.to_status in SETTLED:
            settled.setdefault(h.case_id, (h.at, h.to_status))
    escalations: dict[tuple[int, str], int] = defaultdict(int)
    for e in s.execute(
        select(Escalation.case_id, Escalation.level, func.count())
        .where(Escalation.case_id.in_(case_ids), Escalation.at <= end)
        .group_by(Escalation.case_id, Escalation.level)
    ):
        escalations[(e[0], e[1])] = int(e[2])
    out = []
    for r in rows:
        registered = first.get((r.id, Action.REGISTER.value))
        arrived = arrival[r.id][2] if r.id in arrival else CaseStatus.REPORTED.value
        settled_at, settled_as = settled.get(r.id, (None, ""))
        out.append(_CaseFacts(
            id=r.id, number=r.case_number, priority=r.priority, category_id=r.category_id, category_code=r.code,
            category_zh=r.name_zh, category_en=r.name_en, grid_id=r.grid_id, grid_code=r.grid_code,
            reported_at=r.reported_at, intended_category_id=r.intended_category_id,
            intended_grid_id=r.intended_grid_id, registered=registered,
            dispatched=first.get((r.id, Action.DISPATCH.value)), arrival_status=arrived,
            reminders=escalations[(r.id, EscalationLevel.REMINDER.value)],
            supervisions=escalations[(r.id, EscalationLevel.SUPERVISION.value)],
            settled_at=settled_at, settled_as=settled_as,
        ))
    return out


def _alerts(cases: Iterable[_CaseFacts]) -> dict[int, AlertShown]:
    """What the wall's flood throttle made of the urgent arrivals, in arrival order."""
    throttle: AlertThrottle[int] = AlertThrottle()
    shown: dict[int, AlertShown] = {}
    for c in sorted(cases, key=lambda c: (c.reported_at, c.id)):
        if c.priority == Priority.URGENT.value and c.arrival_status in ALERTED_ON_ARRIVAL:
            decision = throttle.offer(c.id, c.reported_at)
            shown[c.id] = AlertShown.INDIVIDUAL if decision.individual else AlertShown.GROUPED
    return shown


def _misses(c: _CaseFacts, goals: DebriefGoals, end: datetime) -> tuple[GoalMiss, ...]:
    """Late steps, and steps not done by `end` when their goal had already passed by then.

    A call merged into another, rejected or closed at intake (answered on the call, solved on
    the spot) needs no registration or dispatch: settling it in time meets both goals."""
    misses = []
    waited = (end - c.reported_at).total_seconds()

    def took(step: _Step | None) -> float:
        at = step.at if step is not None else c.settled_at
        return waited if at is None else (at - c.reported_at).total_seconds()

    if took(c.registered) > goals.register_minutes * 60:
        misses.append(GoalMiss.REGISTER)
    if took(c.dispatched) > goals.dispatch_goal(c.priority == Priority.URGENT) * 60:
        misses.append(GoalMiss.DISPATCH)
    if c.supervisions:
        misses.append(GoalMiss.OVERDUE)
    return tuple(misses)


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def _max(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _as_of(c: _CaseFacts, later: CorrectionStep | None) -> _CaseFacts:
    """The case's category and grid at the end: what the first correction after it changed from."""
    if later is None:
        return c
    was = later.correction
    return replace(c, category_id=later.from_category_id, category_code=was.from_category_code,
                   category_zh=was.from_category_zh, category_en=was.from_category_en, grid_id=later.from_grid_id,
                   grid_code=was.from_grid_code)


def build_debrief(s: Session, case_ids: Sequence[int], *, run_id: int | None, title: str, start: datetime,
                  end: datetime, goals: DebriefGoals) -> Debrief:
    """The debrief of `case_ids` as things stood at `end` (inside the caller's read).

    Corrections (更正) up to `end` are listed per case and counted for whoever made them; a case's
    category and grid, and whether they are what the scenario intended, are read as at `end`, so a
    correction made after the drill does not change its debrief."""
    made: dict[int, list[CorrectionStep]] = defaultdict(list)
    later: dict[int, CorrectionStep] = {}
    for step in corrections_of(s, case_ids):
        if step.at <= end:
            made[step.case_id].append(step)
        else:
            later.setdefault(step.case_id, step)
    facts = [_as_of(c, later.get(c.id)) for c in _case_facts(s, case_ids, run_id, end)]
    alerts = _alerts(facts)
    user_ids = {step.user_id for c in facts for step in (c.registered, c.dispatched) if step and step.user_id}
    user_ids |= {step.user_id for steps in made.values() for step in steps if step.user_id}
    names: dict[int, str] = {}
    systems: dict[int, str] = {}  # system accounts by their role: the screens name the role, not the account
    for uid, name, role in (s.execute(select(User.id, User.display_name, User.role).where(User.id.in_(user_ids)))
                            if user_ids else ()):
        names[uid] = name
        if Role(role) in SYSTEM_ROLES:
            systems[uid] = role
    cases = []
    for c in facts:
        cases.append(CaseDebrief(
            case_id=c.id, case_number=c.number, priority=c.priority, category_code=c.category_code,
            category_zh=c.category_zh, category_en=c.category_en, grid_code=c.grid_code, reported_at=c.reported_at,
            registered_at=c.registered.at if c.registered else None,
            registered_by=names.get(c.registered.user_id, "") if c.registered else "",
            registered_by_system=systems.get(c.registered.user_id, "") if c.registered and c.registered.user_id else "",
            dispatched_at=c.dispatched.at if c.dispatched else None,
            dispatched_by=names.get(c.dispatched.user_id, "") if c.dispatched else "",
            dispatched_by_system=systems.get(c.dispatched.user_id, "") if c.dispatched and c.dispatched.user_id else "",
            to_register=_seconds(c.registered.at if c.registered else None, c.reported_at),
            to_dispatch=_seconds(c.dispatched.at if c.dispatched else None, c.reported_at),
            reminders=c.reminders, supervisions=c.supervisions,
            wrong_category=None if c.intended_category_id is None else c.category_id != c.intended_category_id,
            wrong_grid=None if c.intended_grid_id is None else c.grid_id != c.intended_grid_id,
            alert=alerts.get(c.id, AlertShown.NONE), misses=_misses(c, goals, end), settled=c.settled_as,
            corrections=tuple(CorrectionMade(m.at, m.user_id, names.get(m.user_id, "") if m.user_id else "",
                                             m.correction) for m in made[c.id]),
        ))
    return Debrief(run_id=run_id, title=title, start=start, end=end, goals=goals, overall=_overall(cases, goals),
                   operators=_operators(facts, cases, names, systems), cases=tuple(cases))


def _overall(cases: Sequence[CaseDebrief], goals: DebriefGoals) -> DebriefOverall:
    urgent = [c for c in cases if c.priority == Priority.URGENT.value]
    return DebriefOverall(
        cases=len(cases),
        registered=sum(c.registered_at is not None for c in cases),
        dispatched=sum(c.dispatched_at is not None for c in cases),
        mean_to_register=_mean(c.to_register for c in cases),
        max_to_register=_max(c.to_register for c in cases),
        mean_to_dispatch=_mean(c.to_dispatch for c in cases),
        max_to_dispatch=_max(c.to_dispatch for c in cases),
        urgent=len(urgent),
        urgent_dispatched_in_goal=sum(c.to_dispatch is not None and c.to_dispatch <= goals.urgent_dispatch_minutes * 60
                                      for c in urgent),
        reminders=sum(c.reminders for c in cases),
        supervisions=sum(c.supervisions for c in cases),
        overdue_cases=sum(c.supervisions > 0 for c in cases),
        wrong_category=sum(bool(c.wrong_category) for c in cases),
        wrong_grid=sum(bool(c.wrong_grid) for c in cases),
        alerts_individual=sum(c.alert is AlertShown.INDIVIDUAL for c in cases),
        alerts_grouped=sum(c.alert is AlertShown.GROUPED for c in cases),
        cases_missing_goals=sum(bool(c.misses) for c in cases),
        corrections=sum(len(c.corrections) for c in cases),
        corrected_cases=sum(bool(c.corrections) for c in cases),
        still_wrong=sum(bool(c.wrong_category or c.wrong_grid) for c in cases),
    )


def _operators(facts: Sequence[_CaseFacts], cases: Sequence[CaseDebrief], names: dict[int, str],
               systems: dict[int, str]) -> tuple[OperatorDebrief, ...]:
    """Each registration and its register miss count for whoever registered; dispatches likewise;
    corrections for whoever made them."""
    registers: dict[int, list[float]] = defaultdict(list)
    dispatches: dict[int, list[float]] = defaultdict(list)
    misses: dict[int, int] = defaultdict(int)
    corrected: dict[int, int] = defaultdict(int)
    for f, c in zip(facts, cases, strict=True):
        if f.registered is not None and f.registered.user_id is not None and c.to_register is not None:
            registers[f.registered.user_id].append(c.to_register)
            misses[f.registered.user_id] += GoalMiss.REGISTER in c.misses
        if f.dispatched is not None and f.dispatched.user_id is not None and c.to_dispatch is not None:
            dispatches[f.dispatched.user_id].append(c.to_dispatch)
            misses[f.dispatched.user_id] += GoalMiss.DISPATCH in c.misses
        for m in c.corrections:
            if m.user_id is not None:
                corrected[m.user_id] += 1
    people = sorted(set(registers) | set(dispatches) | set(corrected), key=lambda u: (names.get(u, ""), u))
    return tuple(OperatorDebrief(
        user_id=u, name=names.get(u, ""), system_role=systems.get(u, ""), registered=len(registers[u]), dispatched=len(dispatches[u]),
        mean_to_register=_mean(registers[u]), mean_to_dispatch=_mean(dispatches[u]), misses=misses[u],
        corrections=corrected[u],
    ) for u in people)


class DebriefService:
    """The trainer's debriefs: of a drill run, or of any time window, and the list of runs."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def is_demo(self) -> bool:
        """Whether drills may run here at all (the screen is offered on demo databases only)."""
        with self.db.read() as s:
            return is_demo(s)

    def runs(self, principal: Principal, limit: int = 50) -> list[DrillRunRow]:
        """The latest drill runs, newest first, with the number of cases each wrote."""
        authorize(self.db, principal, Action.RUN_DRILL)
        counts = (select(DrillCase.run_id, func.count().label("n")).group_by(DrillCase.run_id).subquery())
        with self.db.read() as s:
            rows = s.execute(
                select(DrillRun.id, DrillRun.started_at, DrillRun.ended_at, DrillRun.scenario_name, DrillRun.speed,
                       func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.run_id == DrillRun.id)
                .order_by(DrillRun.id.desc()).limit(limit)
            ).all()
        return [DrillRunRow(r[0], r[1], r[2], r[3], r[4], int(r[5])) for r in rows]

    def for_run(self, principal: Principal, run_id: int, goals: DebriefGoals = DEFAULT_GOALS) -> Debrief:
        """The debrief of one run's cases, as they stood when it ended (or now, while it runs)."""
        authorize(self.db, principal, Action.RUN_DRILL)
        with self.db.read() as s:
            run = s.get(DrillRun, run_id)
            if run is None:
                raise NotFound("drill run", str(run_id))
            end = run.ended_at or self.db.clock.now()
            ids = list(s.scalars(select(DrillCase.case_id).where(DrillCase.run_id == run_id)))
            return build_debrief(s, ids, run_id=run_id, title=run.scenario_name, start=run.started_at, end=end,
                                 goals=goals)

    def for_window(self, principal: Principal, start: datetime, end: datetime,
                   goals: DebriefGoals = DEFAULT_GOALS) -> Debrief:
        """The debrief of every case that arrived between `start` and `end`."""
        authorize(self.db, principal, Action.RUN_DRILL)
        with self.db.read() as s:
            ids = list(s.scalars(select(Case.id).where(Case.reported_at >= start, Case.reported_at <= end)))
            return build_debrief(s, ids, run_id=None, title="", start=start, end=end, goals=goals)

