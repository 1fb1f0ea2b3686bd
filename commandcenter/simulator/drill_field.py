"""The field's answers in a drill: handlers accept, send back and feed back; officers check; residents answer.

Only the run's own cases are played (those with a `drill_case` row of this run), so the
situation a trainer prepared in the demo database stays as it was; with `background` the
pre-existing dispatched cases are worked too, each step counted from when the run started, so a
backlog drains at the pace of a real field rather than in one burst.

Delays are scenario seconds (a minute or two to accept, a quarter to a full hour to feed back)
and fixed per seed, case, step and round, so a replay at 60× answers in seconds of wall time and
at 1× as a real street would. A scenario can order a case sent back (`send_back` event): its
handler returns it, with the scenario's reason, once it has been dispatched.
"""

from __future__ import annotations

import logging
import random
import zlib
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, literal, or_, select

from ..db import Database
from ..domain.actions import Action
from ..domain.enums import CaseStatus, Priority, ReporterPrivacy, Satisfaction
from ..errors import IllegalTransition, NotFound, StaleCase, ValidationError
from ..models import Case, DrillCase
from ..services.auth import Principal
from ..services.lifecycle import CaseService, TransitionParams
from ..shapes.drill import DrillProgress
from .drill_cases import GENERIC_FEEDBACK, DrillCity
from .scenario_clock import ScenarioClock

log = logging.getLogger(__name__)

# scenario seconds each step takes a handler, drawn uniformly between the two
DELAYS: dict[str, tuple[float, float]] = {
    "accept": (60.0, 600.0),  # 签收 within its 15-120 minute limit, mostly well inside
    "send_back": (120.0, 900.0),  # a unit that finds the case is not theirs says so after a look
    "feed_back": (900.0, 3600.0),  # on site and done
    "check": (300.0, 1800.0),  # the grid officer walks over and looks
    "follow_up": (600.0, 3600.0),  # the call-back reaches the resident
}
URGENT_FACTOR = 0.5  # urgent cases are handled twice as fast
SEND_BACK_SHARE = {"department": 0.08, "officer": 0.02}  # returned as not theirs without a scenario order
FAIL_CHECK_SHARE = 0.1
SATISFACTION_MIX = ((Satisfaction.SATISFIED, 0.7), (Satisfaction.BASICALLY_SATISFIED, 0.2),
                    (Satisfaction.UNSATISFIED, 0.1))
SEND_BACK_REASONS = ("经核实，该事项不属于本单位职责范围，请重新派遣。", "现场核实地址不在本辖区，请转相关单位处理。",
                     "该问题应由属地街道牵头处置，本单位配合。")
CHECK_PASSED = ("已到现场核查，问题已处置完毕。", "现场核查属实，已恢复正常。")
CHECK_FAILED = ("现场核查发现问题仍未解决，请返工处置。",)
FOLLOW_UP_NOTES = {
    Satisfaction.SATISFIED: "回访群众，对处置结果表示满意。",
    Satisfaction.BASICALLY_SATISFIED: "回访群众，表示基本满意，希望加强日常管理。",
    Satisfaction.UNSATISFIED: "回访群众，表示不满意，反映问题仍有反复。",
}
MAX_ACTIONS_PER_TICK = 10  # a burst of due steps is spread over a few ticks, as a busy field would
_WORKED = (CaseStatus.DISPATCHED.value, CaseStatus.ACCEPTED.value, CaseStatus.CHECKING.value)


@dataclass(frozen=True)
class _Due:
    at: float  # scenario seconds
    row: Any
    step: str


class FieldResponses:
    """Plays the handlers, the checking officers and the residents for one drill run."""

    def __init__(self, db: Database, city: DrillCity, seed: int, cases: CaseService, principal: Principal,
                 clock: ScenarioClock) -> None:
        self.db, self.city, self.seed, self.cases, self.principal, self.clock = db, city, seed, cases, principal, clock
        self.rng = random.Random(f"drill:{seed}:field")
        self._categories = {c.id: c for c in city.categories}
        self.run_id: int | None = None
        self.background_since: datetime | None = None  # set: pre-existing cases are worked too
        self.send_back_orders: dict[int, tuple[str, float]] = {}  # case id -> (reason, scenario time ordered)
        # send-backs played per case: each re-dispatch draws afresh whether its unit returns it too,
        # or a case that drew a return once would be returned by every unit it went to, for ever
        self.sent_back: dict[int, int] = {}

    def _u(self, case_id: int, step: str, rework: int) -> float:
        """A uniform number fixed per seed, case, step and round."""
        return zlib.crc32(f"{self.seed}:{case_id}:{step}:{rework}".encode()) / 2**32

    def delay(self, case_id: int, step: str, rework: int, priority: str) -> float:
        low, high = DELAYS[step]
        seconds = low + (high - low) * self._u(case_id, step, rework)
        return seconds * (URGENT_FACTOR if priority == Priority.URGENT else 1.0)

    def _rows(self) -> list[Any]:
        """The run's cases with a step to play, then (in background mode) the other open cases.

        The run's own are read from its `drill_case` rows (by index), never by testing every case
        of a year's history; the background's through the status, which only open cases have.
        """
        columns = (Case.id, Case.version, Case.status, Case.priority, Case.category_id, Case.assignee_officer_id,
                   Case.assignee_department_id, Case.dispatched_at, Case.accepted_at, Case.stage_started_at,
                   Case.closed_at, Case.rework_count, Case.lon, Case.lat)
        followable = and_(Case.status == CaseStatus.CLOSED.value, Case.followed_up_at.is_(None),
                          Case.reporter_phone != "", Case.reporter_privacy == ReporterPrivacy.NAMED.value)
        area = [] if self.city.centre_ids is None else [Case.centre_id.in_(self.city.centre_ids)]
        with self.db.read() as s:
            rows = list(s.execute(
                select(*columns, literal(True).label("own"))
                .select_from(DrillCase).join(Case, Case.id == DrillCase.case_id)
                .where(DrillCase.run_id == self.run_id, or_(Case.status.in_(_WORKED), followable), *area)))
            if self.background_since is not None:
                own = exists(select(DrillCase.case_id).where(DrillCase.case_id == Case.id,
                                                             DrillCase.run_id == self.run_id))
                rows += s.execute(select(*columns, literal(False).label("own"))
                                  .where(Case.status.in_(_WORKED), ~own, *area)).all()
        return rows

    def _step(self, r: Any, now: float) -> _Due | None:
        """The next step of a case and the scenario time it falls due."""
        start = {CaseStatus.DISPATCHED: r.dispatched_at, CaseStatus.ACCEPTED: r.accepted_at,
                 CaseStatus.CHECKING: r.stage_started_at, CaseStatus.CLOSED: r.closed_at}.get(CaseStatus(r.status))
        if start is None:
            return None
        if not r.own and self.background_since is not None:
            start = max(start, self.background_since)  # a backlog starts counting when the run does
        since = self.clock.at(start.timestamp())
        status = CaseStatus(r.status)
        if status in (CaseStatus.DISPATCHED, CaseStatus.ACCEPTED) and r.own:
            order = self.send_back_orders.get(r.id)
            unit = "department" if r.assignee_department_id is not None else "officer"
            if order is not None:
                return _Due(max(since + self.delay(r.id, "send_back", r.rework_count, r.priority), order[1]),
                            r, "send_back")
            draw = "returns" + (f":{self.sent_back[r.id]}" if r.id in self.sent_back else "")
            if status is CaseStatus.DISPATCHED and self._u(r.id, draw, r.rework_count) < SEND_BACK_SHARE[unit]:
                return _Due(since + self.delay(r.id, "send_back", r.rework_count, r.priority), r, "send_back")
        step = {CaseStatus.DISPATCHED: "accept", CaseStatus.ACCEPTED: "feed_back", CaseStatus.CHECKING: "check",
                CaseStatus.CLOSED: "follow_up"}[status]
        return _Due(since + self.delay(r.id, step, r.rework_count, r.priority), r, step)

    def tick(self, progress: DrillProgress) -> tuple[DrillProgress, dict[int, tuple[float, float]]]:
        """Play the steps that fell due; returns the counts and where officers handling a case head."""
        now = self.clock.now()
        heading: dict[int, tuple[float, float]] = {}
        due: list[_Due] = []
        for r in self._rows():
            if r.status == CaseStatus.ACCEPTED and r.assignee_officer_id is not None:
                heading.setdefault(r.assignee_officer_id, (r.lon, r.lat))
            step = self._step(r, now)
            if step is not None and step.at <= now:
                due.append(step)
        due.sort(key=lambda d: (d.at, d.row.id))
        for d in due[:MAX_ACTIONS_PER_TICK]:
            try:
                progress = self._play(d, progress)
            except (StaleCase, IllegalTransition, NotFound, ValidationError) as exc:
                log.info("drill: skipped case %s: %s", d.row.id, exc)
                progress = replace(progress, skipped=progress.skipped + 1)
        return progress, heading

    def _play(self, d: _Due, progress: DrillProgress) -> DrillProgress:
        r, version = d.row, d.row.version
        if d.step == "send_back":
            reason = self.send_back_orders.pop(r.id, ("", 0.0))[0] or self.rng.choice(SEND_BACK_REASONS)
            self.cases.perform(self.principal, r.id, Action.SEND_BACK, TransitionParams(note=reason),
                               expected_version=version)
            self.sent_back[r.id] = self.sent_back.get(r.id, 0) + 1
            return replace(progress, sent_back=progress.sent_back + 1)
        if d.step == "accept":
            self.cases.perform(self.principal, r.id, Action.ACCEPT, expected_version=version)
            return replace(progress, accepted=progress.accepted + 1)
        if d.step == "feed_back":
            category = self._categories.get(r.category_id)
            note = self.rng.choice(category.feedback if category else GENERIC_FEEDBACK)
            self.cases.perform(self.principal, r.id, Action.FEED_BACK, TransitionParams(note=note),
                               expected_version=version)
            return replace(progress, fed_back=progress.fed_back + 1)
        if d.step == "check":
            failed = self._u(r.id, "check", r.rework_count) < FAIL_CHECK_SHARE
            action, notes = (Action.FAIL_CHECK, CHECK_FAILED) if failed else (Action.CONFIRM_CHECK, CHECK_PASSED)
            self.cases.perform(self.principal, r.id, action, TransitionParams(note=self.rng.choice(notes)),
                               expected_version=version)
            return replace(progress, checked=progress.checked + 1)
        u, answer = self._u(r.id, "satisfaction", 0), SATISFACTION_MIX[-1][0]
        for satisfaction, share in SATISFACTION_MIX:
            if u < share:
                answer = satisfaction
                break
            u -= share
        self.cases.perform(self.principal, r.id, Action.FOLLOW_UP,
                           TransitionParams(note=FOLLOW_UP_NOTES[answer], satisfaction=answer.value),
                           expected_version=version)
        return replace(progress, followed_up=progress.followed_up + 1)
