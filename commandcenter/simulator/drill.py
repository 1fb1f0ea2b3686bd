"""The drill feed: a generated stream of new cases and field progress, written as a live centre would.

A trainer runs it as its own process (`commandcenter drill`) against a demo database while
operators work the wall. It writes through the same services the seats use, one short
transaction per write, so walls see cases appear one by one:

- new cases arrive as a Poisson process at the chosen rate, in a grid drawn with hotspot
  weights, at a random point inside the grid, with category, priority and channel drawn the
  way a real centre's mix looks and a Chinese description from the demo's templates; a
  call-taker registers most hotline calls at once;
- officers and departments accept the cases dispatched to them after a short delay and feed
  back a while later; officers on duty walk their grids, head for the case they handle, and
  report positions;
- the escalation clock runs every few seconds.

When the database goes away (PostgreSQL restarted, the network dropped) the drill pauses,
retries with a growing delay and resumes where it stopped; a new case whose write failed is
looked up before it is written again, since the commit may have happened before the error.

The case stream (arrival gaps here; categories, priorities, places, texts in `drill_cases`)
depends only on the seed and the city, never on timing, so the same seed gives the same
sequence of cases. Field progress and positions depend on what operators do meanwhile and are
not reproducible.
"""

from __future__ import annotations

import logging
import math
import random
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import InterfaceError, OperationalError

from ..db import Database
from ..domain.actions import Action
from ..domain.enums import AVAILABLE_DUTY, CaseStatus
from ..errors import DatabaseBusy, IllegalTransition, NotFound, StaleCase, ValidationError
from ..geometry.projection import LocalProjection
from ..models import Case, Officer, OfficerGrid
from ..services.auth import Principal, system_principal
from ..services.drill_scope import require_demo
from ..services.escalation import scan_escalations
from ..services.lifecycle import CaseService, TransitionParams
from ..services.roster import PositionReport, record_positions
from ..services.warnings import WarningService
from ..shapes.cases import NewCase
from .drill_cases import (
    GENERIC_FEEDBACK,
    CaseGenerator,
    DrillCity,
    DrillGrid,
    GeneratedCase,
    random_point_in,
)

log = logging.getLogger(__name__)

MAX_RATE_PER_MINUTE = 6000.0  # 100 cases a second: about what one SQLite writer sustains here

# the loop's cadence, in seconds of wall time
FIELD_EVERY = 1.0
ESCALATION_EVERY = 5.0
PROGRESS_EVERY = 1.0
OFFICER_RELOAD_EVERY = 30.0
# a drill runs at the speed of the room: handlers react in seconds to minutes
ACCEPT_DELAY_S = (5.0, 45.0)
FEEDBACK_DELAY_S = (20.0, 150.0)
MAX_ACTIONS_PER_TICK = 10  # a backlog of old dispatched cases drains gradually, not in one burst
POSITION_EVERY_S = 10.0
MAX_POSITIONS_PER_TICK = 200
OFFICER_SPEED_MPS = (1.2, 5.0)  # on foot to e-bike
# a failed write waits this long before the database is probed, doubling up to the maximum
RETRY_FIRST_S = 0.5
RETRY_MAX_S = 4.0
# what a lost, refused or busy connection raises (a programming error raises something else);
# DatabaseBusy: another writer (an import) held the lock longer than one write may wait
UNAVAILABLE = (OperationalError, InterfaceError, DatabaseBusy)

@dataclass(frozen=True)
class DrillProgress:
    """Counts since the drill started."""

    elapsed: float = 0.0
    cases: int = 0
    registered: int = 0
    accepted: int = 0
    fed_back: int = 0
    positions: int = 0
    escalations: int = 0
    skipped: int = 0  # writes refused because a seat changed the case meanwhile, or the database was busy
    outages: int = 0  # times the database could not be reached


@dataclass
class _Walker:
    officer_id: int
    grids: tuple[DrillGrid, ...]
    lon: float
    lat: float
    speed: float
    next_report: float
    moved_at: float
    target: tuple[float, float] | None = None




class FieldSimulation:
    """Handlers accepting and feeding back, and officers walking and reporting positions."""

    def __init__(self, db: Database, city: DrillCity, seed: int, cases: CaseService, principal: Principal) -> None:
        self.db = db
        self.principal = principal  # the drill feed's own account
        self.city = city
        self.seed = seed
        self.cases = cases
        self.rng = random.Random(f"drill:{seed}:field")
        self.walkers: dict[int, _Walker] = {}
        self._categories = {c.id: c for c in city.categories}
        self._grids = {g.id: g for g in city.grids}
        self._officers_loaded = -math.inf

    # ---- handlers ---------------------------------------------------------------------
    def _delay(self, case_id: int, step: str, rework: int) -> float:
        """How long a handler takes for this step of this case: fixed per seed, case and round."""
        low, high = ACCEPT_DELAY_S if step == "accept" else FEEDBACK_DELAY_S
        u = zlib.crc32(f"{self.seed}:{case_id}:{step}:{rework}".encode()) / 2**32
        return low + (high - low) * u

    def progress_cases(self, now: datetime, progress: DrillProgress) -> tuple[DrillProgress, dict[int, tuple[float, float]]]:
        """Accept and feed back the cases whose delay has passed; returns where officers are headed."""
        where = [Case.status.in_((CaseStatus.DISPATCHED.value, CaseStatus.ACCEPTED.value))]
        if self.city.centre_ids is not None:
            where.append(Case.centre_id.in_(self.city.centre_ids))
        with self.db.read() as s:
            rows = s.execute(
                select(Case.id, Case.version, Case.status, Case.category_id, Case.assignee_officer_id,
                       Case.dispatched_at, Case.accepted_at, Case.rework_count, Case.lon, Case.lat)
                .where(*where)
            ).all()
        heading: dict[int, tuple[float, float]] = {}
        due: list[tuple[datetime, Any]] = []
        for r in rows:
            if r.status == CaseStatus.ACCEPTED and r.assignee_officer_id is not None:
                heading.setdefault(r.assignee_officer_id, (r.lon, r.lat))
            start, step = (r.dispatched_at, "accept") if r.status == CaseStatus.DISPATCHED else (r.accepted_at, "feed_back")
            if start is None:
                continue
            at = start.timestamp() + self._delay(r.id, step, r.rework_count)
            if at <= now.timestamp():
                due.append((start, r))
        due.sort(key=lambda item: (item[0], item[1].id))
        for _, r in due[:MAX_ACTIONS_PER_TICK]:
            try:
                if r.status == CaseStatus.DISPATCHED:
                    self.cases.perform(self.principal, r.id, Action.ACCEPT, expected_version=r.version)
                    progress = replace(progress, accepted=progress.accepted + 1)
                else:
                    category = self._categories.get(r.category_id)
                    note = self.rng.choice(category.feedback if category else GENERIC_FEEDBACK)
                    self.cases.perform(self.principal, r.id, Action.FEED_BACK, TransitionParams(note=note),
                                       expected_version=r.version)
                    progress = replace(progress, fed_back=progress.fed_back + 1)
            except (StaleCase, IllegalTransition, NotFound) as exc:
                log.info("drill: skipped case %s: %s", r.id, exc)
                progress = replace(progress, skipped=progress.skipped + 1)
        return progress, heading

    # ---- officers ---------------------------------------------------------------------
    def _load_officers(self, now_m: float) -> None:
        """Officers on duty with a grid in the drill's area; new ones start where last seen."""
        with self.db.read() as s:
            rows = s.execute(
                select(Officer.id, Officer.last_lon, Officer.last_lat, OfficerGrid.grid_id)
                .join(OfficerGrid, OfficerGrid.officer_id == Officer.id)
                .where(Officer.duty_status.in_([d.value for d in AVAILABLE_DUTY]))
                .order_by(Officer.id, OfficerGrid.grid_id)
            ).all()
        grids: dict[int, list[DrillGrid]] = {}
        info: dict[int, Any] = {}
        for r in rows:
            if r.grid_id in self._grids:
                grids.setdefault(r.id, []).append(self._grids[r.grid_id])
                info[r.id] = r
        walkers: dict[int, _Walker] = {}
        for oid, own in grids.items():
            walker = self.walkers.get(oid)
            if walker is None:
                r = info[oid]
                lon, lat = (r.last_lon, r.last_lat) if r.last_lon is not None else random_point_in(
                    own[0].geometry, self.rng)
                # report at once, so the map shows everyone from the start
                walker = _Walker(oid, tuple(own), lon, lat, self.rng.uniform(*OFFICER_SPEED_MPS),
                                 now_m, now_m)
            walkers[oid] = walker
        self.walkers = walkers
        self._officers_loaded = now_m

    def _walk(self, w: _Walker, now_m: float, heading: tuple[float, float] | None) -> None:
        if heading is not None:
            w.target = heading
        elif w.target is None:
            w.target = random_point_in(self.rng.choice(w.grids).geometry, self.rng)
        here = LocalProjection(w.lon, w.lat)
        dx, dy = here.to_xy(*w.target)
        dist = math.hypot(dx, dy)
        step = w.speed * max(0.0, now_m - w.moved_at)
        w.moved_at = now_m
        if dist <= step:
            w.lon, w.lat = w.target
            w.target = None  # arrived: pick a new patrol point next time (or stay on the case)
        else:
            w.lon, w.lat = here.to_lonlat(dx / dist * step, dy / dist * step)

    def move_officers(self, now: datetime, now_m: float, heading: dict[int, tuple[float, float]],
                      progress: DrillProgress) -> DrillProgress:
        if now_m - self._officers_loaded >= OFFICER_RELOAD_EVERY:
            self._load_officers(now_m)
        due = sorted((w for w in self.walkers.values() if w.next_report <= now_m), key=lambda w: w.next_report)
        reports = []
        for w in due[:MAX_POSITIONS_PER_TICK]:
            self._walk(w, now_m, heading.get(w.officer_id))
            w.next_report = now_m + POSITION_EVERY_S * self.rng.uniform(0.8, 1.2)  # GPS units drift apart
            reports.append(PositionReport(w.officer_id, now, w.lon, w.lat))
        if not reports:
            return progress
        record_positions(self.db, reports)
        return replace(progress, positions=progress.positions + len(reports))


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


class Drill:
    """One drill run: new cases at `rate` a minute, field progress, and the escalation clock.

    `run` paces itself on `time.monotonic()` and sleeps between writes (it is a process of its
    own); `stop` is polled so a signal handler can end it cleanly between two transactions.
    """

    def __init__(self, db: Database, rate_per_minute: float | str, seed: int, centre_code: str | None = None) -> None:
        self.db = db
        self.rate_per_minute = parse_rate(rate_per_minute)
        self.seed = seed
        require_demo(db)  # before anything is read or written: a drill never touches real work
        self.city = DrillCity.load(db, centre_code)
        self.cases = CaseService(db)
        self.principal = system_principal(db, "drill")
        self.generator = CaseGenerator(self.city, seed)
        self.simulation = FieldSimulation(db, self.city, seed, self.cases, self.principal)
        self._arrivals = random.Random(f"drill:{seed}:arrivals")
        # a drawn case whose write failed, and when that write started: it may have committed
        self._unsure: tuple[GeneratedCase, datetime] | None = None
        self._fed: list[int] = []  # cases written since the clock's last tick
        self.warnings, self.clock = WarningService(db), system_principal(db, "escalation-clock")

    def next_gap(self) -> float:
        """Seconds to the next arrival: exponential, so arrivals form a Poisson process."""
        return self._arrivals.expovariate(self.rate_per_minute / 60.0)

    def create_case(self, progress: DrillProgress) -> DrillProgress:
        """Write the next case of the stream, or the one whose last write failed.

        A failed write may still have committed (the connection can drop after COMMIT, or while
        reading the new row back), so that case is looked up before it is written again: the
        stream goes on in order and no case is fed twice.
        """
        if self._unsure is not None:
            generated, since = self._unsure
            if self._already_written(generated.new, since):
                self._unsure = None
                return self._counted(progress, generated)
        else:
            generated, since = self.generator.next(), self.db.clock.now()
        self._unsure = (generated, since)
        row = self.cases.report(self.principal, generated.new, register=generated.register)
        self._unsure = None
        self._fed.append(row.id)
        return self._counted(progress, generated)

    @staticmethod
    def _counted(progress: DrillProgress, generated: GeneratedCase) -> DrillProgress:
        return replace(progress, cases=progress.cases + 1, registered=progress.registered + generated.register)

    def _already_written(self, new: NewCase, since: datetime) -> bool:
        """Whether the drill wrote this case since `since`: its random point and text make it unique."""
        with self.db.read() as s:
            found = s.scalar(
                select(Case.id).where(
                    Case.reported_at >= since.replace(microsecond=0),  # stored in whole seconds
                    Case.is_drill.is_(True),
                    Case.lon == new.lon,
                    Case.lat == new.lat,
                    Case.category_id == new.category_id,
                    Case.description == new.description,
                ).limit(1)
            )
        return found is not None

    def field_tick(self, progress: DrillProgress) -> DrillProgress:
        now, now_m = self.db.clock.now(), time.monotonic()
        progress, heading = self.simulation.progress_cases(now, progress)
        return self.simulation.move_officers(now, now_m, heading, progress)

    def escalate(self, progress: DrillProgress) -> DrillProgress:
        found = scan_escalations(self.db)
        # the clock also runs the early-warning detectors around the cases fed since its last tick,
        # so a trainer's planted burst shows on the wall as it would in production
        fed, self._fed = self._fed, []
        self.warnings.update_for_cases(self.clock, fed)
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
        """Run until `duration` seconds have passed or `stop()` is true; returns the final counts.

        A write that fails because the database is busy or gone is retried (see
        `wait_for_database`); arrivals that fell due during an outage are not made up in a
        burst: the stream resumes at the chosen rate with the case that was next.
        """
        start = time.monotonic()
        end = math.inf if duration is None else start + duration
        progress = DrillProgress()
        next_case = start + self.next_gap()
        next_field = next_scan = start
        next_report = start + PROGRESS_EVERY
        while not stop():
            now_m = time.monotonic()
            if now_m >= end:
                break
            try:
                # arrivals that fell due; when writes lag behind the rate, yield to the field and
                # the progress line every half second instead of starving them
                while next_case <= now_m and next_case < end and time.monotonic() - now_m < 0.5 and not stop():
                    progress = self.create_case(progress)
                    next_case += self.next_gap()
                if now_m >= next_field:
                    progress = self.field_tick(progress)
                    next_field = now_m + FIELD_EVERY
                if now_m >= next_scan:
                    progress = self.escalate(progress)
                    next_scan = now_m + ESCALATION_EVERY
            except UNAVAILABLE as exc:
                if self.wait_for_database(exc, end, stop, on_connection):
                    progress = replace(progress, outages=progress.outages + 1)
                    next_case = max(next_case, time.monotonic())
                else:
                    progress = replace(progress, skipped=progress.skipped + 1)
                continue
            if now_m >= next_report:
                on_progress(replace(progress, elapsed=now_m - start))
                next_report = now_m + PROGRESS_EVERY
            wake = min(next_case, next_field, next_scan, next_report, end)
            time.sleep(min(max(wake - time.monotonic(), 0.0), 0.25))
        return replace(progress, elapsed=time.monotonic() - start)
