"""The map screen's basemap controls: an image with a world file, or tiles (MBTiles, XYZ/WMTS URL).

A mixin of :class:`~commandcenter.views.map_view.MapView`, kept apart so the screen stays one
readable module; it uses the screen's canvas, status line, layer checks and buttons.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QFileDialog

from ..errors import WorldFileInvalid
from ..gui import settings
from ..labels import describe_error
from ..paths import data_dir
from ..services import map_data
from ..widgets.map.tilemath import CRS_CHOICES
from .dialogs.basemap_bounds import BasemapBoundsDialog

if TYPE_CHECKING:
    from .map_view import MapView

    _Base = MapView
else:
    _Base = object


class BasemapControls(_Base):
    """Loading, placing and removing the map screen's basemap."""

    def restore_tiles(self) -> None:
        """The tile basemap configured by COMMANDCENTER_BASEMAP(_CRS) or chosen earlier."""
        self.set_tiles(os.environ.get("COMMANDCENTER_BASEMAP") or settings.MAP_TILES.get(),
                       os.environ.get("COMMANDCENTER_BASEMAP_CRS") or settings.MAP_TILES_CRS.get(), remember=False)

    def _choose_basemap(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load a basemap image"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp);;All files (*)"))
        if path:
            self.load_basemap_file(path)

    def load_basemap_file(self, path: str | Path, bounds: tuple[float, float, float, float] | None = None) -> bool:
        """Show an image under the grids, placed by `bounds`, its world file, or edges the user types."""
        if bounds is None:
            size = QImageReader(str(path)).size()
            try:
                bounds = map_data.basemap_bounds(path, size.width(), size.height())
            except WorldFileInvalid as exc:
                self.status.setText(describe_error(exc))
                return False
            if bounds is None:
                self._ask_bounds(path)
                return False
        if not self.canvas.load_basemap(path, bounds):
            self.status.setText(self.tr("{file} is not an image this program can read").format(file=Path(path).name))
            return False
        self.layer_checks["basemap"].setEnabled(True)
        self.layer_checks["basemap"].setChecked(True)
        self.clear_basemap_button.setEnabled(True)
        self.status.setText(self.tr("Basemap {file} loaded").format(file=Path(path).name))
        return True

    def _ask_bounds(self, path: str | Path) -> None:
        start = self.canvas.view_bounds() if self.canvas.projection is not None else (0.0, 0.0, 0.0, 0.0)
        dialog = BasemapBoundsDialog(start, self)
        dialog.accepted.connect(lambda: self.load_basemap_file(path, dialog.bounds()))
        dialog.finished.connect(dialog.deleteLater)
        self.basemap_dialog = dialog
        dialog.open()

    def _choose_tiles(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load a tile basemap"), "",
                                              self.tr("MBTiles (*.mbtiles);;All files (*)"))
        if path:
            self.set_tiles(path, self.tiles_crs.currentData())

    def set_tiles(self, location: str, crs: str, remember: bool = True) -> bool:
        """Draw tiles from an MBTiles file or an XYZ/WMTS URL template under the grids (remembered)."""
        self.tiles_crs.setCurrentIndex(max(0, self.tiles_crs.findData(crs)))
        if not location:
            return False
        from ..widgets.map.tile_sources import BasemapConfig, open_source

        config = BasemapConfig(location, crs if crs in CRS_CHOICES else CRS_CHOICES[0])
        try:
            source = open_source(config, data_dir() / "tiles")
        except (OSError, sqlite3.DatabaseError) as exc:
            self.status.setText(self.tr("{file} is not a tile package this program can read ({error})").format(
                file=Path(location).name, error=exc))
            return False
        self.canvas.set_tile_basemap(source, config.crs, config.opacity)
        if remember:
            settings.MAP_TILES.set(location)
            settings.MAP_TILES_CRS.set(config.crs)
        self.layer_checks["basemap"].setEnabled(True)
        self.clear_basemap_button.setEnabled(True)
        return True

    def clear_basemap(self) -> None:
        self.canvas.clear_basemap()
        self.canvas.set_tile_basemap(None)
        settings.MAP_TILES.set("")
        self.layer_checks["basemap"].setEnabled(False)
        self.clear_basemap_button.setEnabled(False)


