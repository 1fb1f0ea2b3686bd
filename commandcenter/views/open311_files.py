"""The File menu's Open311 request files: import and export, off the GUI thread.

The main window owns one `Open311Files`, places its progress bar in the status bar and connects
its two actions. An import is all or nothing (interchange.files), so its outcome is a message
box: how many requests became cases and how many were there already, or the refusal with every
problem and the note that nothing changed. An export's outcome goes to the status bar. Neither
service reports partial progress, so the bar only shows that one is running. CsvExport is not
reused: it is bound to CSV files and the row-count progress of the CSV exports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressBar

from ..gui.context import AppContext
from ..labels import describe_error
from ..services.exports import ExportResult

if TYPE_CHECKING:  # the importers bring shapely, which the window on the wall must not wait for
    from ..services.imports import ImportResult

STATUS_MS = 10_000  # how long an export's outcome stays in the status bar


class Open311Files(QObject):
    """Imports and exports Open311 request files for the main window, one at a time."""

    def __init__(self, ctx: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.busy = False
        self.progress = QProgressBar()
        self.progress.setObjectName("open311Progress")
        self.progress.setRange(0, 0)  # busy indicator: the services report no partial progress
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)

    def import_file(self) -> None:
        """Ask for a request file and import it; the outcome in a message box."""
        if self.busy:
            return
        chosen, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import Open311 requests"), str(Path.home()),
                                                self.tr("Open311 request files (*.json)"))
        if not chosen:
            return
        path = Path(chosen)
        principal = self.ctx.principal
        self._begin()
        self.ctx.runner.run_in_background(lambda _state: self.ctx.imports.open311_requests(principal, path),
                                          self._imported, self._import_failed)

    def export_file(self) -> None:
        """Ask where to write the principal's requests and export them; the outcome in the status bar."""
        if self.busy:
            return
        chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export Open311 requests"),
                                                str(Path.home() / "requests.json"),
                                                self.tr("Open311 request files (*.json)"))
        if not chosen:
            return
        out = Path(chosen)
        principal = self.ctx.principal
        self._begin()
        self.ctx.runner.run_in_background(lambda _state: self.ctx.exports.open311_requests(principal, out),
                                          self._exported, self._export_failed)

    def _begin(self) -> None:
        self.busy = True
        self.progress.setVisible(True)

    def _end(self) -> None:
        self.busy = False
        self.progress.setVisible(False)

    def _imported(self, result: ImportResult) -> None:
        self._end()
        QMessageBox.information(self.window, self.tr("Import Open311 requests"), self.tr(
            "{created} requests imported as cases, {unchanged} already present.").format(
                created=result.created, unchanged=result.unchanged))

    def _import_failed(self, exc: BaseException) -> None:
        self._end()
        QMessageBox.warning(self.window, self.tr("Import Open311 requests"), self.tr(
            "The file was not imported; nothing changed.\n\n{reason}").format(reason=describe_error(exc)))

    def _exported(self, result: ExportResult) -> None:
        self._end()
        text = (self.tr("Exported {n} Open311 requests to {path} (personal data masked)") if result.masked
                else self.tr("Exported {n} Open311 requests to {path}"))
        self.window.statusBar().showMessage(text.format(n=result.rows, path=result.path), STATUS_MS)

    def _export_failed(self, exc: BaseException) -> None:
        self._end()
        reason = describe_error(exc) if not isinstance(exc, OSError) else self.tr(
            "Could not write the file: {reason}").format(reason=exc.strerror or str(exc))
        self.window.statusBar().showMessage(reason, STATUS_MS)
