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

The case stream (arrival gaps, categories, priorities, places, texts) depends only on the
seed and the city, never on timing, so the same seed gives the same sequence of cases. Field
progress and positions depend on what operators do meanwhile and are not reproducible.
"""

from __future__ import annotations

import logging
import math
import random
import time
import zlib
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import accumulate
from typing import Any

import shapely
from sqlalchemy import select, text
from sqlalchemy.exc import InterfaceError, OperationalError

from ..db import Database
from ..domain.actions import Action
from ..domain.enums import AVAILABLE_DUTY, CaseStatus, Priority, SourceChannel
from ..errors import DatabaseBusy, IllegalTransition, NotFound, StaleCase, ValidationError
from ..geometry.projection import LocalProjection
from ..models import (
    AppMeta,
    Case,
    Category,
    CommandCentre,
    Community,
    Grid,
    Officer,
    OfficerGrid,
    Street,
)
from ..services.auth import SystemActor, centre_scope
from ..services.escalation import scan_escalations
from ..services.lifecycle import CaseService, TransitionParams
from ..services.reference_data import MAJOR_CATEGORIES, MINOR_CATEGORIES
from ..services.roster import PositionReport, record_positions
from ..shapes.cases import NewCase
from .demo.texts import (
    DESCRIPTIONS,
    FEEDBACK_NOTES,
    PLACE_SUFFIXES,
    ROAD_STEMS,
    ROAD_SUFFIXES,
)

log = logging.getLogger(__name__)

DRILL_ACTOR = SystemActor(username="drill", display_name="drill")
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

# relative frequency of minor categories by name (what digital urban management centres see
# most: rubbish, street vending, parking, flyers); other categories weigh DEFAULT_WEIGHT
CATEGORY_WEIGHTS: dict[str, float] = {
    "乱倒垃圾": 10, "暴露垃圾": 10, "占道经营": 9, "机动车乱停放": 8, "非法小广告": 7, "店外经营": 7,
    "共享单车乱停放": 6, "道路不洁": 5, "违规露天烧烤": 4, "噪声扰民": 4, "井盖破损缺失": 4,
    "路灯不亮": 4, "道路破损": 4, "楼道电动车充电": 4, "消防通道堵塞": 3, "邻里纠纷": 3,
    "物业纠纷": 3, "施工扰民": 3, "工地扬尘": 3, "渣土撒漏": 3, "占道宣传": 3, "绿地破坏": 2.5,
    "道路塌陷": 0.3, "自来水管爆裂": 0.5, "燃气泄漏": 0.3, "路面积水": 0.8, "架空线缆脱落": 0.5,
}
DEFAULT_WEIGHT = 1.5
# priority mixes (urgent, high, normal, low) by major class name; the rest use the default
PRIORITY_MIX: dict[str, tuple[float, float, float, float]] = {
    "突发事件": (0.7, 0.25, 0.05, 0.0),
    "消防隐患": (0.08, 0.3, 0.55, 0.07),
    "安全生产": (0.08, 0.3, 0.55, 0.07),
    "治安隐患": (0.05, 0.25, 0.6, 0.1),
}
DEFAULT_PRIORITY_MIX = (0.03, 0.12, 0.65, 0.2)
# channel mixes by category kind (component / event / social governance)
SOURCE_MIX: dict[str, dict[SourceChannel, float]] = {
    "component": {SourceChannel.PATROL: 0.55, SourceChannel.HOTLINE_12345: 0.18, SourceChannel.CITIZEN_APP: 0.1,
                  SourceChannel.VIDEO: 0.1, SourceChannel.SENSOR: 0.05, SourceChannel.DUTY_LINE: 0.02},
    "event": {SourceChannel.PATROL: 0.45, SourceChannel.HOTLINE_12345: 0.25, SourceChannel.CITIZEN_APP: 0.12,
              SourceChannel.VIDEO: 0.12, SourceChannel.DUTY_LINE: 0.03, SourceChannel.MAYOR_MAILBOX: 0.02,
              SourceChannel.PETITION: 0.01},
    "social": {SourceChannel.PATROL: 0.4, SourceChannel.HOTLINE_12345: 0.33, SourceChannel.CITIZEN_APP: 0.08,
               SourceChannel.DUTY_LINE: 0.07, SourceChannel.PETITION: 0.06, SourceChannel.MAYOR_MAILBOX: 0.06},
}
# how each channel words a report
SOURCE_PREFIX: dict[SourceChannel, str] = {
    SourceChannel.PATROL: "",
    SourceChannel.HOTLINE_12345: "市民来电反映：",
    SourceChannel.DUTY_LINE: "值班电话反映：",
    SourceChannel.CITIZEN_APP: "市民通过随手拍上报：",
    # cameras and sensors only raise the flag; the text is what the operator confirmed on screen
    SourceChannel.VIDEO: "",
    SourceChannel.SENSOR: "",
    SourceChannel.PETITION: "群众来访反映：",
    SourceChannel.MAYOR_MAILBOX: "市长信箱来信反映：",
    SourceChannel.REFERRAL: "上级转办：",
}
CALLER_CHANNELS = frozenset({SourceChannel.HOTLINE_12345, SourceChannel.DUTY_LINE, SourceChannel.CITIZEN_APP,
                             SourceChannel.PETITION, SourceChannel.MAYOR_MAILBOX})
REGISTER_AT_ONCE = {SourceChannel.HOTLINE_12345: 0.7, SourceChannel.DUTY_LINE: 0.7}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
GENERIC_DESCRIPTIONS = ("%s发现{name}问题，请尽快核实处置。", "%s存在{name}情况，影响周边群众。")
GENERIC_FEEDBACK = ("已到现场处置完毕，现场已恢复正常。", "已联系相关单位处理，问题已解决。")


@dataclass(frozen=True)
class DrillCategory:
    id: int
    code: str
    name_zh: str
    kind: str
    major_name: str
    descriptions: tuple[str, ...]
    feedback: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class DrillGrid:
    id: int
    code: str
    street: str
    community: str
    geometry: shapely.Geometry
    officers: tuple[tuple[int, str, str], ...]  # (id, name, phone) of the officers responsible


@dataclass(frozen=True)
class DrillCity:
    """What the drill draws from: the grids and categories of the area, read once."""

    grids: tuple[DrillGrid, ...]
    categories: tuple[DrillCategory, ...]
    centre_ids: tuple[int, ...] | None  # None: the whole database
    is_demo: bool

    @classmethod
    def load(cls, db: Database, centre_code: str | None = None) -> DrillCity:
        with db.read() as s:
            grid_filter: list[Any] = []
            centre_ids = None
            if centre_code:
                centre = s.scalar(select(CommandCentre).where(CommandCentre.code == centre_code))
                if centre is None:
                    raise NotFound("command centre", centre_code)
                centre_ids = centre_scope(s, centre.id)
                if centre.street_id is not None:
                    grid_filter.append(Street.id == centre.street_id)
                elif centre.district_id is not None:
                    grid_filter.append(Street.district_id == centre.district_id)
            officers: dict[int, list[tuple[int, str, str]]] = {}
            for grid_id, oid, name, phone in s.execute(
                select(OfficerGrid.grid_id, Officer.id, Officer.name, Officer.phone)
                .join(Officer, Officer.id == OfficerGrid.officer_id)
                .order_by(OfficerGrid.grid_id, Officer.id)
            ):
                officers.setdefault(grid_id, []).append((oid, name, phone))
            rows = s.execute(
                select(Grid.id, Grid.code, Grid.geometry, Street.name, Community.name)
                .join(Community, Community.id == Grid.community_id)
                .join(Street, Street.id == Community.street_id)
                .where(*grid_filter)
                .order_by(Grid.code)
            ).all()
            geoms = shapely.from_wkb([r[2] for r in rows]) if rows else []
            grids = tuple(
                DrillGrid(r[0], r[1], r[3], r[4], g, tuple(officers.get(r[0], ())))
                for r, g in zip(rows, geoms, strict=True)
            )
            major = {cid: (code, kind, name) for cid, code, kind, name in s.execute(
                select(Category.id, Category.code, Category.kind, Category.name_zh).where(Category.level == 1))}
            minors = s.execute(
                select(Category.id, Category.code, Category.name_zh, Category.kind, Category.parent_id)
                .where(Category.level == 2)
                .order_by(Category.code)
            ).all()
            is_demo = s.scalar(select(AppMeta.value).where(AppMeta.key == "is_demo")) == "1"
        for g in grids:
            shapely.prepare(g.geometry)
        categories = tuple(_drill_category(cid, code, name, kind, major.get(parent or -1))
                           for cid, code, name, kind, parent in minors)
        if not grids:
            raise ValidationError("no unit grids to drill in: generate a demo city first ('commandcenter demo')",
                                  field="db")
        if not categories:
            raise ValidationError("no case categories: run 'commandcenter db upgrade' first", field="db")
        return cls(grids, categories, centre_ids, is_demo)


_DESCRIPTIONS_BY_NAME = {zh: DESCRIPTIONS[code] for code, zh, _en, _p in MINOR_CATEGORIES if code in DESCRIPTIONS}
_MAJOR_CODE = {(kind, zh): code for code, kind, zh, _en in MAJOR_CATEGORIES}


def _drill_category(cid: int, code: str, name: str, kind: str, major: tuple[str, str, str] | None) -> DrillCategory:
    """A category with its texts: the demo's templates when the name is a standard one, else generic."""
    major_name = major[2] if major else ""
    descriptions = _DESCRIPTIONS_BY_NAME.get(name) or tuple(t.replace("{name}", name) for t in GENERIC_DESCRIPTIONS)
    major_code = _MAJOR_CODE.get((major[1], major[2])) if major else None
    feedback = FEEDBACK_NOTES.get(major_code or "", GENERIC_FEEDBACK)
    return DrillCategory(cid, code, name, kind, major_name, descriptions, feedback,
                         CATEGORY_WEIGHTS.get(name, DEFAULT_WEIGHT))


class _Weighted:
    """Draws from weighted choices with one uniform number (bisect on cumulative weights)."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cum = list(accumulate(weights))

    def draw(self, rng: random.Random) -> Any:
        i = bisect_right(self.cum, rng.random() * self.cum[-1])
        return self.items[min(i, len(self.items) - 1)]


def random_point_in(geometry: shapely.Geometry, rng: random.Random) -> tuple[float, float]:
    """A uniform random point strictly inside a (prepared) polygon, by rejection from its bounds."""
    x0, y0, x1, y1 = geometry.bounds
    for _ in range(200):
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if shapely.contains_xy(geometry, x, y):
            return x, y
    point = shapely.point_on_surface(geometry)
    return point.x, point.y


@dataclass(frozen=True)
class GeneratedCase:
    new: NewCase
    register: bool


class CaseGenerator:
    """The drill's case stream: deterministic for a seed and a city."""

    def __init__(self, city: DrillCity, seed: int) -> None:
        self.city = city
        self.rng = random.Random(f"drill:{seed}:cases")
        hotspots = random.Random(f"drill:{seed}:hotspots")
        # a few grids (markets, station squares, old quarters) draw many more cases than the rest
        self._grids = _Weighted(city.grids, [hotspots.lognormvariate(0.0, 1.0) for _ in city.grids])
        self._categories = _Weighted(city.categories, [c.weight for c in city.categories])
        self._sources = {kind: _Weighted(list(mix), list(mix.values())) for kind, mix in SOURCE_MIX.items()}
        self._priorities = {name: _Weighted(list(Priority), mix) for name, mix in PRIORITY_MIX.items()}
        self._default_priority = _Weighted(list(Priority), DEFAULT_PRIORITY_MIX)

    def next(self) -> GeneratedCase:
        rng = self.rng
        category: DrillCategory = self._categories.draw(rng)
        grid: DrillGrid = self._grids.draw(rng)
        priority: Priority = self._priorities.get(category.major_name, self._default_priority).draw(rng)
        source: SourceChannel = self._sources.get(category.kind, self._sources["event"]).draw(rng)
        lon, lat = random_point_in(grid.geometry, rng)
        road = rng.choice(ROAD_STEMS) + rng.choice(ROAD_SUFFIXES)
        number = rng.randint(1, 399)
        place = f"{grid.community}{road}{number}号{rng.choice(PLACE_SUFFIXES)}"
        description = SOURCE_PREFIX[source] + rng.choice(category.descriptions).replace("%s", place)
        reporter_name = reporter_phone = ""
        if source in CALLER_CHANNELS:
            reporter_name = rng.choice(SURNAMES) + rng.choice(("先生", "女士"))
            reporter_phone = f"1{rng.choice('35789')}{rng.randrange(10**9):09d}"
        elif source is SourceChannel.PATROL and grid.officers:
            _, reporter_name, reporter_phone = rng.choice(grid.officers)
        register = rng.random() < REGISTER_AT_ONCE.get(source, 0.0)
        return GeneratedCase(
            NewCase(
                source=source,
                category_id=category.id,
                priority=priority,
                description=description,
                lon=lon,
                lat=lat,
                address=f"{grid.street}{grid.community}{road}{number}号",
                reporter_name=reporter_name,
                reporter_phone=reporter_phone,
            ),
            register,
        )


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

    def __init__(self, db: Database, city: DrillCity, seed: int, cases: CaseService) -> None:
        self.db = db
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
                    self.cases.perform(DRILL_ACTOR, r.id, Action.ACCEPT, expected_version=r.version)
                    progress = replace(progress, accepted=progress.accepted + 1)
                else:
                    category = self._categories.get(r.category_id)
                    note = self.rng.choice(category.feedback if category else GENERIC_FEEDBACK)
                    self.cases.perform(DRILL_ACTOR, r.id, Action.FEED_BACK, TransitionParams(note=note),
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
        self.city = DrillCity.load(db, centre_code)
        self.cases = CaseService(db)
        self.generator = CaseGenerator(self.city, seed)
        self.simulation = FieldSimulation(db, self.city, seed, self.cases)
        self._arrivals = random.Random(f"drill:{seed}:arrivals")
        # a drawn case whose write failed, and when that write started: it may have committed
        self._unsure: tuple[GeneratedCase, datetime] | None = None

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
        self.cases.report(DRILL_ACTOR, generated.new, register=generated.register)
        self._unsure = None
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
                    Case.created_by.is_(None),
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
