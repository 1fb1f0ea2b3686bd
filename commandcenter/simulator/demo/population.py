"""Where the Putian-scale demo's residents live: a density model and point samples of it.

Putian has about 3.2 million residents (the model about 3.1), most of them in the central city (城厢 and 荔城), the
county seats (涵江, 仙游's 鲤城, 秀屿's 笏石) and a dozen market towns; the rest live in
villages on the coastal plain, thinning out into the hills to the north and west. The model is
a Gaussian bump per town (its seat's WGS-84 position, residents, spread) on top of a rural
density that falls off into the hills and wobbles a little from place to place.

Partitions are cut on samples rather than on the formula: `people` are points each standing
for the same number of residents, `land` points each for the same area. Cutting a polygon so
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
RURAL_RESIDENTS = 1_150_000  # Putian is about 62 % urban
HILLS_NORTH_LAT = 25.45  # north of this the land rises into the hills (涵江's and 仙游's north)
HILLS_WEST_LON = 118.75
PEOPLE_SAMPLES = 240_000
LAND_SAMPLES = 120_000


@dataclass(frozen=True)
class Population:
    """Point samples in local metres: each `people` point is `residents_per_point` residents,
    each `land` point `m2_per_point` square metres of land."""

    people: np.ndarray  # (n, 2)
    land: np.ndarray  # (m, 2)
    residents_per_point: float
    m2_per_point: float

    @property
    def points(self) -> np.ndarray:
        """People then land points, the order the weights of `blend` follow."""
        return np.vstack((self.people, self.land))

    def blend(self, people_share: float) -> np.ndarray:
        """Weights of `points` for a measure that is `people_share` population, the rest area
        (each part normalised over the whole city)."""
        return np.concatenate((np.full(len(self.people), people_share / len(self.people)),
                               np.full(len(self.land), (1.0 - people_share) / len(self.land))))

    def density_km2(self, idx: np.ndarray) -> float:
        """Residents per km² of the piece holding points `idx` (indexes into `points`)."""
        people = int(np.count_nonzero(idx < len(self.people)))
        land = len(idx) - people
        return people * self.residents_per_point / max(land * self.m2_per_point / 1e6, 1e-3)


def _rural_weight(lon: np.ndarray, lat: np.ndarray, phase: np.ndarray) -> np.ndarray:
    """Relative rural density in (0, 1]: lower in the hills, with a gentle wobble."""
    north = np.clip((lat - HILLS_NORTH_LAT) / 0.15, 0.0, 1.0)
    west = np.clip((HILLS_WEST_LON - lon) / 0.2, 0.0, 1.0)
    wobble = 0.7 + 0.3 * np.sin(lon * 37.0 + phase[0]) * np.sin(lat * 41.0 + phase[1])
    return np.exp(-2.0 * np.maximum(north, west)) * wobble


def _inside(land: shapely.Geometry, xy: np.ndarray) -> np.ndarray:
    return xy[shapely.contains_xy(land, xy[:, 0], xy[:, 1])]


def sample_population(land: shapely.Geometry, plane: LocalProjection, rng: np.random.Generator) -> Population:
    """Samples of the residents and the land of `land` (a polygon in `plane`'s metres)."""
    shapely.prepare(land)
    minx, miny, maxx, maxy = land.bounds
    box_area = (maxx - minx) * (maxy - miny)
    land_pts = np.empty((0, 2))
    while len(land_pts) < LAND_SAMPLES:
        cand = rng.uniform((minx, miny), (maxx, maxy), size=(int(LAND_SAMPLES * box_area / land.area * 1.1), 2))
        land_pts = np.vstack((land_pts, _inside(land, cand)))
    land_pts = land_pts[:LAND_SAMPLES]

    total = RURAL_RESIDENTS + sum(t[2] for t in TOWNS)
    per_point = total / PEOPLE_SAMPLES
    groups = []
    for lon, lat, residents, spread in TOWNS:
        cx, cy = plane.to_xy(lon, lat)
        n = round(residents / per_point)
        cand = rng.normal((cx, cy), spread * 1000.0, size=(n, 2))
        groups.append(_inside(land, cand))  # the sea takes its share of a coastal town's bump
    phase = rng.uniform(0, 2 * np.pi, size=2)
    lonlat = plane.unproject_coords(land_pts)
    keep = rng.random(len(land_pts)) < _rural_weight(lonlat[:, 0], lonlat[:, 1], phase)
    rural = land_pts[keep]
    n_rural = round(RURAL_RESIDENTS / per_point)
    groups.append(rural[rng.integers(len(rural), size=n_rural)] + rng.uniform(-60, 60, size=(n_rural, 2)))
    people = np.vstack(groups)
    people = _inside(land, people)
    return Population(people=people, land=land_pts, residents_per_point=per_point,
                      m2_per_point=float(land.area) / LAND_SAMPLES)
