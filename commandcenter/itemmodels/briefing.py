"""The briefing screen's table: the briefings issued for the centre, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt

from .. import i18n
from ..services.briefings import IssuedRow
from .base import RowTableModel


class IssuedModel(RowTableModel[IssuedRow]):
    """Briefings issued for this centre, in the order the service lists them (newest first)."""

    ISSUED, BY, PERIOD, LANG, HASH = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = ZoneInfo("Asia/Shanghai")

    def set_issued(self, rows: Sequence[IssuedRow], tz: str) -> None:
        """A whole reload after each issue, in the centre's time zone."""
        self._tz = ZoneInfo(tz)
        self.set_rows(rows)

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Issued"), self.tr("By"), self.tr("Period"), self.tr("Language"), self.tr("SHA-256"))

    def role_data(self, r: IssuedRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.file_path if col != self.HASH else r.sha256
        return None

    def display(self, r: IssuedRow, col: int) -> str | None:
        tz = self._tz
        if col == self.ISSUED:
            return f"{r.issued_at.astimezone(tz):%Y-%m-%d %H:%M}"
        if col == self.BY:
            return r.issued_by
        if col == self.PERIOD:
            start, end = r.period_start.astimezone(tz), r.period_end.astimezone(tz)
            if r.kind == "daily":
                return self.tr("Day {day}").format(day=f"{start:%Y-%m-%d}")
            return self.tr("Shift {start} to {end}").format(start=f"{start:%m-%d %H:%M}", end=f"{end:%m-%d %H:%M}")
        if col == self.LANG:
            return i18n.LANGUAGES.get(r.lang, r.lang)
        if col == self.HASH:
            return r.sha256[:16] + "…"
        return None
