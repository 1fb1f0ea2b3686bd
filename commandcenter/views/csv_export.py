"""A screen's CSV export: the file dialog, the export off the GUI thread, a progress bar.

Screens own one `CsvExport`, place its progress bar in their layout and call `start` with the
export to run (a service call on `ctx.exports` taking the file and a progress callback); the
outcome comes back as `exported(ExportResult)` or `failed(message)` for the screen's status line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QProgressBar, QWidget

from ..gui.context import AppContext
from ..labels import describe_error
from ..services.exports import ExportResult

Progress = Callable[[int, int], None]
Export = Callable[[Path, Progress], ExportResult]


class CsvExport(QObject):
    """One export at a time for its screen; `busy` while it runs."""

    exported = Signal(object)  # ExportResult
    failed = Signal(str)

    def __init__(self, ctx: AppContext, screen: QWidget) -> None:
        super().__init__(screen)
        self.ctx = ctx
        self.screen = screen
        self.busy = False
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)

    def start(self, title: str, suggested_name: str, export: Export) -> None:
        """Ask where to write (suggesting `suggested_name` in the home folder), then export there."""
        if self.busy:
            return
        target, _ = QFileDialog.getSaveFileName(self.screen, title, str(Path.home() / suggested_name),
                                                self.tr("CSV (*.csv)"))
        if not target:
            return
        out = Path(target)
        self.busy = True
        self.progress.setValue(0)
        self.progress.setVisible(True)

        def work(state: Any) -> ExportResult:
            return export(out, lambda n, total: state.progress("rows", n / total if total else 1.0))

        self.ctx.runner.run_in_background(work, self._done, self._failed, self._progressed)

    def _progressed(self, _stage: str, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))

    def _done(self, result: ExportResult) -> None:
        self.busy = False
        self.progress.setVisible(False)
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.progress.setVisible(False)
        message = describe_error(exc) if not isinstance(exc, OSError) else self.tr(
            "Could not write the file: {reason}").format(reason=exc.strerror or str(exc))
        self.failed.emit(message)

    def describe(self, result: ExportResult) -> str:
        """The status line after an export."""
        text = (self.tr("Exported {n} rows to {path} (personal data masked)") if result.masked
                else self.tr("Exported {n} rows to {path}"))
        return text.format(n=result.rows, path=result.path)
