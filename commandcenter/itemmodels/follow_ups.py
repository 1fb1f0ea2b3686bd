"""The follow-up list's model: closed cases whose reporter is still to be called back (回访)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from ..admin_labels import category_name
from ..gui.localtime import format_local
from ..gui.style import shade
from ..palette import ERROR
from ..shapes.follow_up import FollowUpDue
from .base import RowTableModel

COLUMNS = ("case", "closed", "category", "grid", "reporter", "phone", "address")


class FollowUpModel(RowTableModel[FollowUpDue]):
    """One row per call to make, oldest closure first; calls past the window in red."""

    COLUMN_COUNT = len(COLUMNS)

    def __init__(self, timezone: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone

    def column_titles(self) -> Sequence[str]:
        return (self.tr("Case"), self.tr("Closed"), self.tr("Category"), self.tr("Grid"), self.tr("Reporter"),
                self.tr("Phone"), self.tr("Address"))

    def display(self, row: FollowUpDue, column: int) -> Any:
        return (row.case_number, format_local(row.closed_at, self.timezone),
                f"{row.category_code} {category_name(row.category_zh, row.category_en)}",
                row.grid_code, row.reporter_name, row.reporter_phone, row.address)[column]

    def role_data(self, row: FollowUpDue, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.late:
            return QBrush(QColor(shade(ERROR)))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.description
        return None

    def sort_key(self, column: int) -> Callable[[FollowUpDue], Any] | None:
        keys: tuple[Callable[[FollowUpDue], Any], ...] = (
            lambda r: r.case_number, lambda r: r.closed_at, lambda r: r.category_code, lambda r: r.grid_code,
            lambda r: r.reporter_name, lambda r: r.reporter_phone, lambda r: r.address)
        return keys[column]
