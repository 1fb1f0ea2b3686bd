"""The demo city: its map, staff and a history of cases.

The map is Putian's at every scale (the real district outlines, generated towns, villages and
grids: `putian`): the whole city, its central three districts, or 城厢区's street offices.
`generate_demo` fills an empty database in one transaction: the map (`geography`), the people
(`people`), and `days` days of cases ending at the database clock's "now" (`history`),
planned with numpy a fortnight at a time and written with the DB-API connection as they are
planned (`bulk`), so memory stays flat however many days. The same seed and clock always give
the same rows. `build_rows` plans the rows without writing them (the benchmark writes them
again with plain sqlite3 to measure the generator's overhead).

The audit trail records who did what in the app. Nobody did the generated actions, and each
is already in `case_history` with its time, user and transition; so the generation writes one
audit entry of its own ("generate_demo": scale, seed, days, the case ids and counts) instead
of a copy of every history row (6.8 million rows, 40 % of a Putian-scale year's file).
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
from faker import Faker
from sqlalchemy import func, select, text

from ...db import Database, maintain
from ...domain.enums import PRIORITY_ORDER
from ...errors import ValidationError
from ...models import Category, TimeLimitPolicy, to_epoch
from ...services import audit
from ...services.auth import system_principal
from ...services.reference_data import seed_reference_data
from ...services.timelimits import TimeLimits
from ...services.warnings import WarningService
from ...services.worktime import DEFAULT_TZ, load_calendar
from ...shapes.audit import AnchorHead
from .bulk import write_tables
from .caseloop import STAGES, CaseSetting
from .gazetteer import gazetteer_tables
from .geography import CityMap, geography_tables, index_city, sample_points
from .handovers import case_labels
from .history import CasePlanner
from .people import build_staff
from .progress import (
    CASES_FRACTION,
    INDEXES_FRACTION,
    STAFF_FRACTION,
    DemoProgress,
    DemoStep,
    Progress,
)
from .putian import build_putian
from .referral_plants import plant_referrals
from .roads import road_tables
from .routes import complete_routes
from .rows import TableRows, table
from .scales import SCALES, Scale
from .texts import PLACE_SUFFIXES, ROAD_STEMS, ROAD_SUFFIXES
from .warning_plants import plant_patterns
from .workline import WorkLine

__all__ = ["SCALES", "DemoProgress", "DemoRows", "DemoStep", "DemoSummary", "Scale", "build_rows", "generate_demo"]

POINTS_PER_GRID = 48
ADDRESSES_PER_GRID = 12
ID_TABLES = ("district", "street", "community", "grid", "road", "command_centre", "workstation", "app_user", "shift",
             "officer", "officer_position", "duty_change", "shift_member", "department", "department_route", "case_record",
             "case_history", "escalation", "audit_entry", "change_log", "time_request", "handover", "handover_item",
             "case_support")
MUST_BE_EMPTY = ("grid", "case_record", "district", "command_centre", "officer", "department")


@dataclass(frozen=True)
class DemoSummary:
    """What a generation made, for the CLI, the GUI's progress dialog and the benchmark."""

    scale: str
    seed: int
    days: int
    districts: int
    streets: int
    communities: int
    grids: int
    officers: int
    departments: int
    users: int
    cases: int
    history_rows: int
    open_cases: int
    overdue_cases: int
    seconds: float
    first_day: date
    last_day: date


class DemoRows:
    """Every row of a demo city as one stream, in insertion order, with progress reports between.

    The map and people are planned up front; the cases are planned chunk by chunk as the stream
    is read, then come the generation's audit entry and the meta rows. Read `stream()` once;
    `summary()` is complete after that.
    """

    def __init__(self, head: list[TableRows], planner: CasePlanner, meta: dict[str, str], summary: DemoSummary,
                 audit_id: int, chain_head: tuple[int, str]) -> None:
        self.head, self.planner, self.meta, self._summary, self.audit_id = head, planner, meta, summary, audit_id
        self.chain_head = chain_head
        self.anchor: AnchorHead | None = None  # the audit chain's new head, once the entry is planned

    def stream(self) -> Iterator[TableRows | DemoProgress]:
        # each table is let go once read, so it is not held while the next is planned (the
        # gazetteer alone is 131,000 places, a chunk of cases a few hundred thousand history rows)
        while self.head:
            yield self.head.pop(0)
        days = self.planner.days
        yield DemoProgress(DemoStep.CASES, CASES_FRACTION, 0, days)
        for done, tables in self.planner.chunks():
            while tables:
                yield tables.pop(0)
            yield DemoProgress(DemoStep.CASES, CASES_FRACTION + (INDEXES_FRACTION - CASES_FRACTION) * done / days,
                               done, days)
        yield self._audit()
        yield table("app_meta", key=list(self.meta), value=list(self.meta.values()))

    def summary(self) -> DemoSummary:
        t = self.planner.totals
        return replace(self._summary, cases=t.cases, history_rows=t.history_rows, open_cases=t.open_cases,
                       overdue_cases=t.overdue_cases)

    def _audit(self) -> TableRows:
        """The one audit entry that says the case history was generated, not done by anyone.

        Chained onto the trail like any other entry (`services.audit`); `anchor` is the new head,
        which `generate_demo` records outside the database once the rows are committed.
        """
        s, t = self.planner.s, self.planner.totals
        first_case = s.first_ids["case_record"]
        detail = json.dumps({"scale": self._summary.scale, "seed": self._summary.seed, "days": self._summary.days,
                             "cases": t.cases, "first_case_id": first_case, "last_case_id": first_case + t.cases - 1,
                             "history_rows": t.history_rows}, ensure_ascii=False)
        seq, prev = self.chain_head[0] + 1, self.chain_head[1]
        host, login = audit.this_workstation(), audit.this_os_user()
        digest = audit.entry_hash(seq, s.now, None, "system", "generate_demo", "demo", None, detail, host, login,
                                  None, prev)
        self.anchor = AnchorHead(entry_id=self.audit_id, seq=seq, hash=digest)
        return table("audit_entry", id=[self.audit_id], at=[s.now], user_id=[None], actor=["system"],
                     action=["generate_demo"], entity=["demo"], entity_id=[None], detail=[detail],
                     prev_hash=[prev], hash=[digest], seq=[seq], workstation=[host], os_user=[login],
                     history_id=[None], history_hash=[None])


def _first_ids(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {t: int(s.execute(text(f"SELECT COALESCE(MAX(id), 0) FROM {t}")).scalar_one()) + 1 for t in ID_TABLES}


def _addresses(city: CityMap, rng: np.random.Generator) -> np.ndarray:
    """A few street addresses in each grid (street + community + road + number)."""
    out = np.empty((len(city.grids()), ADDRESSES_PER_GRID), dtype=object)
    g = 0
    for street in city.streets():
        for community in street.communities:
            roads = [ROAD_STEMS[i] + ROAD_SUFFIXES[j] for i, j in zip(
                rng.integers(len(ROAD_STEMS), size=3), rng.integers(len(ROAD_SUFFIXES), size=3), strict=True)]
            for _ in community.grids:
                road = rng.integers(len(roads), size=ADDRESSES_PER_GRID)
                number = rng.integers(1, 300, size=ADDRESSES_PER_GRID)
                place = rng.integers(len(PLACE_SUFFIXES), size=ADDRESSES_PER_GRID)
                out[g] = [f"{street.name}{community.name}{roads[r]}{k}号{PLACE_SUFFIXES[p]}"
                          for r, k, p in zip(road.tolist(), number.tolist(), place.tolist(), strict=True)]
                g += 1
    return out


def _policy(db: Database) -> tuple[np.ndarray, list[str], list[str], np.ndarray, np.ndarray, TimeLimits]:
    with db.read() as s:
        cats = s.execute(select(Category.id, Category.code, Category.kind).where(Category.level == 2)
                         .order_by(Category.code)).all()
        rows = s.execute(select(TimeLimitPolicy.category_id, TimeLimitPolicy.priority, TimeLimitPolicy.stage,
                                TimeLimitPolicy.minutes, TimeLimitPolicy.unit)).all()
        limits = TimeLimits({(r[0], r[1], r[2]): (r[3], r[4]) for r in rows}, load_calendar(s))
    if not cats:
        raise ValidationError("the database has no categories (run 'commandcenter db upgrade')")
    minutes = np.zeros((len(cats), len(PRIORITY_ORDER), len(STAGES)), dtype=np.int64)
    working = np.zeros(minutes.shape, dtype=bool)
    for i, c in enumerate(cats):
        for j, p in enumerate(PRIORITY_ORDER):
            for k, stage in enumerate(STAGES):
                m, unit = limits.limit(c.id, p.value, stage)
                minutes[i, j, k], working[i, j, k] = m, unit == "working"
    return (np.array([c.id for c in cats]), [c.code for c in cats], [c.kind for c in cats], minutes, working,
            limits)


def build_rows(db: Database, *, scale: str = "small", days: int = 30, seed: int = 1,
               progress: Progress | None = None) -> DemoRows:
    """Plan the map and people of a demo city for the database's reference data and clock, and the
    cases as the returned stream is read; writes nothing."""
    started = time.perf_counter()
    sc = _scale(scale, days)
    now = db.clock.now().replace(microsecond=0)
    cat_ids, cat_codes, cat_kinds, minutes, working, limits = _policy(db)
    category_ids = dict(zip(cat_codes, cat_ids.tolist(), strict=True))
    line = WorkLine(limits.calendar)
    tz = limits.calendar.tz
    first_ids = _first_ids(db)

    if progress is not None:
        progress(DemoProgress(DemoStep.MAP, 0.0))
    city = build_putian(sc, seed)
    ix = index_city(city, first_ids)
    rng = np.random.default_rng([seed, 4])
    grids = city.grids()
    points = sample_points([g.polygon for g in grids], POINTS_PER_GRID, rng)
    if progress is not None:
        progress(DemoProgress(DemoStep.STAFF, STAFF_FRACTION))
    staff = build_staff(city, ix, sc, seed, now, tz, first_ids, category_ids, points)
    grid_centre = staff.street_centre_ids[ix.grid_street]

    last_day = now.astimezone(tz).date()
    first_day = last_day - timedelta(days=days - 1)
    fake = Faker("zh_CN")
    fake.seed_instance(seed + 1_000_003)
    setting = CaseSetting(
        now=to_epoch(now),
        first_day=(first_day - limits.calendar.origin).days,
        last_day=(last_day - limits.calendar.origin).days,
        cases_per_day=float(sc.cases_per_day),
        category_ids=cat_ids,
        category_codes=cat_codes,
        category_kinds=cat_kinds,
        limit_minutes=minutes,
        limit_working=working,
        line=line,
        grid_ids=ix.grid_ids,
        grid_centre=grid_centre,
        numbering_centre=staff.city_centre_id,
        grid_district=ix.grid_district,
        grid_points=points,
        grid_polygons=np.array([g.polygon for g in grids], dtype=object),
        grid_addresses=_addresses(city, rng),
        staff=staff,
        first_ids=first_ids,
        reporter_names=[fake.name() for _ in range(2000)],
        labels=case_labels(db, city, ix, staff),
    )
    meta = {
        "is_demo": "1", "demo_scale": scale, "demo_seed": str(seed), "demo_days": str(days),
        "grid_code_length": "14", "timezone": DEFAULT_TZ, "city_name": city.name,
    }
    summary = DemoSummary(
        scale=scale, seed=seed, days=days, districts=len(city.districts), streets=len(city.streets()),
        communities=len(city.communities()), grids=len(grids), officers=staff.officers,
        departments=len(staff.department_ids), users=staff.users, cases=0, history_rows=0, open_cases=0,
        overdue_cases=0, seconds=time.perf_counter() - started, first_day=first_day, last_day=last_day,
    )
    with db.read() as session:
        chain_head = audit.chain_head(session)
    roads = road_tables(city, first_ids["road"], seed)
    places = gazetteer_tables(city, ix, roads, seed)  # after the roads: their names get house numbers
    return DemoRows([*geography_tables(city, ix), *roads, *places, *staff.tables], CasePlanner(setting, seed), meta, summary,
                    first_ids["audit_entry"], chain_head)


def _scale(scale: str, days: int) -> Scale:
    if scale not in SCALES:
        raise ValidationError(f"unknown demo scale {scale!r} (choose {', '.join(SCALES)})", field="scale")
    if not 1 <= days <= 3660:
        raise ValidationError("days must be between 1 and 3660", field="days")
    return SCALES[scale]


def _require_empty(db: Database) -> None:
    with db.read() as s:
        for name in MUST_BE_EMPTY:
            if s.execute(select(func.count()).select_from(text(name))).scalar_one():
                raise ValidationError(
                    f"the database already holds data ({name}); a demo city needs an empty database",
                    field="database", table=name,
                )


def generate_demo(db: Database, *, scale: str = "small", days: int = 30, seed: int = 1,
                  progress: Progress | None = None, plant_warnings: bool = False) -> DemoSummary:
    """Fill an empty, schema-current database with a demo city; one transaction for the demo rows.

    With `plant_warnings` (the demo command and the GUI's demo), the early-warning patterns are
    planted afterwards through the ordinary intake (audited reports of their own), and a few
    referrals between the levels through the lifecycle, so a history checked against its plan
    alone is generated without them."""
    started = time.perf_counter()
    _scale(scale, days)
    _require_empty(db)
    with db.unit_of_work() as s:
        seed_reference_data(s)
    db.caches.clear()  # reference rows written without change-log entries
    collecting = gc.isenabled()
    gc.disable()  # millions of short-lived tuples: generational GC would only rescan them
    try:
        rows = build_rows(db, scale=scale, days=days, seed=seed, progress=progress)
        keys = ", ".join(f"'{k}'" for k in rows.meta)
        write_tables(db, rows.stream(), progress, prelude=[f"DELETE FROM app_meta WHERE key IN ({keys})"])
        assert rows.anchor is not None  # the stream ends with the audit entry
        with db.unit_of_work() as s:
            audit.set_anchor(s, rows.anchor)
    finally:
        if collecting:
            gc.enable()
    db.caches.clear()  # the whole city written in bulk, without change-log entries
    complete_routes(db)  # a department for every category, disputes included (routes)
    if plant_warnings:  # the early-warning patterns trainers look for (warning_plants)
        # referrals between the levels first, on the generated cases, so the planted reports stay untouched
        plant_referrals(db)
        plant_patterns(db)
        # and the detectors run once over the history, so the first start shows them on the
        # wall, the map and the briefing instead of an empty list until the next new case
        WarningService(db).recompute(system_principal(db, "escalation-clock"), db.clock.now())
    maintain(db)  # planner statistics for the new history
    if progress is not None:
        progress(DemoProgress(DemoStep.DONE, 1.0))
    return replace(rows.summary(), seconds=time.perf_counter() - started)
