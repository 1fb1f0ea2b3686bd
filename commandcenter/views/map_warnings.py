"""The map screen's early-warning layer: what it draws, its switch, and a click on a warning.

The layer shows the open warnings of `ctx.live_warnings` (kept current from the change feed)
as tinted hot cells and dashed cluster outlines (`widgets.map.warning_layer`). A click on one
opens the warning's detail, which lists its cases (each opens in the case detail and is ringed
on the map) and offers the supervisor's answers; the same click does not also filter the wall
to the grid, as a click elsewhere on the map does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from ..gui.context import AppContext
from ..shapes.map import MapGrid
from ..shapes.warnings import WarningItem
from ..widgets.map.warning_layer import WarningLayerItem, warning_shapes
from .dialogs.warning_detail import WarningDetailDialog

if TYPE_CHECKING:
    from ..widgets.map.canvas import MapCanvas


class MapWarnings(QObject):
    """The warning layer of one map screen: `check` is its switch in the layer panel."""

    def __init__(self, ctx: AppContext, canvas: MapCanvas, screen: QWidget) -> None:
        super().__init__(screen)
        self.ctx = ctx
        self.canvas = canvas
        self.screen = screen
        self.live = ctx.live_warnings
        self.item = WarningLayerItem()
        canvas.add_overlay(self.item)  # drawn in the map's cached image: no cost per frame
        self.check = QCheckBox(objectName="mapLayer_warnings")
        self.check.setChecked(True)
        self.check.toggled.connect(lambda on: canvas.set_overlay_visible(self.item, on))
        self.grids: dict[int, MapGrid] = {}
        self.dialog: WarningDetailDialog | None = None
        self._last_hit: list[int] = []
        canvas.graphics_view.scene().sigMouseClicked.connect(self._clicked)
        self.live.changed.connect(lambda _items: self.redraw())
        self.retranslate_ui()
        self.live.start()

    def retranslate_ui(self) -> None:
        self.check.setText(self.tr("Early warnings (hot cells, clusters)"))
        self.check.setToolTip(self.tr("Open warnings: their grids tinted, clusters outlined; click one to see "
                                      "its cases"))

    def set_grids(self, grids: Sequence[MapGrid]) -> None:
        self.grids = {g.grid_id: g for g in grids}
        self.redraw()

    def redraw(self) -> None:
        projection = self.canvas.projection
        if projection is None:
            return
        self.item.set_shapes(warning_shapes(list(self.live.items.values()), self.grids, projection))

    def warnings_at(self, lon: float, lat: float) -> list[int]:
        """The open warnings drawn under a lon/lat, newest first (none while the layer is off)."""
        projection = self.canvas.projection
        if projection is None or not self.check.isChecked():
            return []
        return self.item.warnings_at(*projection.to_xy(lon, lat))

    def _clicked(self, event: Any) -> None:
        """Note what a left click hit; the canvas's own click handling (deferred) asks afterwards."""
        self._last_hit = []
        if event.button() != Qt.MouseButton.LeftButton or event.double() or self.canvas.is_pick_mode():
            return
        scene_pos = event.scenePos()
        box = self.canvas.view_box
        if self.check.isChecked() and box.sceneBoundingRect().contains(scene_pos):
            point = box.mapSceneToView(scene_pos)
            self._last_hit = self.item.warnings_at(point.x(), point.y())

    def claim_click(self) -> bool:
        """Whether the click the canvas reports now was on a warning; if so, open it."""
        hit, self._last_hit = self._last_hit, []
        item = next((self.live.items[w] for w in hit if w in self.live.items), None)
        if item is None:
            return False
        self.open_item(item)
        return True

    def open_item(self, item: WarningItem) -> WarningDetailDialog:
        if self.dialog is not None:
            self.dialog.close()
        dialog = WarningDetailDialog(self.ctx, item, self.screen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None) if self.dialog is dialog else None)
        self.dialog = dialog
        dialog.show()
        return dialog
