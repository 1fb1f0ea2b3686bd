"""The "Import refused" message: every problem of a file that was not imported, in one box.

The roster (officers, departments) and the map (grids) import all or nothing; when a file is
refused, both screens show the same box and the same short summary in their status line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...errors import ImportRejected

STATUS_LINES = 5  # problems quoted in the screen's status line
BOX_LINES = 15  # problems in the box itself; all of them under "Show Details…"


def _more(lines: list[str], n: int) -> str:
    return "\n".join(lines[:n]) + ("\n…" if len(lines) > n else "")


def open_import_refused(parent: QWidget, exc: ImportRejected) -> tuple[QMessageBox, str]:
    """Open the box (object name ``importRejected``) over `parent`; return it and a status text."""
    head = QCoreApplication.translate(
        "ImportRefused", "{file}: nothing was imported. Fix these {n} problem(s) and import the file again:"
    ).format(file=Path(exc.path).name, n=len(exc.problems))
    lines = [f"{where}: {why}" for where, why in exc.problems]
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("ImportRefused", "Import refused"),
                      head, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("importRejected")
    box.setInformativeText(_more(lines, BOX_LINES))
    box.setDetailedText("\n".join(lines))
    box.open()
    return box, head + "\n" + _more(lines, STATUS_LINES)
