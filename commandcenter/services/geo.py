"""Finding the unit grid of a location.

A point on a shared border belongs to the grid with the lowest code, so the answer is
deterministic; a point outside every grid is an error, never a guess.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..caches import CacheKey
from ..db import Database
from ..domain.entities import Entity
from ..errors import OutsideCity
from ..models import Grid

if TYPE_CHECKING:
    import numpy as np
    import shapely


@dataclass(frozen=True)
class GridHit:
    grid_id: int
    code: str


class GridLocator:
    """An STRtree over every unit grid polygon, built once per opened database.

    Shapely and NumPy are imported by the methods: this module is loaded with the services at
    start-up, long before the first location is looked up.
    """

    def __init__(self, ids: list[int], codes: list[str], geoms: list[shapely.Geometry]) -> None:
        from shapely import STRtree

        self._ids = ids
        self._codes = codes
        self._geoms = geoms
        self._tree = STRtree(geoms)

    @classmethod
    def from_database(cls, db: Database) -> GridLocator:
        """The locator of every grid (cached per opened database until grids change)."""
        def build() -> GridLocator:
            import shapely

            with db.read() as s:
                rows = s.execute(select(Grid.id, Grid.code, Grid.geometry).order_by(Grid.code)).all()
            geoms = list(shapely.from_wkb([r.geometry for r in rows])) if rows else []
            return cls([r.id for r in rows], [r.code for r in rows], geoms)

        return db.caches.get(GRID_LOCATOR, build)

    def __len__(self) -> int:
        return len(self._ids)

    def locate(self, lon: float, lat: float) -> GridHit:
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise OutsideCity(lon, lat)
        import shapely

        hits = self._tree.query(shapely.Point(lon, lat), predicate="intersects")
        if len(hits) == 0:
            raise OutsideCity(lon, lat)
        best = min(int(i) for i in hits)  # geometries are ordered by code
        return GridHit(self._ids[best], self._codes[best])

    def locate_many(self, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
        """Grid ids for many points at once (-1 where outside every grid)."""
        import numpy as np
        import shapely

        points = shapely.points(lons, lats)
        pidx, gidx = self._tree.query(points, predicate="intersects")
        out = np.full(len(points), np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(out, pidx, gidx)
        ids = np.asarray(self._ids, dtype=np.int64)
        result = np.full(len(points), -1, dtype=np.int64)
        found = out != np.iinfo(np.int64).max
        result[found] = ids[out[found]]
        return result


GRID_LOCATOR: CacheKey[GridLocator] = CacheKey("grid_locator", frozenset({Entity.GRID}))
