"""Names on the map: streets and communities at city and district zoom, grids and roads at street zoom.

Level of detail is decided by on-screen size: a name is a candidate only when the area it names
is at least as wide on screen as the name itself (grids and roads also need street zoom). The
candidates are placed greedily, most important first (street, community, road, grid; the
larger area first within a kind), against an occupancy grid of the rectangles already
placed, so no two labels overlap. A layout is cached per view transform and viewport size;
each label is a small pixmap (halo and text, from the widget palette) rendered once, so a
frame only blits the placed ones.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from ...geometry.projection import LocalProjection
from ...shapes.map import MapBoundary, MapGrid, MapRoad

KINDS: tuple[str, ...] = ("street", "community", "road", "grid")  # placement priority
STREET_ZOOM_M_PER_PX = 2.5  # grid and road names only when a pixel is at most this many metres
HALO_PX = 3.0
OCCUPANCY_CELL_PX = 64
MARGIN_PX = 3.0  # free space kept around each placed label
FONT_DELTA = {"street": 2.0, "community": 0.0, "road": -0.5, "grid": -1.0}


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    """A label as laid out: its text, kind and rectangle in viewport pixels (axis-aligned)."""

    text: str
    kind: str
    rect: QRectF
    angle: float  # degrees, clockwise on screen (roads follow their line)


@dataclass(slots=True)
class _Candidates:
    """Every name the map may show, as arrays in placement order."""

    texts: list[str]
    kinds: list[str]
    x: np.ndarray  # anchor, projected metres
    y: np.ndarray
    size_m: np.ndarray  # how wide the named thing is
    angle_rad: np.ndarray  # direction of a road at its anchor, in the projected plane
    street_only: np.ndarray  # bool: shown only at street zoom

    @classmethod
    def empty(cls) -> _Candidates:
        e = np.empty(0)
        return cls([], [], e, e, e, e, np.empty(0, bool))


def _grid_label(grid: MapGrid, community_names: dict[int, str]) -> str:
    """A grid's name without its community's (``东林社区第03网格`` → ``第03网格``), else its code."""
    name = grid.name.strip()
    prefix = community_names.get(grid.community_id, "")
    if prefix and name.startswith(prefix) and len(name) > len(prefix):
        return name[len(prefix):]
    return name or grid.code


def _anchor(polygons: shapely.Geometry) -> tuple[float, float, float]:
    """A point inside the largest part and that part's width (the smaller side of its box)."""
    parts = shapely.get_parts(polygons)
    part = parts[int(np.argmax(shapely.area(parts)))]
    point = shapely.point_on_surface(part)
    x0, y0, x1, y1 = shapely.bounds(part)
    return float(shapely.get_x(point)), float(shapely.get_y(point)), float(min(x1 - x0, y1 - y0) * 1.6)


def build_candidates(
    boundaries: Sequence[MapBoundary],
    grids: Sequence[MapGrid],
    grid_geoms: np.ndarray | None,
    grid_of_polygon: np.ndarray | None,
    roads: Sequence[MapRoad],
    projection: LocalProjection | None,
) -> _Candidates:
    """Every street, community, road and grid name with its anchor, in placement order."""
    if projection is None:
        return _Candidates.empty()
    rows: list[tuple[str, str, float, float, float, float, bool]] = []
    for kind in ("street", "community"):
        for b in (b for b in boundaries if b.kind == kind and b.name):
            shells = [
                shapely.Polygon(np.column_stack(projection.to_xy_arrays(*np.asarray(p.exterior, float).T)))
                for p in b.polygons
            ]
            x, y, size = _anchor(shapely.MultiPolygon(shells))
            rows.append((b.name, kind, x, y, size, 0.0, False))
    for road in roads:
        if not road.name or len(road.points) < 2:
            continue
        xy = np.column_stack(projection.to_xy_arrays(*np.asarray(road.points, float).T))
        seg = np.hypot(*np.diff(xy, axis=0).T)
        length = float(seg.sum())
        middle = int(np.searchsorted(np.cumsum(seg), length / 2))
        middle = min(middle, len(seg) - 1)
        (ax, ay), (bx, by) = xy[middle], xy[middle + 1]
        rows.append((road.name, "road", (ax + bx) / 2, (ay + by) / 2, length * 0.8,
                     math.atan2(by - ay, bx - ax), True))
    if grids and grid_geoms is not None and grid_of_polygon is not None:
        communities = {b.id: b.name for b in boundaries if b.kind == "community"}
        first = np.unique(grid_of_polygon, return_index=True)[1]
        geoms = grid_geoms[first]
        points = shapely.point_on_surface(geoms)
        boxes = shapely.bounds(geoms)
        widths = np.minimum(boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]) * 1.4
        px, py = shapely.get_x(points), shapely.get_y(points)
        rows += [(_grid_label(g, communities), "grid", float(px[i]), float(py[i]), float(widths[i]), 0.0, True)
                 for i, g in enumerate(grids)]
    rank = {k: i for i, k in enumerate(KINDS)}
    rows.sort(key=lambda r: (rank[r[1]], -r[4]))
    if not rows:
        return _Candidates.empty()
    cols = list(zip(*rows, strict=True))
    return _Candidates(list(cols[0]), list(cols[1]), np.array(cols[2]), np.array(cols[3]), np.array(cols[4]),
                       np.array(cols[5]), np.array(cols[6], bool))


class _Occupancy:
    """Placed rectangles bucketed by a coarse grid of the viewport: overlap tests stay local."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, rect: QRectF) -> list[tuple[int, int]]:
        c0, c1 = int(rect.left() // OCCUPANCY_CELL_PX), int(rect.right() // OCCUPANCY_CELL_PX)
        r0, r1 = int(rect.top() // OCCUPANCY_CELL_PX), int(rect.bottom() // OCCUPANCY_CELL_PX)
        return [(c, r) for c in range(c0, c1 + 1) for r in range(r0, r1 + 1)]

    def try_place(self, rect: QRectF) -> bool:
        keys = self._keys(rect)
        for key in keys:
            for other in self._cells.get(key, ()):
                if other.intersects(rect):
                    return False
        for key in keys:
            self._cells.setdefault(key, []).append(rect)
        return True


class LabelItem(pg.GraphicsObject):
    """Every name on the map in one item, painted in device pixels over the layers below it."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self._widget = widget  # its font and palette style the labels
        self._cands = _Candidates.empty()
        self._widths = np.empty(0)
        self._heights = np.empty(0)
        self._sprites: dict[int, QPixmap] = {}
        self._layout_key: tuple[float, ...] | None = None
        self._layout: list[tuple[int, QRectF, float, QPointF]] = []
        self._rect = QRectF()

    def set_candidates(self, candidates: _Candidates, bounds: QRectF) -> None:
        self.prepareGeometryChange()
        self._cands = candidates
        self._rect = bounds
        self.restyle()

    def restyle(self) -> None:
        """Forget sprites and sizes: the widget's font or palette changed."""
        fonts = {kind: self._font(kind) for kind in KINDS}
        metrics = {kind: QFontMetricsF(font) for kind, font in fonts.items()}
        self._widths = np.array([metrics[k].horizontalAdvance(t) + 2 * HALO_PX
                                 for t, k in zip(self._cands.texts, self._cands.kinds, strict=True)])
        self._heights = np.array([metrics[k].height() + 2 * HALO_PX for k in self._cands.kinds])
        self._sprites.clear()
        self._layout_key = None
        self.update()

    def _font(self, kind: str) -> QFont:
        font = QFont(self._widget.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() + FONT_DELTA[kind]))
        font.setBold(kind == "street")
        return font

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def layout(self, transform: QTransform, viewport: QRectF) -> list[PlacedLabel]:
        """The labels placed for an item-to-device transform and a viewport (cached per both)."""
        return [PlacedLabel(self._cands.texts[i], self._cands.kinds[i], rect, angle)
                for i, rect, angle, _ in self._placed(transform, viewport)]

    def _placed(self, t: QTransform, viewport: QRectF) -> list[tuple[int, QRectF, float, QPointF]]:
        key = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), viewport.width(), viewport.height())
        if key == self._layout_key:
            return self._layout
        c = self._cands
        placed: list[tuple[int, QRectF, float, QPointF]] = []
        if len(c.x):
            px_per_m = math.hypot(t.m11(), t.m12())
            dx = t.m11() * c.x + t.m21() * c.y + t.dx()
            dy = t.m12() * c.x + t.m22() * c.y + t.dy()
            fits = c.size_m * px_per_m >= self._widths
            if px_per_m < 1.0 / STREET_ZOOM_M_PER_PX:
                fits &= ~c.street_only
            inside = ((dx > viewport.left()) & (dx < viewport.right())
                      & (dy > viewport.top()) & (dy < viewport.bottom()))
            occupancy = _Occupancy()
            flip = t.m22() < 0  # y grows northwards in the plane, downwards on screen
            for i in np.flatnonzero(fits & inside):
                w, h = self._widths[i], self._heights[i]
                angle = -math.degrees(c.angle_rad[i]) if flip else math.degrees(c.angle_rad[i])
                angle = (angle + 90.0) % 180.0 - 90.0  # keep text upright
                # an area's name may move a line and a half off its anchor (still well inside the area)
                shifts = (0.0,) if c.street_only[i] and angle else (0.0, 1.6 * h, -1.6 * h)
                for shift in shifts:
                    centre = QPointF(dx[i], dy[i] + shift)
                    box = (QTransform().translate(centre.x(), centre.y()).rotate(angle).mapRect(
                        QRectF(-w / 2, -h / 2, w, h)) if angle else QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h))
                    if occupancy.try_place(box.adjusted(-MARGIN_PX, -MARGIN_PX, MARGIN_PX, MARGIN_PX)):
                        placed.append((int(i), box, angle, centre))
                        break
        self._layout_key, self._layout = key, placed
        return placed

    def _sprite(self, i: int) -> QPixmap:
        sprite = self._sprites.get(i)
        if sprite is None:
            sprite = self._sprites[i] = self._render(self._cands.texts[i], self._cands.kinds[i], i)
        return sprite

    def _render(self, text: str, kind: str, i: int) -> QPixmap:
        ratio = self._widget.devicePixelRatioF()
        w, h = self._widths[i], self._heights[i]
        pixmap = QPixmap(math.ceil(w * ratio), math.ceil(h * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        font = self._font(kind)
        path = QPainterPath()
        path.addText(HALO_PX, HALO_PX + QFontMetricsF(font).ascent(), font, text)
        palette = self._widget.palette()
        halo = QColor(palette.color(QPalette.ColorRole.Window))
        halo.setAlpha(235)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(halo, 2 * HALO_PX)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(path, pen)
        painter.fillPath(path, palette.color(QPalette.ColorRole.WindowText))
        painter.end()
        return pixmap

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if widget is not None:
            viewport = QRectF(widget.rect())
        else:  # painted into an image (static_layers): lay out over all of it
            device = painter.device()
            ratio = device.devicePixelRatioF()
            viewport = QRectF(0, 0, device.width() / ratio, device.height() / ratio)
        placed = self._placed(painter.transform(), viewport)
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for i, _, angle, centre in placed:
            sprite = self._sprite(i)
            w, h = self._widths[i], self._heights[i]
            if angle:
                painter.setTransform(QTransform().translate(centre.x(), centre.y()).rotate(angle))
                painter.drawPixmap(QPointF(-w / 2, -h / 2), sprite)
                painter.resetTransform()
            else:
                painter.drawPixmap(QPointF(centre.x() - w / 2, centre.y() - h / 2), sprite)
        painter.restore()
