"""The demo city's roads: main roads along the borders between communities, a minor road through each.

Main roads follow the community borders (as real borders often follow roads), merged into
long lines and named from the city's road stems (``荔城大道``, ``学园路``…); each community
gets a minor road across its longer side named after it (``北桥社区`` → ``北桥路``), so a
case's street, community and road read consistently on the map. Built with a handful of
vectorised shapely calls: well under a second at Putian scale.
"""

from __future__ import annotations

import numpy as np
import shapely

from .geography import CityMap
from .rows import TableRows, table
from .texts import ROAD_STEMS

MAIN_SUFFIXES = ("大道", "路", "路", "街")
MIN_MAIN_DEG = 0.004  # border pieces shorter than about 400 m are not a road of their own


def _community_stem(name: str) -> str:
    for suffix in ("社区", "村"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _minor_roads(city: CityMap) -> list[tuple[str, shapely.Geometry]]:
    out = []
    for community in city.communities():
        poly = community.polygon
        x0, y0, x1, y1 = poly.bounds
        cx, cy = shapely.get_coordinates(shapely.point_on_surface(poly))[0]
        line = (shapely.LineString([(x0, cy), (x1, cy)]) if x1 - x0 >= y1 - y0
                else shapely.LineString([(cx, y0), (cx, y1)]))
        parts = [p for p in shapely.get_parts(shapely.intersection(poly, line)) if p.geom_type == "LineString"]
        if parts:
            out.append((_community_stem(community.name) + "路", max(parts, key=lambda p: p.length)))
    return out


def _main_roads(city: CityMap, rng: np.random.Generator) -> list[tuple[str, shapely.Geometry]]:
    """Along the borders of streets and of urban communities; two villages are parted by fields."""
    polys = np.array([c.polygon for c in city.communities()], dtype=object)
    urban = polys[np.array([c.name.endswith("社区") for c in city.communities()], dtype=bool)]
    streets = [shapely.union_all([c.polygon for c in s.communities], grid_size=1e-7) for s in city.streets()]
    borders = shapely.union_all([*shapely.boundary(urban), *shapely.boundary(streets)], grid_size=1e-7)
    outline = shapely.boundary(shapely.union_all(polys, grid_size=1e-7))
    inner = shapely.line_merge(shapely.difference(borders, shapely.buffer(outline, 1e-5)))
    lines = [p for p in shapely.get_parts(inner) if p.length >= MIN_MAIN_DEG]
    stems = rng.permutation(len(ROAD_STEMS))
    names = [ROAD_STEMS[stems[i % len(stems)]] + MAIN_SUFFIXES[(i // len(stems) + i) % len(MAIN_SUFFIXES)]
             for i in range(len(lines))]
    return list(zip(names, lines, strict=True))


def road_tables(city: CityMap, first_id: int, seed: int) -> list[TableRows]:
    """The ``road`` rows of a demo city."""
    rng = np.random.default_rng([seed, 11])
    main, minor = _main_roads(city, rng), _minor_roads(city)
    roads = [(n, "main", g) for n, g in main] + [(n, "minor", g) for n, g in minor]
    if not roads:
        return []
    geoms = np.array([g for _, _, g in roads], dtype=object)
    bounds = shapely.bounds(geoms)
    return [table("road", id=first_id + np.arange(len(roads)), name=[n for n, _, _ in roads],
                  road_class=[c for _, c, _ in roads], geometry=list(shapely.to_wkb(geoms)),
                  min_lon=bounds[:, 0], min_lat=bounds[:, 1], max_lon=bounds[:, 2], max_lat=bounds[:, 3])]
