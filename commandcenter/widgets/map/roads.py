"""The roads layer: every road of a class as one path, main roads heavier, minor ones at street zoom.

Roads come from the ``road`` table (the demo's streets or an imported GeoJSON); their names are
placed by :mod:`.labels`. Lines are 1-pixel cosmetic strokes, repeated at 1-pixel offsets for
main roads, for the same reason as the boundaries (a wide pen strokes ~15x slower).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from ...geometry.projection import LocalProjection
from ...shapes.map import MapRoad
from .style import MINOR_ROAD_MAX_M_PER_PX, ROAD_LINES


def _pen(colour: str) -> QPen:
    pen = QPen(QColor(colour), 1.0)
    pen.setCosmetic(True)
    return pen


def road_paths(roads: Sequence[MapRoad], projection: LocalProjection) -> dict[str, QPainterPath]:
    """One path per road class, built in C++ from the concatenated vertex arrays."""
    paths: dict[str, QPainterPath] = {}
    for road_class in ROAD_LINES:
        lines = [np.asarray(r.points, float) for r in roads if r.road_class == road_class and len(r.points) >= 2]
        if not lines:
            continue
        lonlat = np.concatenate(lines)
        x, y = projection.to_xy_arrays(lonlat[:, 0], lonlat[:, 1])
        connect = np.ones(len(lonlat), np.int32)
        connect[np.cumsum([len(line) for line in lines]) - 1] = 0
        paths[road_class] = pg.arrayToQPath(x, y, connect=connect, finiteCheck=False)
    return paths


class RoadItem(pg.GraphicsObject):
    """Main and minor roads; minor ones only once a pixel is at most MINOR_ROAD_MAX_M_PER_PX metres."""

    def __init__(self) -> None:
        super().__init__()
        self._paths: list[tuple[str, QPainterPath, QPen, tuple[tuple[int, int], ...]]] = []
        self._rect = QRectF()

    def set_roads(self, roads: Sequence[MapRoad], projection: LocalProjection | None) -> None:
        self.prepareGeometryChange()
        paths = {} if projection is None else road_paths(roads, projection)
        self._paths = [(cls, paths[cls], _pen(colour), offsets) for cls, passes in ROAD_LINES.items()
                       if cls in paths for colour, offsets in passes]
        rect = QRectF()
        for _, path, _, _ in self._paths:
            rect = rect.united(path.boundingRect())
        self._rect = rect.adjusted(-10, -10, 10, 10)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        base = painter.transform()
        m_per_px = 1.0 / max(abs(base.m11()), 1e-12)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for road_class, path, pen, offsets in self._paths:
            if road_class == "minor" and m_per_px > MINOR_ROAD_MAX_M_PER_PX:
                continue
            for dx, dy in offsets:
                painter.setTransform(base * QTransform.fromTranslate(dx, dy))
                painter.strokePath(path, pen)
        painter.setTransform(base)
