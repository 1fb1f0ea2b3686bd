"""DBSCAN over metres (and optionally minutes) with a bucket index, for recurrence and clusters.

Points are hashed into square buckets of side `eps_m`, so each point's neighbours are looked
for in its own and the eight adjacent buckets only: linear in the number of points for the
densities a city has, never all pairs. Two points are neighbours within `eps_m` metres and,
when times are given, `eps_s` seconds; a core point has at least `min_points` neighbours
(itself included); clusters are the cores connected through neighbours plus the border points
they reach (Ester et al., 1996).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from ...geometry.projection import LocalProjection


def project(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Metres on a plane around the points' mean: distances of a few hundred metres are exact
    far below a metre."""
    proj = LocalProjection(float(lon.mean()), float(lat.mean()))
    return proj.to_xy_arrays(lon, lat)


def dbscan(x: np.ndarray, y: np.ndarray, eps_m: float, min_points: int, t: np.ndarray | None = None,
           eps_s: float = 0.0) -> list[list[int]]:
    """The clusters as lists of point indices (noise left out), each sorted."""
    n = len(x)
    if n < min_points:
        return []
    bx, by = np.floor(x / eps_m).astype(np.int64), np.floor(y / eps_m).astype(np.int64)
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, key in enumerate(zip(bx.tolist(), by.tolist(), strict=True)):
        buckets[key].append(i)
    eps2 = eps_m * eps_m
    neighbours: list[np.ndarray] = []
    for i in range(n):
        cand = np.array([j for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                         for j in buckets.get((int(bx[i]) + dx, int(by[i]) + dy), ())], dtype=np.int64)
        near = (x[cand] - x[i]) ** 2 + (y[cand] - y[i]) ** 2 <= eps2
        if t is not None:
            near &= np.abs(t[cand] - t[i]) <= eps_s
        neighbours.append(cand[near])
    core = np.array([len(nb) >= min_points for nb in neighbours])
    label = np.full(n, -1, dtype=np.int64)
    clusters: list[list[int]] = []
    for i in range(n):
        if not core[i] or label[i] >= 0:
            continue
        c = len(clusters)
        members, todo = [i], [i]
        label[i] = c
        while todo:
            j = todo.pop()
            if not core[j]:
                continue
            for k in neighbours[j].tolist():
                if label[k] < 0:
                    label[k] = c
                    members.append(k)
                    todo.append(k)
        clusters.append(sorted(members))
    return clusters
