"""Filling the map canvas from the database: grid polygons, boundaries, measures and markers.

Geometry changes only when grids are imported, so `map_geometry` builds it once per opened
database (WKB parsed in one vectorised shapely call, community and street outlines by
`shapely.union_all` per group) and keeps it in `db.caches` until grids change. What changes
with every case (`grid_measures`, `case_markers`, `officer_markers`) is a few grouped or
indexed queries: at Putian scale (2,408 grids, 10,000 open cases, 3,096 officers) the whole
refresh takes tens of milliseconds and runs off the GUI thread.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select

from ..caches import CacheKey
from ..db import Database
from ..domain.entities import Entity
from ..domain.enums import OPEN_STATUS_VALUES, PRIORITY_ORDER, DutyStatus, Priority
from ..domain.privacy import mask_address
from ..errors import WorldFileInvalid
from ..models import (
    Case,
    Category,
    ChangeLog,
    Community,
    District,
    Grid,
    Officer,
    Road,
    Street,
    to_epoch,
)
from ..shapes.map import (
    MapBoundary,
    MapCaseMarker,
    MapGrid,
    MapOfficerMarker,
    MapPolygon,
    MapRoad,
    Ring,
)
from .case_queries import open_case_counts
from .info import overdue_condition
from .personal_data import sees_personal_data
from .worktime import DEFAULT_TZ

if TYPE_CHECKING:
    # imported where used: the map screen's module loads at start-up, its geometry later
    import numpy as np
    import shapely

    from .auth import Principal

MAP_GEOMETRY: CacheKey[MapGeometry] = CacheKey("map_geometry", frozenset({Entity.GRID}))
UNION_GRID_SIZE = 1e-8  # degrees (about 1 mm): snaps shared edges so outlines have no slivers
MIN_HOLE_DEG2 = 1e-10  # holes smaller than about 1 m² in a boundary are float noise
SUMMARY_CHARS = 60

MEASURES: tuple[str, ...] = ("open", "overdue", "new_today")  # named by map_labels.measure_label


@dataclass(frozen=True, slots=True)
class MapArea:
    """A street or community the map can zoom to."""

    kind: str  # "street" | "community"
    id: int
    code: str
    name: str
    parent_id: int  # the street of a community, the district of a street
    parent_name: str
    pinyin_initials: str
    bounds: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat
    grid_count: int


@dataclass(frozen=True)
class MapGeometry:
    grids: tuple[MapGrid, ...]
    boundaries: tuple[MapBoundary, ...]
    streets: tuple[MapArea, ...]
    communities: tuple[MapArea, ...]
    bounds: tuple[float, float, float, float] | None
    roads: tuple[MapRoad, ...] = ()


@dataclass(frozen=True)
class MapLayers:
    """Everything that moves with cases and officers, read together for one refresh."""

    values: dict[str, dict[int, float]]  # measure -> grid id -> value
    cases: tuple[MapCaseMarker, ...]
    officers: tuple[MapOfficerMarker, ...]


# ---- geometry ---------------------------------------------------------------------------------
def _rings(coords: np.ndarray, ring_offsets: np.ndarray, first: int, last: int) -> list[Ring]:
    out = []
    for r in range(first, last):
        pts = coords[ring_offsets[r]:ring_offsets[r + 1]]
        if len(pts) > 1 and (pts[0] == pts[-1]).all():
            pts = pts[:-1]  # shapes.map rings need not repeat their first vertex
        out.append(cast(Ring, tuple(map(tuple, pts.tolist()))))
    return out


def _polygons(geoms: np.ndarray) -> list[list[MapPolygon]]:
    """Every geometry (Polygon or MultiPolygon) as a list of MapPolygons, vectorised."""
    import numpy as np
    import shapely

    if len(geoms) == 0:
        return []
    multi = shapely.multipolygons(shapely.get_parts(geoms), indices=np.repeat(
        np.arange(len(geoms)), shapely.get_num_geometries(geoms)))
    _, coords, (ring_off, poly_off, geom_off) = shapely.to_ragged_array(multi)
    out = []
    for g in range(len(geoms)):
        polys = []
        for p in range(geom_off[g], geom_off[g + 1]):
            rings = _rings(coords, ring_off, poly_off[p], poly_off[p + 1])
            polys.append(MapPolygon(rings[0], tuple(rings[1:])))
        out.append(polys)
    return out


def _drop_small_holes(geom: shapely.Geometry) -> shapely.Geometry:
    import shapely

    parts = []
    for poly in shapely.get_parts(geom):
        if not isinstance(poly, shapely.Polygon):
            continue
        holes = [h for h in poly.interiors if shapely.Polygon(h).area > MIN_HOLE_DEG2]
        parts.append(shapely.Polygon(poly.exterior, holes))
    return shapely.MultiPolygon(parts) if parts else shapely.MultiPolygon()


def map_geometry(db: Database, disk_cache: Path | None = None) -> MapGeometry:
    """Every grid polygon, community and street outline, and the zoom list (cached per database).

    With ``disk_cache`` (a folder) the result is also kept on disk, keyed by the database and a
    version of its geometry, so the map of a city opens without re-unioning every community
    and street (the slow part at Putian scale): see :func:`geometry_version`.
    """
    if disk_cache is None:
        return db.caches.get(MAP_GEOMETRY, lambda: _read_geometry(db))
    return db.caches.get(MAP_GEOMETRY, lambda: _cached_geometry(db, disk_cache))


def geometry_version(db: Database) -> str:
    """Changes whenever grids, roads, or street and community names change (a few indexed reads)."""
    import hashlib

    with db.read() as s:
        parts = [
            s.execute(select(func.count(), func.max(Grid.id), func.sum(func.length(Grid.geometry)))).one(),
            s.execute(select(func.count(), func.max(Road.id), func.sum(func.length(Road.geometry)))).one(),
            s.execute(select(func.max(ChangeLog.id)).where(ChangeLog.entity == Entity.GRID.value)).one(),
            s.execute(select(Community.id, Community.name).order_by(Community.id)).all(),
            s.execute(select(Street.id, Street.name).order_by(Street.id)).all(),
        ]
    return hashlib.sha256(repr([tuple(p) for p in parts]).encode()).hexdigest()


def _cached_geometry(db: Database, folder: Path) -> MapGeometry:
    import hashlib
    import os
    import pickle

    version = geometry_version(db)
    file = folder / f"{hashlib.sha256(str(db.url).encode()).hexdigest()[:20]}.geometry"
    try:
        with file.open("rb") as f:
            stored_version, geometry = pickle.load(f)  # our own file, in the user's data folder
        if stored_version == version and isinstance(geometry, MapGeometry):
            return geometry
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        pass  # absent, or written by another version: read afresh
    geometry = _read_geometry(db)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = file.with_suffix(f".{os.getpid()}.tmp")  # two seats on one machine never share a half-written file
        with tmp.open("wb") as f:
            pickle.dump((version, geometry), f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(file)
    except OSError:
        pass  # a read-only data folder only costs the next start its speed
    return geometry


def _read_geometry(db: Database) -> MapGeometry:
    import numpy as np
    import shapely

    with db.read() as s:
        grid_rows = s.execute(
            select(Grid.id, Grid.code, Grid.name, Grid.community_id, Community.street_id, Grid.geometry)
            .join(Community, Community.id == Grid.community_id)
            .order_by(Grid.code)
        ).all()
        community_rows = s.execute(
            select(Community.id, Community.code, Community.name, Community.pinyin_initials, Street.id, Street.name,
                   func.min(Grid.min_lon), func.min(Grid.min_lat), func.max(Grid.max_lon), func.max(Grid.max_lat),
                   func.count(Grid.id))
            .join(Street, Street.id == Community.street_id)
            .join(Grid, Grid.community_id == Community.id)
            .group_by(Community.id, Community.code, Community.name, Community.pinyin_initials, Street.id, Street.name)
            .order_by(Community.code)
        ).all()
        street_rows = s.execute(
            select(Street.id, Street.code, Street.name, Street.pinyin_initials, District.id, District.name,
                   func.min(Grid.min_lon), func.min(Grid.min_lat), func.max(Grid.max_lon), func.max(Grid.max_lat),
                   func.count(Grid.id))
            .join(District, District.id == Street.district_id)
            .join(Community, Community.street_id == Street.id)
            .join(Grid, Grid.community_id == Community.id)
            .group_by(Street.id, Street.code, Street.name, Street.pinyin_initials, District.id, District.name)
            .order_by(Street.code)
        ).all()
    geoms = shapely.from_wkb([r.geometry for r in grid_rows]) if grid_rows else np.empty(0, object)
    polygons = _polygons(geoms)
    grids = tuple(
        MapGrid.from_polygons(r.id, r.code, r.name, r.community_id, r.street_id, polys)
        for r, polys in zip(grid_rows, polygons, strict=True)
    )
    boundaries = _boundaries(grid_rows, geoms, {r[0]: r[2] for r in community_rows},
                             {r[0]: r[2] for r in street_rows})
    streets = tuple(MapArea("street", r[0], r[1], r[2], r[4], r[5], r[3], (r[6], r[7], r[8], r[9]), r[10])
                    for r in street_rows)
    communities = tuple(MapArea("community", r[0], r[1], r[2], r[4], r[5], r[3], (r[6], r[7], r[8], r[9]), r[10])
                        for r in community_rows)
    bounds = None
    if len(geoms):
        xmin, ymin, xmax, ymax = shapely.total_bounds(geoms)
        bounds = (float(xmin), float(ymin), float(xmax), float(ymax))
    return MapGeometry(grids, boundaries, streets, communities, bounds, _roads(db))


def _roads(db: Database) -> tuple[MapRoad, ...]:
    """Every road as a lon/lat line (WKB parsed in one vectorised call)."""
    import shapely

    with db.read() as s:
        rows = s.execute(select(Road.id, Road.name, Road.road_class, Road.geometry).order_by(Road.id)).all()
    if not rows:
        return ()
    lines = shapely.from_wkb([r.geometry for r in rows])
    coords = [shapely.get_coordinates(line) for line in lines]
    return tuple(MapRoad(r.id, r.name, r.road_class, tuple(map(tuple, xy.tolist())))  # type: ignore[arg-type]
                 for r, xy in zip(rows, coords, strict=True))


def _boundaries(grid_rows, geoms: np.ndarray, community_names: dict[int, str],  # type: ignore[no-untyped-def]
                street_names: dict[int, str]) -> tuple[MapBoundary, ...]:
    import numpy as np
    import shapely

    by_community: dict[int, list[int]] = defaultdict(list)
    street_of: dict[int, int] = {}
    for i, r in enumerate(grid_rows):
        by_community[r.community_id].append(i)
        street_of[r.community_id] = r.street_id
    community_geoms: dict[int, shapely.Geometry] = {
        cid: _drop_small_holes(shapely.union_all(geoms[idx], grid_size=UNION_GRID_SIZE))
        for cid, idx in by_community.items()
    }
    by_street: dict[int, list[shapely.Geometry]] = defaultdict(list)
    for cid, geom in community_geoms.items():
        by_street[street_of[cid]].append(geom)
    street_geoms = {
        sid: _drop_small_holes(shapely.union_all(parts, grid_size=UNION_GRID_SIZE)) for sid, parts in by_street.items()
    }
    out: list[MapBoundary] = []
    for kind, named, table in (("community", community_names, community_geoms), ("street", street_names, street_geoms)):
        ids = sorted(table)
        polys = _polygons(np.array([table[i] for i in ids], dtype=object))
        out += [MapBoundary(kind, i, named.get(i, ""), tuple(p)) for i, p in zip(ids, polys, strict=True)]  # type: ignore[arg-type]
    return tuple(out)


# ---- values and markers -------------------------------------------------------------------------
def local_day_start(now: datetime, tz: str = DEFAULT_TZ) -> datetime:
    local = now.astimezone(ZoneInfo(tz))
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def grid_measures(db: Database, tz: str = DEFAULT_TZ) -> dict[str, dict[int, float]]:
    """Per grid: open cases, overdue open cases and cases reported since local midnight."""
    now = db.clock.now()
    with db.read() as s:
        open_rows = s.execute(
            select(Case.grid_id, func.count(), func.sum(case((overdue_condition(now), 1), else_=0)))
            .where(Case.status.in_(OPEN_STATUS_VALUES))
            .group_by(Case.grid_id)
        ).all()
        # counted here, not by GROUP BY: grouping makes SQLite walk the grid index over all
        # history instead of range-scanning today's few thousand rows by report time
        new_today = Counter(s.scalars(select(Case.grid_id).where(Case.reported_at >= to_epoch(local_day_start(now, tz)))))
    return {
        "open": {int(g): float(n) for g, n, _ in open_rows},
        "overdue": {int(g): float(late) for g, _, late in open_rows if late},
        "new_today": {int(g): float(n) for g, n in new_today.items()},
    }


def _clip(description: str | None) -> str:
    text = " ".join((description or "").split())  # one line: the map's tooltip is HTML
    return text[:SUMMARY_CHARS - 1] + "…" if len(text) > SUMMARY_CHARS else text


def _marker_select():  # type: ignore[no-untyped-def]
    return select(Case.id, Case.case_number, Case.lon, Case.lat, Case.priority, Case.status, Category.name_zh,
                  Category.name_en, Case.address, func.substr(Case.description, 1, SUMMARY_CHARS + 1)).join(
        Category, Category.id == Case.category_id)


def _marker(r, clear: bool = True) -> MapCaseMarker:  # type: ignore[no-untyped-def]
    address = (r[8] or "") if clear else mask_address(r[8] or "")
    return MapCaseMarker(r[0], r[1], r[2], r[3], Priority(r[4]), r[5], r[6], r[7], address, _clip(r[9]))


def case_markers(db: Database, viewer: Principal | None = None) -> tuple[MapCaseMarker, ...]:
    """Every open case, most pressing priority last (drawn on top); addresses masked unless
    `viewer` may see personal data."""
    rank = {p.value: i for i, p in enumerate(PRIORITY_ORDER)}
    clear = sees_personal_data(db, viewer)
    with db.read() as s:
        rows = s.execute(_marker_select().where(Case.status.in_(OPEN_STATUS_VALUES))).all()
    markers = [_marker(r, clear) for r in rows]
    markers.sort(key=lambda m: -rank.get(m.priority, 2))
    return tuple(markers)


def case_marker(db: Database, case_id: int, viewer: Principal | None = None) -> MapCaseMarker | None:
    """One case as a marker, whatever its status (to show a closed case the wall selected)."""
    with db.read() as s:
        r = s.execute(_marker_select().where(Case.id == case_id)).first()
    return None if r is None else _marker(r, sees_personal_data(db, viewer))


def officer_markers(db: Database) -> tuple[MapOfficerMarker, ...]:
    """Officers with a known position, with their open assigned cases."""
    with db.read() as s:
        loads = open_case_counts(s, Case.assignee_officer_id)
        rows = s.execute(
            select(Officer.id, Officer.name, Officer.last_lon, Officer.last_lat, Officer.duty_status)
            .where(Officer.last_lon.is_not(None), Officer.last_lat.is_not(None))
            .order_by(Officer.id)
        ).all()
    return tuple(
        MapOfficerMarker(r[0], r[1], r[2], r[3], DutyStatus(r[4]), int(loads.get(r[0], 0))) for r in rows
    )


def map_layers(db: Database, viewer: Principal | None = None) -> MapLayers:
    return MapLayers(grid_measures(db), case_markers(db, viewer), officer_markers(db))


# ---- basemap ----------------------------------------------------------------------------------
WORLD_FILE_SUFFIXES = {
    ".png": (".pgw", ".pngw"),
    ".jpg": (".jgw", ".jpgw"),
    ".jpeg": (".jgw", ".jpegw"),
    ".tif": (".tfw", ".tifw"),
    ".tiff": (".tfw", ".tiffw"),
    ".gif": (".gfw", ".gifw"),
    ".bmp": (".bpw", ".bmpw"),
}


def world_file_for(image: str | Path) -> Path | None:
    """The ESRI world file next to an image (`city.png` → `city.pgw`, `city.pngw` or `city.wld`)."""
    path = Path(image)
    suffixes = (*WORLD_FILE_SUFFIXES.get(path.suffix.lower(), ()), ".wld")
    for suffix in suffixes:
        for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
            if candidate.is_file():
                return candidate
    return None


def basemap_bounds(image: str | Path, width: int, height: int) -> tuple[float, float, float, float] | None:
    """(min_lon, min_lat, max_lon, max_lat) of a north-up image georeferenced by a world file.

    None without a world file; WorldFileInvalid for a world file that is not six numbers or that
    rotates the image (only north-up images can be shown).
    """
    world = world_file_for(image)
    if world is None:
        return None
    try:
        values = [float(line) for line in world.read_text(encoding="ascii", errors="replace").split()]
    except ValueError as exc:
        raise WorldFileInvalid(world.name, "not_six_numbers") from exc
    if len(values) != 6:
        raise WorldFileInvalid(world.name, "not_six_numbers")
    a, d, b, e, c, f = values
    if d != 0 or b != 0 or a <= 0 or e >= 0:
        raise WorldFileInvalid(world.name, "rotated")
    # c, f is the centre of the upper-left pixel
    min_lon, max_lat = c - a / 2, f - e / 2
    return min_lon, max_lat + e * height, min_lon + a * width, max_lat
