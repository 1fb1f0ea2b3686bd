"""Naming a point for people: the unit grid it lies in, with its community and street.

The roster and the officer page showed positions as "119.00712, 25.43190", which nobody in the
room can place. A point inside a grid is named by that grid (`GridLocator`, the same rule the
intake uses); a point outside every grid by the nearest grid's centre, with the distance, so a
report from just over the city's edge still reads "near 金林社区第03网格 (240 m)".
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from sqlalchemy import select

from ..caches import CacheKey
from ..db import Database
from ..domain.entities import Entity
from ..models import Community, Grid, Street
from ..shapes.officer_page import PlaceName
from .geo import GridLocator

EARTH_M = 6_371_000.0
FAR_M = 5_000.0  # beyond this from every grid a point is not named after one


class GridNames:
    """Every grid's names and centre, read once per opened database (until grids change)."""

    def __init__(self, rows: Sequence[tuple[int, str, str, str, str, float, float]]) -> None:
        import numpy as np

        self.index = {r[0]: i for i, r in enumerate(rows)}
        self.places = [PlaceName(r[1], r[2], r[3], r[4]) for r in rows]
        self.lons = np.array([r[5] for r in rows], dtype=float)
        self.lats = np.array([r[6] for r in rows], dtype=float)

    @classmethod
    def from_database(cls, db: Database) -> GridNames:
        def build() -> GridNames:
            with db.read() as s:
                rows = s.execute(
                    select(Grid.id, Grid.code, Grid.name, Community.name, Street.name, Grid.centroid_lon,
                           Grid.centroid_lat)
                    .join(Community, Community.id == Grid.community_id)
                    .join(Street, Street.id == Community.street_id)
                    .order_by(Grid.code)
                ).all()
            return cls([tuple(r) for r in rows])  # type: ignore[misc]

        return db.caches.get(GRID_NAMES, build)

    def nearest(self, lon: float, lat: float) -> PlaceName | None:
        """The grid whose centre is nearest, with the distance to it; None beyond FAR_M."""
        import numpy as np

        if not len(self.places):
            return None
        k = math.cos(math.radians(lat))
        dx = np.radians(self.lons - lon) * k
        dy = np.radians(self.lats - lat)
        d2 = dx * dx + dy * dy
        best = int(np.argmin(d2))
        metres = float(math.sqrt(d2[best]) * EARTH_M)
        if metres > FAR_M:
            return None
        p = self.places[best]
        return PlaceName(p.grid_code, p.grid_name, p.community_name, p.street_name, round(metres))


GRID_NAMES: CacheKey[GridNames] = CacheKey("grid_names", frozenset({Entity.GRID}))


def name_places(db: Database, points: Sequence[tuple[float, float]]) -> list[PlaceName | None]:
    """The place of each (lon, lat): its grid, or the nearest grid with the distance."""
    if not points:
        return []
    import numpy as np

    names = GridNames.from_database(db)
    lons = np.array([p[0] for p in points], dtype=float)
    lats = np.array([p[1] for p in points], dtype=float)
    grid_ids = GridLocator.from_database(db).locate_many(lons, lats)
    out: list[PlaceName | None] = []
    for (lon, lat), gid in zip(points, grid_ids.tolist(), strict=True):
        inside = names.index.get(gid) if gid >= 0 else None
        out.append(names.places[inside] if inside is not None else names.nearest(lon, lat))
    return out
