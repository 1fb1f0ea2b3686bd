"""The map's cached static layers: a pan shows the previous image moved, then a sharp one; no stale colours.

Reuses the 3 x 3 grid city of ``test_map_canvas``; checks read the pixels of ``grab()`` and the
render counters of the cached images.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QRectF, Signal  # noqa: E402
from PySide6.QtGui import QColor, QPainter  # noqa: E402
from PySide6.QtWidgets import QGraphicsObject, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from commandcenter.widgets.map import style  # noqa: E402
from commandcenter.widgets.map.canvas import MapCanvas  # noqa: E402
from commandcenter.widgets.map.layers import class_colours  # noqa: E402
from tests.test_map_canvas import CENTRE_GRID, _boundaries, _case, _centre, _grids, _pixel  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def canvas(qtbot: QtBot) -> MapCanvas:
    widget = MapCanvas()
    qtbot.addWidget(widget)
    widget.resize(600, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_grids(_grids(), _boundaries())
    widget.set_values({101 + i: float(9 - i) for i in range(9)}, "Open cases")
    widget.zoom_to_all()
    widget.set_layer_visible("labels", False)
    widget.grab()
    return widget


def _pan(canvas: MapCanvas, share: float) -> None:
    (x0, x1), (y0, y1) = canvas.view_box.viewRange()
    dx = share * (x1 - x0)
    canvas.view_box.setRange(QRectF(x0 + dx, y0, x1 - x0, y1 - y0), padding=0)


def test_a_pan_moves_the_cached_image_then_renders_it_sharp_once_still(qtbot: QtBot, canvas: MapCanvas) -> None:
    ground = canvas._stack.ground
    renders, previews = ground.renders, ground.previews
    _pan(canvas, 0.1)
    colour = _pixel(canvas, *_centre(CENTRE_GRID))
    assert (ground.renders, ground.previews) == (renders, previews + 1)  # moved, not drawn again
    assert colour in class_colours(6)  # the moved image shows the grid where it now is
    assert not canvas.is_settled()
    qtbot.waitUntil(lambda: (canvas.grab(), canvas.is_settled())[1], timeout=3000)
    assert ground.renders == renders + 1
    assert _pixel(canvas, *_centre(CENTRE_GRID)) == colour


def _zoom(canvas: MapCanvas, factor: float) -> None:
    (x0, x1), (y0, y1) = canvas.view_box.viewRange()
    cx, cy, w, h = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / factor, (y1 - y0) / factor
    canvas.view_box.setRange(QRectF(cx - w / 2, cy - h / 2, w, h), padding=0)


@pytest.mark.parametrize("zoom", [2.0, 8.0])
def test_a_jump_closer_than_the_home_view_renders_at_once(canvas: MapCanvas, zoom: float) -> None:
    ground = canvas._stack.ground
    _zoom(canvas, zoom)
    canvas.settle()
    canvas.grab()
    renders = ground.renders
    _pan(canvas, 3.0)  # nothing of the last image on screen, the overview too coarse to stand alone
    canvas.grab()
    assert ground.renders == renders + 1
    assert canvas.is_settled()


def test_a_pan_past_the_image_shows_the_city_overview_then_the_sharp_image(qtbot: QtBot, canvas: MapCanvas) -> None:
    _zoom(canvas, 2.0)
    canvas.settle()
    canvas.grab()
    ground = canvas._stack.ground
    renders = ground.renders
    _pan(canvas, 1.0)  # the view's left part is on the cached image's margin, the rest past it
    (x0, x1), (y0, y1) = canvas.view_box.viewRange()
    assert canvas.projection is not None
    east = canvas.projection.to_lonlat(x0 + 0.3 * (x1 - x0), (y0 + y1) / 2)
    assert canvas.grid_at(*east) == CENTRE_GRID + 1
    colour = _pixel(canvas, *east)
    assert colour in class_colours(6)  # the grid's colour, from the overview of the whole city
    assert ground.renders == renders
    qtbot.waitUntil(lambda: (canvas.grab(), canvas.is_settled())[1], timeout=3000)
    assert ground.renders == renders + 1
    assert _pixel(canvas, *east) == colour


def test_markers_stay_above_a_live_overlay_while_the_view_moves(canvas: MapCanvas) -> None:
    canvas.set_case_markers([_case(1, CENTRE_GRID)])
    canvas.highlight_grid(CENTRE_GRID)  # a live item between the grids and the markers
    overlay = QGraphicsRectItem(canvas.view_box.viewRect())  # a screen's overlay covering the view
    overlay.setBrush(QColor("#00ff00"))
    overlay.setZValue(12)
    canvas.view_box.addItem(overlay)
    urgent = QColor(style.CASE_COLOURS["urgent"])
    assert _pixel(canvas, *_centre(CENTRE_GRID)) == urgent
    _pan(canvas, 0.05)
    assert _pixel(canvas, *_centre(CENTRE_GRID)) == urgent  # a preview frame
    assert not canvas.is_settled()
    assert _pixel(canvas, *_centre(CENTRE_GRID - 1)) == QColor("#00ff00")


def test_a_recolour_while_panning_is_drawn_at_the_next_frame(canvas: MapCanvas) -> None:
    _pan(canvas, 0.1)
    canvas.grab()  # a moved image, with the old colours
    canvas.set_values({CENTRE_GRID: 0.0}, "Open cases")
    assert _pixel(canvas, *_centre(CENTRE_GRID)) == QColor(style.NO_DATA_COLOUR)


def test_new_markers_and_a_hidden_layer_show_at_the_next_frame(canvas: MapCanvas) -> None:
    centre = _centre(CENTRE_GRID)
    canvas.set_case_markers([_case(1, CENTRE_GRID)])
    assert _pixel(canvas, *centre) == QColor(style.CASE_COLOURS["urgent"])
    canvas.set_layer_visible("cases", False)
    assert _pixel(canvas, *centre) != QColor(style.CASE_COLOURS["urgent"])
    canvas.set_layer_visible("grids", False)
    assert _pixel(canvas, *centre) == QColor(style.BACKGROUND_COLOUR)


def test_the_first_frame_shows_the_grids_and_the_names_follow(qtbot: QtBot) -> None:
    widget = MapCanvas()
    qtbot.addWidget(widget)
    widget.resize(600, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_grids(_grids(), _boundaries())
    widget.zoom_to_all()
    ground, top = widget._stack.ground, widget._stack.top
    widget.grab()
    assert (ground.renders, top.renders) == (1, 0)  # outlines first: name sprites take longest
    qtbot.waitUntil(lambda: top.renders == 1, timeout=3000)
    assert widget.label_layout()  # and the names are there to draw


class _Overlay(QGraphicsObject):
    """A screen's layer as the map caches it: a filled rectangle that says when it moves."""

    changed = Signal()

    def __init__(self, rect: QRectF) -> None:
        super().__init__()
        self.setZValue(13)
        self.rect = rect

    def move_to(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self.rect = rect
        self.changed.emit()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self.rect, QColor("#00ff00"))


def _grid_rect(canvas: MapCanvas, grid_id: int) -> QRectF:
    assert canvas.projection is not None
    lon, lat = _centre(grid_id)
    x, y = canvas.projection.to_xy(lon, lat)
    return QRectF(x - 30, y - 30, 60, 60)


def test_an_overlay_is_drawn_in_the_cached_ground_under_the_markers(canvas: MapCanvas) -> None:
    overlay = _Overlay(_grid_rect(canvas, CENTRE_GRID))
    canvas.add_overlay(overlay)
    canvas.set_case_markers([_case(1, CENTRE_GRID)])
    green = QColor("#00ff00")
    assert _pixel(canvas, *_centre(CENTRE_GRID), dx=12) == green
    assert _pixel(canvas, *_centre(CENTRE_GRID)) == QColor(style.CASE_COLOURS["urgent"])  # markers on top
    assert not overlay.isVisible()  # painted by the cache, not once more by the scene
    overlay.move_to(_grid_rect(canvas, CENTRE_GRID + 1))
    assert _pixel(canvas, *_centre(CENTRE_GRID), dx=12) in class_colours(6)
    assert _pixel(canvas, *_centre(CENTRE_GRID + 1)) == green
    canvas.set_overlay_visible(overlay, False)
    assert _pixel(canvas, *_centre(CENTRE_GRID + 1)) in class_colours(6)
