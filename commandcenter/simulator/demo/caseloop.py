"""The closed loop on arrays: one row per case, each step applied to all of them at once.

`Plan` holds every column a case carries and applies an action the way `CaseService._apply`
does (status, timestamps, stage clock, escalations the minute poll would have written);
`handle`, `verify` and `suspend_and_resume` are the multi-step stretches of the loop; the field
steps (send-back, field check, on-the-spot handling, follow-up) are in `fieldloop`.
`history.CasePlanner` decides which cases take which path and turns the plan into rows; this
module knows nothing of chunks, numbering or tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ...domain.actions import Action
from ...domain.enums import STATUS_STAGE, CaseStatus, Satisfaction, Stage
from ...domain.lifecycle import is_allowed, target_status
from .people import SHIFT_OF_HOUR, Staff
from .rows import NONE, labels
from .texts import (
    EXTEND_REASONS,
    EXTEND_REFUSALS,
    FEEDBACK_NOTES,
    REWORK_REASONS,
    SUSPEND_REASONS,
    SUSPEND_REFUSALS,
)
from .workline import WorkLine

if TYPE_CHECKING:
    from .handovers import CaseLabels

STATUSES: tuple[CaseStatus, ...] = tuple(CaseStatus)
ST = {s: i for i, s in enumerate(STATUSES)}
STAGES: tuple[Stage, ...] = (Stage.REGISTER, Stage.DISPATCH, Stage.HANDLE, Stage.VERIFY, Stage.ACCEPT, Stage.CHECK)
ACTIONS: tuple[str, ...] = ("report", *(a.value for a in Action))
ACT = {a: i for i, a in enumerate(ACTIONS)}
OUTCOMES: tuple[str, ...] = ("", *(x.value for x in Satisfaction))  # a history row's outcome column

# ---- how long a stage takes -----------------------------------------------------------
P_LATE = {Stage.REGISTER: 0.04, Stage.DISPATCH: 0.05, Stage.HANDLE: 0.08, Stage.VERIFY: 0.05, Stage.ACCEPT: 0.04,
          Stage.CHECK: 0.06}
LATE_SCALE = {Stage.REGISTER: 0.5, Stage.DISPATCH: 0.5, Stage.HANDLE: 0.8, Stage.VERIFY: 0.5, Stage.ACCEPT: 0.5,
              Stage.CHECK: 0.5}  # x the limit
# where in its limit an on-time stage ends: Beta(a, b); with these about three cases in four
# are closed (verified too) by their handling deadline, as published figures show
ON_TIME_BETA = {Stage.REGISTER: (1.6, 3.5), Stage.DISPATCH: (1.6, 3.5), Stage.HANDLE: (1.3, 2.8),
                Stage.VERIFY: (1.4, 3.5), Stage.ACCEPT: (1.3, 4.0), Stage.CHECK: (1.5, 3.0)}
EXTENSIONS_WORKING = np.array([420, 840, 1260, 2100])
EXTENSIONS_CALENDAR = np.array([60, 120, 240])
POLL_SECONDS = 60  # the escalation clock looks once a minute
P_REFUSE_EXTENSION = 0.2  # a supervisor refuses about one extension request in five
P_REFUSE_SUSPENSION = 0.15
SUSPENSION_WANTED = (480, 1440, 2880)  # minutes a handler asks to stop the clock for
DECISION_DELAY = (10 * 60, 3 * 3600)  # seconds from a request to its decision


@dataclass(frozen=True)
class CaseSetting:
    """Everything the planner reads: the clock, the policy, the map and the staff."""

    now: int
    first_day: int  # WorkLine day indexes, inclusive
    last_day: int
    cases_per_day: float
    category_ids: np.ndarray
    category_codes: list[str]
    category_kinds: list[str]
    limit_minutes: np.ndarray  # [category, priority, stage]
    limit_working: np.ndarray
    line: WorkLine
    grid_ids: np.ndarray
    grid_centre: np.ndarray  # centre id responsible for each grid (`lifecycle.centre_for_grid`)
    numbering_centre: int  # whose daily sequence numbers cases (`lifecycle.numbering_centre`)
    grid_district: np.ndarray
    grid_points: np.ndarray  # [grid, k, lon/lat]
    grid_polygons: np.ndarray  # [grid] lon/lat shapely polygons (cases are scattered inside)
    grid_addresses: np.ndarray  # [grid, a] object
    staff: Staff
    first_ids: dict[str, int]
    reporter_names: list[str]
    labels: CaseLabels  # names the handovers list cases with


@dataclass
class _Events:
    """History rows collected step by step, column-wise."""

    case: list[np.ndarray] = field(default_factory=list)
    at: list[np.ndarray] = field(default_factory=list)
    action: list[np.ndarray] = field(default_factory=list)
    from_status: list[np.ndarray] = field(default_factory=list)
    to_status: list[np.ndarray] = field(default_factory=list)
    user: list[np.ndarray] = field(default_factory=list)
    officer: list[np.ndarray] = field(default_factory=list)
    department: list[np.ndarray] = field(default_factory=list)
    note: list[np.ndarray] = field(default_factory=list)  # codes into Notes
    outcome: list[np.ndarray] = field(default_factory=list)  # codes into OUTCOMES (a follow-up's answer)
    evidence: list[np.ndarray] = field(default_factory=list)  # codes into Notes


class Notes:
    """Every note text once, shared by all chunks of the year; rows hold codes into it."""

    def __init__(self) -> None:
        self.texts: list[str] = [""]
        self._pools: dict[tuple[str, ...], np.ndarray] = {}

    def add(self, texts: list[str]) -> np.ndarray:
        """Codes for new note texts."""
        first = len(self.texts)
        self.texts.extend(texts)
        return first + np.arange(len(texts))

    def pool(self, pool: tuple[str, ...]) -> np.ndarray:
        """Codes for a fixed pool of texts, added once."""
        if pool not in self._pools:
            self._pools[pool] = self.add(list(pool))
        return self._pools[pool]

    def labels(self) -> np.ndarray:
        return labels(self.texts)


def _padded(pools: list[list[np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """[i][j] pools of ids as one zero-padded [i, j, k] table and their sizes [i, j] (pools[i][j][:size])."""
    width = max(len(p) for row in pools for p in row)
    choices = np.zeros((len(pools), len(pools[0]), width), dtype=np.int64)
    sizes = np.zeros((len(pools), len(pools[0])), dtype=np.int64)
    for i, row in enumerate(pools):
        for j, pool in enumerate(row):
            choices[i, j, : len(pool)] = pool
            sizes[i, j] = len(pool)
    return choices, sizes


class Plan:
    """The state of every case as the steps are applied, mirroring `CaseService._apply`."""

    def __init__(self, s: CaseSetting, rng: np.random.Generator, notes: Notes, rep: np.ndarray, cat: np.ndarray,
                 prio: np.ndarray, district: np.ndarray, field_rng: np.random.Generator | None = None) -> None:
        n = len(rep)
        self.s, self.rng, self.n = s, rng, n
        # the field steps draw from their own stream, so adding or tuning them leaves every
        # other draw (and the rest of the history) as it was
        self.field_rng = rng if field_rng is None else field_rng
        # the second of the minute the escalation scan meets each case: drawn once per case, so
        # how many stage runs a case has does not move the draws of any other
        self.poll_phase = rng.integers(0, POLL_SECONDS, size=n)
        self.cat, self.prio, self.district = cat, prio, district
        self.now = s.now
        self.alive = np.ones(n, dtype=bool)
        self.last = rep.copy()
        self.status = np.full(n, ST[CaseStatus.REPORTED], dtype=np.int8)
        self.suspended_from = np.full(n, -1, dtype=np.int8)
        none = np.full(n, NONE, dtype=np.int64)
        self.registered_at, self.dispatched_at, self.accepted_at = none.copy(), none.copy(), none.copy()
        self.fed_back_at, self.closed_at, self.evaluated_at = none.copy(), none.copy(), none.copy()
        self.rating = none.copy()
        self.officer, self.department = none.copy(), none.copy()
        self.stage_started, self.stage_deadline, self.handle_deadline = none.copy(), none.copy(), none.copy()
        self.stage_remind, self.assess_deadline = none.copy(), none.copy()
        self.suspended_at, self.merged_into = none.copy(), none.copy()
        self.extended_minutes = np.zeros(n, dtype=np.int64)
        self.suspended_seconds = np.zeros(n, dtype=np.int64)
        self.rework_count = np.zeros(n, dtype=np.int64)
        self.check_officer, self.followed_up_at = none.copy(), none.copy()
        self.satisfaction = np.zeros(n, dtype=np.int64)  # codes into OUTCOMES, 0 for none
        self.escalation_level = np.zeros(n, dtype=np.int64)
        self.notes = notes
        self.reject_reason = np.zeros(n, dtype=np.int64)
        self.run_stage = np.zeros(n, dtype=np.int8)
        self.events = _Events()
        self.escalations: list[tuple[np.ndarray, ...]] = []
        # time requests (the time_request table): column name -> arrays, one per `ask`
        self.requests: dict[str, list[np.ndarray]] = {k: [] for k in REQUEST_COLUMNS}
        # who may act, as padded tables drawn from (`operator`, `supervisor`), made once per chunk
        self._operators = _padded(s.staff.operators)
        choices, sizes = _padded([s.staff.supervisors])
        self._supervisors = choices[0], sizes[0]

    @contextmanager
    def drawing_from(self, rng: np.random.Generator) -> Iterator[None]:
        """Every draw of the steps inside comes from `rng` (the field steps' stream)."""
        saved, self.rng = self.rng, rng
        try:
            yield
        finally:
            self.rng = saved

    def pick_notes(self, pool: tuple[str, ...]) -> np.ndarray:
        """A note from `pool` for every case, as codes."""
        return self.notes.pool(pool)[self.rng.integers(len(pool), size=self.n)]

    # ---- time limits ------------------------------------------------------------------
    def limit(self, stage: Stage) -> tuple[np.ndarray, np.ndarray]:
        k = STAGES.index(stage)
        return self.s.limit_minutes[self.cat, self.prio, k], self.s.limit_working[self.cat, self.prio, k]

    def deadline(self, stage: Stage, start: np.ndarray, idx: np.ndarray) -> np.ndarray:
        minutes, working = self.limit(stage)
        return self.s.line.add(start[idx], minutes[idx], working[idx])

    def advance(self, start: np.ndarray, minutes: np.ndarray, working: np.ndarray) -> np.ndarray:
        return self.s.line.advance(start, minutes, working)

    def fraction(self, stage: Stage, low: float = 0.0) -> np.ndarray:
        """How far into its limit each case's stage ends: mostly on time, some late."""
        rng, n = self.rng, self.n
        a, b = ON_TIME_BETA[stage]
        on_time = low + (1 - low) * rng.beta(a, b, size=n)
        late = 1.0 + rng.exponential(LATE_SCALE[stage], size=n)
        return np.where(rng.random(n) < P_LATE[stage], late, on_time)

    # ---- who acts ---------------------------------------------------------------------
    def operator(self, at: np.ndarray, district: np.ndarray | None = None) -> np.ndarray:
        """An operator of the case's district (or the city) on the shift covering `at`."""
        district = self.district if district is None else district
        at = np.minimum(at, self.now)
        hour = (at - self.s.line.day_start[self.s.line.day_index(at)]) // 3600
        shift = SHIFT_OF_HOUR[np.clip(hour, 0, 23)]
        choices, sizes = self._operators
        pick = (self.rng.random(len(at)) * sizes[district, shift]).astype(np.int64)
        return choices[district, shift, pick]

    def supervisor(self, district: np.ndarray | None = None) -> np.ndarray:
        district = self.district if district is None else district
        choices, sizes = self._supervisors
        pick = (self.rng.random(len(district)) * sizes[district]).astype(np.int64)
        return choices[district, pick]

    # ---- steps ------------------------------------------------------------------------
    def step(self, take: np.ndarray, at: np.ndarray, action: Action, source: CaseStatus, user: np.ndarray,
             *, note: np.ndarray | None = None, officer: np.ndarray | None = None,
             department: np.ndarray | None = None, outcome: np.ndarray | None = None,
             evidence: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Apply `action` to the live cases in `take` (all in status `source`) at `at`.

        Returns the positions of the cases it happened to and their times; a case whose step
        would fall after now stops here, open in its current status.
        """
        if not is_allowed(action, source):
            raise AssertionError(f"{action} is not allowed from {source}")
        eligible = take & self.alive & (self.status == ST[source])
        at = np.maximum(at, self.last + 1)
        done = eligible & (at <= self.now)
        self.alive &= ~(eligible & ~done)
        idx = np.flatnonzero(done)
        at_i = at[idx]
        if action is Action.RESUME:  # back to the status before the suspension
            lookup = np.array([ST[target_status(action, source, x)] for x in STATUSES], dtype=np.int8)
            to_arr = lookup[self.suspended_from[idx]]
        else:
            to_arr = np.full(len(idx), ST[target_status(action, source)], dtype=np.int8)
        ev = self.events
        ev.case.append(idx)
        ev.at.append(at_i)
        ev.action.append(np.full(len(idx), ACT[action.value], dtype=np.int8))
        ev.from_status.append(np.full(len(idx), ST[source], dtype=np.int8))
        ev.to_status.append(to_arr.astype(np.int8))
        ev.user.append(user[idx])
        ev.officer.append(officer[idx] if officer is not None else np.full(len(idx), NONE))
        ev.department.append(department[idx] if department is not None else np.full(len(idx), NONE))
        ev.note.append(note[idx] if note is not None else np.zeros(len(idx), dtype=np.int64))
        ev.outcome.append(outcome[idx] if outcome is not None else np.zeros(len(idx), dtype=np.int64))
        ev.evidence.append(evidence[idx] if evidence is not None else np.zeros(len(idx), dtype=np.int64))
        self.last[idx] = at_i
        self.status[idx] = to_arr
        return idx, at_i

    def report(self, rep: np.ndarray, user: np.ndarray) -> None:
        ev, idx = self.events, np.arange(self.n)
        ev.case.append(idx)
        ev.at.append(rep.copy())
        ev.action.append(np.full(self.n, ACT["report"], dtype=np.int8))
        ev.from_status.append(np.full(self.n, -1, dtype=np.int8))
        ev.to_status.append(np.full(self.n, ST[CaseStatus.REPORTED], dtype=np.int8))
        ev.user.append(user)
        ev.officer.append(np.full(self.n, NONE))
        ev.department.append(np.full(self.n, NONE))
        ev.note.append(np.zeros(self.n, dtype=np.int64))
        ev.outcome.append(np.zeros(self.n, dtype=np.int64))
        ev.evidence.append(np.zeros(self.n, dtype=np.int64))
        self.start_run(idx, Stage.REGISTER, rep)

    # ---- the stage clock --------------------------------------------------------------
    def start_run(self, idx: np.ndarray, stage: Stage, at: np.ndarray) -> None:
        """`start_stage` of the live service for cases `idx`: clock from `at[idx]`, deadline from policy."""
        self.stage_started[idx] = at[idx]
        self.stage_deadline[idx] = self.deadline(stage, at, idx)
        minutes, working = self.limit(stage)
        self.stage_remind[idx] = self.s.line.add(at[idx], minutes[idx] * 4 / 5, working[idx])
        self.escalation_level[idx] = 0
        self.run_stage[idx] = STAGES.index(stage)

    def clock_until(self, idx: np.ndarray, stage: Stage, deadline: np.ndarray) -> None:
        """`TimeLimits.until`: the stage's deadline moved to `deadline[idx]`, its reminder the last
        fifth of the limit before it."""
        minutes, working = self.limit(stage)
        self.stage_deadline[idx] = deadline[idx]
        self.stage_remind[idx] = self.s.line.back(deadline[idx], minutes[idx] - minutes[idx] * 4 / 5, working[idx])

    def end_run(self, idx: np.ndarray, end: np.ndarray, current: bool = False) -> None:
        """The escalations the clock scan recorded for a stage run before `end`, and the level kept.

        As `escalation.scan_escalations` running once a minute: a reminder at the first scan
        at or after the reminder instant (80 % of the limit on the stage's clock), unless that scan
        is already past the deadline (then only the supervision), and a supervision at the first
        scan at or after the deadline.
        `current` marks runs still going at now (their escalations may be unacknowledged yet).
        """
        if not len(idx):
            return
        crossing, deadline = self.stage_remind[idx], self.stage_deadline[idx]
        phase = self.poll_phase[idx]
        reminder_at = crossing + (phase - crossing) % POLL_SECONDS
        supervision_at = deadline + (phase - deadline) % POLL_SECONDS
        reminded = (reminder_at < end) & (reminder_at < deadline)
        supervised = supervision_at < end
        self.escalation_level[idx] = np.where(supervised, 2, np.where(reminded, 1, 0))
        for supervision, hit, at in ((False, reminded, reminder_at), (True, supervised, supervision_at)):
            k = idx[hit]
            self.escalations.append((k, self.run_stage[k], np.full(len(k), supervision), self.rework_count[k],
                                     at[hit], deadline[hit], np.full(len(k), current)))

    def clear_clock(self, idx: np.ndarray) -> None:
        self.stage_started[idx] = NONE
        self.stage_deadline[idx] = NONE
        self.stage_remind[idx] = NONE

    def ask(self, take: np.ndarray, at: np.ndarray, action: Action, source: CaseStatus, deadline: np.ndarray,
            minutes: np.ndarray, reasons: tuple[str, ...], refuse: float,
            refusals: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """An extension or suspension request for the handler, then a supervisor's decision.

        A request at or after `deadline` is refused by the service and leaves no row, as one
        decided after now stays pending. Returns the cases approved and when.
        """
        rng, n = self.rng, self.n
        at = np.maximum(at, self.last + 1)
        take = take & (at < deadline)
        options = sorted(set(minutes.tolist()))
        pick = rng.integers(len(reasons), size=n)
        texts = self.notes.pool(tuple(f"+{m} min: {r}" for m in options for r in reasons))
        which = np.searchsorted(options, minutes)
        unit = dict(officer=self.officer, department=self.department)
        asker = self.operator(at)
        asked, asked_at = self.step(take, at, action, source, asker, note=texts[which * len(reasons) + pick], **unit)
        decided = self.last + rng.integers(*DECISION_DELAY, size=n)
        refused = take & (rng.random(n) < refuse)
        decider, why = self.supervisor(), self.pick_notes(refusals)
        no, no_at = self.step(refused, decided, REFUSALS[action], source, decider, note=why, **unit)
        granted = self.notes.pool(tuple(f"+{m} min" for m in options))[which]
        yes, yes_at = self.step(take & ~refused, decided, APPROVALS[action], source, decider, note=granted, **unit)
        state = np.zeros(n, dtype=np.int64)  # codes into REQUEST_STATES: pending until decided
        state[no], state[yes] = 2, 1
        decided_at = np.full(n, NONE, dtype=np.int64)
        decided_at[no], decided_at[yes] = no_at, yes_at
        r = self.requests
        for key, values in (("case", asked), ("kind", np.full(len(asked), action is Action.REQUEST_SUSPENSION)),
                            ("state", state[asked]), ("minutes", minutes[asked]),
                            ("reason", self.notes.pool(reasons)[pick[asked]]), ("stage", self.run_stage[asked]),
                            ("deadline", deadline[asked]), ("at", asked_at), ("by", asker[asked]),
                            ("officer", self.officer[asked]), ("department", self.department[asked]),
                            ("decided_at", decided_at[asked]),
                            ("decided_by", np.where(state[asked] > 0, decider[asked], NONE)),
                            ("decision", np.where(state[asked] == 2, why[asked], 0))):
            r[key].append(np.asarray(values, dtype=np.int64))
        return yes, yes_at


REQUEST_COLUMNS = ("case", "kind", "state", "minutes", "reason", "stage", "deadline", "at", "by", "officer",
                   "department", "decided_at", "decided_by", "decision")
REQUEST_KINDS = ("extension", "suspension")
REQUEST_STATES = ("pending", "approved", "refused")
APPROVALS = {Action.REQUEST_EXTENSION: Action.EXTEND, Action.REQUEST_SUSPENSION: Action.SUSPEND}
REFUSALS = {Action.REQUEST_EXTENSION: Action.REFUSE_EXTENSION, Action.REQUEST_SUSPENSION: Action.REFUSE_SUSPENSION}


def start_handling(plan: Plan, idx: np.ndarray, rework: bool = False) -> None:
    """After a dispatch or a rework at `plan.last`: the handling deadline runs from then, and the
    stage clock is the acceptance limit until the handler accepts (`field_steps.acceptance_clock`).
    A dispatch also sets the assessment deadline; a rework keeps it."""
    plan.start_run(idx, Stage.HANDLE, plan.last)
    plan.handle_deadline[idx] = plan.stage_deadline[idx]
    if not rework:
        plan.assess_deadline[idx] = plan.handle_deadline[idx]
    plan.start_run(idx, Stage.ACCEPT, plan.last)


def suspend_and_resume(plan: Plan, take: np.ndarray, at: np.ndarray, source: CaseStatus) -> None:
    """A suspension asked for, mostly approved (the clock stops), and the resume that carries what
    was left of each deadline over to it on its own clock (`time_requests._resume`)."""
    rng, n = plan.rng, plan.n
    wanted = rng.choice(np.array(SUSPENSION_WANTED), size=n)
    idx, at_s = plan.ask(take, at, Action.REQUEST_SUSPENSION, source, plan.stage_deadline, wanted, SUSPEND_REASONS,
                         P_REFUSE_SUSPENSION, SUSPEND_REFUSALS)
    suspended = np.zeros(n, dtype=bool)
    suspended[idx] = True
    plan.suspended_from[idx] = ST[source]
    plan.suspended_at[idx] = at_s
    # a suspension waits for something outside the centre (funds, a court, the weather): days, not hours
    pause = np.minimum(rng.lognormal(np.log(4 * 86400), 0.8, size=n), 30 * 86400).astype(np.int64)
    resume = plan.last + pause
    idx, at_r = plan.step(suspended, resume, Action.RESUME, CaseStatus.SUSPENDED, plan.operator(resume),
                          officer=plan.officer, department=plan.department)
    paused_at = plan.suspended_at[idx]
    plan.suspended_seconds[idx] += at_r - paused_at
    stage = STATUS_STAGE[source]
    _, working = plan.limit(stage)
    moved = plan.stage_deadline.copy()
    moved[idx] = plan.s.line.carry(plan.stage_deadline[idx], paused_at, at_r, working[idx])
    plan.clock_until(idx, stage, moved)
    _, working = plan.limit(Stage.HANDLE)
    for column in (plan.handle_deadline, plan.assess_deadline):
        has = column[idx] != NONE
        k = idx[has]
        column[k] = plan.s.line.carry(column[k], paused_at[has], at_r[has], working[k])
    plan.suspended_at[idx] = NONE
    plan.suspended_from[idx] = -1


def handle(plan: Plan, s: CaseSetting, rng: np.random.Generator, extend: np.ndarray, suspend: np.ndarray) -> None:
    """Accept and feed back (with an extension or a suspension for some) for dispatched cases."""
    n = plan.n
    start = np.where(plan.dispatched_at > 0, plan.dispatched_at, plan.last)
    minutes, working = plan.limit(Stage.HANDLE)
    accept_frac = rng.uniform(0.01, 0.12, size=n)
    accept_minutes, accept_working = plan.limit(Stage.ACCEPT)
    with plan.drawing_from(plan.field_rng):
        t = plan.advance(start, plan.fraction(Stage.ACCEPT) * accept_minutes, accept_working)
    by_officer = plan.officer != NONE
    idx, at = plan.step(np.ones(n, dtype=bool), t, Action.ACCEPT, CaseStatus.DISPATCHED, plan.operator(t),
                        officer=plan.officer, department=np.where(by_officer, NONE, plan.department))
    plan.accepted_at[idx] = at
    with plan.drawing_from(plan.field_rng):
        plan.end_run(idx, at)  # the acceptance clock; then the handling clock from the dispatch again
    plan.start_run(idx, Stage.HANDLE, start)
    plan.clock_until(idx, Stage.HANDLE, plan.handle_deadline)

    already = plan.suspended_seconds.copy()
    t = plan.advance(start, np.minimum(accept_frac + rng.uniform(0.05, 0.2, size=n), 0.5) * minutes, working)
    suspend_and_resume(plan, suspend, t, CaseStatus.ACCEPTED)

    # most ask in time; some only near or after the deadline, which the service refuses unrecorded
    ext_frac = np.maximum(accept_frac + 0.05, np.where(rng.random(n) < 0.85, rng.uniform(0.3, 0.6, size=n),
                                                       rng.uniform(0.9, 1.3, size=n)))
    t = plan.advance(start, ext_frac * minutes, working) + (plan.suspended_seconds - already)
    ext_minutes = np.where(working, rng.choice(EXTENSIONS_WORKING, size=n), rng.choice(EXTENSIONS_CALENDAR, size=n))
    idx, at = plan.ask(extend, t, Action.REQUEST_EXTENSION, CaseStatus.ACCEPTED, plan.handle_deadline, ext_minutes,
                       EXTEND_REASONS, P_REFUSE_EXTENSION, EXTEND_REFUSALS)
    for column in (plan.handle_deadline, plan.assess_deadline):
        has = column[idx] != NONE
        k = idx[has]
        column[k] = s.line.add(column[k], ext_minutes[k], working[k])
    plan.clock_until(idx, Stage.HANDLE, plan.handle_deadline)
    plan.extended_minutes[idx] += ext_minutes[idx]
    plan.escalation_level[idx] = 0
    granted = np.zeros(n, dtype=np.int64)
    granted[idx] = ext_minutes[idx]

    frac = np.maximum(plan.fraction(Stage.HANDLE, low=0.05), accept_frac + 0.03)
    t = plan.advance(start, frac * (minutes + granted), working) + (plan.suspended_seconds - already)
    majors = np.array([c[:2] for c in s.category_codes])[plan.cat]
    pick = rng.random(n)
    note = np.zeros(n, dtype=np.int64)
    for m, options in FEEDBACK_NOTES.items():
        hit = majors == m
        note[hit] = plan.notes.pool(tuple(options))[(pick[hit] * len(options)).astype(np.int64)]
    idx, at = plan.step(np.ones(n, dtype=bool), t, Action.FEED_BACK, CaseStatus.ACCEPTED, plan.operator(t),
                        note=note, officer=plan.officer, department=plan.department)
    plan.end_run(idx, at)
    plan.fed_back_at[idx] = at
    plan.start_run(idx, Stage.VERIFY, plan.last)


def verify(plan: Plan, rng: np.random.Generator, take: np.ndarray, action: Action) -> None:
    """Close verified cases, or return some for rework (which restarts the handling clock)."""
    minutes, working = plan.limit(Stage.VERIFY)
    start = np.where(plan.fed_back_at > 0, plan.fed_back_at, plan.last)
    t = plan.advance(start, plan.fraction(Stage.VERIFY) * minutes, working)
    if action is Action.RETURN_FOR_REWORK:
        idx, at = plan.step(take & (plan.rework_count == 0), t, action, CaseStatus.FED_BACK, plan.supervisor(),
                            note=plan.pick_notes(REWORK_REASONS))
        plan.end_run(idx, at)
        plan.rework_count[idx] += 1
        plan.fed_back_at[idx] = NONE
        plan.accepted_at[idx] = NONE
        plan.dispatched_at[idx] = at
        start_handling(plan, idx, rework=True)
        return
    idx, at = plan.step(take, t, Action.CLOSE, CaseStatus.FED_BACK, plan.supervisor())
    plan.end_run(idx, at)
    plan.closed_at[idx] = at
    plan.clear_clock(idx)


