"""The admin screen's tables: accounts, the permission matrix, centres, categories, a
category's time limits, calendar years and a year's holidays.

Thin `RowTableModel`s over the admin shapes. The permission matrix is the one editable
model: ticking a cell does not change the row; the model asks (`change_requested`), the
screen calls the service and puts the row it returns back with `upsert`, so the matrix only
ever shows what the database holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from ..admin_labels import (
    category_name,
    day_kind_label,
    kind_label,
    level_label,
    permission_label,
    unit_label,
)
from ..domain.actions import Action
from ..domain.enums import Role
from ..gui.localtime import format_local
from ..labels import priority_label, role_label, stage_label
from ..shapes.admin import (
    CalendarYearRow,
    CategoryRow,
    CentreRow,
    HolidayRow,
    PermissionRow,
    TimeLimitRow,
    UserRow,
)
from .base import Index, RowTableModel

_CHECK = int(Qt.ItemDataRole.CheckStateRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


class UserTableModel(RowTableModel[UserRow]):
    """Accounts: user name, display name, role, centre, whether they may sign in (or are locked
    out by wrong passwords, until when in `timezone`)."""

    COLUMN_COUNT = 5

    def __init__(self, timezone: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Centre"), self.tr("Active"))

    def display(self, u: UserRow, col: int) -> str:
        if col == 4:
            if not u.active:
                return self.tr("Disabled")
            if u.locked_until is not None:
                return self.tr("Locked until {time}").format(time=format_local(u.locked_until, self.timezone))
            return self.tr("Yes")
        return (u.username, u.display_name, role_label(u.role.value), u.centre_name)[col]

    def sort_key(self, column: int) -> Callable[[UserRow], Any] | None:
        return (lambda u: u.username.casefold(), lambda u: u.display_name.casefold(), lambda u: u.role.value,
                lambda u: u.centre_name, lambda u: not u.active)[column]


class PermissionMatrixModel(RowTableModel[PermissionRow]):
    """Actions down, roles across; a ticked cell means the role may perform the action."""

    change_requested = Signal(str, str, bool)  # role, action, granted: the screen asks the service

    def __init__(self, roles: Sequence[Role], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.roles = tuple(roles)
        self.COLUMN_COUNT = 1 + len(self.roles)
        self.editable = True

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Permission"), *(role_label(r.value) for r in self.roles))

    def display(self, p: PermissionRow, col: int) -> str | None:
        return permission_label(p.action.value) if col == 0 else None

    def role_data(self, p: PermissionRow, col: int, role: int) -> Any:
        if role == _CHECK and col > 0:
            return (Qt.CheckState.Checked if self.roles[col - 1] in p.roles else Qt.CheckState.Unchecked).value
        if role == _TOOLTIP and col == 0:
            return p.action.value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() > 0 and self.editable:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt override
        """A ticked or cleared cell is a request, not a change: the row stays as the database has it."""
        if role != _CHECK or not index.isValid() or index.column() == 0 or not self.editable:
            return False
        granted = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        row = self.row_at(index.row())
        self.change_requested.emit(self.roles[index.column() - 1].value, row.action.value, granted)
        return False

    def action_at(self, display_row: int) -> Action:
        return self.row_at(display_row).action


class CentreTableModel(RowTableModel[CentreRow]):
    """Command centres: code, the name their briefings carry, level, parent and time zone."""

    COLUMN_COUNT = 5

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Code"), self.tr("Name (shown on briefings)"), self.tr("Level"), self.tr("Parent"),
                self.tr("Time zone"))

    def display(self, c: CentreRow, col: int) -> str:
        return (c.code, c.name, level_label(c.level.value), c.parent_name, c.timezone)[col]

    def sort_key(self, column: int) -> Callable[[CentreRow], Any] | None:
        return (lambda c: c.code, lambda c: c.name, lambda c: c.level.value, lambda c: c.parent_name,
                lambda c: c.timezone)[column]


class CategoryTableModel(RowTableModel[CategoryRow]):
    """Categories by code, majors before their minors: code, Chinese and English name, kind."""

    COLUMN_COUNT = 4

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Code"), self.tr("Chinese name"), self.tr("English name"), self.tr("Kind"))

    def display(self, c: CategoryRow, col: int) -> str:
        indent = "" if c.level == 1 else "    "
        return (indent + c.code, c.name_zh, c.name_en, kind_label(c.kind.value))[col]

    def role_data(self, c: CategoryRow, col: int, role: int) -> Any:
        if role == _TOOLTIP:
            return category_name(c.name_zh, c.name_en)
        return None

    def sort_key(self, column: int) -> Callable[[CategoryRow], Any] | None:
        return (lambda c: c.code, lambda c: c.name_zh, lambda c: c.name_en.casefold(),
                lambda c: c.kind.value)[column]


class TimeLimitTableModel(RowTableModel[TimeLimitRow]):
    """A minor category's limit for each priority and stage, and whether it is the built-in one."""

    COLUMN_COUNT = 5

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Priority"), self.tr("Stage"), self.tr("Minutes"), self.tr("Counted in"), self.tr("Source"))

    def display(self, t: TimeLimitRow, col: int) -> str | int:
        if col == 0:
            return priority_label(t.priority.value)
        if col == 1:
            return stage_label(t.stage.value)
        if col == 2:
            return t.minutes
        if col == 3:
            return unit_label(t.unit.value)
        return self.tr("Set for this category") if t.stored else self.tr("Built-in default")


class CalendarYearModel(RowTableModel[CalendarYearRow]):
    """Years of the holiday calendar, newest first: covered or not, from what, how many exceptions."""

    COLUMN_COUNT = 4

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Year"), self.tr("Complete"), self.tr("Holidays"), self.tr("Adjusted working days"))

    def display(self, y: CalendarYearRow, col: int) -> str | int:
        if col == 0:
            return y.year
        if col == 1:
            return y.source if y.covered else self.tr("Not covered: Monday to Friday only")
        return y.holidays if col == 2 else y.workdays


class HolidayTableModel(RowTableModel[HolidayRow]):
    """One year's holidays and adjusted working weekends, by date."""

    COLUMN_COUNT = 3

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Kind"), self.tr("Name"))

    def display(self, h: HolidayRow, col: int) -> str:
        return (h.day.isoformat(), day_kind_label(h.kind), h.name)[col]
