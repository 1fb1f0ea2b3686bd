"""The tile basemap: an MBTiles package made here (PNG tiles drawn with QImage), an XYZ server on
an ephemeral loopback port, the GCJ-02 shift, and the claim that one offset per tile is enough."""

from __future__ import annotations

import http.server
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from commandcenter.domain.coords import gcj02_to_wgs84
from commandcenter.geometry.projection import haversine_m
from commandcenter.shapes.map import MapGrid
from commandcenter.widgets.map.canvas import MapCanvas
from commandcenter.widgets.map.tile_sources import MBTilesSource, XyzSource
from commandcenter.widgets.map.tilemath import tile_bounds, tile_offset, tile_xy, tms_row

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

LON0, LAT0 = 119.0, 25.43
Z = 15
TILE_COLOUR = QColor("#2255ee")


def _png(colour: QColor) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _tiles_around(lon: float, lat: float, z: int = Z, reach: int = 2) -> list[tuple[int, int, int]]:
    x, y = (int(v) for v in tile_xy(lon, lat, z))
    return [(z, x + dx, y + dy) for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1)]


def make_mbtiles(path: Path, colour: QColor = TILE_COLOUR) -> Path:
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE metadata (name TEXT, value TEXT);"
                     "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", [("minzoom", str(Z)), ("maxzoom", str(Z)), ("format", "png")])
    png = _png(colour)
    db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                   [(z, x, tms_row(z, y), png) for z, x, y in _tiles_around(LON0, LAT0)])
    db.commit()
    db.close()
    return path


@pytest.fixture
def canvas(qtbot: QtBot) -> MapCanvas:
    widget = MapCanvas()
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_legend_visible(False)
    d = 0.001
    # one small grid in the corner, so most of the view shows what lies under the grids
    widget.set_grids([MapGrid(1, "35030200100101", "网格", 1, 1, ((LON0, LAT0), (LON0 + d, LAT0),
                                                                   (LON0 + d, LAT0 + d), (LON0, LAT0 + d)))])
    widget.zoom_to_bounds(LON0 - 0.004, LAT0 - 0.003, LON0 + 0.004, LAT0 + 0.003, padding=0)
    return widget


def _pixel(canvas: MapCanvas, lon: float, lat: float) -> QColor:
    x, y = canvas.projection.to_xy(lon, lat)
    view = canvas.graphics_view
    pos = view.mapFromScene(canvas.view_box.mapViewToScene(QPointF(x, y)))
    return canvas.grab().toImage().pixelColor(view.viewport().mapTo(canvas, pos))


def test_mbtiles_tiles_are_drawn_under_the_grids(qtbot: QtBot, canvas: MapCanvas, tmp_path: Path) -> None:
    assert _pixel(canvas, LON0 - 0.002, LAT0 - 0.002) != TILE_COLOUR
    canvas.set_tile_basemap(MBTilesSource(make_mbtiles(tmp_path / "city.mbtiles")))
    # tiles are decoded a few per frame (a frame's budget), the rest at the next frames
    qtbot.waitUntil(lambda: _pixel(canvas, LON0 - 0.002, LAT0 - 0.002) == TILE_COLOUR, timeout=3000)
    assert canvas._stack.tiles.drawn and all(z == Z for z, _, _ in canvas._stack.tiles.drawn)
    # the grid is drawn over the tiles, translucent so the basemap shows through
    inside = _pixel(canvas, LON0 + 0.0005, LAT0 + 0.0005)
    assert inside != TILE_COLOUR and inside.blue() > inside.red()
    canvas.set_layer_visible("basemap", False)
    assert _pixel(canvas, LON0 - 0.002, LAT0 - 0.002) != TILE_COLOUR
    canvas.set_tile_basemap(None)


class _Tiles(http.server.BaseHTTPRequestHandler):
    png = b""
    asked: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        type(self).asked.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.png)))
        self.end_headers()
        self.wfile.write(self.png)

    def log_message(self, *args: object) -> None:
        pass


def test_xyz_tiles_are_fetched_cached_on_disk_and_drawn(qtbot: QtBot, canvas: MapCanvas, tmp_path: Path) -> None:
    _Tiles.png, _Tiles.asked = _png(QColor("#11aa44")), []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        template = f"http://127.0.0.1:{server.server_address[1]}/tiles/{{z}}/{{x}}/{{y}}.png"
        source = XyzSource(template, tmp_path / "cache", max_zoom=Z)
        canvas.set_tile_basemap(source)
        canvas.grab()  # the first frame asks for the tiles
        qtbot.waitUntil(lambda: source.pending() == 0 and bool(_Tiles.asked), timeout=5000)
        qtbot.waitUntil(lambda: _pixel(canvas, LON0 - 0.002, LAT0 - 0.002) == QColor("#11aa44"), timeout=3000)
        # the view's tiles, and coarser ones that stand in while a tile is on its way
        assert any(p.startswith(f"/tiles/{Z}/") for p in _Tiles.asked)
        assert list((tmp_path / "cache").rglob("*.tile"))  # kept for the next start, or an outage
        canvas.set_tile_basemap(None)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_gcj02_tiles_are_shifted_onto_wgs84_data(canvas: MapCanvas, tmp_path: Path) -> None:
    canvas.set_tile_basemap(MBTilesSource(make_mbtiles(tmp_path / "amap.mbtiles")), crs="gcj02")
    canvas.grab()
    z, x, y = canvas._stack.tiles.drawn[0]
    dlon, dlat = tile_offset(z, x, y, "gcj02")
    # a GCJ-02 tile is drawn hundreds of metres south-west of where its numbers put it
    assert 200 < haversine_m(LON0, LAT0, LON0 - dlon, LAT0 - dlat) < 800
    wgs = canvas._stack.tiles.drawn
    canvas.set_tile_basemap(MBTilesSource(make_mbtiles(tmp_path / "tdt.mbtiles")), crs="wgs84")
    canvas.grab()
    assert canvas._stack.tiles.drawn != wgs  # other tiles cover the same view
    canvas.set_tile_basemap(None)


@pytest.mark.parametrize("lon, lat", [(119.0, 25.43), (116.39, 39.91), (121.47, 31.23), (113.26, 23.13)])
@pytest.mark.parametrize("z", [14, 16, 17, 18])
def test_one_offset_per_tile_is_under_a_tile_pixel_and_a_metre_at_street_zoom(z: int, lon: float, lat: float) -> None:
    """Every corner of 25 tiles placed with its tile's one offset, against the exact inverse there.

    The GCJ-02 offset changes by about half a percent of the distance, so the error grows with the
    tile: measured 5.7 m at zoom 14, 1.4 m at 16, 0.7 m at 17, 0.35 m at 18 (Putian, Shanghai), always
    about 0.6 of a tile pixel; under a metre from zoom 17, where a tile pixel is about a metre.
    """
    x, y = (int(v) for v in tile_xy(lon, lat, z))
    worst = 0.0
    for tx in range(x - 2, x + 3):
        for ty in range(y - 2, y + 3):
            dlon, dlat = tile_offset(z, tx, ty, "gcj02")
            west, south, east, north = tile_bounds(z, tx, ty)
            for clon, clat in ((west, south), (west, north), (east, south), (east, north)):
                worst = max(worst, haversine_m(clon - dlon, clat - dlat, *gcj02_to_wgs84(clon, clat)))
    west, south, east, _ = tile_bounds(z, x, y)
    tile_pixel_m = haversine_m(west, south, east, south) / 256
    assert worst < 0.7 * tile_pixel_m
    if z >= 17:
        assert worst < 1.0


def test_map_screen_loads_remembers_and_removes_a_tile_package(qtbot: QtBot, db, city, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.gui import settings
    from commandcenter.views.map_view import MapView

    from .test_roster_view import make_ctx

    view = MapView(make_ctx(db, "supervisor"))
    qtbot.addWidget(view)
    assert view.canvas._stack.tiles.source is None
    assert view.set_tiles(str(make_mbtiles(tmp_path / "city.mbtiles")), "gcj02")
    assert view.canvas._stack.tiles.source is not None and view.layer_checks["basemap"].isEnabled()
    assert settings.MAP_TILES_CRS.get() == "gcj02" and settings.MAP_TILES.get().endswith("city.mbtiles")
    assert not view.set_tiles(str(tmp_path / "missing.mbtiles"), "wgs84")
    assert "missing.mbtiles" in view.status.text()
    view.clear_basemap()
    assert view.canvas._stack.tiles.source is None and settings.MAP_TILES.get() == ""
