"""The debrief's two tables: one row per operator, one per case with the goals it missed in red."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from ...admin_labels import category_name
from ...debrief_labels import (
    actor,
    alert_text,
    correction_changes,
    corrections_text,
    duration,
    misses_text,
    step_time,
)
from ...gui.localtime import format_local
from ...gui.style import shade
from ...itemmodels.base import RowTableModel
from ...labels import priority_label
from ...palette import ERROR
from ...shapes.debrief import CaseDebrief, GoalMiss, OperatorDebrief

_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _missed() -> QBrush:
    return QBrush(QColor(shade(ERROR)))  # read at paint time: a theme switch changes the shade


class OperatorModel(RowTableModel[OperatorDebrief]):
    """Who registered and dispatched what, how fast on average, how many goals those missed, and
    how many categories or grids they corrected."""

    COLUMN_COUNT = 7

    def key(self, row: OperatorDebrief) -> int:
        return row.user_id

    def column_titles(self) -> Sequence[str]:
        return (self.tr("Operator"), self.tr("Registered"), self.tr("Mean to register"), self.tr("Dispatched"),
                self.tr("Mean to dispatch"), self.tr("Goals missed"), self.tr("Corrections"))

    def display(self, row: OperatorDebrief, column: int) -> Any:
        return (actor(row.name, row.system_role), row.registered, duration(row.mean_to_register), row.dispatched,
                duration(row.mean_to_dispatch), row.misses, row.corrections)[column]

    def role_data(self, row: OperatorDebrief, column: int, role: int) -> Any:
        if role == _FOREGROUND and column == 5 and row.misses:
            return _missed()
        if role == _ALIGN and column:
            return _RIGHT
        return None

    def sort_key(self, column: int) -> Callable[[OperatorDebrief], Any] | None:
        keys: tuple[Callable[[OperatorDebrief], Any], ...] = (
            lambda r: actor(r.name, r.system_role), lambda r: r.registered, lambda r: r.mean_to_register or 0.0, lambda r: r.dispatched,
            lambda r: r.mean_to_dispatch or 0.0, lambda r: r.misses, lambda r: r.corrections)
        return keys[column]


CASE_COLUMNS = ("case", "priority", "category", "grid", "arrived", "to_register", "registered_by", "to_dispatch",
                "dispatched_by", "alert", "wrong", "missed", "corrected")
# the cells a goal miss turns red
_MISS_CELLS = {GoalMiss.REGISTER: CASE_COLUMNS.index("to_register"),
               GoalMiss.DISPATCH: CASE_COLUMNS.index("to_dispatch")}


class CaseModel(RowTableModel[CaseDebrief]):
    """Every case of the drill in arrival order; late steps, wrong places and misses in red."""

    COLUMN_COUNT = len(CASE_COLUMNS)

    def __init__(self, timezone: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone

    def key(self, row: CaseDebrief) -> int:
        return row.case_id

    def column_titles(self) -> Sequence[str]:
        return (self.tr("Case"), self.tr("Priority"), self.tr("Category"), self.tr("Grid"), self.tr("Arrived"),
                self.tr("To register"), self.tr("Registered by"), self.tr("To dispatch"), self.tr("Dispatched by"),
                self.tr("Alert"), self.tr("Not as intended"), self.tr("Goals missed"), self.tr("Corrected"))

    def display(self, row: CaseDebrief, column: int) -> Any:
        return (row.case_number, priority_label(row.priority), category_name(row.category_zh, row.category_en),
                row.grid_code, format_local(row.reported_at, self.timezone, "%H:%M:%S"),
                step_time(row.to_register, row.settled),
                actor(row.registered_by, row.registered_by_system), step_time(row.to_dispatch, row.settled),
                actor(row.dispatched_by, row.dispatched_by_system), alert_text(row.alert),
                corrections_text(row.wrong_category, row.wrong_grid), misses_text(row.misses),
                len(row.corrections) or "")[column]

    def role_data(self, row: CaseDebrief, column: int, role: int) -> Any:
        if role == _TOOLTIP and column == CASE_COLUMNS.index("corrected") and row.corrections:
            # each correction: when, by whom, what from and to
            return "\n".join(f"{format_local(m.at, self.timezone, '%H:%M:%S')} {m.by}: {field} {old} → {new}"
                             for m in row.corrections for field, old, new in correction_changes(m.correction))
        if role == _ALIGN and column in (5, 7, 12):
            return _RIGHT
        if role != _FOREGROUND:
            return None
        red = ({_MISS_CELLS[m] for m in row.misses if m in _MISS_CELLS}
               | ({10} if row.wrong_category or row.wrong_grid else set()) | ({11} if row.misses else set()))
        return _missed() if column in red else None

    def sort_key(self, column: int) -> Callable[[CaseDebrief], Any] | None:
        keys: dict[int, Callable[[CaseDebrief], Any]] = {
            0: lambda r: r.case_number, 4: lambda r: r.reported_at,
            5: lambda r: (r.to_register is None, r.to_register or 0.0),
            7: lambda r: (r.to_dispatch is None, r.to_dispatch or 0.0), 11: lambda r: len(r.misses),
            12: lambda r: len(r.corrections)}
        return keys.get(column, lambda r: str(self.display(r, column)))
