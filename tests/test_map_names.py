"""Names on the map: what the label layout places at city and street zoom, that placed names never
overlap, road names along their line, and the hover text that names a case or an officer."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from commandcenter.domain.enums import Priority
from commandcenter.shapes.map import (
    MapBoundary,
    MapCaseMarker,
    MapGrid,
    MapOfficerMarker,
    MapPolygon,
    MapRoad,
)
from commandcenter.widgets.map.canvas import MapCanvas

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

LON0, LAT0 = 119.0, 25.43
STEP = 0.001  # about 100 m: unit grids of a real city's size
N = 30  # 30 x 30 grids, 3 km across; 3 x 3 communities of 10 x 10 grids in one street


def _box(c0: float, r0: float, c1: float, r1: float) -> tuple[tuple[float, float], ...]:
    return ((LON0 + c0 * STEP, LAT0 + r0 * STEP), (LON0 + c1 * STEP, LAT0 + r0 * STEP),
            (LON0 + c1 * STEP, LAT0 + r1 * STEP), (LON0 + c0 * STEP, LAT0 + r1 * STEP))


def _city() -> tuple[list[MapGrid], list[MapBoundary]]:
    grids, boundaries = [], []
    for k in range(9):
        cc, cr = k % 3, k // 3
        name = f"{'东西南北中新兴华福'[k]}桥社区"
        boundaries.append(MapBoundary("community", k + 1, name, (MapPolygon(_box(cc * 10, cr * 10, cc * 10 + 10,
                                                                                 cr * 10 + 10)),)))
        for i in range(100):
            c, r = cc * 10 + i % 10, cr * 10 + i // 10
            grids.append(MapGrid(len(grids) + 1, f"350302001{k + 1:03d}{i + 1:02d}", f"{name}第{i + 1:02d}网格",
                                 k + 1, 1, _box(c, r, c + 1, r + 1)))
    boundaries.append(MapBoundary("street", 1, "拱辰街道", (MapPolygon(_box(0, 0, N, N)),)))
    return grids, boundaries


@pytest.fixture(scope="module")
def named_city() -> tuple[list[MapGrid], list[MapBoundary]]:
    return _city()


@pytest.fixture
def canvas(qtbot: QtBot, named_city) -> MapCanvas:  # type: ignore[no-untyped-def]
    widget = MapCanvas()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_grids(*named_city)
    widget.set_roads([MapRoad(1, "学园路", "main", ((LON0, LAT0 + 15.5 * STEP), (LON0 + N * STEP, LAT0 + 15.5 * STEP)))])
    return widget


def _no_overlaps(placed) -> None:  # type: ignore[no-untyped-def]
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            assert not a.rect.intersects(b.rect), (a.text, b.text)


def test_city_zoom_names_street_and_communities_without_overlap(canvas: MapCanvas) -> None:
    canvas.zoom_to_bounds(LON0 - 0.01, LAT0 - 0.01, LON0 + N * STEP + 0.01, LAT0 + N * STEP + 0.01)
    placed = canvas.label_layout()
    kinds = {label.kind for label in placed}
    texts = {label.text for label in placed}
    assert "拱辰街道" in texts
    assert {"东桥社区", "中桥社区", "福桥社区"} <= texts
    assert "grid" not in kinds and "road" not in kinds  # too small at this zoom
    _no_overlaps(placed)


def test_street_zoom_names_grids_and_roads_along_the_line(canvas: MapCanvas) -> None:
    canvas.zoom_to_bounds(LON0 + 10 * STEP, LAT0 + 10 * STEP, LON0 + 20 * STEP, LAT0 + 20 * STEP, padding=0)
    placed = canvas.label_layout()
    grids = [label for label in placed if label.kind == "grid"]
    assert len(grids) >= 20
    assert all(label.text.startswith("第") and label.text.endswith("网格") for label in grids)
    assert "中桥社区" in {label.text for label in placed}
    road = next(label for label in placed if label.kind == "road")
    assert road.text == "学园路" and road.angle == pytest.approx(0.0, abs=0.5)
    _no_overlaps(placed)
    # the names are drawn: the layer's pixels differ from the map without it
    with_names = canvas.grab().toImage()
    canvas.set_layer_visible("labels", False)
    assert canvas.grab().toImage() != with_names
    assert canvas.label_layout() != [] and not canvas.is_layer_visible("labels")


def test_selecting_a_case_zooms_to_where_its_neighbourhood_has_names(canvas: MapCanvas) -> None:
    lon, lat = LON0 + 15.5 * STEP, LAT0 + 12.5 * STEP
    canvas.set_case_markers([MapCaseMarker(5, "20261127-00005", lon, lat, Priority.HIGH, "dispatched",
                                           "消防栓损坏", "Fire hydrant damaged", "学园路12号")])
    canvas.zoom_to_all()
    assert canvas.highlight_case(5)
    texts = {label.text for label in canvas.label_layout()}
    assert "中桥社区" in texts or "南桥社区" in texts


def test_hover_names_a_case_by_category_and_number_and_an_officer_by_name_and_duty(canvas: MapCanvas) -> None:
    lon, lat = LON0 + 5.5 * STEP, LAT0 + 5.5 * STEP
    canvas.set_case_markers([MapCaseMarker(5, "20261127-00005", lon, lat, Priority.HIGH, "dispatched",
                                           "消防栓损坏", "Fire hydrant damaged", "学园路12号")])
    canvas.set_officer_markers([MapOfficerMarker(9, "陈静", lon + 3 * STEP, lat, "on_duty", 1)])
    case_text = canvas.tooltip_at(lon, lat)
    assert "20261127-00005" in case_text and "Fire hydrant damaged" in case_text
    officer_text = canvas.tooltip_at(lon + 3 * STEP, lat)
    assert "陈静" in officer_text and "On duty" in officer_text


def test_roads_are_drawn_under_the_names(canvas: MapCanvas) -> None:
    canvas.zoom_to_bounds(LON0 + 10 * STEP, LAT0 + 10 * STEP, LON0 + 20 * STEP, LAT0 + 20 * STEP, padding=0)
    canvas.set_layer_visible("labels", False)
    with_roads = canvas.grab().toImage()
    canvas.set_layer_visible("roads", False)
    assert canvas.grab().toImage() != with_roads


def test_map_screen_says_loading_until_cases_are_read(qtbot: QtBot, db, city) -> None:  # type: ignore[no-untyped-def]
    """The grids show first; the status and legend say "loading…", never "0 open cases"."""
    from commandcenter.gui.tasks import SynchronousRunner
    from commandcenter.views.map_view import MapView

    from .test_roster_view import make_ctx

    class Held(SynchronousRunner):
        """Runs the geometry read at once and holds the cases read until released."""

        held: list = []  # type: ignore[type-arg]

        def run_in_background(self, fn, on_done=None, on_error=None, on_progress=None):  # type: ignore[no-untyped-def]
            if self.held is not None and "layers" in getattr(fn, "__code__", None).co_names:
                self.held.append((fn, on_done, on_error, on_progress))
                return None
            return super().run_in_background(fn, on_done, on_error, on_progress)

    ctx = make_ctx(db, "supervisor")
    runner = Held()
    ctx.runner = runner
    view = MapView(ctx)
    qtbot.addWidget(view)
    assert view.geometry is not None and view.layers is None
    status = view.status.text()
    assert "loading…" in status and "0 open cases" not in status
    assert "loading…" in view.canvas._legend._title
    held, runner.held = runner.held, None
    for call in held:
        runner.run_in_background(*call)
    assert view.layers is not None and "open cases" in view.status.text()
