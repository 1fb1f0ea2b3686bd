"""Where the Putian-scale demo's residents live: a density model and point samples of it.

Putian has about 3.2 million residents (the model about 3.05), most of them in the central city (城厢 and 荔城), the
county seats (涵江, 仙游's 鲤城, 秀屿's 笏石) and a dozen market towns; the rest live in
villages on the coastal plain, thinning out into the hills to the north and west. The model is
a Gaussian bump per town (its seat's WGS-84 position, residents, spread) on top of a rural
density that falls off into the hills and wobbles a little from place to place.

Partitions are cut on samples rather than on the formula: `people` are points each standing
for the same number of residents, `land` points each for the same area, drawn district by
district so that a district's samples are the same at every scale that includes it. Cutting a polygon so
that each side holds its share of one or the other (or a blend) is then a weighted quantile,
and every sub-polygon's population is a count: no integrals, all vectorised.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ...geometry.projection import LocalProjection

# (lon, lat, residents, spread in km): seats and market towns, positions approximate
TOWNS: tuple[tuple[float, float, int, float], ...] = (
    (118.995, 25.432, 420_000, 1.6),  # central city, 城厢 side (凤凰山, 龙桥, 霞林)
    (119.025, 25.440, 370_000, 1.6),  # central city, 荔城 side (镇海, 拱辰)
    (119.110, 25.458, 250_000, 1.7),  # 涵江 (涵东, 涵西)
    (118.690, 25.362, 300_000, 1.9),  # 仙游 county seat (鲤城, 鲤南)
    (119.100, 25.322, 120_000, 1.5),  # 秀屿's seat, 笏石
    (119.075, 25.415, 90_000, 1.2),  # 黄石
    (119.190, 25.480, 70_000, 1.2),  # 江口
    (118.840, 25.260, 70_000, 1.2),  # 枫亭
    (118.760, 25.380, 50_000, 1.0),  # 榜头
    (119.010, 25.470, 50_000, 1.0),  # 西天尾
    (118.930, 25.400, 45_000, 1.0),  # 华亭
    (119.110, 25.240, 45_000, 1.0),  # 东庄
    (119.130, 25.075, 25_000, 1.0),  # 湄洲岛
)
RURAL_PEAK_KM2 = 710.0  # rural residents per km² on the plain (where `_rural_weight` is 1): 1.15 million in all
HILLS_NORTH_LAT = 25.45  # north of this the land rises into the hills (涵江's and 仙游's north)
HILLS_WEST_LON = 118.75
WOBBLE_PHASE = (1.3, 4.1)  # where the rural wobble peaks: part of the land, the same for every seed
RESIDENTS_PER_POINT = 13.0  # each people sample: about 240,000 of them for the city
M2_PER_LAND_POINT = 34_000.0  # each land sample: about 120,000 of them for the city's 4,070 km²
CITY_RESIDENTS = 3_050_000.0  # what the model gives the five divisions, to which `blend` relates
CITY_LAND_M2 = 4_070e6
TOWN_REACH = 5.0  # a town's bump counts up to this many spreads from its seat (beyond, under one resident a km²)


@dataclass(frozen=True)
class Population:
    """Point samples in local metres, each standing for a fixed amount of something: a `points`
    row is `RESIDENTS_PER_POINT` residents where `is_person`, else `M2_PER_LAND_POINT` m² of land.

    The amounts are fixed for the whole city, so the samples of one district do not depend on
    which other districts a scale includes, and a blend of population and area (`blend`) weighs
    a district's points the same at every scale."""

    points: np.ndarray  # (n, 2)
    is_person: np.ndarray  # (n,) bool

    @property
    def people(self) -> np.ndarray:
        return self.points[self.is_person]

    def blend(self, people_share: float) -> np.ndarray:
        """Weights of `points` for a measure that is `people_share` population, the rest area
        (each part as a share of the whole city's, so the same at every scale)."""
        person = people_share * RESIDENTS_PER_POINT / CITY_RESIDENTS
        land = (1.0 - people_share) * M2_PER_LAND_POINT / CITY_LAND_M2
        return np.where(self.is_person, person, land)

    def density_km2(self, idx: np.ndarray) -> float:
        """Residents per km² of the piece holding points `idx` (indexes into `points`)."""
        people = int(np.count_nonzero(self.is_person[idx]))
        land = len(idx) - people
        return people * RESIDENTS_PER_POINT / max(land * M2_PER_LAND_POINT / 1e6, 1e-3)

    @staticmethod
    def joined(parts: list[Population]) -> tuple[Population, list[int]]:
        """The samples of several districts as one, and where each part's indexes start in it."""
        starts = np.cumsum([0] + [len(p.points) for p in parts[:-1]]).tolist()
        return Population(np.vstack([p.points for p in parts]), np.concatenate([p.is_person for p in parts])), starts



def _rural_weight(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Relative rural density in (0, 1]: lower in the hills, with a gentle wobble."""
    north = np.clip((lat - HILLS_NORTH_LAT) / 0.15, 0.0, 1.0)
    west = np.clip((HILLS_WEST_LON - lon) / 0.2, 0.0, 1.0)
    wobble = 0.7 + 0.3 * np.sin(lon * 37.0 + WOBBLE_PHASE[0]) * np.sin(lat * 41.0 + WOBBLE_PHASE[1])
    return np.exp(-2.0 * np.maximum(north, west)) * wobble


def _inside(land: shapely.Geometry, xy: np.ndarray) -> np.ndarray:
    return xy[shapely.contains_xy(land, xy[:, 0], xy[:, 1])]


def sample_population(land: shapely.Geometry, plane: LocalProjection, rng: np.random.Generator) -> Population:
    """Samples of the residents and the land of one district, `land` (a polygon in `plane`'s
    metres): drawn from its own `rng` and nothing else, the same whichever scale asks."""
    shapely.prepare(land)
    minx, miny, maxx, maxy = land.bounds
    n_land = round(land.area / M2_PER_LAND_POINT)
    box_area = (maxx - minx) * (maxy - miny)
    land_pts = np.empty((0, 2))
    while len(land_pts) < n_land:
        cand = rng.uniform((minx, miny), (maxx, maxy), size=(int(n_land * box_area / land.area * 1.1) + 16, 2))
        land_pts = np.vstack((land_pts, _inside(land, cand)))
    land_pts = land_pts[:n_land]

    groups = []
    for lon, lat, residents, spread in TOWNS:
        cx, cy = plane.to_xy(lon, lat)
        reach = TOWN_REACH * spread * 1000.0
        if cx + reach < minx or cx - reach > maxx or cy + reach < miny or cy - reach > maxy:
            continue  # a town of another district: its bump does not reach this one
        cand = rng.normal((cx, cy), spread * 1000.0, size=(round(residents / RESIDENTS_PER_POINT), 2))
        groups.append(_inside(land, cand))  # the neighbours and the sea take their shares of the bump
    lonlat = plane.unproject_coords(land_pts)
    rural = land_pts[rng.random(len(land_pts)) < _rural_weight(lonlat[:, 0], lonlat[:, 1])]
    n_rural = round(len(rural) * M2_PER_LAND_POINT / 1e6 * RURAL_PEAK_KM2 / RESIDENTS_PER_POINT)
    if len(rural):
        groups.append(_inside(land, rural[rng.integers(len(rural), size=n_rural)]
                              + rng.uniform(-60, 60, size=(n_rural, 2))))
    people = np.vstack(groups) if groups else np.empty((0, 2))
    return Population(np.vstack((people, land_pts)),
                      np.concatenate((np.ones(len(people), dtype=bool), np.zeros(len(land_pts), dtype=bool))))
