"""Patterns planted in a demo city for the early-warning detectors to find (trainers, tests).

After the history is written, four patterns are planted at places chosen from the generated
city (so the same seed and scale always plant the same ones) and recorded in `app_meta`
(`warning_plants`, JSON; read with `planted_patterns`):

- *recurrence*: the four latest manhole-cover reports (0101) of the last 30 days in the
  busiest street centre are moved to the place and address of the first of them;
- *dispute pair*: the three latest neighbour disputes (1201) of the last 30 days in one centre
  are moved to one address and given the first one's reporter (name and phone);
- *rising trend*: nine shared-bike reports (0205) arrive at the demo's "now" in the grids of
  the first community (by code), through the Open311 intake like any app report;
- *cluster*: six muck-spill reports (0903) arrive at "now" within 40 m of the middle of the
  longest border between two grids of the last community (with more than one grid), on both
  sides of it, also through intake.

The planted reports carry the demo's last instant, so case ids still grow with report time.

Moving generated cases changes only where they are and who reported them (their history and
clocks stay as generated); the planted reports are new cases, awaiting registration.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import timedelta
from itertools import combinations

import shapely
from sqlalchemy import select, update

from ...db import Database
from ...domain.enums import CaseStatus, Priority, SourceChannel
from ...models import AppMeta, Case, Category, Community, Grid
from ...services.auth import system_principal
from ...services.lifecycle import CaseService
from ...shapes.cases import NewCase
from ...shapes.warnings import WarningKind

KEY = "warning_plants"
M_LAT = 1 / 111_195  # one metre of latitude, in degrees
CLUSTER_RING_M = 40.0  # well inside the detector's 250 m, a street corner's width


@dataclass(frozen=True)
class PlantedPattern:
    """One planted pattern: what a detector should report, and its cases."""

    kind: WarningKind
    category: str
    case_ids: tuple[int, ...]
    grid_ids: tuple[int, ...]
    place: str  # the address, community or grid names, for the trainer


def planted_patterns(db: Database) -> list[PlantedPattern]:
    """The patterns planted in a demo database (none in any other)."""
    with db.read() as s:
        text = s.scalar(select(AppMeta.value).where(AppMeta.key == KEY))
    return [PlantedPattern(WarningKind(p["kind"]), p["category"], tuple(p["case_ids"]), tuple(p["grid_ids"]),
                           p["place"]) for p in json.loads(text or "[]")]


def plant_patterns(db: Database) -> list[PlantedPattern]:
    """Plant the four patterns (see the module's docstring) and record them."""
    now = db.clock.now().replace(microsecond=0)
    plants = [p for p in (_moved(db, now, "0101", 4, same_reporter=False),
                          _moved(db, now, "1201", 3, same_reporter=True)) if p is not None]
    intake = CaseService(db)
    reporter = system_principal(db, "open311")
    plants += [p for p in (_rising(db, intake, reporter, now), _cluster(db, intake, reporter, now)) if p is not None]
    with db.unit_of_work() as s:
        s.merge(AppMeta(key=KEY, value=json.dumps(
            [{"kind": p.kind.value, "category": p.category, "case_ids": list(p.case_ids),
              "grid_ids": list(p.grid_ids), "place": p.place} for p in plants], ensure_ascii=False)))
    return plants


def _category_id(s, code: str) -> int:  # type: ignore[no-untyped-def]
    return int(s.scalar(select(Category.id).where(Category.code == code)))


def _moved(db: Database, now, code: str, n: int, *, same_reporter: bool) -> PlantedPattern | None:  # type: ignore[no-untyped-def]
    kind = WarningKind.DISPUTE_PAIR if same_reporter else WarningKind.RECURRENCE
    with db.unit_of_work() as s:
        rows = s.execute(select(Case.id, Case.centre_id, Case.reporter_phone).where(
            Case.category_id == _category_id(s, code), Case.reported_at > now - timedelta(days=30),
            Case.status.notin_((CaseStatus.REJECTED.value, CaseStatus.MERGED.value)))
            .order_by(Case.reported_at.desc(), Case.id.desc())).all()
        by_centre: dict[int, list[tuple[int, str]]] = {}
        for cid, centre, phone in rows:
            by_centre.setdefault(centre, []).append((cid, phone or ""))
        groups = [g for g in by_centre.values() if len(g) >= n and (not same_reporter or any(p for _, p in g))]
        if not groups:
            return None
        group = max(groups, key=len)
        ids = [cid for cid, _ in group[:n]]
        if same_reporter:  # the party is a reporter who left a phone: their case leads, the others take it
            caller = next(cid for cid, p in group if p)
            ids = [caller] + [cid for cid in ids if cid != caller][: n - 1]
        first = s.get(Case, ids[0])
        assert first is not None
        for k, cid in enumerate(ids[1:], start=1):
            # a few metres apart, as reports of one place are: never more than 15 m from the first
            values = {"lon": first.lon + (k % 2 * 2 - 1) * 8 * M_LAT, "lat": first.lat + (k - 2) * 5 * M_LAT,
                      "grid_id": first.grid_id, "address": first.address}
            if same_reporter:
                values |= {"reporter_name": first.reporter_name or "林某", "reporter_phone": first.reporter_phone,
                           "reporter_privacy": "named"}
            s.execute(update(Case).where(Case.id == cid).values(**values))
        return PlantedPattern(kind, code, tuple(sorted(ids)), (first.grid_id,), first.address)


def _grids(db: Database) -> list[tuple[int, int, str, float, float, str]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(Grid.id, Grid.community_id, Community.code, Grid.centroid_lon, Grid.centroid_lat, Community.name)
            .join(Community, Community.id == Grid.community_id).order_by(Community.code, Grid.code))]


def _report(intake: CaseService, reporter, category: int, grid: tuple, at, k: int, text: str) -> int:  # type: ignore[no-untyped-def]
    gid, _, _, lon, lat, _ = grid
    row = intake.report(reporter, NewCase(
        source=SourceChannel.CITIZEN_APP, category_id=category, priority=Priority.NORMAL, description=text,
        lon=lon + (k % 3 - 1) * 6 * M_LAT, lat=lat + (k % 2) * 6 * M_LAT, grid_id=gid, reported_at=at))
    return row.id


def _rising(db: Database, intake: CaseService, reporter, now) -> PlantedPattern | None:  # type: ignore[no-untyped-def]
    grids = _grids(db)
    first = grids[0][1]
    mine = [g for g in grids if g[1] == first][:3]
    with db.read() as s:
        category = _category_id(s, "0205")
    ids = [_report(intake, reporter, category, mine[k % len(mine)], now, k,
                   "共享单车大量乱停放，堵塞人行道。") for k in range(9)]
    return PlantedPattern(WarningKind.RISING_TREND, "0205", tuple(sorted(ids)), tuple(sorted({g[0] for g in mine})),
                          mine[0][5])


def _longest_border(db: Database) -> tuple[shapely.Point, str] | None:
    """The middle of the longest border between two grids of the last community that has two
    grids sharing one (a village may be a single grid), and the community's name."""
    by_community: dict[int, list[tuple[int, int, str, float, float, str]]] = {}
    for g in _grids(db):
        by_community.setdefault(g[1], []).append(g)
    for mine in reversed(list(by_community.values())):
        with db.read() as s:
            polys = {gid: shapely.from_wkb(wkb) for gid, wkb in s.execute(
                select(Grid.id, Grid.geometry).where(Grid.id.in_([g[0] for g in mine])))}
        borders = [shapely.intersection(polys[a].boundary, polys[b].boundary) for a, b in combinations(polys, 2)]
        border = max(borders, key=lambda b: b.length, default=None)
        if border is not None and border.length > 0:
            part = max(shapely.get_parts(shapely.line_merge(border)), key=lambda p: p.length)
            return shapely.line_interpolate_point(part, 0.5, normalized=True), mine[0][5]
    return None


def _cluster(db: Database, intake: CaseService, reporter, now) -> PlantedPattern | None:  # type: ignore[no-untyped-def]
    """Six reports in a ring of `CLUSTER_RING_M` round the middle of `_longest_border`: the burst
    straddles two grids, as the cluster detector wants, however large the grids are."""
    found = _longest_border(db)
    if found is None:
        return None
    centre, place = found
    with db.read() as s:
        category = _category_id(s, "0903")
    ids, used = [], set()
    for k in range(6):
        angle = math.pi / 6 + k * math.pi / 3
        lon = centre.x + CLUSTER_RING_M * M_LAT * math.cos(angle) / math.cos(math.radians(centre.y))
        lat = centre.y + CLUSTER_RING_M * M_LAT * math.sin(angle)
        row = intake.report(reporter, NewCase(  # the intake finds the grid the point lies in
            source=SourceChannel.CITIZEN_APP, category_id=category, priority=Priority.NORMAL,
            description="渣土车沿路撒漏，路面大量泥土。", lon=lon, lat=lat, reported_at=now))
        ids.append(row.id)
        used.add(row.grid_id)
    return PlantedPattern(WarningKind.CLUSTER, "0903", tuple(sorted(ids)), tuple(sorted(used)), place)
