"""The briefing screen's assessment tables: one street's or department's figures a row.

The same `UnitFigures` the PDF prints (cases due as they stood at the period's end, 处置率,
按期处置率, 返工率, 延期率, 挂账率 and 退回), ranked by the service; the centre's totals row
stays last whichever column the supervisor sorts by.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from ..shapes.briefing import UnitFigures
from .base import RowTableModel

RATES = ("handling_rate", "on_time_handling_rate", "rework_rate", "extension_rate", "suspension_rate")


class UnitModel(RowTableModel[UnitFigures]):
    """Units of one kind (streets or departments) and the centre's totals."""

    RANK, UNIT, DUE, HANDLED, ON_TIME, REWORK, EXTENDED, SUSPENDED, SENT_BACK = range(9)
    COLUMN_COUNT = 9

    def __init__(self, unit_title: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unit_title = unit_title  # "Street" or "Department", in the current language

    def key(self, row: UnitFigures) -> Hashable:
        return row.key

    def set_units(self, rows: Sequence[UnitFigures]) -> None:
        self.set_rows(rows)

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("#"), self._unit_title(), self.tr("Cases due"), self.tr("Handled 处置率"),
                self.tr("On time 按期处置率"), self.tr("Rework 返工率"), self.tr("Extended 延期率"),
                self.tr("Suspended 挂账率"), self.tr("Sent back 退回"))

    def display(self, r: UnitFigures, col: int) -> str | None:
        if col == self.RANK:
            return str(r.rank) if r.rank else ""
        if col == self.UNIT:
            return self.tr("Centre total") if r.key == "*" else r.name
        if col == self.DUE:
            return str(r.due)
        if col == self.SENT_BACK:
            return str(r.sent_back)
        value = getattr(r, RATES[col - self.HANDLED])
        return "—" if value is None else f"{value * 100:.1f}%"

    def role_data(self, r: UnitFigures, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.UNIT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.UNIT and r.key != "*":
            return r.key
        return None

    def sort_key(self, column: int) -> Callable[[UnitFigures], Any] | None:
        after = -1 if self._sort_order == Qt.SortOrder.DescendingOrder else 1

        def last(r: UnitFigures) -> int:  # the totals row closes the table in either order
            return after if r.key == "*" else 0

        if column == self.RANK:
            return lambda r: (last(r), r.rank)
        if column == self.UNIT:
            return lambda r: (last(r), r.name)
        if column == self.DUE:
            return lambda r: (last(r), r.due)
        if column == self.SENT_BACK:
            return lambda r: (last(r), r.sent_back)
        rate = RATES[column - self.HANDLED]
        return lambda r: (last(r), getattr(r, rate) if getattr(r, rate) is not None else -1.0)
