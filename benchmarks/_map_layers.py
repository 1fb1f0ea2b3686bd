"""Roads and early warnings over bench_map's synthetic city, for its every-layer variant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import shapely

from commandcenter.shapes.map import MapGrid, MapRoad
from commandcenter.shapes.warnings import WarningItem, WarningKind, WarningStatus
from commandcenter.simulator.demo.texts import ROAD_STEMS


def synthesise_roads(grids: list[MapGrid], nx: int, ny: int) -> list[MapRoad]:
    """A main road along every 8th lattice row and column, a minor one along every other row."""
    lons = sorted({round(x, 6) for g in grids for x, _ in g.exterior})
    lats = sorted({round(y, 6) for g in grids for _, y in g.exterior})
    w, e, s, n = lons[0], lons[-1], lats[0], lats[-1]
    roads = []
    for k in range(0, nx + 1, 2):
        lon = w + (e - w) * k / nx
        roads.append(MapRoad(len(roads) + 1, f"{ROAD_STEMS[k % len(ROAD_STEMS)]}路",
                             "main" if k % 8 == 0 else "minor", ((lon, s), (lon, n))))
    for k in range(0, ny + 1, 2):
        lat = s + (n - s) * k / ny
        roads.append(MapRoad(len(roads) + 1, f"{ROAD_STEMS[(k + 7) % len(ROAD_STEMS)]}街",
                             "main" if k % 8 == 0 else "minor", ((w, lat), (e, lat))))
    return roads


def synthesise_warnings(grids: list[MapGrid], values: dict[int, float], seed: int = 11) -> list[WarningItem]:
    """Open warnings as a busy day has them: 40 recurrences at the busiest grids, 6 clusters."""
    rng = np.random.default_rng(seed)
    busiest = sorted(grids, key=lambda g: -values.get(g.grid_id, 0.0))[:120]
    now = datetime(2026, 11, 27, 8, tzinfo=UTC)
    items = []
    for k, grid in enumerate(busiest[:40]):
        items.append(WarningItem(k + 1, WarningKind.RECURRENCE, WarningStatus.OPEN, grid.name, "0101",
                                 (grid.grid_id,), (), now, now + timedelta(minutes=k)))
    for k in range(6):
        seed_grid = busiest[int(rng.integers(len(busiest)))]  # and the 5 busy grids nearest it
        members = sorted(busiest, key=lambda g: np.hypot(*np.subtract(g.exterior[0], seed_grid.exterior[0])))[:5]
        hull_shape = shapely.MultiPoint([p for g in members for p in g.exterior]).convex_hull
        hull = tuple((float(x), float(y)) for x, y in hull_shape.exterior.coords[:-1])
        centre = hull_shape.centroid
        items.append(WarningItem(100 + k, WarningKind.CLUSTER, WarningStatus.OPEN, f"cluster {k}", "0301",
                                 tuple(g.grid_id for g in members), (), now, now + timedelta(hours=1, minutes=k),
                                 centroid=(centre.x, centre.y), outline=hull))
    return items
