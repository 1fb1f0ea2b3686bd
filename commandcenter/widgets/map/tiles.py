"""The tile basemap under the grids: the tiles covering the view at the screen's resolution.

Each frame maps the view to tile numbers at the zoom whose pixels match the screen's
(:func:`.tilemath.zoom_for`), takes each tile from the source's memory cache (a missing one
is asked for and drawn as soon as it arrives; meanwhile its parent tile, scaled, fills the
gap) and draws it in device pixels, shifted for GCJ-02 tiles as :mod:`.tilemath` explains.
"""

from __future__ import annotations

import math
import time

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...geometry.projection import LocalProjection
from .tile_sources import TileSource
from .tilemath import CRS_WGS84, data_to_tiles, tile_bounds, tile_offset, tile_xy, zoom_for

MAX_TILES_PER_FRAME = 96  # a 4K screen at the chosen zoom needs about 60
DECODE_BUDGET_S = 0.002  # decoding PNGs stops for this frame after this long; the next frame goes on
PARENT_LEVELS = 3  # how far up a missing tile borrows a coarser one


class TileItem(pg.GraphicsObject):
    """Tiles from a :class:`TileSource` drawn at their WGS-84 place, with the basemap's opacity.

    :attr:`changed` fires when a frame should be drawn again: a tile arrived, or decoding
    stopped at the frame's budget (:attr:`decode_budget_s`) with tiles left to decode.
    """

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect
        self._source: TileSource | None = None
        self._projection: LocalProjection | None = None
        self._crs = CRS_WGS84
        self._opacity = 1.0
        self._rect = QRectF()
        self.decode_budget_s = DECODE_BUDGET_S
        self.drawn: list[tuple[int, int, int]] = []  # the tiles of the last frame, for tests

    def set_source(self, source: TileSource | None, projection: LocalProjection | None, crs: str,
                   opacity: float, bounds: QRectF) -> None:
        """Draw ``source``'s tiles over ``bounds`` (the data's extent, generously padded)."""
        self.prepareGeometryChange()
        if self._source is not None:
            self._source.tile_ready.disconnect(self.changed)
        self._source, self._projection, self._crs, self._opacity = source, projection, crs, opacity
        if source is not None:
            source.tile_ready.connect(self.changed)
        pad = max(bounds.width(), bounds.height())
        self._rect = bounds.adjusted(-pad, -pad, pad, pad)
        self.update()

    @property
    def source(self) -> TileSource | None:
        return self._source

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        source, proj = self._source, self._projection
        self.drawn = []
        if source is None or proj is None:
            return
        exposed = option.exposedRect  # type: ignore[attr-defined]
        t = painter.transform()
        m_per_px = 1.0 / max(math.hypot(t.m11(), t.m12()), 1e-12)
        west, south = proj.to_lonlat(exposed.left(), exposed.top())
        east, north = proj.to_lonlat(exposed.right(), exposed.bottom())
        west, east = min(west, east), max(west, east)
        south, north = min(south, north), max(south, north)
        z = zoom_for(m_per_px, (south + north) / 2, source.min_zoom, source.max_zoom)
        (x0, y0), (x1, y1) = (tile_xy(*data_to_tiles(west, north, self._crs), z),
                              tile_xy(*data_to_tiles(east, south, self._crs), z))
        n = 2**z
        xs = range(max(0, int(x0)), min(n - 1, int(x1)) + 1)
        ys = range(max(0, int(y0)), min(n - 1, int(y1)) + 1)
        if len(xs) * len(ys) > MAX_TILES_PER_FRAME:
            return
        painter.save()
        painter.resetTransform()
        painter.setOpacity(self._opacity)
        deadline = time.perf_counter() + self.decode_budget_s
        deferred = False
        for x in xs:
            for y in ys:
                load = time.perf_counter() < deadline
                deferred |= not load and not source.has(z, x, y)
                self._draw_tile(painter, t, source, z, x, y, load)
        painter.restore()
        if deferred:  # the rest at the next frame: panning stays smooth while tiles fill in
            self.changed.emit()

    def _draw_tile(self, painter: QPainter, t, source: TileSource, z: int, x: int, y: int,  # type: ignore[no-untyped-def]
                   load: bool) -> None:
        image, part = source.tile(z, x, y, load), QRectF(0, 0, 256, 256)
        for up in range(1, PARENT_LEVELS + 1):
            if image is not None or z - up < source.min_zoom:
                break
            parent = source.tile(z - up, x >> up, y >> up, load)
            if parent is not None:
                size = parent.width() / 2**up
                image = parent
                part = QRectF((x % 2**up) * size, (y % 2**up) * size, size, size)
        if image is None:
            return
        if part.width() == 256 and image.width() != 256:
            part = QRectF(0, 0, image.width(), image.height())
        assert self._projection is not None
        dlon, dlat = tile_offset(z, x, y, self._crs)
        west, south, east, north = tile_bounds(z, x, y)
        top_left = t.map(QPointF(*self._projection.to_xy(west - dlon, north - dlat)))
        bottom_right = t.map(QPointF(*self._projection.to_xy(east - dlon, south - dlat)))
        painter.drawImage(QRectF(top_left, bottom_right).normalized(), image, part)
        self.drawn.append((z, x, y))
