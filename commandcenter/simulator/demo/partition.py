"""Cut a polygon into pieces holding given shares of a measure, by recursive straight cuts.

Each step cuts a piece across its longer axis (turned by a small random angle, so blocks do not
all line up) where the weighted sample points on either side hold the shares asked for: a
weighted quantile. Where the measure is population, pieces are small in town and large in the
countryside, as grids drawn by households are. Both sides of a cut are intersections of the
same piece with the two half-planes of one line, snap-rounded to the same precision, so the
pieces share their edges vertex for vertex and tile the piece exactly.

A cut through a concave outline (a bay, a peninsula) can leave a piece in several parts;
`tidy` gives each stray part to the sibling it shares the longest edge with (its points go
with it), and keeps islands, which share no edge with anything, as parts of their piece.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely
from shapely import MultiPolygon, Polygon

JITTER_RAD = math.radians(15.0)
FAR_M = 1e6  # half-planes are rectangles this far out: beyond any city


class Piece:
    """A polygon (local metres) and the indexes of the sample points inside it."""

    __slots__ = ("geom", "idx")

    def __init__(self, geom: Polygon | MultiPolygon, idx: np.ndarray) -> None:
        self.geom, self.idx = geom, idx


def _polygonal(geom: shapely.Geometry) -> Polygon | MultiPolygon:
    """The areal part of an overlay result (snap rounding can leave zero-width debris)."""
    parts = [p for p in shapely.get_parts(geom) if isinstance(p, Polygon) and p.area > 0]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _long_axis(geom: shapely.Geometry) -> float:
    """The direction (radians) of the longer side of the piece's minimum rotated rectangle."""
    ring = np.asarray(shapely.oriented_envelope(geom).exterior.coords)
    sides = np.diff(ring[:3], axis=0)
    dx, dy = sides[int(np.argmax(np.hypot(sides[:, 0], sides[:, 1])))]
    return math.atan2(dy, dx)


def _half_planes(u: np.ndarray, cut: float) -> tuple[Polygon, Polygon]:
    v = np.array((-u[1], u[0]))
    a, b = u * cut - v * FAR_M, u * cut + v * FAR_M
    low = Polygon([a, b, b - u * FAR_M, a - u * FAR_M])
    high = Polygon([a, b, b + u * FAR_M, a + u * FAR_M])
    return low, high


def split(piece: Piece, shares: Sequence[float], xy: np.ndarray, weight: np.ndarray, rng: np.random.Generator,
          grid_size: float) -> list[Piece]:
    """`piece` cut into len(shares) pieces holding those shares of `weight` (in the order cut)."""
    if len(shares) == 1:
        return [piece]
    k = len(shares) // 2
    frac = sum(shares[:k]) / sum(shares)
    angle = _long_axis(piece.geom) + rng.uniform(-JITTER_RAD, JITTER_RAD)
    u = np.array((math.cos(angle), math.sin(angle)))
    t = xy[piece.idx] @ u
    order = np.argsort(t, kind="stable")
    if len(order) >= 2:
        cum = np.cumsum(weight[piece.idx][order])
        j = int(np.clip(np.searchsorted(cum, frac * cum[-1]), 1, len(order) - 1))
        cut = (t[order[j - 1]] + t[order[j]]) / 2.0
    else:  # no samples to weigh: halve the extent
        ext = shapely.get_coordinates(piece.geom) @ u
        cut = float(ext.min() + frac * (ext.max() - ext.min()))
    low, high = _half_planes(u, cut)
    below = t <= cut
    first = Piece(_polygonal(shapely.intersection(piece.geom, low, grid_size=grid_size)), piece.idx[below])
    second = Piece(_polygonal(shapely.intersection(piece.geom, high, grid_size=grid_size)), piece.idx[~below])
    if first.geom.is_empty or second.geom.is_empty:
        raise RuntimeError("a cut left an empty piece")
    return (split(first, shares[:k], xy, weight, rng, grid_size)
            + split(second, shares[k:], xy, weight, rng, grid_size))


def tidy(pieces: list[Piece], xy: np.ndarray, grid_size: float) -> list[Piece]:
    """Stray parts of multi-part pieces given to the sibling sharing the longest edge with them."""
    tree = shapely.STRtree([p.geom for p in pieces])
    for i, piece in enumerate(pieces):
        parts = sorted(shapely.get_parts(piece.geom), key=lambda p: -p.area)
        if len(parts) < 2:
            continue
        kept = [parts[0]]
        for part in parts[1:]:
            best, best_len = -1, 0.0
            for j in tree.query(part, predicate="intersects"):
                j = int(j)
                if j != i:
                    length = float(shapely.intersection(part.boundary, pieces[j].geom.boundary).length)
                    if length > best_len:
                        best, best_len = j, length
            if best < 0:  # an island: it stays
                kept.append(part)
                continue
            other = pieces[best]
            moving = shapely.contains_xy(part, xy[piece.idx, 0], xy[piece.idx, 1])
            other.geom = _polygonal(shapely.union(other.geom, part, grid_size=grid_size))
            other.idx = np.concatenate((other.idx, piece.idx[moving]))
            piece.idx = piece.idx[~moving]
        piece.geom = kept[0] if len(kept) == 1 else MultiPolygon(kept)
    return pieces


def node(polys: list[Polygon | MultiPolygon], grid_size: float) -> list[Polygon | MultiPolygon]:
    """The same tiling with every polygon carrying the vertices its neighbours put on its edges.

    A cut that ends on an earlier cut makes a vertex on one side only (a T-junction), snapped a
    fraction of `grid_size` off the other side's straight edge: the two would touch nowhere and
    their union would be two parts. Noding all the boundaries together and polygonizing gives
    faces that share edges exactly; each polygon is then the union of its faces.
    """
    lines = shapely.union_all(shapely.boundary(np.array(polys, dtype=object)), grid_size=grid_size)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    faces = faces[shapely.area(faces) > 0]
    tree = shapely.STRtree(polys)
    owner = np.full(len(faces), -1)
    face_idx, poly_idx = tree.query(shapely.point_on_surface(faces), predicate="within")
    owner[face_idx[::-1]] = poly_idx[::-1]  # the first polygon wins a sub-grid_size overlap
    arr = np.asarray(polys, dtype=object)
    for f in np.flatnonzero(owner < 0):  # a sliver of gap at a T-junction: the polygon along its long side
        near = tree.query(faces[f], predicate="intersects")
        shared = shapely.length(shapely.intersection(shapely.boundary(faces[f]), shapely.boundary(arr[near])))
        owner[f] = near[np.argmax(shared)]
    out: list[Polygon | MultiPolygon] = []
    for i in range(len(polys)):
        mine = faces[owner == i]
        out.append(mine[0] if len(mine) == 1 else _polygonal(shapely.union_all(mine, grid_size=grid_size)))
    return out
