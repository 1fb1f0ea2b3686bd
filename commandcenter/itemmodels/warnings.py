"""The wall's warning list: one row per early warning, open ones first, newest evidence first.

Rows are `WarningItem`s as `ctx.warnings` hands them out; changes (a detector run, an answer at
this or another seat) are applied by id through `upsert`, so the list never jumps. Answered
warnings are hidden unless `show_answered` is set.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..gui.localtime import format_local
from ..gui.style import shade
from ..i18n import current_language
from ..palette import ERROR, MUTED
from ..shapes.warnings import WarningItem, WarningStatus
from ..warning_labels import evidence_text, kind_label, status_label
from .base import RowTableModel

COLUMNS = ("kind", "subject", "category", "evidence", "raised", "status")
COLUMN_INDEX = {name: i for i, name in enumerate(COLUMNS)}


def category_text(code: str | None, names: Mapping[str, tuple[str, str]]) -> str:
    """"0101 井盖" in the interface language; "—" for a warning across categories."""
    if not code:
        return "—"
    zh, en = names.get(code, ("", ""))
    name = zh if current_language().startswith("zh") else en
    return f"{code} {name}".strip()


class WarningModel(RowTableModel[WarningItem]):
    """Early warnings for the wall's tab; `category_names` maps a code to its (zh, en) names."""

    COLUMN_COUNT = len(COLUMNS)

    def __init__(self, timezone: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone
        self.category_names: Mapping[str, tuple[str, str]] = {}
        self.show_answered = False
        self._bold = QFont()
        self._bold.setBold(True)

    def set_show_answered(self, on: bool) -> None:
        self.show_answered = on
        self.refilter()

    def column_titles(self) -> Sequence[str]:
        return (self.tr("Kind"), self.tr("Subject"), self.tr("Category"), self.tr("Evidence"), self.tr("Raised"),
                self.tr("Status"))

    def display(self, row: WarningItem, column: int) -> Any:
        if column == 0:
            return kind_label(row.kind)
        if column == 1:
            return row.subject
        if column == 2:
            return category_text(row.category_code, self.category_names)
        if column == 3:
            return evidence_text(row)
        if column == 4:
            return format_local(row.raised_at, self.timezone)
        return status_label(row.status)

    def role_data(self, row: WarningItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.status is WarningStatus.OPEN and column == 0:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status is not WarningStatus.OPEN:
                return QBrush(QColor(shade(MUTED)))
            if column == 0:
                return QBrush(QColor(shade(ERROR)))
        if role == Qt.ItemDataRole.ToolTipRole:  # the tab is narrow: the whole warning on hover
            lines = [f"{kind_label(row.kind)} · {row.subject}", category_text(row.category_code, self.category_names),
                     evidence_text(row)]
            if row.action_note:
                lines.append(f"{status_label(row.status)} — {row.acted_by or ''}: {row.action_note}")
            return "\n".join(lines)
        return None

    def sort_key(self, column: int) -> Callable[[WarningItem], Any] | None:
        keys: tuple[Callable[[WarningItem], Any], ...] = (
            lambda r: kind_label(r.kind), lambda r: r.subject, lambda r: r.category_code or "",
            lambda r: len(r.case_ids), lambda r: r.raised_at,
            lambda r: (r.status is not WarningStatus.OPEN, -r.last_evidence_at.timestamp()))
        return keys[column]

    def row_filter(self) -> Callable[[WarningItem], bool] | None:
        if self.show_answered:
            return None
        return lambda r: r.status is WarningStatus.OPEN
