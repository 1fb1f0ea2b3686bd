"""Clusters: a burst of one category close in space and time, wherever grid boundaries lie.

Per category, the cases of the last `hours` hours are grouped by DBSCAN over space and time
(neighbours within `eps_m` metres and `eps_minutes` minutes, `min_points` neighbours for a core
case). A cluster confined to one grid is left to the trend test, which knows that grid's own
baseline; a cluster over `min_grids` or more grids is what no per-grid figure shows. The
outline is the convex hull of the cases (a buffer of the centroid for fewer than three
distinct points).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from ...shapes.warnings import WarningKind
from .dbscan import dbscan, project
from .facts import CaseFact, Finding, LonLat, centroid_of, grids_of, ids_of
from .params import ClusterParams

HULL_PAD_DEG = 0.0002  # about 20 m: a hull of collinear points still shows as an area


def clusters(facts: Iterable[CaseFact], as_of: int, params: ClusterParams,
             focus: Iterable[int] | None = None) -> list[Finding]:
    start = as_of - params.hours * 3600
    wanted = set(focus) if focus is not None else None
    by_category: dict[str, list[CaseFact]] = defaultdict(list)
    for f in facts:
        if start < f.reported_at <= as_of:
            by_category[f.category].append(f)
    out = []
    for category, group in sorted(by_category.items()):
        if len(group) < params.min_points:
            continue
        x, y = project(np.array([f.lon for f in group]), np.array([f.lat for f in group]))
        t = np.array([f.reported_at for f in group], dtype=np.float64)
        for members in dbscan(x, y, params.eps_m, params.min_points, t, params.eps_minutes * 60):
            cases = [group[i] for i in members]
            grids = grids_of(cases)
            if len(grids) < params.min_grids:
                continue
            if wanted is not None and not wanted.intersection(c.id for c in cases):
                continue
            first = min(cases, key=lambda c: (c.reported_at, c.id))
            span = max(c.reported_at for c in cases) - first.reported_at
            out.append(Finding(
                kind=WarningKind.CLUSTER, key=f"cluster:{category}:{first.id}", category=category,
                case_ids=ids_of(cases), grid_ids=grids, last_evidence_at=max(c.reported_at for c in cases),
                subject=("grid", first.grid_id),
                evidence={"count": len(cases), "grids": len(grids), "hours": round(span / 3600, 1),
                          "eps_m": params.eps_m, "eps_minutes": params.eps_minutes},
                centroid=centroid_of(cases), outline=hull(cases), match_m=params.eps_m))
    return out


def hull(cases: list[CaseFact]) -> tuple[LonLat, ...]:
    """The convex hull's ring (not closed), in lon/lat."""
    import shapely  # loaded at the first cluster, not with the screens that import the service

    points = shapely.multipoints(np.array([(c.lon, c.lat) for c in cases]))
    shape = shapely.convex_hull(points)
    if not isinstance(shape, shapely.Polygon):
        shape = shapely.buffer(shape, HULL_PAD_DEG, quad_segs=2)
    coords = list(shape.exterior.coords)[:-1]
    return tuple((round(lon, 7), round(lat, 7)) for lon, lat in coords)
