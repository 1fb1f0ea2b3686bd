"""The map's early-warning layer: hot cells (a warning's grids tinted) and cluster outlines.

One graphics item over the canvas's ViewBox (in its projected metres), drawn above the grid
colours and boundaries and below labels and markers, so a warning shows where it is without
hiding the cases that make it. Shapes are built once per change of the warnings (a few dozen
paths), never per frame. `warnings_at` answers which warnings lie under a point, topmost (the
newest) first, for the screen to open.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from ... import palette
from ...geometry.projection import LocalProjection
from ...shapes.map import MapGrid
from ...shapes.warnings import WarningItem, WarningKind, WarningStatus

WARNING_Z = 13  # above boundaries (10), below the highlighted grid (15), labels and markers
# purple: apart from the choropleth's yellow-to-red ramp and the blue highlight
WARNING_COLOUR = palette.CHART_RISING
HULL_ALPHA = 40  # a cluster's hull: a faint wash inside its dashed line
HULL_HALO = palette.MAP_CASE_OUTLINE  # white


@dataclass(frozen=True)
class WarningShape:
    """One warning as drawn: its id and the area a click on it hits."""

    warning_id: int
    path: QPainterPath
    outline: bool  # a cluster's hull (stroked) rather than tinted grid cells


def ring_path(points: Sequence[tuple[float, float]], projection: LocalProjection,
              path: QPainterPath | None = None) -> QPainterPath:
    """A closed ring of lon/lat points as a path in projected metres."""
    path = path if path is not None else QPainterPath()
    xy = [QPointF(*projection.to_xy(lon, lat)) for lon, lat in points]
    if len(xy) < 3:
        return path
    path.moveTo(xy[0])
    for p in xy[1:]:
        path.lineTo(p)
    path.closeSubpath()
    return path


def warning_shapes(items: Sequence[WarningItem], grids: Mapping[int, MapGrid],
                   projection: LocalProjection) -> list[WarningShape]:
    """The open warnings' shapes, oldest first (so the newest paints and hits on top): a
    cluster's outline when it has one, else its grids."""
    shapes: list[WarningShape] = []
    for item in sorted(items, key=lambda w: (w.last_evidence_at, w.id)):
        if item.status is not WarningStatus.OPEN:
            continue
        if item.kind is WarningKind.CLUSTER and len(item.outline) >= 3:
            shapes.append(WarningShape(item.id, ring_path(item.outline, projection), outline=True))
            continue
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for gid in item.grid_ids:
            grid = grids.get(gid)
            if grid is None:
                continue
            for polygon in grid.polygons:
                ring_path(polygon.exterior, projection, path)
        if not path.isEmpty():
            shapes.append(WarningShape(item.id, path, outline=False))
    return shapes


class WarningLayerItem(QGraphicsObject):
    """Hatched hot cells and dashed cluster hulls, with a hit test.

    A plain Qt item (the ViewBox takes any), so the map screen's module can build it without
    loading pyqtgraph before the map is first shown."""

    changed = Signal()  # new shapes: the map draws the layer into its cached ground (add_overlay)

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(WARNING_Z)
        self._shapes: list[WarningShape] = []
        self._cells = QPainterPath()  # every hot grid once, however many warnings it is in
        self._rect = QRectF()
        # hatched, not filled: the grid colours (the measure chosen) stay readable underneath
        self._cell_brush = QBrush(QColor(WARNING_COLOUR), Qt.BrushStyle.BDiagPattern)
        self._cell_pen = QPen(QColor(WARNING_COLOUR), 2.0)
        self._cell_pen.setCosmetic(True)
        hull = QColor(WARNING_COLOUR)
        hull.setAlpha(HULL_ALPHA)
        self._hull_brush = QBrush(hull)
        self._hull_pen = QPen(QColor(WARNING_COLOUR), 2.5, Qt.PenStyle.DashLine)
        self._hull_pen.setCosmetic(True)
        self._hull_halo = QPen(QColor(HULL_HALO), 5.0)  # under the dashes: they show on any grid colour
        self._hull_halo.setCosmetic(True)

    def set_shapes(self, shapes: Sequence[WarningShape]) -> None:
        self.prepareGeometryChange()
        self._shapes = list(shapes)
        self._cells = QPainterPath()
        self._cells.setFillRule(Qt.FillRule.WindingFill)
        rect = QRectF()
        for shape in self._shapes:
            rect = rect.united(shape.path.boundingRect())
            if not shape.outline:
                self._cells.addPath(shape.path)
        pad = 0.02 * max(rect.width(), rect.height(), 1.0)
        self._rect = rect.adjusted(-pad, -pad, pad, pad)
        self.update()
        self.changed.emit()

    @property
    def shapes(self) -> list[WarningShape]:
        return list(self._shapes)

    def warnings_at(self, x: float, y: float) -> list[int]:
        """The warnings whose cells or hull hold the point (projected metres), newest first."""
        point = QPointF(x, y)
        return [s.warning_id for s in reversed(self._shapes) if s.path.contains(point)]

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if not self._cells.isEmpty():
            painter.fillPath(self._cells, self._cell_brush)
            painter.strokePath(self._cells, self._cell_pen)
        for shape in self._shapes:
            if shape.outline:
                painter.fillPath(shape.path, self._hull_brush)
                painter.strokePath(shape.path, self._hull_halo)
                painter.strokePath(shape.path, self._hull_pen)
