"""Officers on duty walking their grids in a drill, heading for the case they handle, reporting positions.

Positions move in wall time (a GPS unit reports every ten seconds or so whatever the scenario's
speed) and stop while the trainer has paused the drill.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..db import Database
from ..domain.enums import AVAILABLE_DUTY
from ..geometry.projection import LocalProjection
from ..models import Officer, OfficerGrid
from ..services.roster import PositionReport, record_positions
from ..shapes.drill import DrillProgress
from .drill_cases import DrillCity, DrillGrid, random_point_in

OFFICER_RELOAD_EVERY = 30.0
POSITION_EVERY_S = 10.0
MAX_POSITIONS_PER_TICK = 200
OFFICER_SPEED_MPS = (1.2, 5.0)  # on foot to e-bike


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


class OfficerWalks:
    """Officers on duty with a grid in the drill's area; each walks, and reports where it is."""

    def __init__(self, db: Database, city: DrillCity, seed: int) -> None:
        self.db = db
        self.city = city
        self.rng = random.Random(f"drill:{seed}:walks")
        self.walkers: dict[int, _Walker] = {}
        self._grids = {g.id: g for g in city.grids}
        self._officers_loaded = -math.inf

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

    def reload(self) -> None:
        """Read who is on duty at the next move (a scenario took an officer off duty)."""
        self._officers_loaded = -math.inf

    def move(self, now: datetime, now_m: float, heading: dict[int, tuple[float, float]],
             progress: DrillProgress) -> DrillProgress:
        """Walk the officers whose report is due and record their positions."""
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
