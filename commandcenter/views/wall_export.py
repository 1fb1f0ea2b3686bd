"""The wall's "Export cases…": the cases the wall shows under its current filter, in its order,
as CSV (services/exports), with the progress bar and the outcome in the wall's toolbar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from ..gui.icons import icon
from ..gui.style import error_text_style, ok_style
from ..services.exports import ExportResult
from .csv_export import CsvExport

if TYPE_CHECKING:
    from .wall_view import WallView


class WallExport(QObject):
    """Adds its action, progress bar and status label to the wall's toolbar."""

    def __init__(self, wall: WallView) -> None:
        super().__init__(wall)
        self.wall = wall
        self.action = QAction(icon("save"), "", wall)
        self.action.setObjectName("exportCases")
        self.action.triggered.connect(self.start)
        self.csv_export = CsvExport(wall.ctx, wall)
        self.csv_export.progress.setMaximumWidth(160)
        self.status = QLabel(wall)
        self.status.setObjectName("wallExportStatus")
        wall.toolbar.addAction(self.action)
        wall.toolbar.addWidget(self.csv_export.progress)
        wall.toolbar.addWidget(self.status)
        self.csv_export.exported.connect(self._exported)
        self.csv_export.failed.connect(self._failed)

    def retranslate_ui(self) -> None:
        self.action.setText(self.tr("Export cases…"))
        self.action.setToolTip(self.tr("The cases the wall shows now, in its order, as a CSV file"))

    def start(self) -> None:
        ids = [r.id for r in self.wall.model.visible_rows()]
        shown = repr(self.wall.model.wall_filter)
        exports, principal = self.wall.ctx.exports, self.wall.ctx.principal
        self.status.clear()
        self.csv_export.start(self.tr("Export cases"), "cases.csv",
                              lambda out, progress: exports.listed_cases(principal, out, ids, described_as=shown,
                                                                         progress=progress))

    def _exported(self, result: ExportResult) -> None:
        self.status.setStyleSheet(ok_style())
        self.status.setText(self.csv_export.describe(result))

    def _failed(self, message: str) -> None:
        self.status.setStyleSheet(error_text_style())
        self.status.setText(message)
