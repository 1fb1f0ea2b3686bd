"""The grid map canvas, driven the way an operator uses it: click, hover, pick, toggle layers.

Checks read what the screen shows (pixels of ``grab()``) and what the widget emits.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt, QTranslator  # noqa: E402
from PySide6.QtGui import QColor, QHelpEvent, QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QToolTip  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from commandcenter.domain.enums import Priority  # noqa: E402
from commandcenter.shapes.map import (  # noqa: E402
    MapBoundary,
    MapCaseMarker,
    MapGrid,
    MapOfficerMarker,
    MapPolygon,
)
from commandcenter.widgets.map import style  # noqa: E402
from commandcenter.widgets.map.canvas import MapCanvas  # noqa: E402
from commandcenter.widgets.map.layers import class_colours, classify  # noqa: E402

# Showing a top-level widget with a layout makes the offscreen platform plugin warn that it
# cannot propagate size hints; that says nothing about the map.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

LON0, LAT0 = 119.0, 25.43
STEP = 0.002  # about 200 m
CENTRE_GRID = 105


def _square(col: float, row: float, size: float = STEP) -> tuple[tuple[float, float], ...]:
    x, y = LON0 + col * STEP, LAT0 + row * STEP
    return ((x, y), (x + size, y), (x + size, y + size), (x, y + size))


def _centre(grid_id: int) -> tuple[float, float]:
    index = grid_id - 101
    return LON0 + (index % 3 + 0.5) * STEP, LAT0 + (index // 3 + 0.5) * STEP


def _grids() -> list[MapGrid]:
    """3 x 3 unit grids, ids 101..109 from south-west to north-east, in two communities."""
    grids = []
    for index in range(9):
        col, row = index % 3, index // 3
        community = 1 if col == 0 else 2
        code = f"35030200100{community}{index + 1:02d}"
        grids.append(
            MapGrid(101 + index, code, f"测试网格{index + 1}", community, 1, _square(col, row))
        )
    return grids


def _rectangle(col0: int, row0: int, col1: int, row1: int) -> tuple[tuple[float, float], ...]:
    """A boundary ring along grid edges, through every grid corner, as a union of grids has."""
    south = [(c, row0) for c in range(col0, col1)]
    east = [(col1, r) for r in range(row0, row1)]
    north = [(c, row1) for c in range(col1, col0, -1)]
    west = [(col0, r) for r in range(row1, row0, -1)]
    return tuple((LON0 + c * STEP, LAT0 + r * STEP) for c, r in south + east + north + west)


def _boundaries() -> list[MapBoundary]:
    return [
        MapBoundary("community", 1, "西社区", (MapPolygon(_rectangle(0, 0, 1, 3)),)),
        MapBoundary("community", 2, "东社区", (MapPolygon(_rectangle(1, 0, 3, 3)),)),
        MapBoundary("street", 1, "测试街道", (MapPolygon(_rectangle(0, 0, 3, 3)),)),
    ]


def _case(case_id: int, grid_id: int, priority: Priority = Priority.URGENT) -> MapCaseMarker:
    lon, lat = _centre(grid_id)
    return MapCaseMarker(
        case_id, f"PT{case_id:07d}", lon, lat, priority, "dispatched", description="井盖缺失 <危险>"
    )


@pytest.fixture
def canvas(qtbot: QtBot) -> MapCanvas:
    widget = MapCanvas()
    qtbot.addWidget(widget)
    widget.resize(600, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_grids(_grids(), _boundaries())
    widget.zoom_to_all()
    # these tests read fills and markers at grid centres, where names would be written;
    # the names are tested in test_map_names.py
    widget.set_layer_visible("labels", False)
    return widget


def _viewport_pos(canvas: MapCanvas, lon: float, lat: float) -> QPoint:
    assert canvas.projection is not None
    x, y = canvas.projection.to_xy(lon, lat)
    scene = canvas.view_box.mapViewToScene(QPointF(x, y))
    return canvas.graphics_view.mapFromScene(scene)


def _pixel(canvas: MapCanvas, lon: float, lat: float, dx: int = 0, dy: int = 0) -> QColor:
    viewport = canvas.graphics_view.viewport()
    pos = viewport.mapTo(canvas, _viewport_pos(canvas, lon, lat)) + QPoint(dx, dy)
    return canvas.grab().toImage().pixelColor(pos)


def _colours_near(canvas: MapCanvas, lon: float, lat: float, reach: int = 1) -> set[str]:
    """The colours within ``reach`` pixels: a 1-pixel line may land either side of a point."""
    viewport = canvas.graphics_view.viewport()
    centre = viewport.mapTo(canvas, _viewport_pos(canvas, lon, lat))
    image = canvas.grab().toImage()
    return {
        image.pixelColor(centre + QPoint(dx, dy)).name()
        for dx in range(-reach, reach + 1)
        for dy in range(-reach, reach + 1)
    }


def _click(qtbot: QtBot, canvas: MapCanvas, lon: float, lat: float) -> None:
    viewport = canvas.graphics_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_viewport_pos(canvas, lon, lat))


def test_clicking_a_grid_emits_its_id(qtbot: QtBot, canvas: MapCanvas) -> None:
    with qtbot.waitSignal(canvas.grid_clicked, timeout=2000) as blocker:
        _click(qtbot, canvas, *_centre(CENTRE_GRID))
    assert blocker.args == [CENTRE_GRID]

    with qtbot.waitSignal(canvas.grid_clicked, timeout=2000) as blocker:
        _click(qtbot, canvas, *_centre(109))
    assert blocker.args == [109]


def test_clicking_a_case_marker_emits_the_case_not_the_grid(
    qtbot: QtBot, canvas: MapCanvas
) -> None:
    canvas.set_case_markers([_case(7, 101)])
    canvas.set_officer_markers(
        [MapOfficerMarker(3, "林网格员", *_centre(103), duty_status="on_duty", open_cases=2)]
    )
    with qtbot.assertNotEmitted(canvas.grid_clicked, wait=50):
        with qtbot.waitSignal(canvas.case_clicked, timeout=2000) as blocker:
            _click(qtbot, canvas, *_centre(101))
    assert blocker.args == [7]
    with qtbot.waitSignal(canvas.officer_clicked, timeout=2000) as blocker:
        _click(qtbot, canvas, *_centre(103))
    assert blocker.args == [3]


def test_pick_mode_reports_the_clicked_location_once(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.set_pick_mode(True)
    assert canvas.is_pick_mode()
    lon, lat = _centre(103)
    with qtbot.assertNotEmitted(canvas.grid_clicked, wait=50):
        with qtbot.waitSignal(canvas.location_picked, timeout=2000) as blocker:
            _click(qtbot, canvas, lon, lat)
    picked_lon, picked_lat = blocker.args
    # inside grid 103, and within a couple of pixels (~2 m here) of where the operator clicked
    assert LON0 + 2 * STEP < picked_lon < LON0 + 3 * STEP
    assert LAT0 < picked_lat < LAT0 + STEP
    assert canvas.grid_at(picked_lon, picked_lat) == 103
    assert abs(picked_lon - lon) < STEP / 50 and abs(picked_lat - lat) < STEP / 50
    assert not canvas.is_pick_mode()

    # the next click is an ordinary click again
    with qtbot.assertNotEmitted(canvas.location_picked, wait=50):
        with qtbot.waitSignal(canvas.grid_clicked, timeout=2000) as blocker:
            _click(qtbot, canvas, *_centre(CENTRE_GRID))
    assert blocker.args == [CENTRE_GRID]


def test_escape_leaves_pick_mode(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.set_pick_mode(True)
    canvas.graphics_view.setFocus()
    qtbot.waitUntil(canvas.graphics_view.hasFocus, timeout=2000)
    with qtbot.waitSignal(canvas.pick_mode_changed, timeout=2000) as blocker:
        qtbot.keyClick(canvas.graphics_view, Qt.Key.Key_Escape)
    assert blocker.args == [False]
    assert not canvas.is_pick_mode()


def test_set_values_recolours_the_grid_and_the_legend(canvas: MapCanvas) -> None:
    lon, lat = _centre(CENTRE_GRID)
    assert _pixel(canvas, lon, lat) == QColor(style.NO_DATA_COLOUR)

    values = {101 + i: float(9 - i) for i in range(9)}  # 105 gets 5 of 1..9
    canvas.set_values(values, "Open cases")
    colours = class_colours(6)
    busy = _pixel(canvas, lon, lat)
    assert busy != QColor(style.NO_DATA_COLOUR)
    assert busy in colours
    assert _pixel(canvas, *_centre(107)) not in (colours[0], colours[-1])  # 3: a middle class
    assert _pixel(canvas, *_centre(109)) == colours[0]  # 1, the smallest: palest class

    canvas.set_values({CENTRE_GRID: 0.0}, "Open cases")
    assert _pixel(canvas, lon, lat) == QColor(style.NO_DATA_COLOUR)


def test_holes_and_multipolygon_parts_are_drawn_and_hit(qtbot: QtBot) -> None:
    """A grid with a hole, a grid in two pieces; then another grid filling the hole."""
    outer = _square(0, 0, 3 * STEP)
    hole = _square(1, 1)
    ring_grid = MapGrid(1, "35030200100101", "环", 1, 1, outer, holes=(hole,))
    split_grid = MapGrid.from_polygons(
        3, "35030200100103", "两块", 1, 1, [MapPolygon(_square(4, 0)), MapPolygon(_square(4, 2))]
    )
    big_grid = MapGrid(4, "35030200100104", "大", 1, 1, _square(6, 0, 3 * STEP))
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(900, 400)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_legend_visible(False)
    canvas.set_layer_visible("labels", False)  # fills are read where names would be
    canvas.set_grids([ring_grid, split_grid, big_grid], [])
    canvas.zoom_to_all()
    in_ring = (LON0 + 0.5 * STEP, LAT0 + 1.5 * STEP)
    in_hole = (LON0 + 1.5 * STEP, LAT0 + 1.5 * STEP)
    in_second_part = (LON0 + 4.5 * STEP, LAT0 + 2.5 * STEP)
    between_parts = (LON0 + 4.5 * STEP, LAT0 + 1.5 * STEP)
    background = QColor(style.BACKGROUND_COLOUR)

    # The grid covering most ground is filled as one union underneath, the others one by one:
    # check holes both ways.
    canvas.set_values({1: 1.0, 3: 2.0, 4: 3.0}, "Cases")
    low, mid, high = class_colours(3)
    assert _pixel(canvas, *in_ring) == low
    assert _pixel(canvas, *in_hole) == background
    assert _pixel(canvas, *in_second_part) == mid
    assert _pixel(canvas, *between_parts) == background
    canvas.set_values({1: 3.0, 3: 2.0, 4: 1.0}, "Cases")  # now the ring is the largest class
    assert _pixel(canvas, *in_ring) == high
    assert _pixel(canvas, *in_hole) == background

    assert canvas.grid_at(*in_ring) == 1
    assert canvas.grid_at(*in_hole) is None
    assert canvas.grid_at(*in_second_part) == 3
    assert canvas.grid_at(*between_parts) is None

    inner_grid = MapGrid(2, "35030200100102", "芯", 1, 1, hole)
    canvas.set_grids([ring_grid, inner_grid, split_grid, big_grid], [])
    canvas.set_values({1: 1.0, 2: 4.0, 3: 2.0, 4: 3.0}, "Cases")
    assert _pixel(canvas, *in_hole) == class_colours(4)[-1]
    assert canvas.grid_at(*in_hole) == 2


def test_highlight_case_centres_on_it_and_rings_it(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.set_case_markers([_case(7, 101, "low"), _case(8, 109, "normal")])
    canvas.zoom_to_grids([101])
    lon, lat = _centre(109)
    min_lon, min_lat, max_lon, max_lat = canvas.view_bounds()
    assert not (min_lon < lon < max_lon and min_lat < lat < max_lat)  # off screen at first

    assert canvas.highlight_case(8)
    min_lon, min_lat, max_lon, max_lat = canvas.view_bounds()
    assert (min_lon + max_lon) / 2 == pytest.approx(lon, abs=1e-7)
    assert (min_lat + max_lat) / 2 == pytest.approx(lat, abs=1e-7)

    image = canvas.grab().toImage()
    centre = canvas.graphics_view.viewport().mapTo(canvas, _viewport_pos(canvas, lon, lat))
    ring = QColor(style.HIGHLIGHT_RING_COLOUR)
    ring_pixels = [
        (dx, dy)
        for dx in range(-16, 17)
        for dy in range(-16, 17)
        if image.pixelColor(centre + QPoint(dx, dy)) == ring
    ]
    assert ring_pixels, "no ring drawn around the highlighted case"
    assert all(9 <= np.hypot(dx, dy) <= 14 for dx, dy in ring_pixels)

    assert not canvas.highlight_case(999)


def test_highlight_grid_outlines_it(canvas: MapCanvas) -> None:
    lon, lat = _centre(CENTRE_GRID)
    edge = (LON0 + 1.5 * STEP, LAT0 + 1 * STEP)  # the south edge of grid 105
    before = _pixel(canvas, *edge)
    assert canvas.highlight_grid(CENTRE_GRID)
    assert _pixel(canvas, *edge) == QColor(style.HIGHLIGHT_GRID_PEN[0])
    assert _pixel(canvas, *edge) != before
    assert _pixel(canvas, lon, lat) == QColor(style.NO_DATA_COLOUR)  # the inside stays as it was
    canvas.highlight_grid(None)
    assert _pixel(canvas, *edge) == before


# QToolTip raises its label, which the offscreen plugin cannot do (a closer mark replaces the
# module's, so both patterns are listed).
@pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
)
def test_hovering_a_grid_shows_its_code(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.set_values({CENTRE_GRID: 4.0}, "Open cases")
    viewport = canvas.graphics_view.viewport()
    pos = _viewport_pos(canvas, *_centre(CENTRE_GRID))
    qtbot.mouseMove(viewport, pos)
    qtbot.waitUntil(lambda: "35030200100205" in canvas.view_box.toolTip(), timeout=2000)

    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    )
    try:
        qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
        text = QToolTip.text()
        assert "35030200100205" in text
        assert "测试网格5" in text
        assert "Open cases: 4" in text
    finally:
        QToolTip.hideText()


def test_hover_text_of_markers(canvas: MapCanvas) -> None:
    canvas.set_case_markers([_case(7, 101)])
    canvas.set_officer_markers(
        [MapOfficerMarker(3, "林网格员", *_centre(103), duty_status="in_field", open_cases=2)]
    )
    case_text = canvas.tooltip_at(*_centre(101))
    assert "PT0000007" in case_text
    assert "井盖缺失 &lt;危险&gt;" in case_text  # the summary is shown as text, never as markup
    officer_text = canvas.tooltip_at(*_centre(103))
    assert "林网格员" in officer_text and "In the field" in officer_text and "2" in officer_text
    assert canvas.tooltip_at(LON0 - STEP, LAT0 - STEP) == ""


def test_layer_toggles_hide_what_they_name(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.set_case_markers([_case(7, CENTRE_GRID, "urgent")])
    canvas.set_officer_markers(
        [MapOfficerMarker(3, "林网格员", *_centre(103), duty_status="on_duty", open_cases=0)]
    )
    case_at = _centre(CENTRE_GRID)
    officer_at = _centre(103)
    assert _pixel(canvas, *case_at) == QColor(style.CASE_COLOURS["urgent"])
    assert _pixel(canvas, *officer_at) == QColor(style.OFFICER_COLOURS["on_duty"])

    canvas.set_layer_visible("cases", False)
    assert _pixel(canvas, *case_at) == QColor(style.NO_DATA_COLOUR)
    assert _pixel(canvas, *officer_at) == QColor(style.OFFICER_COLOURS["on_duty"])
    with qtbot.waitSignal(canvas.grid_clicked, timeout=2000) as blocker:  # hidden: not clickable
        _click(qtbot, canvas, *case_at)
    assert blocker.args == [CENTRE_GRID]

    canvas.set_layer_visible("officers", False)
    assert _pixel(canvas, *officer_at) == QColor(style.NO_DATA_COLOUR)

    canvas.set_layer_visible("grids", False)
    assert _pixel(canvas, *case_at) == QColor(style.BACKGROUND_COLOUR)

    for layer in ("cases", "officers", "grids"):
        canvas.set_layer_visible(layer, True)
    assert _pixel(canvas, *case_at) == QColor(style.CASE_COLOURS["urgent"])
    with pytest.raises(ValueError, match="unknown map layer"):
        canvas.set_layer_visible("railways", False)


def test_boundaries_layer_draws_heavier_lines(canvas: MapCanvas) -> None:
    on_community_line = (LON0 + STEP, LAT0 + 1.5 * STEP)  # between the two communities
    on_grid_line = (LON0 + 2 * STEP, LAT0 + 1.5 * STEP)  # between two grids of one community
    community, grid = style.COMMUNITY_LINE[0], style.GRID_OUTLINE_COLOUR
    assert community in _colours_near(canvas, *on_community_line)
    assert grid not in _colours_near(canvas, *on_community_line)  # drawn once, at its heaviest
    assert grid in _colours_near(canvas, *on_grid_line)
    canvas.set_layer_visible("boundaries", False)
    # the grid edge under the boundary is drawn again once the boundary is hidden
    assert community not in _colours_near(canvas, *on_community_line)
    assert grid in _colours_near(canvas, *on_community_line)


def test_basemap_is_placed_north_up_under_the_grids(
    qtbot: QtBot, canvas: MapCanvas, tmp_path: Path
) -> None:
    image = QImage(2, 2, QImage.Format.Format_RGB32)
    image.setPixelColor(0, 0, QColor("#ff0000"))  # north-west
    image.setPixelColor(1, 0, QColor("#00ff00"))  # north-east
    image.setPixelColor(0, 1, QColor("#0000ff"))  # south-west
    image.setPixelColor(1, 1, QColor("#ffff00"))  # south-east
    path = tmp_path / "basemap.png"
    assert image.save(str(path))

    canvas.set_legend_visible(False)  # it covers the south-west corner
    assert not canvas.load_basemap(tmp_path / "missing.png", (LON0, LAT0, LON0 + 1, LAT0 + 1))
    assert canvas.load_basemap(path, (LON0, LAT0, LON0 + 3 * STEP, LAT0 + 3 * STEP))
    grid_colour = _pixel(canvas, *_centre(107))
    assert grid_colour != QColor(style.NO_DATA_COLOUR)  # the fill turned translucent over the map
    for layer in ("grids", "boundaries"):
        canvas.set_layer_visible(layer, False)
    assert _pixel(canvas, *_centre(107)) == QColor("#ff0000")
    assert _pixel(canvas, *_centre(109)) == QColor("#00ff00")
    assert _pixel(canvas, *_centre(101)) == QColor("#0000ff")
    assert _pixel(canvas, *_centre(103)) == QColor("#ffff00")
    canvas.set_layer_visible("basemap", False)
    assert _pixel(canvas, *_centre(107)) == QColor(style.BACKGROUND_COLOUR)


def test_zoom_to_grids_and_bounds(canvas: MapCanvas) -> None:
    canvas.zoom_to_grids([101])
    min_lon, min_lat, max_lon, max_lat = canvas.view_bounds()
    assert min_lon < LON0 < LON0 + STEP < max_lon and min_lat < LAT0 < LAT0 + STEP < max_lat
    assert max_lon - min_lon < 2.5 * STEP  # much closer than the whole 3 x 3 block

    canvas.zoom_to_all()
    min_lon, min_lat, max_lon, max_lat = canvas.view_bounds()
    assert min_lon < LON0 and max_lon > LON0 + 3 * STEP
    assert min_lat < LAT0 and max_lat > LAT0 + 3 * STEP

    canvas.zoom_to_bounds(LON0 + STEP, LAT0 + STEP, LON0 + 2 * STEP, LAT0 + 2 * STEP, padding=0)
    min_lon, min_lat, max_lon, max_lat = canvas.view_bounds()
    assert (min_lon + max_lon) / 2 == pytest.approx(LON0 + 1.5 * STEP)
    assert (min_lat + max_lat) / 2 == pytest.approx(LAT0 + 1.5 * STEP)


class _BracketTranslator(QTranslator):
    """Translates every MapCanvas string to ‹text›, to see the widget follow a language change."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return f"‹{source}›" if context == "MapCanvas" else None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


def test_language_change_retranslates_without_restart(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.set_values({CENTRE_GRID: 3.0}, "Open cases")
    assert "Grid 35030200100205" in canvas.tooltip_at(*_centre(CENTRE_GRID))
    translator = _BracketTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(
            lambda: (
                "‹Grid {code}›" not in canvas.tooltip_at(*_centre(CENTRE_GRID))
                and "‹Grid 35030200100205›" in canvas.tooltip_at(*_centre(CENTRE_GRID))
            ),
            timeout=2000,
        )
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(
        lambda: (
            "Grid 35030200100205" in canvas.tooltip_at(*_centre(CENTRE_GRID))
            and "‹" not in canvas.tooltip_at(*_centre(CENTRE_GRID))
        ),
        timeout=2000,
    )


def test_empty_data_draws_an_empty_map(qtbot: QtBot) -> None:
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(300, 200)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.zoom_to_all()
    assert canvas.tooltip_at(LON0, LAT0) == ""
    canvas.set_grids([], [])
    canvas.set_values({}, "")
    canvas.set_case_markers([])
    canvas.set_officer_markers([])
    canvas.zoom_to_all()
    canvas.zoom_to_grids([1])
    assert not canvas.highlight_case(1)
    assert not canvas.highlight_grid(1)
    assert canvas.grid_at(LON0, LAT0) is None
    image = canvas.grab().toImage()
    assert image.pixelColor(image.width() - 5, 5) == QColor(style.BACKGROUND_COLOUR)

    canvas.set_case_markers([_case(1, CENTRE_GRID)])  # markers alone still place the map
    canvas.zoom_to_all()
    assert "PT0000001" in canvas.tooltip_at(*_centre(CENTRE_GRID))


def test_classify_uses_quantiles_and_keeps_zero_as_no_data() -> None:
    values = np.array([0.0, np.nan, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89])
    classes, ranges = classify(values)
    assert classes[0] == 0 and classes[1] == 0
    assert set(classes[2:]) == set(range(1, len(ranges) + 1))
    assert len(ranges) == 6
    assert ranges[0][0] == 1 and ranges[-1][1] == 89
    assert all(low <= high for low, high in ranges)
    assert all(a[1] < b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    few_classes, few_ranges = classify(np.array([2.0, 2.0, 7.0]))
    assert list(few_classes) == [1, 1, 2] and few_ranges == [(2.0, 2.0), (7.0, 7.0)]
    assert classify(np.array([0.0, np.nan]))[1] == []


def test_map_grid_polygons_include_every_part() -> None:
    first, second = (
        MapPolygon(_square(0, 0), (_square(0.25, 0.25, STEP / 2),)),
        MapPolygon(_square(5, 5)),
    )
    grid = MapGrid.from_polygons(1, "35030200100101", "两块", 1, 1, [first, second])
    assert grid.polygons == (first, second)
    assert grid.holes == first.holes
    with pytest.raises(ValueError):
        MapGrid.from_polygons(2, "35030200100102", "空", 1, 1, [])
