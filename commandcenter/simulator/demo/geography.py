"""The demo city's map: shapes of districts, streets, communities and the unit grids that tile
each community, and their rows.

Every scale is drawn in Putian's real outlines by `putian`. Everything is built in metres on a
local plane around the city centre (`CITY_PLANE`) and converted to WGS84 lon/lat at the end by
one affine map (the equirectangular projection of `services.geo`), so edges shared by two
grids keep identical vertices. Grids are numbered north to south, west to east within their
community; each grid's stored centre is a point on its surface, inside it even where the grid
is concave or in parts (an island's grid with its islets), so a report placed there is in it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from pypinyin import Style, lazy_pinyin
from shapely import MultiPolygon, Polygon

from ...geometry.projection import METRES_PER_DEGREE_LAT, LocalProjection
from .rows import TableRows, table
from .texts import COMMUNITY_FIRST, COMMUNITY_SECOND

CENTRE_LON, CENTRE_LAT = 119.0, 25.44
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


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """`total` split in proportion to `weights`, at least one each (largest remainder)."""
    w = np.asarray(weights, dtype=float)
    raw = 1 + (total - len(w)) * w / w.sum()
    out = np.floor(raw).astype(int)
    for i in np.argsort(-(raw - out), kind="stable")[: total - int(out.sum())]:
        out[i] += 1
    return [int(v) for v in out]


# ---- grids ----------------------------------------------------------------------------
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
    centroids = shapely.point_on_surface(polys)  # a concave or island grid's centroid lies outside it
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
