"""Where in its grid each demo case is reported: a continuous point, not one of a few fixed ones.

The map samples `POINTS_PER_GRID` spots in each grid once (officers walk between them, cases
gather around them, so a grid's busy corners stay busy). A case used to take one of those spots
exactly, so unrelated cases of one category shared coordinates to the metre and the recurrence
detector saw a "same place again and again" that nobody planted. Each case now lands within a
few tens of metres of its spot, kept inside its grid: hotspots stay where they were, identical
coordinates happen only where a pattern puts them. Vectorised (one containment test for all the
cases of a chunk), so it costs nothing next to the rest of the generator at Putian scale.
"""

from __future__ import annotations

import numpy as np
import shapely

from ...geometry.projection import METRES_PER_DEGREE_LAT

SPREAD_M = 20.0  # one standard deviation of a case's distance from its spot, each axis
TRIES = 3  # a point outside the grid is drawn again; after that the spot itself is used


def case_points(grid_points: np.ndarray, grid_polygons: np.ndarray, grid: np.ndarray, spot: np.ndarray,
                rng: np.random.Generator) -> np.ndarray:
    """Lon/lat of cases in grids `grid` around their spots `spot` (indexes into `grid_points`)."""
    anchor = grid_points[grid, spot]
    out = anchor.copy()
    todo = np.arange(len(grid))
    if not len(todo):
        return out
    dlat = SPREAD_M / METRES_PER_DEGREE_LAT
    dlon = np.full(len(grid), dlat) / np.cos(np.radians(anchor[:, 1]))
    for _ in range(TRIES):
        step = rng.standard_normal((len(todo), 2)) * np.column_stack((dlon[todo], np.full(len(todo), dlat)))
        moved = anchor[todo] + step
        inside = shapely.contains_xy(grid_polygons[grid[todo]], moved[:, 0], moved[:, 1])
        out[todo[inside]] = moved[inside]
        todo = todo[~inside]
        if not len(todo):
            break
    return out
