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
LINE_POINTS = 25  # a bent cut's vertices: about eight per turn of its shorter wave, no more (the map draws them all)
FULL_WIGGLE_M = 4_000.0  # pieces shorter than this bend proportionally less
FAR_M = 1e6  # the sides of a cut reach this far out: beyond any city


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


class _CutLine:
    """The line a piece is cut along: across `u` at `cut`, wavy by up to `amp` metres.

    Towns and villages are not parted by surveyor's lines: a sum of two sines along the cut
    (a random wavelength of half to all of the piece's width) bends it like a stream or a lane.
    Both halves are built from the same vertices, so they still share their edge exactly.
    """

    def __init__(self, u: np.ndarray, cut: float, amp: float, span: tuple[float, float],
                 rng: np.random.Generator) -> None:
        self.u, self.v, self.cut, self.amp = u, np.array((-u[1], u[0])), cut, amp
        width = span[1] - span[0]
        self.k = 2 * math.pi / max(width * rng.uniform(0.5, 1.0), 1.0)
        self.phase = rng.uniform(0, 2 * math.pi, size=2)
        self.span = (span[0] - 1.0, span[1] + 1.0)

    def offset(self, s: np.ndarray) -> np.ndarray:
        if self.amp == 0.0:
            return np.zeros_like(s)
        wave = np.sin(self.k * s + self.phase[0]) + 0.35 * np.sin(2.3 * self.k * s + self.phase[1])
        return self.amp * wave / 1.35

    def sides(self) -> tuple[Polygon, Polygon]:
        """The piece's plane below and above the line (far enough out to hold the whole piece)."""
        s = np.linspace(*self.span, LINE_POINTS if self.amp else 2)
        line = np.outer(self.cut + self.offset(s), self.u) + np.outer(s, self.v)
        ends = np.outer(self.span[::-1], self.v)
        low = shapely.polygons(np.vstack((line, ends + self.u * (self.cut - FAR_M))))
        high = shapely.polygons(np.vstack((line, ends + self.u * (self.cut + FAR_M))))
        return low, high


def split(piece: Piece, shares: Sequence[float], xy: np.ndarray, weight: np.ndarray, rng: np.random.Generator,
          grid_size: float, wiggle: float = 0.0) -> list[Piece]:
    """`piece` cut into len(shares) pieces holding those shares of `weight` (in the order cut);
    `wiggle` bends each cut by up to that fraction of the piece's length."""
    if len(shares) == 1:
        return [piece]
    k = len(shares) // 2
    frac = sum(shares[:k]) / sum(shares)
    angle = _long_axis(piece.geom) + rng.uniform(-JITTER_RAD, JITTER_RAD)
    u = np.array((math.cos(angle), math.sin(angle)))
    v = np.array((-u[1], u[0]))
    corners = shapely.get_coordinates(piece.geom)
    along, across = corners @ u, corners @ v
    length = float(along.max() - along.min())
    amp = wiggle * length * min(1.0, length / FULL_WIGGLE_M)  # town blocks stay nearly straight
    line = _CutLine(u, 0.0, amp, (float(across.min()), float(across.max())), rng)
    pts = xy[piece.idx]
    t = pts @ u - line.offset(pts @ v)  # distance past the wavy line, as if it were straight
    order = np.argsort(t, kind="stable")
    if len(order) >= 2:
        cum = np.cumsum(weight[piece.idx][order])
        j = int(np.clip(np.searchsorted(cum, frac * cum[-1]), 1, len(order) - 1))
        line.cut = (t[order[j - 1]] + t[order[j]]) / 2.0
    else:  # no samples to weigh: halve the extent
        line.cut = float(along.min() + frac * (along.max() - along.min()))
    low, high = line.sides()
    below = t <= line.cut
    first = Piece(_polygonal(shapely.intersection(piece.geom, low, grid_size=grid_size)), piece.idx[below])
    second = Piece(_polygonal(shapely.intersection(piece.geom, high, grid_size=grid_size)), piece.idx[~below])
    if first.geom.is_empty or second.geom.is_empty:
        raise RuntimeError("a cut left an empty piece")
    return (split(first, shares[:k], xy, weight, rng, grid_size, wiggle)
            + split(second, shares[k:], xy, weight, rng, grid_size, wiggle))


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
