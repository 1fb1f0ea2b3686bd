"""Grid polygons projected to metres, as numpy vertex arrays, Qt paths and an STRtree.

The canvas draws and hit-tests in the plane of :class:`commandcenter.geometry.projection.
LocalProjection`; everything here is built once per :meth:`MapCanvas.set_grids`, so a frame
or a recolour only regroups arrays that already exist.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pyqtgraph as pg
import shapely
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainterPath

from ...geometry.projection import LocalProjection
from ...shapes.map import MapGrid, MapPolygon

SNAP_M = 0.05  # boundary vertices this close to a grid vertex are that vertex
TILE_GRIDS = 150  # grids per spatial tile of the choropleth's paths


def projection_for(grids: Sequence[MapGrid]) -> LocalProjection:
    """The projection centred on the grids' bounding box (at least one grid)."""
    lonlat = np.concatenate([np.asarray(p.exterior, float) for g in grids for p in g.polygons])
    lon0 = float((lonlat[:, 0].min() + lonlat[:, 0].max()) / 2)
    lat0 = float((lonlat[:, 1].min() + lonlat[:, 1].max()) / 2)
    return LocalProjection(lon0, lat0)


def ring_arrays(
    polygons: Iterable[MapPolygon], projection: LocalProjection
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Projected vertices of every ring, each ring closed, plus pyqtgraph's connect array."""
    rings = [np.asarray(ring, float) for poly in polygons for ring in (poly.exterior, *poly.holes)]
    rings = [np.vstack([r, r[:1]]) for r in rings if len(r) >= 3]
    if not rings:
        empty = np.empty(0)
        return empty, empty, np.empty(0, np.int32)
    lonlat = np.concatenate(rings)
    x, y = projection.to_xy_arrays(lonlat[:, 0], lonlat[:, 1])
    connect = np.ones(len(lonlat), np.int32)
    connect[np.cumsum([len(r) for r in rings]) - 1] = 0  # no segment from one ring to the next
    return x, y, connect


def rings_path(x: np.ndarray, y: np.ndarray, connect: np.ndarray) -> QPainterPath:
    """One QPainterPath of many closed rings, built in C++ from numpy arrays."""
    if len(x) == 0:
        return QPainterPath()
    path = pg.arrayToQPath(x, y, connect=connect, finiteCheck=False)
    # Rings are oriented (exteriors counter-clockwise, holes clockwise), so winding fill
    # punches holes and still fills grids that overlap through bad data.
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


def ring_segments(x: np.ndarray, y: np.ndarray, connect: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The segments (x0, y0, x1, y1) of rings given as pyqtgraph arrays, and each one's vertex."""
    starts = np.flatnonzero(connect)
    return np.column_stack([x[starts], y[starts], x[starts + 1], y[starts + 1]]), starts


def segment_keys(segments: np.ndarray) -> np.ndarray:
    """One comparable key per segment, the same whichever way it runs: ends to the millimetre.

    Neighbouring grids share their common edge, and a community boundary runs along grid
    edges, so equal keys find the lines that would otherwise be drawn twice.
    """
    a, b = segments[:, :2], segments[:, 2:]
    swap = ((a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1])))[:, None]
    ends = np.hstack([np.where(swap, b, a), np.where(swap, a, b)])
    as_int = np.ascontiguousarray(np.round(ends * 1000).astype(np.int64))
    return as_int.view(np.dtype((np.void, as_int.itemsize * 4))).ravel()


def segments_path(segments: np.ndarray) -> QPainterPath:
    """Separate line segments as one path (for stroking only)."""
    if not len(segments):
        return QPainterPath()
    x = np.ascontiguousarray(segments[:, [0, 2]]).ravel()
    y = np.ascontiguousarray(segments[:, [1, 3]]).ravel()
    return pg.arrayToQPath(x, y, connect="pairs", finiteCheck=False)


def _oriented(xy: np.ndarray, ring_offsets: np.ndarray, polygon_offsets: np.ndarray) -> np.ndarray:
    """Closed rings with exteriors counter-clockwise and holes clockwise (winding fill needs it).

    The signed areas of all rings in one numpy pass; only rings the wrong way round are
    reversed (``shapely.orient_polygons`` took half a second for a city's 2,408 grids).
    """
    x, y = xy[:, 0], xy[:, 1]
    cross = np.append(x[:-1] * y[1:] - x[1:] * y[:-1], 0.0)
    starts, ends = ring_offsets[:-1], ring_offsets[1:]
    twice_area = np.add.reduceat(cross, starts) - cross[ends - 1]  # without the step to the next ring
    exterior = np.zeros(len(starts), bool)
    exterior[polygon_offsets[:-1]] = True
    wrong = np.flatnonzero(np.where(exterior, twice_area < 0, twice_area > 0))
    if not len(wrong):
        return xy
    order = np.arange(len(xy))
    for r in wrong:
        order[starts[r]:ends[r]] = order[starts[r]:ends[r]][::-1]
    return xy[order]


class GridGeometry:
    """Projected vertices of every grid polygon, grouped into paths on demand, and an STRtree."""

    def __init__(self, grids: Sequence[MapGrid], projection: LocalProjection) -> None:
        # Every ring closed and concatenated, then all polygons built in one shapely call.
        points: list[tuple[float, float]] = []
        ring_sizes: list[int] = []
        rings_per_polygon: list[int] = []
        owner: list[int] = []
        for index, grid in enumerate(grids):
            for poly in grid.polygons:
                rings = (poly.exterior, *poly.holes)
                for ring in rings:
                    if len(ring) < 3:
                        raise ValueError(
                            f"grid {grid.grid_id} ({grid.code}) has a ring of fewer than 3 vertices"
                        )
                    points.extend(ring)
                    points.append(ring[0])
                    ring_sizes.append(len(ring) + 1)
                rings_per_polygon.append(len(rings))
                owner.append(index)
        lonlat = np.array(points, float).reshape(-1, 2)
        ring_offsets = np.cumsum([0, *ring_sizes])
        polygon_offsets = np.cumsum([0, *rings_per_polygon])
        xy = _oriented(np.column_stack(projection.to_xy_arrays(lonlat[:, 0], lonlat[:, 1])), ring_offsets,
                       polygon_offsets)
        self.geoms = shapely.from_ragged_array(shapely.GeometryType.POLYGON, xy, (ring_offsets, polygon_offsets))
        self.grid_of_polygon = np.asarray(owner, np.int64)
        self.tree = shapely.STRtree(self.geoms)
        self._vertex_tree: shapely.STRtree | None = None
        self._vertices = np.empty((0, 2))
        _, coords, (ring_offsets, polygon_offsets) = shapely.to_ragged_array(self.geoms)
        self.x = np.ascontiguousarray(coords[:, 0])
        self.y = np.ascontiguousarray(coords[:, 1])
        self.connect = np.ones(len(coords), np.int32)
        self.connect[ring_offsets[1:] - 1] = 0
        polygon_of_ring = np.repeat(np.arange(len(self.geoms)), np.diff(polygon_offsets))
        ring_of_vertex = np.repeat(np.arange(len(ring_offsets) - 1), np.diff(ring_offsets))
        self.grid_of_vertex = self.grid_of_polygon[polygon_of_ring][ring_of_vertex]
        xmin, ymin, xmax, ymax = shapely.total_bounds(self.geoms)
        self.bounds = QRectF(xmin, ymin, xmax - xmin, ymax - ymin)
        # typical grid size, to decide when outlines are too dense to draw
        self.cell_m = float(np.median(np.sqrt(shapely.area(self.geoms))))
        # Square tiles of about TILE_GRIDS grids each, by the centre of a grid's first polygon.
        side = max(1, min(8, round(math.sqrt(len(grids) / TILE_GRIDS))))
        first_polygon = np.unique(self.grid_of_polygon, return_index=True)[1]
        boxes = shapely.bounds(self.geoms[first_polygon])
        u = ((boxes[:, 0] + boxes[:, 2]) / 2 - xmin) / max(xmax - xmin, 1e-9)
        v = ((boxes[:, 1] + boxes[:, 3]) / 2 - ymin) / max(ymax - ymin, 1e-9)
        col = np.clip((u * side).astype(np.int64), 0, side - 1)
        row = np.clip((v * side).astype(np.int64), 0, side - 1)
        self.tile_of_grid = row * side + col
        self.area_of_grid = np.bincount(
            self.grid_of_polygon, weights=shapely.area(self.geoms), minlength=len(grids)
        )
        self.tiles = np.unique(self.tile_of_grid)
        self.cover_paths = {int(t): self._cover_path(t) for t in self.tiles}
        segments, starts = ring_segments(self.x, self.y, self.connect)
        keys = segment_keys(segments)
        _, first = np.unique(keys, return_index=True)
        unique = np.sort(first)  # every edge once, though two grids list it
        self.edges, self.edge_keys = segments[unique], keys[unique]
        self.edge_tile = self.tile_of_grid[self.grid_of_vertex[starts[unique]]]

    def _cover_path(self, tile: int) -> QPainterPath:
        """The union of a tile's grids: few edges, so filling it costs a few spans a row."""
        return self._union_path(self.geoms[self.tile_of_grid[self.grid_of_polygon] == tile])

    def union_paths_by(self, key_of_grid: np.ndarray) -> list[tuple[int, QPainterPath]]:
        """One path per distinct key >= 0: the union of the grids with that key.

        For translucent fills over a basemap, which cannot be stacked: unions never overlap,
        and their few edges fill in a few spans a row, as the opaque fills' cover paths do.
        """
        key_of_polygon = key_of_grid[self.grid_of_polygon]
        return [(int(k), self._union_path(self.geoms[key_of_polygon == k]))
                for k in np.unique(key_of_polygon) if k >= 0]

    def _union_path(self, polygons: np.ndarray) -> QPainterPath:
        try:
            union = shapely.coverage_union_all(polygons)  # fast, but only for a clean tiling
            clean = shapely.is_valid(union) and math.isclose(
                shapely.area(union), shapely.area(polygons).sum(), rel_tol=1e-6
            )
        except shapely.errors.GEOSException:
            clean = False
        if not clean:
            union = shapely.union_all(polygons)  # overlaps or gaps: the slow, general union
        parts = shapely.get_parts(union)
        parts = shapely.orient_polygons(parts[shapely.get_type_id(parts) == 3], exterior_cw=False)
        if not len(parts):
            return QPainterPath()
        _, coords, (ring_offsets, _) = shapely.to_ragged_array(parts)
        connect = np.ones(len(coords), np.int32)
        connect[ring_offsets[1:] - 1] = 0
        return rings_path(
            np.ascontiguousarray(coords[:, 0]), np.ascontiguousarray(coords[:, 1]), connect
        )

    def grid_path(self, index: int) -> QPainterPath:
        mask = self.grid_of_vertex == index
        return rings_path(self.x[mask], self.y[mask], self.connect[mask])

    def outline_paths(self, skip_keys: np.ndarray | None = None) -> list[QPainterPath]:
        """Every grid edge once, less those in ``skip_keys``, as a path of segments per tile."""
        keep = (
            np.ones(len(self.edges), bool)
            if skip_keys is None
            else ~np.isin(self.edge_keys, skip_keys)
        )
        return [
            segments_path(self.edges[keep & (self.edge_tile == tile)])
            for tile in np.unique(self.edge_tile)
        ]

    def paths_by(self, key_of_grid: np.ndarray) -> list[tuple[int, QPainterPath]]:
        """One path per distinct key >= 0, each holding the rings of the grids with that key."""
        key_of_vertex = key_of_grid[self.grid_of_vertex]
        if key_of_vertex.min(initial=0) < 0:
            key_of_vertex = np.where(key_of_vertex < 0, -1, key_of_vertex)
        # a stable sort keeps every ring's vertices together and in order
        order = np.argsort(key_of_vertex, kind="stable")
        keys, starts = np.unique(key_of_vertex[order], return_index=True)
        ends = np.append(starts[1:], len(order))
        paths = []
        for key, start, end in zip(keys, starts, ends, strict=True):
            if key < 0:
                continue
            take = order[start:end]
            paths.append((int(key), rings_path(self.x[take], self.y[take], self.connect[take])))
        return paths

    def snap(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Move points within SNAP_M of a grid vertex onto it.

        Boundaries are unions of grids, but a union may round its vertices (the map service
        snaps to about 1 mm); snapped, their edges match the grid edges they run along.
        """
        if not len(x):
            return x, y
        if self._vertex_tree is None:
            xy = np.ascontiguousarray(np.column_stack([self.x, self.y]))
            _, first = np.unique(xy.view(np.dtype((np.void, 16))).ravel(), return_index=True)
            self._vertices = xy[first]  # each shared corner once
            self._vertex_tree = shapely.STRtree(shapely.points(self._vertices))
        points = shapely.points(np.column_stack([x, y]))
        near, vertex = self._vertex_tree.query_nearest(points, max_distance=SNAP_M)
        x, y = x.copy(), y.copy()
        x[near], y[near] = self._vertices[vertex, 0], self._vertices[vertex, 1]
        return x, y

    def grid_at(self, x: float, y: float) -> int | None:
        hits = self.tree.query(shapely.Point(x, y), predicate="intersects")
        return int(self.grid_of_polygon[hits].min()) if len(hits) else None

    def bounds_of(self, indexes: np.ndarray) -> QRectF | None:
        polygons = np.flatnonzero(np.isin(self.grid_of_polygon, indexes))
        if not len(polygons):
            return None
        xmin, ymin, xmax, ymax = shapely.total_bounds(self.geoms[polygons])
        return QRectF(xmin, ymin, xmax - xmin, ymax - ymin)
