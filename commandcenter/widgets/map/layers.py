"""What the canvas draws: the choropleth and outline items, marker hit tests, classes, fills.

Each piece is one pyqtgraph item or a pure function over the arrays of
:class:`~commandcenter.widgets.map.geometry.GridGeometry`; the canvas only wires them up.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...geometry.projection import LocalProjection
from ...gui.style import shade
from ...shapes.map import MapBoundary
from .geometry import GridGeometry, ring_arrays, ring_segments, segment_keys, segments_path
from .labels import LabelItem
from .roads import RoadItem
from .static_layers import CachedLayersItem, TopOverOverlaysItem
from .style import (
    BACKGROUND_COLOUR,
    BASEMAP_FILL_ALPHA,
    CASE_OUTLINE,
    CASE_SYMBOL,
    CLASS_COLOURS,
    CLASS_SLOTS,
    COMMUNITY_LINE,
    GRID_OUTLINE_COLOUR,
    HIT_SLOP_PX,
    LAYERS,
    MAX_CLASSES,
    MIN_OUTLINE_CELL_PX,
    NO_DATA_COLOUR,
    OFFICER_OUTLINE,
    OFFICER_SIZE,
    OFFICER_SYMBOL,
    STREET_LINE,
)
from .tiles import TileItem

STATIC_DECODE_BUDGET_S = 0.03  # tiles decoded per render of the cached ground image


def cosmetic_pen(colour: str | QColor, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)  # width in pixels whatever the zoom
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def format_number(value: float) -> str:
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


class ChoroplethItem(pg.GraphicsObject):
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
        self._outline_pen = cosmetic_pen(GRID_OUTLINE_COLOUR, 1.0)
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


class OutlineItem(pg.GraphicsObject):
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
class MarkerLayer:
    """Projected positions of one marker layer, in draw order, for hit tests."""

    x: np.ndarray
    y: np.ndarray
    reach_px: np.ndarray  # how far from its centre a marker takes a click, in pixels
    index_of: dict[int, int]  # id -> position in draw order

    @classmethod
    def empty(cls) -> MarkerLayer:
        return cls(np.empty(0), np.empty(0), np.empty(0), {})

    @classmethod
    def place(
        cls,
        item: pg.ScatterPlotItem,
        projection: LocalProjection | None,
        ids: list[int],
        lons: list[float],
        lats: list[float],
        brushes: list[QBrush],
        sizes: list[int],
    ) -> MarkerLayer:
        """Show the markers in ``item`` and keep their projected positions for hit tests.

        ``projection`` may be None only without markers: the canvas centres one on the first
        markers it gets when it has no grids.
        """
        if not ids:
            item.setData(x=[], y=[])
            return cls.empty()
        assert projection is not None
        x, y = projection.to_xy_arrays(np.asarray(lons), np.asarray(lats))
        item.setData(x=x, y=y, brush=brushes, size=sizes)
        reach = np.asarray(sizes, float) / 2 + HIT_SLOP_PX
        return cls(x, y, reach, {int(i): k for k, i in enumerate(ids)})

    def nearest(self, x: float, y: float, pixel: float) -> int | None:
        """The marker under (x, y), nearest first, given the size of a pixel in metres."""
        if not len(self.x):
            return None
        d2 = ((self.x - x) ** 2 + (self.y - y) ** 2) / (pixel * pixel)
        d2[d2 > self.reach_px**2] = np.inf
        # the last drawn marker is on top, so prefer it among equals
        i = len(d2) - 1 - int(np.argmin(d2[::-1]))
        return i if np.isfinite(d2[i]) else None


def boundary_strokes(
    boundaries: Sequence[MapBoundary],
    projection: LocalProjection | None,
    geometry: GridGeometry | None,
) -> tuple[list[tuple[QPainterPath, QPen, tuple[tuple[int, int], ...]]], np.ndarray]:
    """Street lines heavy and community lines over grid edges, and the keys of their segments.

    A line runs along a street and a community boundary and a grid edge at once; it is
    drawn only at its heaviest level, which keeps the lines crisp and the frame cheap.
    """
    drawn = segment_keys(np.empty((0, 4)))
    if projection is None:
        return [], drawn
    strokes = []
    for kind, (colour, offsets) in (("street", STREET_LINE), ("community", COMMUNITY_LINE)):
        polygons = [p for b in boundaries if b.kind == kind for p in b.polygons]
        x, y, connect = ring_arrays(polygons, projection)
        if geometry is not None:
            x, y = geometry.snap(x, y)
        segments, _ = ring_segments(x, y, connect)
        keys = segment_keys(segments)
        # neighbouring communities (streets) both list their common border: draw it once
        first = np.zeros(len(keys), bool)
        first[np.unique(keys, return_index=True)[1]] = True
        fresh = first & ~np.isin(keys, drawn)
        strokes.append((segments_path(segments[fresh]), cosmetic_pen(colour, 1.0), offsets))
        drawn = np.concatenate([drawn, keys[fresh]])
    return strokes, drawn


def choropleth_fills(
    geo: GridGeometry, grid_classes: np.ndarray, n_classes: int, translucent: bool
) -> list[tuple[QPainterPath, QBrush]]:
    """The filled paths, each with its class colour, for grids classed by :func:`classify`."""
    alpha = BASEMAP_FILL_ALPHA if translucent else 255
    brushes = []
    for colour in (QColor(NO_DATA_COLOUR), *class_colours(n_classes)):
        colour.setAlpha(alpha)
        brushes.append(QBrush(colour))
    fills: list[tuple[QPainterPath, QBrush]] = []
    key = geo.tile_of_grid * CLASS_SLOTS + grid_classes
    if alpha == 255:
        # In each tile the class covering most ground is filled as the union of the tile's
        # grids (a few spans a row), and only the other grids one by one on top. Translucent
        # fills over a basemap cannot be stacked, so then each class of a tile is one union.
        area = np.zeros((geo.tile_of_grid.max() + 1, CLASS_SLOTS))
        np.add.at(area, (geo.tile_of_grid, grid_classes), geo.area_of_grid)
        base = area.argmax(axis=1)
        fills = [(geo.cover_paths[int(t)], brushes[base[t]]) for t in geo.tiles]
        key[grid_classes == base[geo.tile_of_grid]] = -1
        fills += [(path, brushes[k % CLASS_SLOTS]) for k, path in geo.paths_by(key)]
    else:
        fills += [(path, brushes[k % CLASS_SLOTS]) for k, path in geo.union_paths_by(key)]
    return fills


class MarkerItem(pg.ScatterPlotItem):
    """Markers that are drawn into cached images (static_layers): all those on the image.

    pyqtgraph draws only the markers inside the view; these draw those the image being
    painted reaches (its margin past the view, or the whole city of the overview).
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._painting: QRectF | None = None

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        self._painting = option.exposedRect  # type: ignore[attr-defined]
        try:
            super().paint(painter, option, widget)
        finally:
            self._painting = None

    def viewRect(self) -> QRectF:  # noqa: N802 - pyqtgraph override
        if self._painting is not None:
            return self._painting
        return super().viewRect()


class LayerStack:
    """Every item of the map in drawing order, each belonging to one of :data:`LAYERS`."""

    def __init__(self, box: pg.ViewBox, widget: QWidget, viewport: QWidget) -> None:
        self.basemap = pg.ImageItem(axisOrder="row-major")
        self.tiles = TileItem()
        self.roads = RoadItem()
        self.labels = LabelItem(widget)
        self.choropleth = ChoroplethItem()
        self.boundaries = OutlineItem(antialias=False)
        self.grid_highlight = OutlineItem(antialias=True)
        self.cases = MarkerItem(
            pxMode=True, symbol=CASE_SYMBOL, pen=pg.mkPen(CASE_OUTLINE, width=1), tip=None
        )
        self.officers = MarkerItem(
            pxMode=True,
            symbol=OFFICER_SYMBOL,
            size=OFFICER_SIZE,
            pen=pg.mkPen(OFFICER_OUTLINE, width=1),
            tip=None,
        )
        self.ring = pg.ScatterPlotItem(pxMode=True, symbol="o", brush=None, tip=None)
        stack: list[tuple[str, QGraphicsItem, int]] = [
            ("basemap", self.basemap, -10),
            ("basemap", self.tiles, -9),
            ("grids", self.choropleth, 0),
            ("roads", self.roads, 5),
            ("boundaries", self.boundaries, 10),
            ("labels", self.labels, 18),
            ("grids", self.grid_highlight, 15),  # live, between the two cached images (below)
            ("officers", self.officers, 20),
            ("cases", self.cases, 25),
            ("cases", self.ring, 30),
        ]
        self._items: dict[str, list[QGraphicsItem]] = {layer: [] for layer in LAYERS}
        for layer, item, z in stack:
            item.setZValue(z)
            box.addItem(item)
            self._items[layer].append(item)
        # The layers that change only with the data or the view are drawn through cached images
        # (see static_layers): the ground (with a screen's overlays such as the warnings, 13: see
        # MapCanvas.add_overlay) under the live area outline (12) and highlighted grid (15), and
        # the names with the markers above them (the ring stays live).
        # Decoding tiles is then off the frame path, so it may take longer.
        self.cache = CachedLayersItem(viewport, QColor(shade(BACKGROUND_COLOUR)), self.extent)
        self.ground = self.cache.add_group([self.basemap, self.tiles, self.choropleth, self.roads, self.boundaries],
                                           opaque=True)
        self.top = self.cache.add_group([self.labels, self.officers, self.cases], after_first_frame=True)
        self.top_over_overlays = TopOverOverlaysItem(self.cache, self.top)
        self.tiles.decode_budget_s = STATIC_DECODE_BUDGET_S
        self.tiles.changed.connect(self.ground.refresh_later)
        for item, z in ((self.cache, 11), (self.top_over_overlays, 18)):
            item.setZValue(z)
            box.addItem(item, ignoreBounds=True)

    def extent(self) -> QRectF:
        """What the map shows (grids, roads, markers) in projected metres: the overview's area."""
        rect = QRectF()
        for group, items in ((self.ground, (self.choropleth, self.roads)), (self.top, (self.officers, self.cases))):
            for item in items:
                bounds = item.boundingRect()
                if group.is_shown(item) and not bounds.isEmpty():
                    rect = rect.united(bounds)
        return rect

    def settle(self) -> None:
        """Render the cached images for the current view at the next frame (no preview)."""
        self.cache.render_at_next_frame()

    def invalidate(self) -> None:
        """The static layers' content changed (data, colours, style): render them anew."""
        self.ground.invalidate()
        self.top.invalidate()

    def show(self, visible: dict[str, bool], basemap: bool, ring: bool, tiles: bool = False) -> None:
        """Show the items of the visible layers; the basemap and the ring only when they exist.

        Hidden items cost nothing per frame, so the basemap and the ring stay hidden while
        there is nothing to show.
        """
        for layer, items in self._items.items():
            for item in items:
                shown = visible[layer]
                if item is self.basemap:
                    shown = shown and basemap
                elif item is self.tiles:
                    shown = shown and tiles
                elif item is self.ring:
                    shown = shown and ring
                for group in (self.ground, self.top):
                    if item in group.layers:
                        group.set_shown(item, shown)
                        break
                else:
                    item.setVisible(shown)


def hit_test(
    x: float,
    y: float,
    pixel: float,
    markers: Sequence[tuple[str, MarkerLayer]],
    geometry: GridGeometry | None,
) -> tuple[str, int] | None:
    """The first marker layer with a marker under (x, y), else the grid there, else None."""
    for kind, layer in markers:
        i = layer.nearest(x, y, pixel)
        if i is not None:
            return kind, i
    if geometry is not None:
        i = geometry.grid_at(x, y)
        if i is not None:
            return "grid", i
    return None


def basemap_rgba(path: str | os.PathLike[str]) -> np.ndarray | None:
    """An image file as RGBA rows, south edge first (y grows northwards); None if unreadable."""
    image = QImage(os.fspath(path))
    if image.isNull():
        return None
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    rgba = raw.reshape(height, image.bytesPerLine())[:, : width * 4].reshape(height, width, 4)
    return np.ascontiguousarray(rgba[::-1])  # image row 0 is the north edge
