"""The map screen on real widgets: clicks on the map steer the wall and the bus, the bus steers
the map, pick mode hands a location back, measures, layers, zoom list, live refresh, grid import
and the offline basemap."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import func, select

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.models import Grid
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase
from commandcenter.views.map_view import MapView
from commandcenter.widgets.map.style import HIGHLIGHT_RING_COLOUR

from .factories import STEP, X0, Y0, grid_centre
from .test_imports import small_city
from .test_roster_view import make_ctx


@pytest.fixture
def view(qtbot, db, city):  # type: ignore[no-untyped-def]
    widget = MapView(make_ctx(db, "supervisor"))
    qtbot.addWidget(widget)
    widget.resize(1100, 750)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def to_pixel(view: MapView, lon: float, lat: float) -> QPointF:
    canvas = view.canvas
    x, y = canvas.projection.to_xy(lon, lat)
    return canvas.graphics_view.mapFromScene(canvas.view_box.mapViewToScene(QPointF(x, y)))


def off_centre(grid: int) -> tuple[float, float]:
    """A point of a grid away from its centre, where the tiny city's officers stand."""
    lon, lat = grid_centre(grid)
    return lon + 0.3 * STEP, lat - 0.3 * STEP


def click_at(qtbot, view: MapView, lon: float, lat: float) -> None:  # type: ignore[no-untyped-def]
    pos = to_pixel(view, lon, lat)
    viewport = view.canvas.graphics_view.viewport()
    qtbot.mouseMove(viewport, pos)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)


def new_case(db, operator, city, grid: int, dx: float = 0.0) -> int:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(grid)
    return CaseService(db).report(operator, NewCase(SourceChannel.PATROL, city.category_id, Priority.URGENT,
                                                    "路灯不亮", lon=lon + dx, lat=lat), register=True).id


def refreshed(qtbot, view: MapView) -> None:  # type: ignore[no-untyped-def]
    """Deliver the change feed and wait for the debounced refresh."""
    with qtbot.waitSignal(view.layers_loaded, timeout=3000):
        view.ctx.feed.poll()


def ring_pixels(view: MapView, lon: float, lat: float) -> int:
    image = view.canvas.grab().toImage()
    centre = to_pixel(view, lon, lat)
    ring = QColor(HIGHLIGHT_RING_COLOUR)
    count = 0
    for dx in range(-16, 17):
        for dy in range(-16, 17):
            colour = image.pixelColor(int(centre.x()) + dx, int(centre.y()) + dy)
            count += abs(colour.red() - ring.red()) + abs(colour.green() - ring.green()) + \
                abs(colour.blue() - ring.blue()) < 60
    return count


def test_clicking_a_grid_asks_the_wall_to_filter_to_it(view, city, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus = view.ctx.bus
    screens: list[str] = []
    bus.screen_requested.connect(screens.append)
    with qtbot.waitSignal(bus.grid_filter_requested) as filtered:
        click_at(qtbot, view, *off_centre(1))
    assert filtered.args == [city.grid_ids[1]]
    assert screens == ["wall"]


def test_clicking_a_grid_filters_the_real_wall(qtbot, db, city, operator) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.app import build_window

    in_grid_0, in_grid_1 = new_case(db, operator, city, 0), new_case(db, operator, city, 1)
    window = build_window(db, "supervisor", runner=SynchronousRunner())
    qtbot.addWidget(window)
    try:
        wall = window.screen("wall")
    except ValueError:
        pytest.skip("the wall screen is not in this build")
    window.resize(1400, 900)
    window.show()
    map_view = window.show_screen("map")
    qtbot.waitExposed(map_view)
    assert {r.id for r in wall.model.visible_rows()} >= {in_grid_0, in_grid_1}
    click_at(qtbot, map_view, *off_centre(1))
    qtbot.waitUntil(lambda: {r.id for r in wall.model.visible_rows()} == {in_grid_1})
    assert wall.filters.grid_chip.isVisibleTo(wall) and "35030200100102" in wall.filters.grid_chip.text()


def test_selecting_a_case_elsewhere_centres_and_rings_it(view, db, city, operator, qtbot) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(db, operator, city, 3)
    refreshed(qtbot, view)
    lon, lat = grid_centre(3)
    assert ring_pixels(view, lon, lat) == 0
    view.ctx.bus.case_selected.emit(case_id)
    assert view.highlighted_case == case_id
    min_lon, min_lat, max_lon, max_lat = view.canvas.view_bounds()
    assert (min_lon + max_lon) / 2 == pytest.approx(lon, abs=1e-6)
    assert (min_lat + max_lat) / 2 == pytest.approx(lat, abs=1e-6)
    assert ring_pixels(view, lon, lat) > 20
    # a closed case is not an open-case marker, but the wall may still select it
    svc = CaseService(db)
    closed = new_case(db, operator, city, 0)
    row = svc.row(demo_principal(svc.db, "supervisor"), closed)
    for action, params in ((Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0])),
                           (Action.ACCEPT, None), (Action.FEED_BACK, TransitionParams(note="done"))):
        row = svc.perform(operator, closed, action, params, expected_version=row.version)
    view.ctx.bus.show_case_on_map.emit(closed)
    assert view.highlighted_case == closed
    assert ring_pixels(view, *grid_centre(0)) > 20


def test_clicking_a_case_marker_selects_it_on_the_bus(view, db, city, operator, qtbot) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(db, operator, city, 2)
    refreshed(qtbot, view)
    before = view.canvas.view_bounds()
    with qtbot.waitSignal(view.ctx.bus.case_selected) as selected:
        click_at(qtbot, view, *grid_centre(2))
    assert selected.args == [case_id]
    assert view.highlighted_case == case_id
    assert view.canvas.view_bounds() == pytest.approx(before)  # the map does not jump under the mouse
    view.ctx.bus.case_selected.emit(case_id)  # selected again from the wall: now it centres
    assert view.canvas.view_bounds() != pytest.approx(before)


def test_pick_mode_round_trip(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus = view.ctx.bus
    with qtbot.waitSignal(bus.screen_requested) as requested:
        bus.location_pick_requested.emit()
    assert requested.args == ["map"]
    assert view.canvas.is_pick_mode() and view.pick_banner.isVisible()
    lon, lat = X0 + 0.3 * STEP, Y0 + 1.7 * STEP
    with qtbot.waitSignal(bus.location_picked) as picked:
        click_at(qtbot, view, lon, lat)
    assert picked.args[0] == pytest.approx(lon, abs=2e-6) and picked.args[1] == pytest.approx(lat, abs=2e-6)
    assert not view.canvas.is_pick_mode() and not view.pick_banner.isVisible()
    # Esc gives up picking
    bus.location_pick_requested.emit()
    qtbot.mouseClick(view.pick_cancel, Qt.MouseButton.LeftButton)
    assert not view.canvas.is_pick_mode()


def test_measures_layers_and_zoom_list(view, db, city, operator, clock, qtbot) -> None:  # type: ignore[no-untyped-def]
    new_case(db, operator, city, 0)
    new_case(db, operator, city, 0, dx=0.0002)
    refreshed(qtbot, view)
    lon, lat = grid_centre(0)
    view.canvas.zoom_to_all()
    assert "Open cases: 2" in view.canvas.tooltip_at(lon, lat - 0.0003)
    view.set_measure("new_today")
    assert "New today: 2" in view.canvas.tooltip_at(lon, lat - 0.0003)
    view.set_measure("overdue")
    assert "Overdue cases: no data" in view.canvas.tooltip_at(lon, lat - 0.0003)
    clock.advance(hours=2)  # the 30-minute dispatch limit has passed
    view.refresh_layers()
    assert "Overdue cases: 2" in view.canvas.tooltip_at(lon, lat - 0.0003)
    view.layer_checks["cases"].setChecked(False)
    assert not view.canvas.is_layer_visible("cases")
    # off-duty officers are hidden unless asked for
    assert "4 unit grids · 2 open cases · 2 of 3 placed officers shown" in view.status.text()
    view.available_only.setChecked(False)
    assert len(view.shown_officers()) == 3
    street = view.area_tree.topLevelItem(0)
    assert street.text(0) == "龙桥街道" and street.child(0).text(0) == "东岩社区"
    view.canvas.zoom_to_bounds(X0 - 0.05, Y0 - 0.05, X0 + 0.05, Y0 + 0.05)
    view.zoom_to_item(street.child(0))
    min_lon, min_lat, max_lon, max_lat = view.canvas.view_bounds()
    assert min_lon <= X0 and max_lon >= X0 + 2 * STEP and max_lon - min_lon < 0.01
    assert view.outlined_area.name == "东岩社区" and not view.area_outline.path().isEmpty()
    qtbot.mouseClick(view.zoom_all_button, Qt.MouseButton.LeftButton)
    assert view.outlined_area is None and view.area_outline.path().isEmpty()
    view.area_search.setText("dy")  # pinyin initials of 东岩社区
    assert not street.isHidden() and not street.child(0).isHidden()
    view.area_search.setText("nowhere")
    assert street.isHidden()


def test_grid_import_from_the_screen(qtbot, db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    widget = MapView(make_ctx(db, "admin"))
    qtbot.addWidget(widget)
    good = tmp_path / "city.geojson"
    good.write_text(small_city(), encoding="utf-8")
    with qtbot.waitSignal(widget.geometry_loaded):
        widget.import_file(good)
    assert len(widget.geometry.grids) == 18
    assert widget.find_area("community", "西埔村") is not None
    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "35030200100101", "name": "重复"},
         "geometry": {"type": "Polygon", "coordinates": [[[119.0, 25.4], [119.001, 25.4], [119.001, 25.401],
                                                          [119.0, 25.401], [119.0, 25.4]]]}},
        {"type": "Feature", "properties": {"code": "35030200100199", "name": "压盖"},
         "geometry": {"type": "Polygon", "coordinates": [[[119.0005, 25.4], [119.0015, 25.4],
                                                          [119.0015, 25.401], [119.0005, 25.401],
                                                          [119.0005, 25.4]]]}}]}), encoding="utf-8")
    with qtbot.waitSignal(widget.import_finished):
        widget.import_file(bad)
    assert widget.import_message is not None and widget.import_message.isVisible()
    assert "feature 35030200100199: overlaps" in widget.import_message.detailedText()
    widget.import_message.close()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Grid)) == 18
    supervisors = MapView(make_ctx(db, "supervisor"))
    qtbot.addWidget(supervisors)
    assert not supervisors.import_button.isEnabled()


def test_basemap_from_a_world_file_or_typed_edges(view, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    png = tmp_path / "city.png"
    assert image.save(str(png))
    # 40 px of 0.00005° from (119.0, 25.402) south-east: covers the tiny city
    (tmp_path / "city.pgw").write_text("0.00005\n0\n0\n-0.00005\n119.000025\n25.401975\n")
    assert view.load_basemap_file(png)
    assert view.layer_checks["basemap"].isEnabled() and view.clear_basemap_button.isEnabled()
    view.clear_basemap()
    assert not view.layer_checks["basemap"].isEnabled()
    bare = tmp_path / "bare.png"
    assert image.save(str(bare))
    assert not view.load_basemap_file(bare)  # no world file: ask for the edges
    dialog = view.basemap_dialog
    assert dialog is not None and dialog.isVisible()
    for spin, value in zip(dialog.spins, (119.0, 25.4, 119.002, 25.402), strict=True):
        spin.setValue(value)
    dialog.accept()
    assert view.layer_checks["basemap"].isEnabled()
    rotated = tmp_path / "rotated.png"
    assert image.save(str(rotated))
    (tmp_path / "rotated.pgw").write_text("0.00005\n0.00001\n0\n-0.00005\n119.0\n25.4\n")
    assert not view.load_basemap_file(rotated)
    assert "only north-up images" in view.status.text()
