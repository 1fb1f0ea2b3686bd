"""The demo city's gazetteer: the places a call-taker types, located in the demo geography.

Roads come from the demo's road layer (the names drawn on the map), each with a door plate
every 25 m or so along it; each community adds landmarks named after it (东岩公园, 北桥小学), urban communities
residential compounds (北桥花园), villages their own name and natural villages (下厝 …).
Every point gets the grid it falls in, by one vectorised STRtree query.

Pinyin is computed once per distinct stem (a road, a community) and composed for the names
built from it, so Putian scale (tens of thousands of places) costs pypinyin only a few
thousand calls.
"""

from __future__ import annotations

import numpy as np
import shapely

from ...domain.places import PlaceKind
from ...services.gazetteer.pinyin import place_pinyin
from .geography import CityIndex, CityMap, sample_points
from .rows import TableRows, table

HOUSE_STEP_DEG = 0.00025  # about 25 m between door plates
MAX_HOUSES_PER_ROAD = 200
LANDMARK_SUFFIXES = ("公园", "小学", "卫生服务站", "菜市场", "文化广场", "幼儿园", "派出所", "中学", "农贸市场",
                     "老年活动中心", "便民服务中心", "公交站")
COMPOUND_SUFFIXES = ("花园", "小区", "家园", "新村", "公寓", "华庭", "雅苑", "名都")
NATURAL_VILLAGES = ("下厝", "顶厝", "后埔", "东头", "西边")
MAX_PLACES_PER_COMMUNITY = 8  # landmarks (up to 5), then a village and its natural villages or compounds


def _stem(name: str) -> str:
    for suffix in ("社区", "村"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


class _Names:
    """Names with their pinyin, composed from cached pinyin of their parts."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, str]] = {}
        self.name: list[str] = []
        self.kind: list[str] = []
        self.points: list[tuple[float, float]] = []
        self.pinyin: list[str] = []
        self.initials: list[str] = []

    def pinyin_of(self, text: str) -> tuple[str, str]:
        if text not in self._cache:
            self._cache[text] = place_pinyin(text)
        return self._cache[text]

    def add(self, parts: tuple[str, ...], kind: PlaceKind, lon: float, lat: float) -> None:
        full = initials = ""
        for part in parts:
            p, i = self.pinyin_of(part)
            full, initials = full + p, initials + i
        self.name.append("".join(parts))
        self.kind.append(kind.value)
        self.points.append((lon, lat))
        self.pinyin.append(full)
        self.initials.append(initials)


def gazetteer_tables(city: CityMap, ix: CityIndex, roads: list[TableRows], seed: int) -> list[TableRows]:
    """The ``gazetteer_entry`` rows of a demo city (roads taken from its ``road`` rows)."""
    rng = np.random.default_rng([seed, 14])
    spread = np.random.default_rng([seed, 15])  # apart, so the small city's places stay where they were
    places = _Names()
    for rows in roads:
        if rows.table != "road":
            continue
        lines = shapely.from_wkb(list(rows.column("geometry")))
        for name, line in zip(rows.column("name"), lines, strict=True):
            mid = shapely.line_interpolate_point(line, 0.5, normalized=True)
            places.add((name,), PlaceKind.ROAD, shapely.get_x(mid), shapely.get_y(mid))
            count = min(MAX_HOUSES_PER_ROAD, int(shapely.length(line) / HOUSE_STEP_DEG))
            if count:
                at = shapely.line_interpolate_point(line, (np.arange(count) + 0.5) * HOUSE_STEP_DEG)
                for k, (x, y) in enumerate(shapely.get_coordinates(at)):
                    places.add((name, str(k + 1), "号"), PlaceKind.HOUSE_NUMBER, x, y)
    for community in city.communities():
        stem = _stem(community.name)
        polys = [g.polygon for g in community.grids]
        spots = shapely.get_coordinates(shapely.point_on_surface(np.array(polys, dtype=object)))
        if len(spots) < MAX_PLACES_PER_COMMUNITY:  # a village of one or two large grids: places spread over it
            more = sample_points([community.polygon], MAX_PLACES_PER_COMMUNITY - len(spots), spread)[0]
            spots = np.vstack((spots, more))
        order = rng.permutation(len(spots))
        pick = iter(spots[order].tolist() * 3)
        for suffix in rng.choice(LANDMARK_SUFFIXES, size=2 + int(rng.integers(0, 4)), replace=False):
            places.add((stem, str(suffix)), PlaceKind.LANDMARK, *next(pick))
        if community.name.endswith("村"):
            places.add((community.name,), PlaceKind.VILLAGE, *next(pick))
            for suffix in rng.choice(NATURAL_VILLAGES, size=int(rng.integers(0, 3)), replace=False):
                places.add((stem, str(suffix)), PlaceKind.VILLAGE, *next(pick))
        else:
            for suffix in rng.choice(COMPOUND_SUFFIXES, size=2 + int(rng.integers(0, 4)), replace=False):
                places.add((stem, str(suffix)), PlaceKind.COMPOUND, *next(pick))
    if not places.name:
        return []
    points = np.array(places.points)
    grid_polys = np.array([g.polygon for g in city.grids()], dtype=object)
    tree = shapely.STRtree(grid_polys)
    pidx, gidx = tree.query(shapely.points(points), predicate="intersects")
    first = np.full(len(points), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, pidx, gidx)  # on a shared border the lowest grid, as GridLocator does
    inside = first != np.iinfo(np.int64).max
    keep = np.flatnonzero(inside)
    grid_ids = ix.grid_ids[first[inside]]
    return [table("gazetteer_entry", name=[places.name[i] for i in keep], kind=[places.kind[i] for i in keep],
                  lon=points[keep, 0], lat=points[keep, 1], grid_id=grid_ids,
                  pinyin=[places.pinyin[i] for i in keep], pinyin_initials=[places.initials[i] for i in keep])]
