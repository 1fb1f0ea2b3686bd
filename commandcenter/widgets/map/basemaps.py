"""The map canvas's basemaps: tiles (MBTiles or a tile server) and a georeferenced image.

A mixin of :class:`~commandcenter.widgets.map.canvas.MapCanvas` (its layer stack, projection
and fills), kept apart so the canvas module stays readable; both kinds of basemap sit under the
grids, whose fills turn translucent while one is shown.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from .layers import basemap_rgba
from .tile_sources import TileSource

if TYPE_CHECKING:
    from .canvas import MapCanvas

    _Base = MapCanvas
else:
    _Base = object


class BasemapLayers(_Base):
    """Loading, placing and removing the canvas's basemaps."""

    def set_tile_basemap(self, source: TileSource | None, crs: str = "wgs84", opacity: float = 1.0) -> None:
        """Draw tiles from an MBTiles package or a tile server under the grids (None removes them).

        ``crs`` is the tiles' coordinate system ("wgs84" or "gcj02"); the grids stay WGS-84.
        """
        old = self._stack.tiles.source
        if old is not None and old is not source:
            old.close()
        bounds = self._geometry.bounds if self._geometry is not None else QRectF()
        self._stack.tiles.set_source(source, self._projection, crs, opacity, bounds)
        self._apply_visibility()
        self._recolour()

    def load_basemap(
        self, path: str | os.PathLike[str], bounds_lonlat: tuple[float, float, float, float]
    ) -> bool:
        """Show a georeferenced image under the grids; False if the file cannot be read.

        ``bounds_lonlat`` is ``(min_lon, min_lat, max_lon, max_lat)`` of the image's edges, with
        north up. Grid fills turn translucent while a basemap is shown.
        """
        rgba = basemap_rgba(path)
        if rgba is None:
            return False
        self._basemap_item.setImage(rgba, autoLevels=False, levels=(0, 255))
        min_lon, min_lat, max_lon, max_lat = bounds_lonlat
        self._ensure_projection([min_lon, max_lon], [min_lat, max_lat])
        self._basemap_bounds = (min_lon, min_lat, max_lon, max_lat)
        self._place_basemap()
        self._apply_visibility()
        self._recolour()
        return True

    def clear_basemap(self) -> None:
        """Remove the basemap image; grid fills become opaque again."""
        self._basemap_bounds = None
        self._basemap_item.clear()
        self._apply_visibility()
        self._recolour()

    def _place_basemap(self) -> None:
        assert self._basemap_bounds is not None
        min_lon, min_lat, max_lon, max_lat = self._basemap_bounds
        proj = self._require_projection()
        x0, y0 = proj.to_xy(min_lon, min_lat)
        x1, y1 = proj.to_xy(max_lon, max_lat)
        self._basemap_item.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))

    def _basemap_shown(self) -> bool:
        shown = self._basemap_bounds is not None or self._stack.tiles.source is not None
        return shown and self._visible["basemap"]
