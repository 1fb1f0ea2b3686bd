"""The drill feed: cases from a scenario and random load, and the field's answers, written as a live centre would.

A trainer runs it as its own process (`commandcenter drill`) or from the drill screen (through
`scenario_player.ScenarioPlayer`) against a demo database while operators work the wall. It
writes through the same services the seats use, one short transaction per write, so walls see
cases appear one by one:

- a scenario's timeline (`scenario`, placed in the city by `scenario_city`) plays at its
  offsets on the scenario clock, `speed` times faster than the wall: cases, and field events
  (an officer going off duty, a handler ordered to send a case back, a road closure raising a
  case, a reporter calling again);
- random cases arrive as a Poisson process at `rate` a scenario minute and in the scenario's
  background windows, drawn by `drill_cases` (the same seed gives the same sequence);
- the field answers only this run's cases (`drill_field`; every case the run writes gets a
  `drill_case` row of its `drill_run`), or pre-existing ones too with `background`; officers on
  duty walk their grids (`drill_walks`); the escalation clock runs every few seconds.

When the database goes away (PostgreSQL restarted, the network dropped) the drill pauses,
retries with a growing delay and resumes where it stopped; a case whose write failed is looked
up before it is written again, since the commit may have happened before the error.
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.exc import InterfaceError, OperationalError

from ..db import Database
from ..domain.actions import Action
from ..domain.drill import DrillCaseKind
from ..domain.enums import DutyStatus
from ..errors import DatabaseBusy, ValidationError
from ..models import Case, DrillCase, DrillRun
from ..services.auth import Principal, authorize, system_principal
from ..services.drill_scope import require_demo
from ..services.escalation import scan_escalations
from ..services.lifecycle import CaseService
from ..services.roster import set_duty_status
from ..services.warnings import WarningService
from ..shapes.cases import NewCase
from ..shapes.drill import DrillProgress
from .drill_cases import CaseGenerator, DrillCity
from .drill_field import FieldResponses
from .drill_walks import OfficerWalks
from .scenario import EventKind, Scenario
from .scenario_city import PlacedCase, PlacedEvent, PlacedScenario, repeat_call, resolve_scenario
from .scenario_clock import ScenarioClock

__all__ = ["Drill", "DrillProgress", "parse_duration", "parse_rate", "parse_speed"]

log = logging.getLogger(__name__)

MAX_RATE_PER_MINUTE = 6000.0  # 100 cases a second: about what one SQLite writer sustains here
MAX_SPEED = 1000.0

# the loop's cadence, in seconds of wall time
FIELD_EVERY = 1.0
ESCALATION_EVERY = 5.0
PROGRESS_EVERY = 1.0
# a failed write waits this long before the database is probed, doubling up to the maximum
RETRY_FIRST_S = 0.5
RETRY_MAX_S = 4.0
# what a lost, refused or busy connection raises (a programming error raises something else);
# DatabaseBusy: another writer (an import) held the lock longer than one write may wait
UNAVAILABLE = (OperationalError, InterfaceError, DatabaseBusy)


@dataclass(frozen=True)
class PendingCase:
    """A case the drill is about to write, with its `drill_case` facts."""

    new: NewCase
    register: bool
    kind: DrillCaseKind
    at: float  # scenario seconds it was due
    item_index: int | None = None
    item_key: str = ""
    grid_id: int | None = None  # the grid the scenario means; None: wherever the point falls


def parse_rate(value: str | float) -> float:
    """Cases per minute: a finite number above 0 and at most MAX_RATE_PER_MINUTE."""
    try:
        rate = float(value)
    except (TypeError, ValueError):
        rate = math.nan
    if not (0 < rate <= MAX_RATE_PER_MINUTE):
        raise ValidationError(
            f"--rate must be a number of cases per minute above 0 and at most {MAX_RATE_PER_MINUTE:g} "
            f"(got {value})", field="rate", value=str(value), maximum=MAX_RATE_PER_MINUTE,
        )
    return rate


def parse_duration(value: str | float | None) -> float | None:
    """Seconds to run: a finite number above 0, or None to run until stopped."""
    if value is None:
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = math.nan
    if not (0 < seconds < math.inf):
        raise ValidationError(f"--duration must be a number of seconds above 0 (got {value})",
                              field="duration", value=str(value))
    return seconds


def parse_speed(value: str | float) -> float:
    """How many times faster than the wall a scenario plays: above 0 and at most MAX_SPEED."""
    try:
        speed = float(value)
    except (TypeError, ValueError):
        speed = math.nan
    if not (0 < speed <= MAX_SPEED):
        raise ValidationError(f"--speed must be a number above 0 and at most {MAX_SPEED:g} (got {value})",
                              field="speed", value=str(value), maximum=MAX_SPEED)
    return speed


Pending = PendingCase | PlacedEvent


class Drill:
    """One drill run: a scenario's timeline and random load, the field's answers, and the escalation clock.

    Nothing is written before `begin` (which `run` calls): the run's `drill_run` row first, then
    its cases. `run` paces itself on the scenario clock and sleeps between writes; `stop` is
    polled so a signal handler (or the trainer's Stop) ends it cleanly between two transactions.
    `clock` may be paused, resumed and sped up from another thread while `run` runs.
    """

    def __init__(self, db: Database, rate_per_minute: float | str | None, seed: int, centre_code: str | None = None,
                 *, scenario: Scenario | None = None, speed: float | str = 1.0, background: bool = False,
                 started_by: Principal | None = None) -> None:
        self.db = db
        self.rate_per_minute = None if rate_per_minute is None else parse_rate(rate_per_minute)
        self.seed = seed
        require_demo(db)  # before anything is read or written: a drill never touches real work
        if started_by is not None:
            authorize(db, started_by, Action.RUN_DRILL)
        self.started_by = started_by
        self.scenario = scenario
        self.background = background
        self.city = DrillCity.load(db, centre_code)
        self.placed: PlacedScenario | None = (
            resolve_scenario(db, self.city, scenario, seed) if scenario is not None else None)
        self.timeline: tuple[PlacedCase | PlacedEvent, ...] = self.placed.timeline if self.placed else ()
        self.clock = ScenarioClock(parse_speed(speed), lambda: db.clock.now().timestamp())
        self.cases = CaseService(db)
        self.principal = system_principal(db, "drill")
        self.generator = CaseGenerator(self.city, seed)
        self.simulation = FieldResponses(db, self.city, seed, self.cases, self.principal, self.clock)
        self.walks = OfficerWalks(db, self.city, seed)
        self.warnings, self.clock_principal = WarningService(db), system_principal(db, "escalation-clock")
        self.run_id: int | None = None
        self.items_done = 0  # timeline items played
        self._next_item = 0  # the timeline item to draw next
        self._arrivals = random.Random(f"drill:{seed}:arrivals")
        self._next_random = self.next_gap() if self.rate_per_minute else math.inf
        windows = scenario.background if scenario is not None else ()
        self._windows = [(w, random.Random(f"drill:{seed}:window:{i}")) for i, w in enumerate(windows)]
        self._next_window = [self._window_gap(i, w.start) for i, (w, _) in enumerate(self._windows)]
        # what was drawn and not yet done: a write may have committed before it failed, so it is
        # looked up (from `since`) before it is tried again; a case written but not yet linked to
        # the run keeps its id here
        self._current: tuple[Pending, datetime, int | None] | None = None
        self._tried = False
        self._written_by_key: dict[str, tuple[int, PlacedCase]] = {}
        self._fed: list[int] = []  # cases written since the escalation clock's last tick

    # ---- the run's record ---------------------------------------------------------------
    def begin(self) -> int:
        """Write the run's `drill_run` row and start the scenario clock (once)."""
        if self.run_id is not None:
            return self.run_id
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            run = DrillRun(started_at=now, scenario_name=self.scenario.name if self.scenario else "",
                           scenario_hash=self.scenario.sha256 if self.scenario else "", speed=self.clock.speed,
                           seed=self.seed, rate=self.rate_per_minute, background=self.background,
                           started_by_user_id=self.started_by.user_id if self.started_by else None)
            s.add(run)
            s.flush()
            self.run_id = run.id
        self.simulation.run_id = self.run_id
        self.simulation.background_since = now if self.background else None
        self.clock.start()
        return self.run_id

    def finish(self) -> None:
        """Record when the run ended (best effort: the database may be gone)."""
        if self.run_id is None:
            return
        try:
            with self.db.unit_of_work() as s:
                run = s.get(DrillRun, self.run_id)
                if run is not None:
                    run.ended_at = self.db.clock.now()
        except UNAVAILABLE as exc:
            log.warning("drill: could not record the end of run %s: %s", self.run_id, exc)

    # ---- what falls due -------------------------------------------------------------------
    def next_gap(self) -> float:
        """Scenario seconds to the next random arrival: exponential, so arrivals form a Poisson process."""
        assert self.rate_per_minute
        return self._arrivals.expovariate(self.rate_per_minute / 60.0)

    def _window_gap(self, i: int, after: float) -> float:
        window, rng = self._windows[i]
        at = after + rng.expovariate(window.rate / 60.0)
        return at if at < window.end else math.inf

    @property
    def timeline_done(self) -> bool:
        return self._next_item >= len(self.timeline) and all(math.isinf(t) for t in self._next_window)

    def next_at(self) -> float:
        """Scenario time of the next scheduled thing (timeline item or random arrival); inf if none."""
        item = self.timeline[self._next_item].at if self._next_item < len(self.timeline) else math.inf
        return min(item, self._next_random, *self._next_window)

    def next_item_at(self) -> float | None:
        """Scenario time of the next timeline item, None when the timeline is played."""
        return self.timeline[self._next_item].at if self._next_item < len(self.timeline) else None

    def skip_random_backlog(self) -> None:
        """After an outage, random arrivals resume at the chosen rate instead of in a burst."""
        now = self.clock.now()
        self._next_random = max(self._next_random, now)
        self._next_window = [max(t, now) for t in self._next_window]

    def _random(self, at: float) -> PendingCase:
        generated = self.generator.next()
        return PendingCase(generated.new, generated.register, DrillCaseKind.RANDOM, at)

    def _draw(self) -> Pending | None:
        """The next thing due by the scenario clock, its schedule advanced; None when nothing is."""
        now, at = self.clock.now(), self.next_at()
        if at > now:
            return None
        if self._next_item < len(self.timeline) and self.timeline[self._next_item].at == at:
            item = self.timeline[self._next_item]
            self._next_item += 1
            return self._pending_of(item)
        if self._next_random == at:
            self._next_random += self.next_gap()
            return self._random(at)
        i = self._next_window.index(at)
        self._next_window[i] = self._window_gap(i, at)
        return self._random(at)

    def _pending_of(self, item: PlacedCase | PlacedEvent) -> Pending:
        if isinstance(item, PlacedCase):
            return PendingCase(item.new, item.register, DrillCaseKind.SCENARIO, item.at, item.item_index, item.key,
                               item.grid_id)
        if item.raises is not None:
            raised = item.raises
            return PendingCase(raised.new, True, DrillCaseKind.ROAD_CLOSED, item.at, item.item_index, "",
                               raised.grid_id)
        if item.event.kind == EventKind.CALL_AGAIN and item.event.case_key in self._written_by_key:
            _, original = self._written_by_key[item.event.case_key]
            return PendingCase(repeat_call(original, item.event), False, DrillCaseKind.REPEAT_CALL, item.at,
                               item.item_index, item.event.case_key, original.grid_id)
        return item

    # ---- playing it -----------------------------------------------------------------------
    def play_due(self, progress: DrillProgress) -> DrillProgress | None:
        """Play the next thing that fell due (or the one whose last try failed); None when nothing is due."""
        if self._current is None:
            drawn = self._draw()
            if drawn is None:
                return None
            self._current, self._tried = (drawn, self.db.clock.now(), None), False
        pending, since, case_id = self._current
        tried, self._tried = self._tried, True
        if isinstance(pending, PlacedEvent):
            progress = self._play_event(pending, progress)
        else:
            if case_id is None and tried:
                case_id = self._already_written(pending.new, since)
            if case_id is None:
                case_id = self.cases.report(self.principal, pending.new, register=pending.register).id
                self._current = (pending, since, case_id)
            self._link(case_id, pending)
            self._fed.append(case_id)
            progress = self._counted(progress, pending, case_id)
        self._current = None
        return progress

    def create_case(self, progress: DrillProgress) -> DrillProgress:
        """Write the next random case of the stream (or the one whose last write failed)."""
        self.begin()
        if self._current is None:
            self._current, self._tried = (self._random(self.clock.now()), self.db.clock.now(), None), False
        done = self.play_due(progress)
        assert done is not None
        return done

    def _link(self, case_id: int, pending: PendingCase) -> None:
        """The case's `drill_case` row: which run wrote it, for which item, meaning what."""
        assert self.run_id is not None
        with self.db.unit_of_work() as s:
            if s.get(DrillCase, case_id) is None:
                s.add(DrillCase(case_id=case_id, run_id=self.run_id, kind=pending.kind.value,
                                item_index=pending.item_index, item_key=pending.item_key,
                                scheduled_offset=pending.at, intended_category_id=pending.new.category_id,
                                intended_grid_id=pending.grid_id, intended_priority=str(pending.new.priority)))

    def _counted(self, progress: DrillProgress, pending: PendingCase, case_id: int) -> DrillProgress:
        progress = replace(progress, cases=progress.cases + 1, registered=progress.registered + pending.register)
        if pending.item_index is None:
            return progress
        self.items_done += 1
        if pending.kind is DrillCaseKind.SCENARIO:
            item = self.timeline[pending.item_index]  # every item is placed, so index = position
            if isinstance(item, PlacedCase) and item.key:
                self._written_by_key[item.key] = (case_id, item)
            return progress
        return replace(progress, events=progress.events + 1)

    def _play_event(self, placed: PlacedEvent, progress: DrillProgress) -> DrillProgress:
        event = placed.event
        if event.kind in (EventKind.OFF_DUTY, EventKind.ON_DUTY):
            status = DutyStatus.OFF_DUTY if event.kind == EventKind.OFF_DUTY else DutyStatus.ON_DUTY
            for officer_id in placed.officer_ids:
                set_duty_status(self.db, self.principal, officer_id, status)
            self.walks.reload()
        elif event.kind == EventKind.SEND_BACK and event.case_key in self._written_by_key:
            case_id, _ = self._written_by_key[event.case_key]
            self.simulation.send_back_orders[case_id] = (event.reason, placed.at)
        else:  # about a case that was never written (its write was skipped)
            self.items_done += 1
            return replace(progress, skipped=progress.skipped + 1)
        self.items_done += 1
        return replace(progress, events=progress.events + 1)

    def _already_written(self, new: NewCase, since: datetime) -> int | None:
        """The case the drill wrote since `since` with this point and text, if the write committed."""
        with self.db.read() as s:
            return s.scalar(
                select(Case.id).where(
                    Case.reported_at >= since.replace(microsecond=0),  # stored in whole seconds
                    Case.is_drill.is_(True),
                    Case.lon == new.lon,
                    Case.lat == new.lat,
                    Case.category_id == new.category_id,
                    Case.description == new.description,
                ).limit(1)
            )

    def field_tick(self, progress: DrillProgress) -> DrillProgress:
        progress, heading = self.simulation.tick(progress)
        if self.clock.paused:
            return progress
        return self.walks.move(self.db.clock.now(), time.monotonic(), heading, progress)

    def escalate(self, progress: DrillProgress) -> DrillProgress:
        found = scan_escalations(self.db)
        # the clock also runs the early-warning detectors around the cases fed since its last tick,
        # so a trainer's planted burst shows on the wall as it would in production
        fed, self._fed = self._fed, []
        self.warnings.update_for_cases(self.clock_principal, fed)
        return replace(progress, escalations=progress.escalations + len(found))

    def _reachable(self) -> bool:
        try:
            with self.db.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except UNAVAILABLE:
            return False
        return True

    def wait_for_database(
        self,
        error: Exception,
        until: float,
        stop: Callable[[], bool],
        on_connection: Callable[[str | None], None],
    ) -> bool:
        """After a failed write: wait, probe, and while the database is unreachable keep retrying.

        The first wait is short and silent, so a busy database or a dropped connection that
        reconnects at once costs one retry; a database still unreachable then is reported once
        through `on_connection(reason)` and again with `on_connection(None)` when it answers.
        Returns whether it was unreachable; gives up waiting at `until` or when `stop()` is true.
        """
        delay, announced = RETRY_FIRST_S, False
        lines = str(getattr(error, "orig", None) or error).strip().splitlines()
        reason = lines[0] if lines else type(error).__name__
        while True:
            resume = time.monotonic() + delay
            while time.monotonic() < resume:
                if stop() or time.monotonic() >= until:
                    return announced
                time.sleep(min(0.25, max(resume - time.monotonic(), 0.0)))
            if self._reachable():
                if announced:
                    log.warning("drill: reconnected to %s", self.db.display_name)
                    on_connection(None)
                else:
                    log.info("drill: retrying after %s", reason)
                return announced
            if not announced:
                announced = True
                log.warning("drill: database %s unreachable; retrying: %s", self.db.display_name, reason)
                on_connection(reason)
            delay = min(delay * 2, RETRY_MAX_S)

    def run(
        self,
        duration: float | None,
        on_progress: Callable[[DrillProgress], None] = lambda p: None,
        stop: Callable[[], bool] = lambda: False,
        on_connection: Callable[[str | None], None] = lambda reason: None,
    ) -> DrillProgress:
        """Run until `duration` wall seconds have passed or `stop()` is true; returns the final counts.

        A scenario's timeline ending does not end the run: the field goes on answering the
        operators until the trainer stops it. A write that fails because the database is busy or
        gone is retried (see `wait_for_database`); random arrivals that fell due during an outage
        are not made up in a burst, while every timeline item is still played, in order.
        """
        progress = DrillProgress()
        try:
            self.begin()
            start = time.monotonic()
            end = math.inf if duration is None else start + duration
            next_field = next_scan = start
            next_report = start + PROGRESS_EVERY
            while not stop():
                now_m = time.monotonic()
                if now_m >= end:
                    break
                try:
                    # what fell due; when writes lag behind, yield to the field and the progress
                    # line every half second instead of starving them
                    while time.monotonic() - now_m < 0.5 and time.monotonic() < end and not stop():
                        played = self.play_due(progress)
                        if played is None:
                            break
                        progress = played
                    if now_m >= next_field:
                        progress = self.field_tick(progress)
                        next_field = now_m + FIELD_EVERY
                    if now_m >= next_scan:
                        progress = self.escalate(progress)
                        next_scan = now_m + ESCALATION_EVERY
                except UNAVAILABLE as exc:
                    if self.wait_for_database(exc, end, stop, on_connection):
                        progress = replace(progress, outages=progress.outages + 1)
                        self.skip_random_backlog()
                    else:
                        progress = replace(progress, skipped=progress.skipped + 1)
                    continue
                if now_m >= next_report:
                    on_progress(replace(progress, elapsed=now_m - start))
                    next_report = now_m + PROGRESS_EVERY
                due = now_m + self.clock.wall_until(self.next_at())
                wake = min(due, next_field, next_scan, next_report, end)
                time.sleep(min(max(wake - time.monotonic(), 0.0), 0.25))
            elapsed = time.monotonic() - start
        finally:
            self.finish()
        return replace(progress, elapsed=elapsed)
