"""The demo city's map: districts, streets and communities, and unit grids that tile each community.

This module holds the map's shapes, their rows, and the small scale's made-up city of hectare
grids described below; the city and Putian scales are drawn in Putian's real outlines by
`putian`, on the same plane and with the same codes. Everything is built in metres on a local plane around the city centre and converted to WGS84
lon/lat at the end by one affine map (the equirectangular projection of `services.geo`), so
edges shared by two grids keep identical vertices. The hierarchy comes from nested Voronoi
partitions (relaxed a few times so cells are even): an irregular city outline, split into
districts, each split into streets, each into communities. Communities are then cut by a
lattice of ~100 m cells: the community borders and the lattice lines are noded together
with snap rounding (0.1 mm) and polygonized, which yields faces that share edges exactly;
faces under 6,000 m² are merged into a neighbour of the same community, grids over
16,000 m² are halved, and the lattice spacing is tuned (then single merges or splits) until
the city has exactly the number of grids the scale asks for. Grids are numbered north to
south, west to east within their community.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from pypinyin import Style, lazy_pinyin
from shapely import MultiPolygon, Polygon, STRtree

from ...geometry.projection import METRES_PER_DEGREE_LAT, LocalProjection
from .rows import TableRows, table
from .scales import Scale
from .texts import COMMUNITY_FIRST, COMMUNITY_SECOND, STREET_NAMES, TOWN_NAMES

CITY_NAME = "莆阳市"
CENTRE_LON, CENTRE_LAT = 119.0, 25.44
MIN_GRID_M2 = 6_000.0
MAX_GRID_M2 = 16_000.0
TARGET_GRID_M2 = 10_000.0
SNAP_M = 1e-4  # snap-rounding precision of the noded linework, in metres
CITY_PLANE = LocalProjection(CENTRE_LON, CENTRE_LAT)  # the plane the city is drawn on, in metres


@dataclass(frozen=True)
class GridShape:
    """A unit grid: 14-digit code, name, lon/lat polygon and its area in m².

    Multi-part only where a community spans water (an island's grid with its islets)."""

    code: str
    name: str
    polygon: Polygon | MultiPolygon  # lon/lat
    area_m2: float


@dataclass(frozen=True)
class CommunityShape:
    """A community (社区/村), its polygon and the grids that tile it."""

    code: str
    name: str
    pinyin_initials: str
    polygon: Polygon | MultiPolygon  # lon/lat; the grids tile it
    grids: tuple[GridShape, ...]


@dataclass(frozen=True)
class StreetShape:
    """A street office or town (街道/镇) and its communities."""

    code: str
    name: str
    pinyin_initials: str
    communities: tuple[CommunityShape, ...]


@dataclass(frozen=True)
class DistrictShape:
    """A district or county (区/县) keyed by its GB/T 2260 code."""

    code: str
    name: str
    streets: tuple[StreetShape, ...]


@dataclass(frozen=True)
class CityMap:
    """The whole map of a demo city, in code order."""

    name: str
    districts: tuple[DistrictShape, ...]

    def streets(self) -> list[StreetShape]:
        return [s for d in self.districts for s in d.streets]

    def communities(self) -> list[CommunityShape]:
        return [c for s in self.streets() for c in s.communities]

    def grids(self) -> list[GridShape]:
        return [g for c in self.communities() for g in c.grids]


def initials(name: str) -> str:
    """Pinyin initials for quick search, e.g. 拱辰街道 -> gcjd."""
    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))


def to_lonlat(geom: shapely.Geometry) -> shapely.Geometry:
    """Local metres around the city centre -> WGS84 lon/lat (one affine map for every vertex)."""
    return shapely.transform(geom, CITY_PLANE.unproject_coords)


def area_m2(lonlat: Sequence[shapely.Geometry] | np.ndarray) -> np.ndarray:
    """Areas of lon/lat polygons in m², in the same local metric projection."""
    return shapely.area(np.asarray(lonlat, dtype=object)) * CITY_PLANE.metres_per_degree_lon * METRES_PER_DEGREE_LAT


# ---- partitions -----------------------------------------------------------------------
def _outline(rng: np.random.Generator, area: float) -> Polygon:
    """An irregular, roughly round city outline of the given area."""
    theta = np.linspace(0.0, 2 * math.pi, 120, endpoint=False)
    radius = np.ones_like(theta)
    for k, amp in ((2, 0.10), (3, 0.06), (5, 0.03), (7, 0.015)):
        radius += amp * np.sin(k * theta + rng.uniform(0, 2 * math.pi))
    shape = Polygon(np.column_stack((radius * np.cos(theta) * 1.25, radius * np.sin(theta) * 0.8)))
    return shapely.affinity.scale(shape, math.sqrt(area / shape.area), math.sqrt(area / shape.area), origin=(0, 0))


def _points_inside(rng: np.random.Generator, poly: shapely.Geometry, n: int) -> np.ndarray:
    minx, miny, maxx, maxy = poly.bounds
    got = np.empty((0, 2))
    while len(got) < n:
        cand = rng.uniform((minx, miny), (maxx, maxy), size=(max(4 * n, 64), 2))
        got = np.vstack((got, cand[shapely.contains_xy(poly, cand[:, 0], cand[:, 1])]))
    return got[:n]


def _single_parts(cells: list[shapely.Geometry]) -> list[Polygon]:
    """Give stray pieces of multi-part cells to the neighbour they share the longest edge with."""
    cells = list(cells)
    for i, cell in enumerate(cells):
        if not isinstance(cell, MultiPolygon):
            continue
        parts = sorted(shapely.get_parts(cell), key=lambda p: -p.area)
        cells[i] = parts[0]
        for part in parts[1:]:
            shared = [(shapely.intersection(part.boundary, c.boundary).length, j) for j, c in enumerate(cells) if j != i]
            length, j = max(shared)
            cells[j] = shapely.union(cells[j], part) if length > 0 else cells[j]
    return [c if isinstance(c, Polygon) else max(shapely.get_parts(c), key=lambda p: p.area) for c in cells]


def _split(rng: np.random.Generator, parent: Polygon, n: int) -> list[Polygon]:
    """`n` even-ish cells of `parent` (relaxed Voronoi), ordered north to south, west to east."""
    if n <= 1:
        return [parent]
    seeds = _points_inside(rng, parent, n)
    frame = parent.envelope.buffer(parent.length)
    cells: list[shapely.Geometry] = []
    for _ in range(5):
        vor = shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=frame, ordered=True)
        cells = list(shapely.intersection(shapely.get_parts(vor), parent))
        centroids = shapely.centroid(cells)
        seeds = np.column_stack((shapely.get_x(centroids), shapely.get_y(centroids)))
    polys = _single_parts(cells)
    return sorted(polys, key=lambda p: (-round(p.centroid.y, -2), p.centroid.x))


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """`total` split in proportion to `weights`, at least one each (largest remainder)."""
    w = np.asarray(weights, dtype=float)
    raw = 1 + (total - len(w)) * w / w.sum()
    out = np.floor(raw).astype(int)
    for i in np.argsort(-(raw - out), kind="stable")[: total - int(out.sum())]:
        out[i] += 1
    return [int(v) for v in out]


# ---- unit grids -----------------------------------------------------------------------
def _halve(poly: Polygon) -> list[Polygon]:
    """Two halves of equal area, cut across the longer side; [poly] if no clean cut exists."""
    minx, miny, maxx, maxy = poly.bounds
    for axis in ((0, 1) if maxx - minx >= maxy - miny else (1, 0)):
        lo, hi = (minx, maxx) if axis == 0 else (miny, maxy)
        a, b = lo, hi
        for _ in range(40):
            mid = (a + b) / 2
            box = shapely.box(minx - 1, miny - 1, mid, maxy + 1) if axis == 0 else shapely.box(minx - 1, miny - 1, maxx + 1, mid)
            if shapely.intersection(poly, box).area < poly.area / 2:
                a = mid
            else:
                b = mid
        mid = (a + b) / 2
        if axis == 0:
            boxes = (shapely.box(minx - 1, miny - 1, mid, maxy + 1), shapely.box(mid, miny - 1, maxx + 1, maxy + 1))
        else:
            boxes = (shapely.box(minx - 1, miny - 1, maxx + 1, mid), shapely.box(minx - 1, mid, maxx + 1, maxy + 1))
        halves = [_polygonal(shapely.intersection(poly, bx, grid_size=SNAP_M)) for bx in boxes]
        if all(isinstance(h, Polygon) and h.area >= MIN_GRID_M2 for h in halves):
            return halves
    return [poly]


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """The polygonal part of an overlay result (snap rounding can leave zero-width debris)."""
    if isinstance(geom, Polygon | MultiPolygon):
        return geom
    parts = [p for p in shapely.get_parts(geom) if isinstance(p, Polygon) and p.area > 0]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _shared_length(a: Polygon, b: Polygon) -> float:
    return float(shapely.intersection(a.boundary, b.boundary).length)


def _merge_small(faces: list[Polygon]) -> list[Polygon]:
    """Merge faces below the minimum into a neighbour (sharing an edge) of the same community."""
    faces = list(faces)
    stuck: set[int] = set()
    while True:
        small = [i for i, f in enumerate(faces) if f.area < MIN_GRID_M2 and id(f) not in stuck]
        if not small or len(faces) == 1:
            return faces
        i = min(small, key=lambda k: (faces[k].area, k))
        tree = STRtree(faces)
        best: tuple[tuple[int, float, float], int] | None = None
        for j in tree.query(faces[i], predicate="intersects"):
            j = int(j)
            if j == i:
                continue
            length = _shared_length(faces[i], faces[j])
            if length <= 1e-6:
                continue
            fits = faces[i].area + faces[j].area <= MAX_GRID_M2
            key = (0 if fits else 1, -length if fits else faces[j].area, float(j))
            if best is None or key < best[0]:
                best = (key, j)
        if best is None:  # an island smaller than a grid: nothing to merge with
            stuck.add(id(faces[i]))
            continue
        j = best[1]
        faces[j] = _polygonal(shapely.union(faces[j], faces[i]))
        del faces[i]


def _fit(faces: list[Polygon]) -> list[Polygon]:
    """Merge small faces, then halve oversized grids."""
    out: list[Polygon] = []
    for poly in _merge_small(faces):
        out.extend(_halve(poly) if poly.area > MAX_GRID_M2 else [poly])
    return out


def _cut(communities: list[Polygon], cell: float) -> list[list[Polygon]]:
    """Unit grids of every community for a lattice of `cell` metres."""
    everything = shapely.union_all(communities, grid_size=SNAP_M)
    minx, miny, maxx, maxy = everything.bounds
    xs = np.arange(math.floor(minx / cell) * cell, maxx + cell, cell)
    ys = np.arange(math.floor(miny / cell) * cell, maxy + cell, cell)
    lines = [shapely.LineString([(x, miny - 1), (x, maxy + 1)]) for x in xs]
    lines += [shapely.LineString([(minx - 1, y), (maxx + 1, y)]) for y in ys]
    lattice = shapely.intersection(shapely.multilinestrings(lines), everything)
    linework = shapely.union_all([lattice, *shapely.boundary(communities)], grid_size=SNAP_M)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(linework)))
    faces = faces[shapely.area(faces) > 0]
    points = shapely.point_on_surface(faces)
    face_idx, comm_idx = STRtree(communities).query(points, predicate="within")
    owner = np.full(len(faces), -1)
    owner[face_idx[::-1]] = comm_idx[::-1]  # the first community wins a (sub-millimetre) overlap
    return [_fit(list(faces[owner == c])) for c in range(len(communities))]


def _rebalance(groups: list[list[Polygon]], target: int) -> list[list[Polygon]]:
    """Single merges (too many grids) or halvings (too few) until the city has `target` grids."""
    groups = [list(g) for g in groups]
    while (n := sum(len(g) for g in groups)) != target:
        if n > target:
            best: tuple[float, int, int, int] | None = None
            for c, faces in enumerate(groups):
                tree = STRtree(faces)
                for i, f in enumerate(faces):
                    for j in tree.query(f, predicate="intersects"):
                        j = int(j)
                        total = f.area + faces[j].area
                        if j > i and total <= MAX_GRID_M2 and _shared_length(f, faces[j]) > 1.0:
                            if best is None or total < best[0]:
                                best = (total, c, i, j)
            if best is None:
                raise RuntimeError("cannot reach the grid count by merging")
            _, c, i, j = best
            groups[c][i] = _polygonal(shapely.union(groups[c][i], groups[c][j]))
            del groups[c][j]
        else:
            order = sorted(((f.area, c, i) for c, faces in enumerate(groups) for i, f in enumerate(faces)), reverse=True)
            for _, c, i in order:
                halves = _halve(groups[c][i])
                if len(halves) == 2:
                    groups[c][i : i + 1] = halves
                    break
            else:
                raise RuntimeError("cannot reach the grid count by splitting")
    return groups


def _lattice_grids(communities: list[Polygon], target: int) -> list[list[Polygon]]:
    """Tune the lattice spacing (secant steps on the grid count), then fix the last few by hand."""
    tried: list[tuple[float, list[list[Polygon]]]] = []
    cell = math.sqrt(TARGET_GRID_M2 * 0.94)  # merged border pieces make grids ~6 % larger than cells
    for _ in range(4):
        groups = _cut(communities, cell)
        tried.append((cell, groups))
        n = sum(len(g) for g in groups)
        if n == target:
            break
        if len(tried) >= 2:
            (c0, g0), (c1, g1) = tried[-2], tried[-1]
            n0, n1 = sum(len(g) for g in g0), sum(len(g) for g in g1)
            cell = c1 + (target - n1) * (c1 - c0) / (n1 - n0) if n1 != n0 else c1 * math.sqrt(n1 / target)
        else:
            cell *= math.sqrt(n / target)
    best = min(tried, key=lambda t: abs(sum(len(g) for g in t[1]) - target))[1]
    return _rebalance(best, target)


def order_grids(faces: Sequence[Polygon | MultiPolygon]) -> list[Polygon | MultiPolygon]:
    """North to south in ~100 m rows, west to east within a row."""
    return sorted(faces, key=lambda f: (-math.floor(f.centroid.y / 100.0), f.centroid.x, f.centroid.y))


# ---- names ----------------------------------------------------------------------------
def community_names(rng: np.random.Generator, n: int) -> list[str]:
    seen: set[str] = set()
    names: list[str] = []
    while len(names) < n:
        name = COMMUNITY_FIRST[rng.integers(len(COMMUNITY_FIRST))] + COMMUNITY_SECOND[rng.integers(len(COMMUNITY_SECOND))]
        if name not in seen and name[0] != name[1]:
            seen.add(name)
            names.append(name)
    return names


def _street_names(district_code: str, n: int, used: set[str]) -> list[str]:
    """About half street offices (街道), half towns (镇); names unique in the city."""
    n_office = max(1, (n + 1) // 2)
    names: list[str] = []
    for pool, suffix, count in ((STREET_NAMES, "街道", n_office), (TOWN_NAMES, "镇", n - n_office)):
        stems = [s for s in (*pool.get(district_code, ()), *pool["extra"]) if s not in used][:count]
        if len(stems) < count:
            raise RuntimeError("not enough street names for this scale")
        used.update(stems)
        names += [stem + suffix for stem in stems]
    return names


def community_shape(code: str, name: str, poly: Polygon | MultiPolygon,
                    faces: Sequence[Polygon | MultiPolygon]) -> CommunityShape:
    ordered = order_grids(faces)
    if len(ordered) > 99:
        raise RuntimeError(f"community {name} has {len(ordered)} grids; a 2-digit sequence allows 99")
    lonlat = [to_lonlat(f) for f in ordered]
    grids = tuple(
        GridShape(f"{code}{i:02d}", f"{name}第{i:02d}网格", geom, float(a))
        for i, (geom, a) in enumerate(zip(lonlat, area_m2(lonlat), strict=True), start=1)
    )
    return CommunityShape(code, name, initials(name), to_lonlat(poly), grids)


# ---- the city -------------------------------------------------------------------------
def build_city(scale: Scale, seed: int) -> CityMap:
    """The deterministic map of a demo city for a scale and seed."""
    rng = np.random.default_rng([seed, 1])
    outline = _outline(rng, scale.grids * TARGET_GRID_M2)
    districts = _split(rng, outline, len(scale.districts))
    street_counts = apportion(scale.streets, [d.area for d in districts])
    streets = [(d, s) for d, n in enumerate(street_counts) for s in _split(rng, districts[d], n)]
    community_counts = apportion(scale.communities, [s.area for _, s in streets])
    communities = [(k, c) for k, (_, s) in enumerate(streets) for c in _split(rng, s, community_counts[k])]
    polys = list(shapely.set_precision([c for _, c in communities], SNAP_M))
    grid_groups = _lattice_grids(polys, scale.grids)

    names = community_names(rng, len(communities))
    used: set[str] = set()
    out_districts: list[DistrictShape] = []
    k = c = 0
    for d, (dcode, dname) in enumerate(scale.districts):
        out_streets: list[StreetShape] = []
        n_office = n_town = 0
        for sname in _street_names(dcode, street_counts[d], used):
            is_town = sname.endswith("镇")
            n_town, n_office = n_town + is_town, n_office + (not is_town)
            # GB/T 10114: street offices 001-099, towns 100-199
            scode = f"{dcode}{(99 + n_town) if is_town else n_office:03d}"
            out_comms: list[CommunityShape] = []
            n_res = n_vil = 0
            for _ in range(community_counts[k]):
                village = is_town and rng.random() < 0.7
                n_vil, n_res = n_vil + village, n_res + (not village)
                cname = names[c] + ("村" if village else "社区")
                # residents' committees 001-199, village committees 200-399
                ccode = f"{scode}{(199 + n_vil) if village else n_res:03d}"
                out_comms.append(community_shape(ccode, cname, polys[c], grid_groups[c]))
                c += 1
            out_streets.append(StreetShape(scode, sname, initials(sname), tuple(out_comms)))
            k += 1
        out_districts.append(DistrictShape(dcode, dname, tuple(out_streets)))
    return CityMap(CITY_NAME, tuple(out_districts))


# ---- rows -----------------------------------------------------------------------------
@dataclass(frozen=True)
class CityIndex:
    """Ids as written, and for each grid (in `CityMap.grids()` order) its parents' positions."""

    district_ids: np.ndarray
    street_ids: np.ndarray
    community_ids: np.ndarray
    grid_ids: np.ndarray
    street_district: np.ndarray  # street position -> district position
    community_street: np.ndarray
    grid_community: np.ndarray
    grid_street: np.ndarray
    grid_district: np.ndarray


def index_city(city: CityMap, first_ids: dict[str, int]) -> CityIndex:
    streets, communities = city.streets(), city.communities()
    street_district = np.repeat(np.arange(len(city.districts)), [len(d.streets) for d in city.districts])
    community_street = np.repeat(np.arange(len(streets)), [len(s.communities) for s in streets])
    grid_community = np.repeat(np.arange(len(communities)), [len(c.grids) for c in communities])
    grid_street = community_street[grid_community]
    return CityIndex(
        district_ids=first_ids["district"] + np.arange(len(city.districts)),
        street_ids=first_ids["street"] + np.arange(len(streets)),
        community_ids=first_ids["community"] + np.arange(len(communities)),
        grid_ids=first_ids["grid"] + np.arange(len(grid_community)),
        street_district=street_district,
        community_street=community_street,
        grid_community=grid_community,
        grid_street=grid_street,
        grid_district=street_district[grid_street],
    )


def geography_tables(city: CityMap, ix: CityIndex) -> list[TableRows]:
    streets, communities, grids = city.streets(), city.communities(), city.grids()
    polys = np.array([g.polygon for g in grids], dtype=object)
    centroids = shapely.centroid(polys)
    bounds = shapely.bounds(polys)
    return [
        table("district", id=ix.district_ids, code=[d.code for d in city.districts],
              name=[d.name for d in city.districts]),
        table("street", id=ix.street_ids, district_id=ix.district_ids[ix.street_district],
              code=[s.code for s in streets], name=[s.name for s in streets],
              pinyin_initials=[s.pinyin_initials for s in streets]),
        table("community", id=ix.community_ids, street_id=ix.street_ids[ix.community_street],
              code=[c.code for c in communities], name=[c.name for c in communities],
              pinyin_initials=[c.pinyin_initials for c in communities]),
        table("grid", id=ix.grid_ids, community_id=ix.community_ids[ix.grid_community],
              code=[g.code for g in grids], name=[g.name for g in grids],
              geometry=list(shapely.to_wkb(polys)),
              centroid_lon=shapely.get_x(centroids), centroid_lat=shapely.get_y(centroids),
              area_m2=np.array([g.area_m2 for g in grids]),
              min_lon=bounds[:, 0], min_lat=bounds[:, 1], max_lon=bounds[:, 2], max_lat=bounds[:, 3]),
    ]


def sample_points(polygons: Sequence[shapely.Geometry], k: int, rng: np.random.Generator) -> np.ndarray:
    """`k` uniform random points inside each polygon: an array of shape (len(polygons), k, 2)."""
    out = np.empty((len(polygons), k, 2))
    for i, poly in enumerate(polygons):
        minx, miny, maxx, maxy = poly.bounds
        got = np.empty((0, 2))
        while len(got) < k:
            cand = rng.uniform((minx, miny), (maxx, maxy), size=(2 * k, 2))
            got = np.vstack((got, cand[shapely.contains_xy(poly, cand[:, 0], cand[:, 1])]))
        out[i] = got[:k]
    return out
