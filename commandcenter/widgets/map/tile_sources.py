"""Where basemap tiles come from: an offline MBTiles package or an intranet XYZ/WMTS URL template.

Both hand decoded tiles to :class:`~.tiles.TileItem` from a bounded in-memory LRU. An MBTiles
file is a SQLite database (read with ``sqlite3`` on the GUI thread: one indexed row per tile,
well under a millisecond). A URL template (``http://host/{z}/{x}/{y}.png``; WMTS REST
templates use the same three names, ``{TileMatrix}``, ``{TileCol}`` and ``{TileRow}`` are
accepted too) is fetched asynchronously with ``QNetworkAccessManager`` and kept on disk under
the data directory, so a restart or a network outage still shows the tiles seen before.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

from .tilemath import CRS_WGS84, tms_row

MEMORY_TILES = 384  # decoded tiles kept: two full-HD screens of tiles at two zoom levels
TileKey = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class BasemapConfig:
    """A tile basemap as configured: the package or URL, its coordinate system, its opacity."""

    location: str  # a .mbtiles path, or a URL template with {z}, {x} and {y}
    crs: str = CRS_WGS84
    opacity: float = 1.0

    @property
    def is_url(self) -> bool:
        return "://" in self.location


class _Lru:
    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[TileKey, QImage | None] = OrderedDict()

    def get(self, key: TileKey) -> tuple[bool, QImage | None]:
        if key not in self._items:
            return False, None
        self._items.move_to_end(key)
        return True, self._items[key]

    def put(self, key: TileKey, image: QImage | None) -> None:
        self._items[key] = image
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)


def _decode(data: bytes | None) -> QImage | None:
    if not data:
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)  # the raster engine's own


class TileSource(QObject):
    """Decoded tiles by (z, x, y); :attr:`tile_ready` fires when a tile asked for earlier arrives."""

    tile_ready = Signal()

    def __init__(self, min_zoom: int, max_zoom: int) -> None:
        super().__init__()
        self.min_zoom, self.max_zoom = min_zoom, max_zoom
        self._memory = _Lru(MEMORY_TILES)

    def tile(self, z: int, x: int, y: int, load: bool = True) -> QImage | None:
        """The tile if known (None while loading or where there is none).

        With ``load`` False only the memory cache is looked at: a frame that has spent its
        decoding budget draws what is decoded and asks again at the next frame.
        """
        found, image = self._memory.get((z, x, y))
        if found or not load:
            return image
        return self._load((z, x, y))

    def has(self, z: int, x: int, y: int) -> bool:
        """Whether the tile is decoded (or known to be missing)."""
        return self._memory.get((z, x, y))[0]

    def _load(self, key: TileKey) -> QImage | None:
        raise NotImplementedError

    def _remember(self, key: TileKey, image: QImage | None) -> None:
        self._memory.put(key, image)

    def close(self) -> None:
        """Release the file or cancel requests in flight."""


class MBTilesSource(TileSource):
    """Tiles from an MBTiles package (rows bottom-up, TMS)."""

    def __init__(self, path: str | Path) -> None:
        self._db = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
        try:
            meta = dict(self._db.execute("SELECT name, value FROM metadata").fetchall())
            zooms = self._db.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        except sqlite3.DatabaseError:
            self._db.close()
            raise
        low = int(meta.get("minzoom", zooms[0] if zooms[0] is not None else 0))
        high = int(meta.get("maxzoom", zooms[1] if zooms[1] is not None else 18))
        super().__init__(low, high)

    def _load(self, key: TileKey) -> QImage | None:
        z, x, y = key
        row = self._db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, x, tms_row(z, y)),
        ).fetchone()
        image = _decode(row[0] if row else None)
        self._remember(key, image)
        return image

    def close(self) -> None:
        self._db.close()


def tile_url(template: str, z: int, x: int, y: int) -> str:
    """The URL of one tile from an XYZ or WMTS REST template."""
    for names, value in ((("{z}", "{TileMatrix}"), z), (("{x}", "{TileCol}"), x), (("{y}", "{TileRow}"), y)):
        for name in names:
            template = template.replace(name, str(value))
    return template


class XyzSource(TileSource):
    """Tiles fetched from an XYZ/WMTS URL template, cached on disk under ``cache_dir``."""

    def __init__(self, template: str, cache_dir: Path, max_zoom: int = 18,
                 manager_factory: Callable[[], QNetworkAccessManager] = QNetworkAccessManager) -> None:
        super().__init__(0, max_zoom)
        self._template = template
        self._dir = cache_dir / hashlib.sha1(template.encode()).hexdigest()[:16]
        self._network = manager_factory()
        self._network.finished.connect(self._finished)
        self._pending: dict[TileKey, QNetworkReply] = {}

    def _file(self, key: TileKey) -> Path:
        z, x, y = key
        return self._dir / str(z) / str(x) / f"{y}.tile"

    def _load(self, key: TileKey) -> QImage | None:
        file = self._file(key)
        if file.is_file():
            image = _decode(file.read_bytes())
            self._remember(key, image)
            return image
        if key not in self._pending:
            reply = self._network.get(QNetworkRequest(QUrl(tile_url(self._template, *key))))
            reply.setProperty("tile", key)
            self._pending[key] = reply
        return None

    def _finished(self, reply: QNetworkReply) -> None:
        key = tuple(reply.property("tile"))
        self._pending.pop(key, None)  # type: ignore[arg-type]
        reply.deleteLater()
        if reply.error() != QNetworkReply.NetworkError.NoError:
            self._remember(key, None)  # type: ignore[arg-type]  # not asked again until evicted
            return
        data = bytes(reply.readAll().data())
        image = _decode(data)
        if image is not None:
            file = self._file(key)  # type: ignore[arg-type]
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(data)
        self._remember(key, image)  # type: ignore[arg-type]
        self.tile_ready.emit()

    def pending(self) -> int:
        return len(self._pending)

    def close(self) -> None:
        for reply in list(self._pending.values()):
            reply.abort()
        self._pending.clear()


def open_source(config: BasemapConfig, cache_dir: Path) -> TileSource:
    """The source a configuration names; OSError/sqlite3.DatabaseError for an unreadable package."""
    if config.is_url:
        return XyzSource(config.location, cache_dir)
    if not Path(config.location).is_file():
        raise FileNotFoundError(config.location)
    return MBTilesSource(config.location)
