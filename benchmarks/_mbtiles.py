"""A synthetic MBTiles basemap over a bounding box, for the map benchmarks (no network, no real tiles)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from commandcenter.widgets.map.tilemath import tile_xy, tms_row


def make_mbtiles(path: Path, west: float, south: float, east: float, north: float) -> Path:
    """A basemap package over the city at zooms 11-16 (one PNG per colour, repeated)."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE metadata (name TEXT, value TEXT);"
                     "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);")
    pngs = []
    for colour in ("#e8eef2", "#dfe8e0", "#f0ebe0"):
        image = QImage(256, 256, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        pngs.append(bytes(data.data()))
    rows = []
    for z in range(11, 17):
        (x0, y0), (x1, y1) = tile_xy(west, north, z), tile_xy(east, south, z)
        for x in range(int(x0) - 1, int(x1) + 2):
            for y in range(int(y0) - 1, int(y1) + 2):
                rows.append((z, x, tms_row(z, y), pngs[(x + y) % 3]))
    db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO metadata VALUES (?, ?)", [("minzoom", "11"), ("maxzoom", "16")])
    db.commit()
    db.close()
    return path
