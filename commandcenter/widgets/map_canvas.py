"""The grid map canvas: unit grids as a choropleth, boundaries, case and officer markers.

This is the core of the map screen. It draws plain data from
:mod:`commandcenter.services.map_types` and reports what the operator clicked; it never
touches the database. Lon/lat are projected to metres around the city's centre (local
equirectangular), so the aspect-locked pyqtgraph ViewBox shows shapes undistorted.

Design, chosen by measuring (``python benchmarks/bench_map.py``; 2-core machine, Qt offscreen,
1920x1080, DPR 1, 2,408 grids, 10,000 case and 3,096 officer markers, 60 pan/zoom steps x 3):

* All grids are ONE ``pg.GraphicsObject``. Its fills are a few ``QPainterPath`` per spatial
  tile (16 tiles here), one per colour class, built from numpy vertex arrays with
  ``pg.arrayToQPath``: recolouring is a sort and ~100 C++ path builds, never a Python call per
  grid. In each tile the class covering most ground is filled as the union of the tile's grids
  and only the others grid by grid on top; the raster engine's cost is per span, so this and
  the tiling (small paths, tiles off screen skipped) are what make fills cheap.
* Every line is drawn once, at its heaviest level: a grid edge shared by two grids, or lying
  under a community or street boundary, is not stroked again. Lines are 1-pixel cosmetic and
  aliased; heavy ones repeat at 1-pixel offsets (a 2-pixel pen strokes ~15x slower).
* Each marker layer is one ``pg.ScatterPlotItem``; hover and click use a shapely ``STRtree``
  over the grids and one vectorised distance test over the markers.

=============================================================  ======  ======
frame = set the view, then ``QWidget.grab()`` (quiet machine)  p50 ms  p95 ms
=============================================================  ======  ======
this canvas (design a)                                           2.7     6.3
design b: 2,408 ``QGraphicsPolygonItem`` in the same canvas      2.6     8.4
baseline: all outlines as one ``QGraphicsPathItem``              1.7     3.5
the same path on a bare QWidget with a clip rect (tuned)         0.8     1.6
=============================================================  ======  ======

Map p95 / baseline p95 = 1.8 (1.8-1.9 over three runs; 3.9x the tuned baseline). p95 is
the whole city in view: fills (~2.5 ms) and 13,000 markers (~1.6 ms) on top of lines that cost
about what the baseline's do. Recolouring (``set_values`` 3.5 ms plus the next frame) takes
10.6 ms against 5.8 ms for a plain frame (1.8x); design b recolours in about the same time
(a ``setBrush`` per item) but its frames are ~30 % slower. Rejected after measuring:
``DeviceCoordinateCache`` (every zoom re-renders the cache: p95 1.6x worse), antialiased fills
(~15x slower), 2-3 pixel pens (~15x slower than 1-pixel lines). Other processes on the machine
inflate every number (under a load of 3 the map's p95 reached 15-25 ms, the ratio 2.1-2.5).
"""

from __future__ import annotations

import html
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import repeat

import numpy as np
import pyqtgraph as pg
import shapely
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QImage,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QShortcut,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QStyleOptionGraphicsItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..map_labels import case_summary
from ..services.map_types import (
    CASE_PRIORITIES,
    DUTY_STATUSES,
    MapBoundary,
    MapCaseMarker,
    MapGrid,
    MapOfficerMarker,
    MapPolygon,
)

__all__ = ["LocalProjection", "MapCanvas"]

EARTH_RADIUS_M = 6_371_008.8
_M_PER_DEG = math.pi / 180.0 * EARTH_RADIUS_M

LAYERS: tuple[str, ...] = ("basemap", "grids", "boundaries", "cases", "officers")

# ColorBrewer YlOrRd, 6 classes: pale yellow (few) to dark red (many).
CLASS_COLOURS: tuple[str, ...] = ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026")
NO_DATA_COLOUR = "#dcdcdc"
MAX_CLASSES = len(CLASS_COLOURS)
BACKGROUND_COLOUR = "#f3f4f1"
GRID_OUTLINE_COLOUR = "#8c8c8c"
# (colour, 1-pixel device offsets): the offsets make a 1-pixel line look heavier
_HEAVY_2 = ((0, 0), (1, 0), (0, 1))
COMMUNITY_LINE = ("#4a4a4a", ((0, 0),))
STREET_LINE = ("#1a1a1a", _HEAVY_2)
HIGHLIGHT_GRID_PEN = ("#0057ff", 3.0)
HIGHLIGHT_RING_COLOUR = "#0057ff"
BASEMAP_FILL_ALPHA = 150  # grids stay readable but let the basemap show through

CASE_COLOURS: dict[str, str] = {
    "urgent": "#d7191c",
    "high": "#ff8c00",
    "normal": "#1f6fd1",
    "low": "#8a8a8a",
}
OFFICER_COLOURS: dict[str, str] = {
    "on_duty": "#1a9850",
    "in_field": "#7b3294",
    "off_duty": "#5b5b5b",
    "on_leave": "#c2c2c2",
}
CASE_SYMBOL, CASE_OUTLINE = "o", "#ffffff"
# urgent and high cases stand out; the many routine ones stay small at city zoom
CASE_SIZES: dict[str, int] = {"urgent": 9, "high": 8, "normal": 6, "low": 5}
OFFICER_SYMBOL, OFFICER_SIZE, OFFICER_OUTLINE = "d", 8, "#202020"
HIT_SLOP_PX = 3.0  # markers are small: accept a click a few pixels off
MIN_OUTLINE_CELL_PX = 5.0  # below this a grid outline is just noise, so it is not drawn
HIGHLIGHT_MAX_VIEW_M = 3_000.0  # highlight_case zooms in to at least street level
MIN_VIEW_M = 40.0
SNAP_M = 0.05  # boundary vertices this close to a grid vertex are that vertex
TILE_GRIDS = 150  # grids per spatial tile of the choropleth's paths
_CLASS_SLOTS = MAX_CLASSES + 1  # "no data" and the classes


@dataclass(frozen=True, slots=True)
class LocalProjection:
    """Equirectangular projection to metres around ``(lon0, lat0)``.

    Longitude is scaled by cos(lat0), so a square grid looks square; at city scale (tens of
    kilometres) the error is far below a pixel. The projection is linear, so a lon/lat box maps
    to an axis-aligned rectangle (the basemap relies on it).
    """

    lon0: float
    lat0: float

    @property
    def metres_per_degree_lon(self) -> float:
        return _M_PER_DEG * math.cos(math.radians(self.lat0))

    def to_xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon0) * self.metres_per_degree_lon, (lat - self.lat0) * _M_PER_DEG

    def to_xy_arrays(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x = (np.asarray(lon, float) - self.lon0) * self.metres_per_degree_lon
        y = (np.asarray(lat, float) - self.lat0) * _M_PER_DEG
        return x, y

    def to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        return self.lon0 + x / self.metres_per_degree_lon, self.lat0 + y / _M_PER_DEG


def _cosmetic_pen(colour: str | QColor, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)  # width in pixels whatever the zoom
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _ring_arrays(
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


def _path(x: np.ndarray, y: np.ndarray, connect: np.ndarray) -> QPainterPath:
    """One QPainterPath of many closed rings, built in C++ from numpy arrays."""
    if len(x) == 0:
        return QPainterPath()
    path = pg.arrayToQPath(x, y, connect=connect, finiteCheck=False)
    # Rings are oriented (exteriors counter-clockwise, holes clockwise), so winding fill
    # punches holes and still fills grids that overlap through bad data.
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


def _segments(x: np.ndarray, y: np.ndarray, connect: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The segments (x0, y0, x1, y1) of rings given as pyqtgraph arrays, and each one's vertex."""
    starts = np.flatnonzero(connect)
    return np.column_stack([x[starts], y[starts], x[starts + 1], y[starts + 1]]), starts


def _segment_keys(segments: np.ndarray) -> np.ndarray:
    """One comparable key per segment, the same whichever way it runs: ends to the millimetre.

    Neighbouring grids share their common edge, and a community boundary runs along grid
    edges, so equal keys find the lines that would otherwise be drawn twice.
    """
    a, b = segments[:, :2], segments[:, 2:]
    swap = ((a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1])))[:, None]
    ends = np.hstack([np.where(swap, b, a), np.where(swap, a, b)])
    as_int = np.ascontiguousarray(np.round(ends * 1000).astype(np.int64))
    return as_int.view(np.dtype((np.void, as_int.itemsize * 4))).ravel()


def _segments_path(segments: np.ndarray) -> QPainterPath:
    """Separate line segments as one path (for stroking only)."""
    if not len(segments):
        return QPainterPath()
    x = np.ascontiguousarray(segments[:, [0, 2]]).ravel()
    y = np.ascontiguousarray(segments[:, [1, 3]]).ravel()
    return pg.arrayToQPath(x, y, connect="pairs", finiteCheck=False)


def _format_number(value: float) -> str:
    """A legend or tool-tip number: integers as such, others to about three digits."""
    if float(value).is_integer():
        return f"{value:.0f}"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def classify(
    values: np.ndarray, max_classes: int = MAX_CLASSES
) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Quantile classes of ``values`` for a choropleth.

    Returns one class per value (0 for zero or NaN, which the map shows as "no data", else
    1..n) and the (lowest, highest) value actually in each class 1..n, for the legend.
    """
    classes = np.zeros(len(values), np.int8)
    valid = np.isfinite(values) & (values != 0)
    if not valid.any():
        return classes, []
    data = values[valid]
    distinct = np.unique(data)
    if len(distinct) <= max_classes:
        uppers = distinct
    else:
        # inverted_cdf picks real data values, so no class is empty
        qs = np.quantile(data, np.linspace(0, 1, max_classes + 1)[1:], method="inverted_cdf")
        uppers = np.unique(qs)
    member = np.searchsorted(uppers, data, side="left")
    classes[valid] = member + 1
    ranges = [
        (float(data[member == k].min()), float(data[member == k].max())) for k in range(len(uppers))
    ]
    return classes, ranges


def class_colours(n: int) -> list[QColor]:
    """``n`` colours from the sequential ramp, spread over its whole length."""
    if n <= 0:
        return []
    if n == 1:
        picks = [3]
    else:
        picks = [round(i) for i in np.linspace(0, MAX_CLASSES - 1, n)]
    return [QColor(CLASS_COLOURS[i]) for i in picks]


class _GridGeometry:
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
        polygons = shapely.from_ragged_array(
            shapely.GeometryType.POLYGON,
            np.column_stack(projection.to_xy_arrays(lonlat[:, 0], lonlat[:, 1])),
            (np.cumsum([0, *ring_sizes]), np.cumsum([0, *rings_per_polygon])),
        )
        self.geoms = shapely.orient_polygons(polygons, exterior_cw=False)
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
        segments, starts = _segments(self.x, self.y, self.connect)
        keys = _segment_keys(segments)
        _, first = np.unique(keys, return_index=True)
        unique = np.sort(first)  # every edge once, though two grids list it
        self.edges, self.edge_keys = segments[unique], keys[unique]
        self.edge_tile = self.tile_of_grid[self.grid_of_vertex[starts[unique]]]

    def _cover_path(self, tile: int) -> QPainterPath:
        """The union of a tile's grids: few edges, so filling it costs a few spans a row."""
        polygons = self.geoms[self.tile_of_grid[self.grid_of_polygon] == tile]
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
        return _path(
            np.ascontiguousarray(coords[:, 0]), np.ascontiguousarray(coords[:, 1]), connect
        )

    def grid_path(self, index: int) -> QPainterPath:
        mask = self.grid_of_vertex == index
        return _path(self.x[mask], self.y[mask], self.connect[mask])

    def outline_paths(self, skip_keys: np.ndarray | None = None) -> list[QPainterPath]:
        """Every grid edge once, less those in ``skip_keys``, as a path of segments per tile."""
        keep = (
            np.ones(len(self.edges), bool)
            if skip_keys is None
            else ~np.isin(self.edge_keys, skip_keys)
        )
        return [
            _segments_path(self.edges[keep & (self.edge_tile == tile)])
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
            paths.append((int(key), _path(self.x[take], self.y[take], self.connect[take])))
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


class _ChoroplethItem(pg.GraphicsObject):
    """Every unit grid in one item: per tile, a filled path per colour class and an outline path.

    The raster engine fills many small paths much faster than a few that span the city, and
    tiles outside the exposed area are skipped, so zoomed-in frames only draw what shows.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect
        self._fills: list[tuple[QRectF, QPainterPath, QBrush]] = []
        self._outlines: list[tuple[QRectF, QPainterPath]] = []
        self._interior_outlines: list[tuple[QRectF, QPainterPath]] = []
        self._boundaries_drawn = True  # the boundary layer starts visible
        self._outline_pen = _cosmetic_pen(GRID_OUTLINE_COLOUR, 1.0)
        self._rect = QRectF()
        self._cell_m = 0.0

    def set_outlines(
        self,
        outlines: list[QPainterPath],
        interior: list[QPainterPath],
        bounds: QRectF,
        cell_m: float,
    ) -> None:
        """All grid edges, and those not under a boundary line (drawn while boundaries show)."""
        self.prepareGeometryChange()
        self._outlines = [(path.boundingRect(), path) for path in outlines]
        self._interior_outlines = [(path.boundingRect(), path) for path in interior]
        pad = 0.01 * max(bounds.width(), bounds.height())
        self._rect = bounds.adjusted(-pad, -pad, pad, pad)
        self._cell_m = cell_m
        self.update()

    def set_boundaries_drawn(self, drawn: bool) -> None:
        self._boundaries_drawn = drawn
        self.update()

    def set_fills(self, fills: list[tuple[QPainterPath, QBrush]]) -> None:
        self._fills = [(path.boundingRect(), path, brush) for path, brush in fills]
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect  # type: ignore[attr-defined]
        # Aliased on purpose: neighbouring fills tile without seams and a frame stays cheap.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for rect, path, brush in self._fills:
            if rect.intersects(exposed):
                painter.fillPath(path, brush)
        if self._cell_m * abs(painter.transform().m11()) >= MIN_OUTLINE_CELL_PX:
            outlines = self._interior_outlines if self._boundaries_drawn else self._outlines
            for rect, path in outlines:
                if rect.intersects(exposed):
                    painter.strokePath(path, self._outline_pen)


class _OutlineItem(pg.GraphicsObject):
    """A few stroked paths: community and street boundaries, or the highlighted grid.

    Heavy lines are drawn as a 1-pixel line repeated at 1-pixel device offsets: the raster
    engine strokes 1-pixel cosmetic lines ~15x faster than a 2-3 pixel pen.
    """

    def __init__(self, antialias: bool) -> None:
        super().__init__()
        self._strokes: list[tuple[QPainterPath, QPen, tuple[tuple[int, int], ...]]] = []
        self._rect = QRectF()
        self._antialias = antialias

    def set_strokes(
        self, strokes: list[tuple[QPainterPath, QPen, tuple[tuple[int, int], ...]]]
    ) -> None:
        self.prepareGeometryChange()
        self._strokes = [stroke for stroke in strokes if not stroke[0].isEmpty()]
        rect = QRectF()
        for path, _, _ in self._strokes:
            rect = rect.united(path.boundingRect())
        pad = 0.01 * max(rect.width(), rect.height(), 1.0)
        self._rect = rect.adjusted(-pad, -pad, pad, pad)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self._antialias)
        base = painter.transform()
        for path, pen, offsets in self._strokes:
            for dx, dy in offsets:
                painter.setTransform(base * QTransform.fromTranslate(dx, dy))
                painter.strokePath(path, pen)
        painter.setTransform(base)


@dataclass(slots=True)
class _MarkerLayer:
    """Projected positions of one marker layer, in draw order, for hit tests."""

    x: np.ndarray
    y: np.ndarray
    reach_px: np.ndarray  # how far from its centre a marker takes a click, in pixels
    index_of: dict[int, int]  # id -> position in draw order

    @classmethod
    def empty(cls) -> _MarkerLayer:
        return cls(np.empty(0), np.empty(0), np.empty(0), {})

    def nearest(self, x: float, y: float, pixel: float) -> int | None:
        """The marker under (x, y), nearest first, given the size of a pixel in metres."""
        if not len(self.x):
            return None
        d2 = ((self.x - x) ** 2 + (self.y - y) ** 2) / (pixel * pixel)
        d2[d2 > self.reach_px**2] = np.inf
        # the last drawn marker is on top, so prefer it among equals
        i = len(d2) - 1 - int(np.argmin(d2[::-1]))
        return i if np.isfinite(d2[i]) else None


class _MapLegend(QWidget):
    """Class breaks of the current measure and the marker key, over the map's lower-left corner.

    It is repainted with every map frame (it overlaps the view), so it paints from a pixmap
    rendered once per change of contents, font or pixel ratio.
    """

    PAD, SWATCH_W, SWATCH_H, GAP, SYMBOL = 8, 18, 12, 6, 9

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("gridMapLegend")
        # the map underneath still pans when the drag starts on the legend
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._title = ""
        self._classes: list[tuple[QColor, str]] = []
        self._marker_rows: list[tuple[str, str, list[tuple[QColor, str]]]] = []
        self._cache: QPixmap | None = None

    def set_contents(
        self,
        title: str,
        classes: list[tuple[QColor, str]],
        marker_rows: list[tuple[str, str, list[tuple[QColor, str]]]],
    ) -> None:
        self._title, self._classes, self._marker_rows = title, classes, marker_rows
        self._cache = None
        self.resize(self.sizeHint())
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._cache = None
            self.resize(self.sizeHint())
        super().changeEvent(event)

    def _row_height(self) -> int:
        return max(self.fontMetrics().height(), self.SWATCH_H) + 3

    def _bold_font(self) -> QFont:
        font = self.font()
        font.setBold(True)
        return font

    def _label_width(self) -> int:
        fm = self.fontMetrics()
        return (
            max((fm.horizontalAdvance(label) for label, _, _ in self._marker_rows), default=0) + 6
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        fm = self.fontMetrics()
        widths = (
            [QFontMetrics(self._bold_font()).horizontalAdvance(self._title)] if self._title else []
        )
        widths += [
            self.SWATCH_W + self.GAP + fm.horizontalAdvance(text) for _, text in self._classes
        ]
        for _label, _symbol, items in self._marker_rows:
            widths.append(
                self._label_width()
                + sum(self.SYMBOL + 4 + fm.horizontalAdvance(text) + 10 for _, text in items)
                - 10
            )
        rows = len(self._classes) + len(self._marker_rows) + (1 if self._title else 0)
        extra = 4 if self._marker_rows and self._classes else 0
        return QSize(
            max(widths, default=0) + 2 * self.PAD, rows * self._row_height() + 2 * self.PAD + extra
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        ratio = self.devicePixelRatioF()
        size = self.size() * ratio
        if (
            self._cache is None
            or self._cache.size() != size
            or self._cache.devicePixelRatio() != ratio
        ):
            self._cache = QPixmap(size)
            self._cache.setDevicePixelRatio(ratio)
            self._cache.fill(Qt.GlobalColor.transparent)
            p = QPainter(self._cache)
            p.setFont(self.font())
            self._paint_contents(p)
            p.end()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        p.end()

    def _paint_contents(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor(0, 0, 0, 70))
        p.setBrush(QColor(255, 255, 255, 238))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        fm = self.fontMetrics()
        row_h = self._row_height()
        y = self.PAD
        text_pen = QColor("#202020")
        if self._title:
            p.setFont(self._bold_font())
            p.setPen(text_pen)
            p.drawText(self.PAD, y + fm.ascent() + 1, self._title)
            p.setFont(self.font())
            y += row_h
        for colour, text in self._classes:
            p.setPen(QColor(0, 0, 0, 90))
            p.setBrush(colour)
            top = y + (row_h - self.SWATCH_H) / 2
            p.drawRect(QRectF(self.PAD + 0.5, top, self.SWATCH_W, self.SWATCH_H))
            p.setPen(text_pen)
            baseline = y + (row_h + fm.ascent() - fm.descent()) // 2
            p.drawText(self.PAD + self.SWATCH_W + self.GAP, baseline, text)
            y += row_h
        if self._marker_rows and self._classes:
            y += 4
        for label, symbol, items in self._marker_rows:
            baseline = y + (row_h + fm.ascent() - fm.descent()) // 2
            p.setPen(text_pen)
            p.drawText(self.PAD, baseline, label)
            x = self.PAD + self._label_width()
            for colour, text in items:
                self._draw_symbol(p, symbol, x + self.SYMBOL / 2, y + row_h / 2, colour)
                x += self.SYMBOL + 4
                p.setPen(text_pen)
                p.drawText(int(x), baseline, text)
                x += fm.horizontalAdvance(text) + 10
            y += row_h

    def _draw_symbol(self, p: QPainter, symbol: str, cx: float, cy: float, colour: QColor) -> None:
        r = self.SYMBOL / 2
        p.setBrush(colour)
        if symbol == OFFICER_SYMBOL:
            p.setPen(QPen(QColor(OFFICER_OUTLINE), 1))
            diamond = [
                QPointF(cx, cy - r - 1),
                QPointF(cx + r, cy),
                QPointF(cx, cy + r + 1),
                QPointF(cx - r, cy),
            ]
            p.drawPolygon(QPolygonF(diamond))
        else:
            p.setPen(QPen(QColor(CASE_OUTLINE), 1))
            p.drawEllipse(QPointF(cx, cy), r, r)


class MapCanvas(QWidget):
    """The interactive grid map: choropleth of unit grids, boundaries, case and officer markers.

    Feed it with :meth:`set_grids`, :meth:`set_values`, :meth:`set_case_markers` and
    :meth:`set_officer_markers`; listen to :attr:`grid_clicked`, :attr:`case_clicked`,
    :attr:`officer_clicked` and, after :meth:`set_pick_mode`, :attr:`location_picked`.
    Pan with the left mouse button, zoom with the wheel.
    """

    grid_clicked = Signal(int)
    case_clicked = Signal(int)
    officer_clicked = Signal(int)
    location_picked = Signal(float, float)
    pick_mode_changed = Signal(bool)

    LAYERS = LAYERS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gridMap")
        self._projection: LocalProjection | None = None
        self._grids: list[MapGrid] = []
        self._grid_ids = np.empty(0, np.int64)
        self._grid_index: dict[int, int] = {}
        self._geometry: _GridGeometry | None = None
        self._boundaries: list[MapBoundary] = []
        self._values: dict[int, float] = {}
        self._grid_values = np.empty(0)
        self._grid_classes = np.empty(0, np.int8)
        self._class_ranges: list[tuple[float, float]] = []
        self._measure_label = ""
        self._cases: list[MapCaseMarker] = []
        self._officers: list[MapOfficerMarker] = []
        self._case_layer = _MarkerLayer.empty()
        self._officer_layer = _MarkerLayer.empty()
        self._highlighted_case: int | None = None
        self._highlighted_grid: int | None = None
        self._basemap_bounds: tuple[float, float, float, float] | None = None
        self._visible = dict.fromkeys(LAYERS, True)
        self._pick_mode = False
        self._hover_text = ""
        self._texts: dict[str, str] = {}
        self._priority_names: dict[str, str] = {}
        self._duty_names: dict[str, str] = {}

        self._view = pg.GraphicsView(self, background=BACKGROUND_COLOUR)
        self._view.setObjectName("gridMapView")
        self._box = pg.ViewBox(lockAspect=True, enableMenu=False, defaultPadding=0.02)
        self._box.disableAutoRange()
        self._view.setCentralItem(self._box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

        self._basemap_item = pg.ImageItem(axisOrder="row-major")
        self._choropleth = _ChoroplethItem()
        self._boundary_item = _OutlineItem(antialias=False)
        self._grid_highlight = _OutlineItem(antialias=True)
        self._case_item = pg.ScatterPlotItem(
            pxMode=True,
            symbol=CASE_SYMBOL,
            pen=pg.mkPen(CASE_OUTLINE, width=1),
            tip=None,
        )
        self._officer_item = pg.ScatterPlotItem(
            pxMode=True,
            symbol=OFFICER_SYMBOL,
            size=OFFICER_SIZE,
            pen=pg.mkPen(OFFICER_OUTLINE, width=1),
            tip=None,
        )
        self._ring_item = pg.ScatterPlotItem(pxMode=True, symbol="o", brush=None, tip=None)
        stack = [
            ("basemap", self._basemap_item, -10),
            ("grids", self._choropleth, 0),
            ("boundaries", self._boundary_item, 10),
            ("grids", self._grid_highlight, 15),
            ("officers", self._officer_item, 20),
            ("cases", self._case_item, 25),
            ("cases", self._ring_item, 30),
        ]
        self._layer_items: dict[str, list[QGraphicsItem]] = {layer: [] for layer in LAYERS}
        for layer, item, z in stack:
            item.setZValue(z)
            self._box.addItem(item)
            self._layer_items[layer].append(item)
        self._ring_shown = False
        self._apply_visibility()

        self._legend = _MapLegend(self)
        self._legend.raise_()

        scene = self._view.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)
        self._cancel_pick = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._cancel_pick.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._cancel_pick.setEnabled(False)
        self._cancel_pick.activated.connect(lambda: self.set_pick_mode(False))

        self._grid_details: dict[int, str] = {}
        self.retranslate_ui()

    # -- i18n ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible string; called at construction and on a language change."""
        self._texts = {
            "no_data": self.tr("0 / no data"),
            "no_value": self.tr("no data"),
            "cases": self.tr("Cases"),
            "officers": self.tr("Officers"),
            "grid": self.tr("Grid {code}"),
        }
        self._priority_names = {
            "urgent": self.tr("Urgent"),
            "high": self.tr("High"),
            "normal": self.tr("Normal"),
            "low": self.tr("Low"),
        }
        self._duty_names = {
            "on_duty": self.tr("On duty"),
            "in_field": self.tr("In the field"),
            "off_duty": self.tr("Off duty"),
            "on_leave": self.tr("On leave"),
        }
        self._view.setAccessibleName(self.tr("Grid map"))
        self._legend.setAccessibleName(self.tr("Map legend"))
        self._update_legend()
        self._set_hover_text("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- data ---------------------------------------------------------------------------------

    def set_grids(self, grids: Sequence[MapGrid], boundaries: Sequence[MapBoundary] = ()) -> None:
        """Draw every unit grid, and the community and street boundaries on top.

        Values set earlier with :meth:`set_values` are kept for grids that still exist.
        Raises ``ValueError`` for a repeated grid id or a ring of fewer than three vertices.
        """
        self._grids = list(grids)
        self._boundaries = list(boundaries)
        self._grid_ids = np.fromiter((g.grid_id for g in self._grids), np.int64, len(self._grids))
        self._grid_index = {int(gid): i for i, gid in enumerate(self._grid_ids)}
        if len(self._grid_index) != len(self._grids):
            raise ValueError("grid ids must be unique")
        self._set_projection(self._projection_for_grids())
        self._geometry = (
            _GridGeometry(self._grids, self._require_projection()) if self._grids else None
        )
        boundary_keys = self._draw_boundaries()
        geo = self._geometry
        if geo is not None:
            self._choropleth.set_outlines(
                geo.outline_paths(), geo.outline_paths(boundary_keys), geo.bounds, geo.cell_m
            )
            extent = max(geo.bounds.width(), geo.bounds.height())
            self._box.setLimits(
                minXRange=MIN_VIEW_M,
                minYRange=MIN_VIEW_M,
                maxXRange=6 * extent,
                maxYRange=6 * extent,
            )
        else:
            self._choropleth.set_outlines([], [], QRectF(), 0.0)
        self.highlight_grid(self._highlighted_grid)  # still there after a reload, or dropped
        self._recolour()

    def set_grid_details(self, details: Mapping[int, str]) -> None:
        """Extra hover text per grid (e.g. every count, not only the coloured measure)."""
        self._grid_details = dict(details)

    def set_values(self, values: Mapping[int, float], measure_label: str) -> None:
        """Recolour every grid by its value in ``values`` (keyed by grid id) and relabel the legend.

        Grids without a value, or with 0, are drawn as "no data".
        """
        self._values = dict(values)
        self._measure_label = measure_label
        self._recolour()

    def set_case_markers(self, markers: Sequence[MapCaseMarker]) -> None:
        """Show cases coloured by priority; urgent cases are drawn on top."""
        rank = {p: i for i, p in enumerate(CASE_PRIORITIES)}
        known = [m if m.priority in rank else replace(m, priority="normal") for m in markers]
        self._cases = sorted(known, key=lambda m: -rank[m.priority])
        self._ensure_projection([m.lon for m in self._cases], [m.lat for m in self._cases])
        brushes = {p: pg.mkBrush(c) for p, c in CASE_COLOURS.items()}
        self._case_layer = self._set_markers(
            self._case_item,
            [m.case_id for m in self._cases],
            [m.lon for m in self._cases],
            [m.lat for m in self._cases],
            [brushes[m.priority] for m in self._cases],
            [CASE_SIZES[m.priority] for m in self._cases],
        )
        self.highlight_case(self._highlighted_case, centre=False)

    def set_officer_markers(self, markers: Sequence[MapOfficerMarker]) -> None:
        """Show grid officers as diamonds coloured by duty status."""
        self._officers = list(markers)
        self._ensure_projection([m.lon for m in self._officers], [m.lat for m in self._officers])
        brushes = {s: pg.mkBrush(c) for s, c in OFFICER_COLOURS.items()}
        self._officer_layer = self._set_markers(
            self._officer_item,
            [m.officer_id for m in self._officers],
            [m.lon for m in self._officers],
            [m.lat for m in self._officers],
            [brushes.get(m.duty_status, brushes["off_duty"]) for m in self._officers],
            [OFFICER_SIZE] * len(self._officers),
        )

    def load_basemap(
        self, path: str | os.PathLike[str], bounds_lonlat: tuple[float, float, float, float]
    ) -> bool:
        """Show a georeferenced image under the grids; False if the file cannot be read.

        ``bounds_lonlat`` is ``(min_lon, min_lat, max_lon, max_lat)`` of the image's edges, with
        north up. Grid fills turn translucent while a basemap is shown.
        """
        image = QImage(os.fspath(path))
        if image.isNull():
            return False
        image = image.convertToFormat(QImage.Format.Format_RGBA8888)
        width, height = image.width(), image.height()
        raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
        rgba = raw.reshape(height, image.bytesPerLine())[:, : width * 4].reshape(height, width, 4)
        # image row 0 is the north edge, but y grows northwards in the view
        self._basemap_item.setImage(
            np.ascontiguousarray(rgba[::-1]), autoLevels=False, levels=(0, 255)
        )
        min_lon, min_lat, max_lon, max_lat = bounds_lonlat
        self._ensure_projection([min_lon, max_lon], [min_lat, max_lat])
        self._basemap_bounds = (min_lon, min_lat, max_lon, max_lat)
        self._place_basemap()
        self._apply_visibility()
        self._recolour()
        return True

    def clear_basemap(self) -> None:
        """Remove the basemap image; grid fills become opaque again."""
        self._basemap_bounds = None
        self._basemap_item.clear()
        self._apply_visibility()
        self._recolour()

    # -- layers, view ---------------------------------------------------------------------

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        """Show or hide one of :attr:`LAYERS`; hidden layers are not hovered or clicked either."""
        if layer not in self._visible:
            raise ValueError(f"unknown map layer {layer!r}; expected one of {', '.join(LAYERS)}")
        if self._visible[layer] == visible:
            return
        self._visible[layer] = visible
        self._apply_visibility()
        if layer == "basemap":
            self._recolour()
        if layer == "boundaries":
            self._choropleth.set_boundaries_drawn(visible)
        self._set_hover_text("")

    def is_layer_visible(self, layer: str) -> bool:
        return self._visible[layer]

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the legend in the lower-left corner."""
        self._legend.setVisible(visible)

    def zoom_to_bounds(
        self, min_lon: float, min_lat: float, max_lon: float, max_lat: float, padding: float = 0.05
    ) -> None:
        """Show the lon/lat box (the view widens one side to keep shapes undistorted)."""
        proj = self._require_projection()
        x0, y0 = proj.to_xy(min_lon, min_lat)
        x1, y1 = proj.to_xy(max_lon, max_lat)
        self._box.setRange(QRectF(QPointF(x0, y0), QPointF(x1, y1)).normalized(), padding=padding)

    def zoom_to_grids(self, grid_ids: Iterable[int]) -> None:
        """Fit the given grids into the view; unknown ids are ignored."""
        if self._geometry is None:
            return
        indexes = np.array(
            [self._grid_index[g] for g in grid_ids if g in self._grid_index], np.int64
        )
        rect = self._geometry.bounds_of(indexes)
        if rect is not None:
            self._box.setRange(rect, padding=0.15)

    def zoom_to_all(self) -> None:
        """Fit every grid (or, without grids, every marker) into the view."""
        rect = self._content_bounds()
        if rect is not None:
            self._box.setRange(rect, padding=0.02)

    def view_bounds(self) -> tuple[float, float, float, float]:
        """The visible ``(min_lon, min_lat, max_lon, max_lat)``."""
        proj = self._require_projection()
        (x0, x1), (y0, y1) = self._box.viewRange()
        min_lon, min_lat = proj.to_lonlat(x0, y0)
        max_lon, max_lat = proj.to_lonlat(x1, y1)
        return min_lon, min_lat, max_lon, max_lat

    def highlight_case(self, case_id: int | None, centre: bool = True) -> bool:
        """Ring a case marker and (by default) centre the view on it, zooming in to street level.

        ``None`` removes the ring. Returns False if the case is not on the map.
        """
        index = None if case_id is None else self._case_layer.index_of.get(case_id)
        self._highlighted_case = case_id
        self._ring_shown = index is not None
        self._apply_visibility()
        if index is None:
            self._ring_item.setData(x=[], y=[])
            return False
        x, y = float(self._case_layer.x[index]), float(self._case_layer.y[index])
        # a white halo under the coloured ring keeps it visible on dark red grids
        self._ring_item.setData(
            x=[x, x],
            y=[y, y],
            size=[26, 24],
            pen=[pg.mkPen("#ffffff", width=5), pg.mkPen(HIGHLIGHT_RING_COLOUR, width=3)],
            brush=[None, None],
        )
        if centre:
            self._centre_on(x, y, HIGHLIGHT_MAX_VIEW_M)
        return True

    def highlight_grid(self, grid_id: int | None) -> bool:
        """Outline one grid in a strong colour; ``None`` removes it. False if the grid is unknown."""
        index = None if grid_id is None else self._grid_index.get(grid_id)
        if index is None or self._geometry is None:
            self._highlighted_grid = None
            self._grid_highlight.set_strokes([])
            return False
        self._highlighted_grid = grid_id
        self._grid_highlight.set_strokes(
            [(self._geometry.grid_path(index), _cosmetic_pen(*HIGHLIGHT_GRID_PEN), ((0, 0),))]
        )
        return True

    def set_pick_mode(self, on: bool) -> None:
        """While on, the next left click emits :attr:`location_picked` instead of a click signal."""
        if on == self._pick_mode:
            return
        self._pick_mode = on
        self._cancel_pick.setEnabled(on)
        viewport = self._view.viewport()
        if on:
            viewport.setCursor(Qt.CursorShape.CrossCursor)
        else:
            viewport.unsetCursor()
        self.pick_mode_changed.emit(on)

    def is_pick_mode(self) -> bool:
        return self._pick_mode

    def grid_at(self, lon: float, lat: float) -> int | None:
        """The id of the grid under a lon/lat, if any."""
        if self._geometry is None or self._projection is None:
            return None
        index = self._geometry.grid_at(*self._projection.to_xy(lon, lat))
        return None if index is None else int(self._grid_ids[index])

    def tooltip_at(self, lon: float, lat: float) -> str:
        """The hover text the map shows at a lon/lat ("" where there is nothing)."""
        if self._projection is None:
            return ""
        return self._describe(*self._projection.to_xy(lon, lat))

    @property
    def projection(self) -> LocalProjection | None:
        """The lon/lat to metres projection of the view's coordinates (None before any data)."""
        return self._projection

    @property
    def graphics_view(self) -> pg.GraphicsView:
        return self._view

    @property
    def view_box(self) -> pg.ViewBox:
        """The ViewBox in projected metres; screens may add their own overlay items to it."""
        return self._box

    # -- internals ----------------------------------------------------------------------------

    def _projection_for_grids(self) -> LocalProjection | None:
        if not self._grids:
            return self._projection
        lonlat = np.concatenate(
            [np.asarray(p.exterior, float) for g in self._grids for p in g.polygons]
        )
        lon0 = float((lonlat[:, 0].min() + lonlat[:, 0].max()) / 2)
        lat0 = float((lonlat[:, 1].min() + lonlat[:, 1].max()) / 2)
        return LocalProjection(lon0, lat0)

    def _ensure_projection(self, lons: Sequence[float], lats: Sequence[float]) -> None:
        if self._projection is None and len(lons):
            self._set_projection(LocalProjection(float(np.mean(lons)), float(np.mean(lats))))

    def _set_projection(self, projection: LocalProjection | None) -> None:
        if projection == self._projection:
            return
        old = self._projection
        self._projection = projection
        if old is None:
            return
        # markers and the basemap were placed with the old origin
        if self._cases:
            self.set_case_markers(self._cases)
        if self._officers:
            self.set_officer_markers(self._officers)
        if self._basemap_bounds is not None:
            self._place_basemap()

    def _require_projection(self) -> LocalProjection:
        if self._projection is None:
            raise RuntimeError(
                "the map has no data yet: call set_grids() or set a marker layer first"
            )
        return self._projection

    def _apply_visibility(self) -> None:
        # Hidden items cost nothing per frame, so the basemap and the ring stay hidden while
        # there is nothing to show.
        for layer, items in self._layer_items.items():
            for item in items:
                shown = self._visible[layer]
                if item is self._basemap_item:
                    shown = shown and self._basemap_bounds is not None
                elif item is self._ring_item:
                    shown = shown and self._ring_shown
                item.setVisible(shown)

    def _place_basemap(self) -> None:
        assert self._basemap_bounds is not None
        min_lon, min_lat, max_lon, max_lat = self._basemap_bounds
        proj = self._require_projection()
        x0, y0 = proj.to_xy(min_lon, min_lat)
        x1, y1 = proj.to_xy(max_lon, max_lat)
        self._basemap_item.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))

    def _set_markers(
        self,
        item: pg.ScatterPlotItem,
        ids: list[int],
        lons: list[float],
        lats: list[float],
        brushes: list[QBrush],
        sizes: list[int],
    ) -> _MarkerLayer:
        if not ids:
            item.setData(x=[], y=[])
            return _MarkerLayer.empty()
        x, y = self._require_projection().to_xy_arrays(np.asarray(lons), np.asarray(lats))
        item.setData(x=x, y=y, brush=brushes, size=sizes)
        reach = np.asarray(sizes, float) / 2 + HIT_SLOP_PX
        return _MarkerLayer(x, y, reach, {int(i): k for k, i in enumerate(ids)})

    def _draw_boundaries(self) -> np.ndarray:
        """Draw street lines heavy and community lines over grid edges; return their keys.

        A line runs along a street and a community boundary and a grid edge at once; it is
        drawn only at its heaviest level, which keeps the lines crisp and the frame cheap.
        """
        if self._projection is None:
            self._boundary_item.set_strokes([])
            return _segment_keys(np.empty((0, 4)))
        strokes = []
        drawn = _segment_keys(np.empty((0, 4)))
        for kind, (colour, offsets) in (("street", STREET_LINE), ("community", COMMUNITY_LINE)):
            polygons = [p for b in self._boundaries if b.kind == kind for p in b.polygons]
            x, y, connect = _ring_arrays(polygons, self._projection)
            if self._geometry is not None:
                x, y = self._geometry.snap(x, y)
            segments, _ = _segments(x, y, connect)
            keys = _segment_keys(segments)
            # neighbouring communities (streets) both list their common border: draw it once
            first = np.zeros(len(keys), bool)
            first[np.unique(keys, return_index=True)[1]] = True
            fresh = first & ~np.isin(keys, drawn)
            strokes.append((_segments_path(segments[fresh]), _cosmetic_pen(colour, 1.0), offsets))
            drawn = np.concatenate([drawn, keys[fresh]])
        self._boundary_item.set_strokes(strokes)
        return drawn

    def _recolour(self) -> None:
        lookup = self._values.get
        self._grid_values = np.fromiter(
            map(lookup, self._grid_index, repeat(np.nan)), float, count=len(self._grid_index)
        )
        self._grid_classes, self._class_ranges = classify(self._grid_values)
        fills: list[tuple[QPainterPath, QBrush]] = []
        if self._geometry is not None:
            alpha = BASEMAP_FILL_ALPHA if self._basemap_shown() else 255
            brushes = []
            for colour in (QColor(NO_DATA_COLOUR), *class_colours(len(self._class_ranges))):
                colour.setAlpha(alpha)
                brushes.append(QBrush(colour))
            geo = self._geometry
            key = geo.tile_of_grid * _CLASS_SLOTS + self._grid_classes
            if alpha == 255:
                # In each tile the class covering most ground is filled as the union of the
                # tile's grids (a few spans a row), and only the other grids one by one on top.
                # Translucent fills over a basemap cannot be stacked, so then every grid is.
                area = np.zeros((geo.tile_of_grid.max() + 1, _CLASS_SLOTS))
                np.add.at(area, (geo.tile_of_grid, self._grid_classes), geo.area_of_grid)
                base = area.argmax(axis=1)
                fills = [(geo.cover_paths[int(t)], brushes[base[t]]) for t in geo.tiles]
                key[self._grid_classes == base[geo.tile_of_grid]] = -1
            fills += [(path, brushes[k % _CLASS_SLOTS]) for k, path in geo.paths_by(key)]
        self._choropleth.set_fills(fills)
        self._update_legend()

    def _basemap_shown(self) -> bool:
        return self._basemap_bounds is not None and self._visible["basemap"]

    def _update_legend(self) -> None:
        if not self._texts:
            return
        colours = class_colours(len(self._class_ranges))
        classes = []
        for colour, (low, high) in zip(colours, self._class_ranges, strict=True):
            text = (
                _format_number(low)
                if low == high
                else f"{_format_number(low)} – {_format_number(high)}"
            )
            classes.append((colour, text))
        classes.append((QColor(NO_DATA_COLOUR), self._texts["no_data"]))
        marker_rows = [
            (
                self._texts["cases"],
                CASE_SYMBOL,
                [(QColor(CASE_COLOURS[p]), self._priority_names[p]) for p in CASE_PRIORITIES],
            ),
            (
                self._texts["officers"],
                OFFICER_SYMBOL,
                [(QColor(OFFICER_COLOURS[s]), self._duty_names[s]) for s in DUTY_STATUSES],
            ),
        ]
        self._legend.set_contents(self._measure_label, classes, marker_rows)
        self._place_legend()

    def _place_legend(self) -> None:
        margin = 10
        self._legend.move(margin, max(margin, self.height() - self._legend.height() - margin))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_legend()

    def _content_bounds(self) -> QRectF | None:
        if self._geometry is not None:
            return self._geometry.bounds
        xs = np.concatenate([self._case_layer.x, self._officer_layer.x])
        ys = np.concatenate([self._case_layer.y, self._officer_layer.y])
        if not len(xs):
            return None
        return QRectF(QPointF(xs.min(), ys.min()), QPointF(xs.max(), ys.max())).normalized()

    def _centre_on(self, x: float, y: float, max_width: float) -> None:
        (x0, x1), (y0, y1) = self._box.viewRange()
        width, height = x1 - x0, y1 - y0
        if width > max_width:
            height *= max_width / width
            width = max_width
        self._box.setRange(QRectF(x - width / 2, y - height / 2, width, height), padding=0)

    def _hit(self, x: float, y: float) -> tuple[str, int] | None:
        """What an operator points at, topmost first: a case, an officer, then a grid."""
        px = max(self._box.viewPixelSize())
        if self._visible["cases"]:
            i = self._case_layer.nearest(x, y, px)
            if i is not None:
                return "case", i
        if self._visible["officers"]:
            i = self._officer_layer.nearest(x, y, px)
            if i is not None:
                return "officer", i
        if self._visible["grids"] and self._geometry is not None:
            i = self._geometry.grid_at(x, y)
            if i is not None:
                return "grid", i
        return None

    def _describe(self, x: float, y: float) -> str:
        hit = self._hit(x, y)
        if hit is None:
            return ""
        kind, i = hit
        esc = html.escape
        if kind == "case":
            case = self._cases[i]
            priority = self._priority_names.get(case.priority, case.priority)
            return f"<b>{esc(case.case_number)}</b> · {esc(priority)}<br>{esc(case_summary(case))}"
        if kind == "officer":
            officer = self._officers[i]
            duty = self._duty_names.get(officer.duty_status, officer.duty_status)
            open_cases = self.tr("%n open case(s)", "", officer.open_cases)
            return f"<b>{esc(officer.name)}</b><br>{esc(duty)}<br>{esc(open_cases)}"
        grid = self._grids[i]
        lines = [f"<b>{esc(self._texts['grid'].format(code=grid.code))}</b>", esc(grid.name)]
        if self._measure_label:
            value = self._grid_values[i]
            shown = (
                self._texts["no_value"] if not np.isfinite(value) else _format_number(float(value))
            )
            lines.append(f"{esc(self._measure_label)}: {esc(shown)}")
        details = self._grid_details.get(grid.grid_id)
        if details:
            lines.append(esc(details))
        return "<br>".join(lines)

    def _set_hover_text(self, text: str) -> None:
        if text == self._hover_text:
            return
        self._hover_text = text
        # The ViewBox's tool tip is what Qt shows on a hover pause over the map.
        self._box.setToolTip(text)
        if QToolTip.isVisible():
            if text:
                QToolTip.showText(QCursor.pos(), text, self._view.viewport())
            else:
                QToolTip.hideText()

    def _view_point(self, scene_pos: QPointF) -> QPointF | None:
        if self._projection is None or not self._box.sceneBoundingRect().contains(scene_pos):
            return None
        return self._box.mapSceneToView(scene_pos)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self._view_point(scene_pos)
        self._set_hover_text("" if point is None else self._describe(point.x(), point.y()))

    def _on_mouse_clicked(self, event: MouseClickEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        point = self._view_point(event.scenePos())
        if point is None:
            return
        event.accept()
        # Emitted once the click is fully handled, so a slot may open a modal dialog without
        # re-entering pyqtgraph's click dispatch.
        if self._pick_mode:
            self.set_pick_mode(False)
            lon, lat = self._require_projection().to_lonlat(point.x(), point.y())
            QTimer.singleShot(0, self, lambda: self.location_picked.emit(lon, lat))
            return
        hit = self._hit(point.x(), point.y())
        if hit is None:
            return
        kind, i = hit
        if kind == "case":
            signal, item_id = self.case_clicked, self._cases[i].case_id
        elif kind == "officer":
            signal, item_id = self.officer_clicked, self._officers[i].officer_id
        else:
            signal, item_id = self.grid_clicked, int(self._grid_ids[i])
        QTimer.singleShot(0, self, lambda: signal.emit(item_id))
