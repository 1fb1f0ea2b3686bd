"""The one local projection: WGS84 lon/lat to metres on a plane around a chosen origin.

Every place that measures or draws grids in metres uses it: grid areas, overlaps and gaps in
imports, officers walking in a drill, the map canvas, the briefing's hotspot map. A city is
tens of kilometres across, so an equirectangular projection (longitude scaled by the cosine
of the origin's latitude) is accurate far below a pixel or a square metre's worth of error,
and it is linear: a lon/lat box maps to an axis-aligned rectangle (the map's basemap relies
on that).

NumPy is imported by the array methods only: the services load this module at start-up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG)
METRES_PER_DEGREE_LAT = math.pi / 180.0 * EARTH_RADIUS_M


def haversine_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in metres: for distances between any two points, not only nearby."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


@dataclass(frozen=True, slots=True)
class LocalProjection:
    """Equirectangular projection to metres, with ``(lon0, lat0)`` at the plane's origin.

    Longitude is scaled by cos(lat0), so a square grid stays square. Only differences of
    coordinates matter for areas and distances; the origin near the data keeps the numbers
    small (better float precision) and is where the scale is exact.
    """

    lon0: float
    lat0: float

    @property
    def metres_per_degree_lon(self) -> float:
        return METRES_PER_DEGREE_LAT * math.cos(math.radians(self.lat0))

    def to_xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            (lon - self.lon0) * self.metres_per_degree_lon,
            (lat - self.lat0) * METRES_PER_DEGREE_LAT,
        )

    def to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        return self.lon0 + x / self.metres_per_degree_lon, self.lat0 + y / METRES_PER_DEGREE_LAT

    def to_xy_arrays(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        x = (np.asarray(lon, float) - self.lon0) * self.metres_per_degree_lon
        y = (np.asarray(lat, float) - self.lat0) * METRES_PER_DEGREE_LAT
        return x, y

    def project_coords(self, coords: np.ndarray) -> np.ndarray:
        """An (n, 2) lon/lat array to metres: the callable ``shapely.transform`` expects."""
        import numpy as np

        return np.column_stack(self.to_xy_arrays(coords[:, 0], coords[:, 1]))

    def unproject_coords(self, coords: np.ndarray) -> np.ndarray:
        """An (n, 2) array of metres back to lon/lat (the inverse of :meth:`project_coords`)."""
        import numpy as np

        lon = self.lon0 + coords[:, 0] / self.metres_per_degree_lon
        lat = self.lat0 + coords[:, 1] / METRES_PER_DEGREE_LAT
        return np.column_stack([lon, lat])
