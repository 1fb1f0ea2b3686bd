"""The officer roster screen: who is on duty, on which shift, where, and with how much work.

A `QTableView` (objectName ``officerRoster``) over `OfficerRosterModel`, a plain table model of
`OfficerRow`s that filters and sorts itself with index lists (no sorting proxy: 3,096 rows
re-sort in a few milliseconds) and applies live changes row by row, so selection and scroll
position survive another seat's edits. Beside it the shifts panel: define shifts, staff them,
and see who is on now and next. Every database call runs through `ctx.runner`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTimeEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..domain.actions import Action
from ..domain.enums import DutyStatus
from ..errors import ImportRejected
from ..gui.context import AppContext
from ..gui.deferred import RefreshWhenShown
from ..gui.icons import icon
from ..gui.screens import ScreenSpec
from ..labels import describe_error, duty_label
from ..services import roster
from ..services.reference_lists import AreaTree, area_tree
from ..services.roster import (
    OfficerLoad,
    OfficerRow,
    ShiftBoard,
    ShiftRow,
    StaleOfficer,
    UserOption,
)
from ..services.worktime import DEFAULT_TZ

if TYPE_CHECKING:
    from ..services.imports import ImportResult

log = logging.getLogger(__name__)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the OfficerRow / ShiftRow of a row
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # its id
DUTY_ORDER: tuple[str, ...] = ("on_duty", "in_field", "off_duty", "on_leave")
DUTY_COLOURS: dict[str, str] = {"on_duty": "#1a7f37", "in_field": "#7b3294", "off_duty": "#5b5b5b",
                                "on_leave": "#9e9e9e"}
DUTY_SHORTCUTS: dict[str, str] = {"on_duty": "Alt+1", "in_field": "Alt+2", "off_duty": "Alt+3", "on_leave": "Alt+4"}
OVERDUE_COLOUR = "#c62828"
CASE_DEBOUNCE_MS = 400
AGE_REFRESH_MS = 30_000
SHIFT_PANEL_WIDTH = 440
ALL = -1
LOCAL_TZ = ZoneInfo(DEFAULT_TZ)


class Column(IntEnum):
    NAME = 0
    EMPLOYEE_NO = 1
    STATUS = 2
    SHIFT = 3
    GRIDS = 4
    AREA = 5
    OPEN = 6
    OVERDUE = 7
    POSITION = 8
    LAST_SEEN = 9
    PHONE = 10


@dataclass(frozen=True)
class RosterFilter:
    """What the filter bar asks for; an empty filter shows everyone."""

    street_id: int = ALL
    community_id: int = ALL
    status: str = ""
    text: str = ""

    def matches(self, r: OfficerRow) -> bool:
        if self.street_id != ALL and self.street_id not in r.street_ids:
            return False
        if self.community_id != ALL and self.community_id not in r.community_ids:
            return False
        if self.status and r.duty_status != self.status:
            return False
        needle = self.text.strip().lower()
        if needle:
            return (needle in r.name.lower() or r.pinyin_initials.startswith(needle)
                    or needle in r.employee_no.lower() or (len(needle) >= 4 and needle in r.phone))
        return True


def format_age(seconds: float) -> str:
    if seconds < 60:
        return QCoreApplication.translate("roster", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("roster", "{n} min ago").format(n=int(seconds // 60))
    if seconds < 2 * 86400:
        return QCoreApplication.translate("roster", "{n} h ago").format(n=int(seconds // 3600))
    return QCoreApplication.translate("roster", "{n} d ago").format(n=int(seconds // 86400))


class OfficerRosterModel(QAbstractTableModel):
    """Every officer (`_rows` by id) and the visible ones in display order (`_visible`)."""

    def __init__(self, now: Callable[[], datetime] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now or (lambda: datetime.now(UTC))
        self._rows: dict[int, OfficerRow] = {}
        self._visible: list[int] = []
        self._filter = RosterFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._brushes: dict[str, QBrush] = {}

    # ---- Qt model interface -----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles()[section]
        if role == Qt.ItemDataRole.ToolTipRole and section in (Column.OPEN, Column.OVERDUE):
            return self.tr("Cases assigned to the officer and not yet closed (click to sort by load)")
        return None

    def _titles(self) -> list[str]:
        return [self.tr("Name"), self.tr("Employee no."), self.tr("Duty status"), self.tr("Shift now"),
                self.tr("Grids"), self.tr("Street / community"), self.tr("Open"), self.tr("Overdue"),
                self.tr("Last position"), self.tr("Seen"), self.tr("Phone")]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        r = self._rows[self._visible[index.row()]]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == ROW_ROLE:
            return r
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Column.STATUS:
                return self._brush(DUTY_COLOURS.get(r.duty_status, "#000000"))
            if col == Column.OVERDUE and r.overdue_cases:
                return self._brush(OVERDUE_COLOUR)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Column.OPEN, Column.OVERDUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.GRIDS:
                return "\n".join(r.grid_codes)
            if col == Column.LAST_SEEN and r.last_seen_at is not None:
                return r.last_seen_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return None

    def _display(self, r: OfficerRow, col: int) -> str | int:
        if col == Column.NAME:
            return r.name
        if col == Column.EMPLOYEE_NO:
            return r.employee_no
        if col == Column.STATUS:
            return duty_label(r.duty_status)
        if col == Column.SHIFT:
            return r.shift_name
        if col == Column.GRIDS:
            shown = ", ".join(r.grid_codes[:3])
            return shown + (f" +{len(r.grid_codes) - 3}" if len(r.grid_codes) > 3 else "")
        if col == Column.AREA:
            return " / ".join((", ".join(r.street_names), ", ".join(r.community_names))) if r.grid_codes else ""
        if col == Column.OPEN:
            return r.open_cases
        if col == Column.OVERDUE:
            return r.overdue_cases
        if col == Column.POSITION:
            return "" if r.last_lon is None or r.last_lat is None else f"{r.last_lon:.5f}, {r.last_lat:.5f}"
        if col == Column.LAST_SEEN:
            if r.last_seen_at is None:
                return self.tr("never") if r.last_lon is None else ""
            return format_age((self._now() - r.last_seen_at).total_seconds())
        if col == Column.PHONE:
            return r.phone
        return ""

    def _brush(self, colour: str) -> QBrush:
        if colour not in self._brushes:
            self._brushes[colour] = QBrush(QColor(colour))
        return self._brushes[colour]

    # ---- sorting and filtering (index lists, no proxy) -----------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._visible[p.row()] if p.isValid() and p.row() < len(self._visible) else None for p in persistent]
        self._visible = self._sorted(self._visible)
        position = {oid: n for n, oid in enumerate(self._visible)}
        self.changePersistentIndexList(
            persistent,
            [self.index(position[i], p.column()) if i is not None else QModelIndex()
             for p, i in zip(persistent, ids, strict=True)],
        )
        self.layoutChanged.emit()

    def _sorted(self, ids: Sequence[int]) -> list[int]:
        if self._sort is None:
            return list(ids)
        column, order = self._sort
        key = self._key(column)
        keys = [key(self._rows[i]) for i in ids]
        positions = sorted(range(len(ids)), key=keys.__getitem__,
                           reverse=order == Qt.SortOrder.DescendingOrder)
        return [ids[p] for p in positions]

    @staticmethod
    def _key(column: int) -> Callable[[OfficerRow], Any]:
        duty = {s: n for n, s in enumerate(DUTY_ORDER)}
        keys: dict[int, Callable[[OfficerRow], Any]] = {
            Column.NAME: lambda r: (r.pinyin_initials, r.name, r.employee_no),
            Column.EMPLOYEE_NO: lambda r: r.employee_no,
            Column.STATUS: lambda r: (duty.get(r.duty_status, 9), r.employee_no),
            Column.SHIFT: lambda r: (r.shift_name, r.employee_no),
            Column.GRIDS: lambda r: (r.grid_codes or ("~",), r.employee_no),
            Column.AREA: lambda r: (r.street_names, r.community_names, r.employee_no),
            Column.OPEN: lambda r: (r.open_cases, r.overdue_cases, r.employee_no),
            Column.OVERDUE: lambda r: (r.overdue_cases, r.open_cases, r.employee_no),
            Column.POSITION: lambda r: (r.last_lon is None, r.last_lon or 0.0, r.last_lat or 0.0),
            Column.LAST_SEEN: lambda r: (r.last_seen_at is None, r.last_seen_at.timestamp() if r.last_seen_at else 0),
            Column.PHONE: lambda r: r.phone,
        }
        return keys[column]

    def set_filter(self, roster_filter: RosterFilter) -> None:
        """Show only the officers the filter matches (a new view of the list: resets the model)."""
        if roster_filter == self._filter:
            return
        self.beginResetModel()
        self._filter = roster_filter
        self._visible = self._sorted([oid for oid, r in self._rows.items() if roster_filter.matches(r)])
        self.endResetModel()

    @property
    def roster_filter(self) -> RosterFilter:
        return self._filter

    # ---- data in ----------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[OfficerRow]) -> None:
        """A whole reload (the first load, an import): the one place rows reset."""
        self.beginResetModel()
        self._rows = {r.id: r for r in rows}
        self._visible = self._sorted([oid for oid, r in self._rows.items() if self._filter.matches(r)])
        self.endResetModel()

    def apply_rows(self, rows: Iterable[OfficerRow], removed: Iterable[int] = ()) -> None:
        """Apply changed officers in place: update, insert at the end, or remove, row by row."""
        for r in rows:
            old = self._rows.get(r.id)
            self._rows[r.id] = r
            at = self._row_of(r.id)
            show = self._filter.matches(r)
            if at is not None and show:
                if old != r:
                    self.dataChanged.emit(self.index(at, 0), self.index(at, len(Column) - 1))
            elif at is not None:
                self._remove_visible(at)
            elif show:
                self.beginInsertRows(QModelIndex(), len(self._visible), len(self._visible))
                self._visible.append(r.id)
                self.endInsertRows()
        for oid in removed:
            at = self._row_of(oid)
            if at is not None:
                self._remove_visible(at)
            self._rows.pop(oid, None)

    def apply_loads(self, loads: dict[int, OfficerLoad]) -> list[int]:
        """New open/overdue counts for every officer (absent means none); returns the changed ids."""
        none = OfficerLoad(0, 0)
        changed = []
        for oid, r in list(self._rows.items()):
            load = loads.get(oid, none)
            if (r.open_cases, r.overdue_cases) != (load.open_cases, load.overdue_cases):
                changed.append(oid)
                self._rows[oid] = _with_load(r, load)
        if changed and self._visible:
            # one signal over the span of changed rows, not a list scan and a signal per officer
            position = {oid: at for at, oid in enumerate(self._visible)}
            rows = [position[oid] for oid in changed if oid in position]
            if rows:
                self.dataChanged.emit(self.index(min(rows), Column.OPEN), self.index(max(rows), Column.OVERDUE))
        return changed

    def refresh_ages(self) -> None:
        if self._visible:
            self.dataChanged.emit(self.index(0, Column.LAST_SEEN), self.index(len(self._visible) - 1, Column.LAST_SEEN),
                                  [Qt.ItemDataRole.DisplayRole])

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, len(Column) - 1))

    def _remove_visible(self, at: int) -> None:
        self.beginRemoveRows(QModelIndex(), at, at)
        del self._visible[at]
        self.endRemoveRows()

    def _row_of(self, officer_id: int) -> int | None:
        try:
            return self._visible.index(officer_id)
        except ValueError:
            return None

    # ---- lookups ----------------------------------------------------------------------------------
    def row_at(self, row: int) -> OfficerRow:
        return self._rows[self._visible[row]]

    def officer(self, officer_id: int) -> OfficerRow | None:
        return self._rows.get(officer_id)

    def index_of(self, officer_id: int, column: int = 0) -> QModelIndex:
        at = self._row_of(officer_id)
        return QModelIndex() if at is None else self.index(at, column)

    def all_rows(self) -> list[OfficerRow]:
        return list(self._rows.values())

    def visible_rows(self) -> list[OfficerRow]:
        return [self._rows[i] for i in self._visible]


def _with_load(r: OfficerRow, load: OfficerLoad) -> OfficerRow:
    return replace(r, open_cases=load.open_cases, overdue_cases=load.overdue_cases)


# ---- shifts ---------------------------------------------------------------------------------------
class ShiftTableModel(QAbstractTableModel):
    """The centre's shifts: name, hours, days and how many officers and operators work them."""

    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ShiftRow] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMNS:
            return (self.tr("Shift"), self.tr("Hours"), self.tr("Days"), self.tr("Officers"),
                    self.tr("Operators"))[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == ROW_ROLE:
            return s
        if role == ID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return s.name
            if col == 1:
                return f"{s.start_time}–{s.end_time}" + (self.tr(" (+1 day)") if s.overnight else "")
            if col == 2:
                return weekdays_text(s.weekdays)
            if col == 3:
                return len(s.officer_ids)
            return len(s.user_ids)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((*s.officer_names, *s.user_names))
        return None

    def set_shifts(self, shifts: Sequence[ShiftRow]) -> None:
        """Replace the list, updating rows in place when the same shifts come back."""
        if [s.id for s in shifts] == [s.id for s in self._rows]:
            self._rows = list(shifts)
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1))
            return
        self.beginResetModel()
        self._rows = list(shifts)
        self.endResetModel()

    def shift(self, row: int) -> ShiftRow:
        return self._rows[row]

    def row_of(self, shift_id: int) -> int | None:
        return next((n for n, s in enumerate(self._rows) if s.id == shift_id), None)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1))


def weekdays_text(weekdays: str) -> str:
    if weekdays == "1234567":
        return QCoreApplication.translate("roster", "every day")
    if weekdays == "12345":
        return QCoreApplication.translate("roster", "Mon–Fri")
    if weekdays == "67":
        return QCoreApplication.translate("roster", "weekends")
    names = day_names()
    return ", ".join(names[int(d) - 1] for d in weekdays)


def day_names() -> list[str]:
    return [QCoreApplication.translate("roster", "Mon"), QCoreApplication.translate("roster", "Tue"), QCoreApplication.translate("roster", "Wed"), QCoreApplication.translate("roster", "Thu"), QCoreApplication.translate("roster", "Fri"), QCoreApplication.translate("roster", "Sat"), QCoreApplication.translate("roster", "Sun")]


class ShiftDialog(QDialog):
    """Define or edit a shift: name, local start and end time, and the days it starts on."""

    def __init__(self, shift: ShiftRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftDialog")
        self.shift = shift
        self.name_edit = QLineEdit(objectName="shiftName")
        self.name_edit.setMaxLength(roster.MAX_SHIFT_NAME)
        self.start_edit = QTimeEdit(objectName="shiftStart")
        self.end_edit = QTimeEdit(objectName="shiftEnd")
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        self.day_checks = [QCheckBox(objectName=f"shiftDay{n}") for n in range(1, 8)]
        days = QHBoxLayout()
        for check in self.day_checks:
            days.addWidget(check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.name_edit, self.start_edit, self.end_edit), strict=False):
            form.addRow(label, field)
        form.addRow(self.labels[3], days)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._validate)
        for check in self.day_checks:
            check.toggled.connect(self._validate)
        if shift is not None:
            self.name_edit.setText(shift.name)
            self.start_edit.setTime(QTime.fromString(shift.start_time, "HH:mm"))
            self.end_edit.setTime(QTime.fromString(shift.end_time, "HH:mm"))
            for n, check in enumerate(self.day_checks, 1):
                check.setChecked(str(n) in shift.weekdays)
        else:
            self.start_edit.setTime(QTime(8, 0))
            self.end_edit.setTime(QTime(20, 0))
            for check in self.day_checks:
                check.setChecked(True)
        self.retranslate_ui()
        self._validate()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit shift") if self.shift else self.tr("New shift"))
        for label, text in zip(self.labels, (self.tr("Name"), self.tr("Starts"), self.tr("Ends"), self.tr("Days")),
                               strict=True):
            label.setText(text)
        self.name_edit.setPlaceholderText(self.tr("e.g. Day shift"))
        self.end_edit.setToolTip(self.tr("An end at or before the start means the shift ends the next day"))
        for check, name in zip(self.day_checks, day_names(), strict=True):
            check.setText(name)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _validate(self) -> None:
        ok = bool(self.name_edit.text().strip()) and any(c.isChecked() for c in self.day_checks)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text().strip(),
            "start_time": self.start_edit.time().toString("HH:mm"),
            "end_time": self.end_edit.time().toString("HH:mm"),
            "weekdays": "".join(str(n) for n, c in enumerate(self.day_checks, 1) if c.isChecked()),
        }


# ---- the screen -----------------------------------------------------------------------------------
class RosterView(QWidget):
    """Filters, the roster table with duty-status actions, imports, and the shifts panel."""

    officers_loaded = Signal()
    duty_changed = Signal(int)  # an officer's duty status was changed from this seat
    shifts_loaded = Signal()
    import_finished = Signal(object)  # ImportResult or the exception

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rosterScreen")
        self.can_manage = ctx.can(Action.MANAGE_ROSTER)
        self.can_import = ctx.can(Action.IMPORT_DATA)
        self._loading = False
        self._board: ShiftBoard | None = None
        self.shift_dialog: ShiftDialog | None = None
        self._select_after_reload: int | None = None
        self._tree: AreaTree | None = None
        self.import_message: QMessageBox | None = None

        self.model = OfficerRosterModel(now=ctx.db.clock.now, parent=self)
        self._build_filters()
        self._build_table()
        self._build_actions()
        self._build_shifts()
        self.message = QLabel(objectName="rosterMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.filter_bar)
        left_layout.addWidget(self.toolbar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.shift_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1100, SHIFT_PANEL_WIDTH])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

        self._case_timer = QTimer(self, singleShot=True, interval=CASE_DEBOUNCE_MS)
        self._loads_refresh = RefreshWhenShown(self, self.refresh_loads)
        self._case_timer.timeout.connect(self._loads_refresh.request)
        self._age_timer = QTimer(self, interval=AGE_REFRESH_MS)
        self._age_timer.timeout.connect(self._tick)
        self._age_timer.start()
        ctx.feed.changed.connect(self._on_changed)
        self.retranslate_ui()
        self.reload()
        self.reload_shifts()

    # ---- building -------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.search = QLineEdit(objectName="rosterSearch", clearButtonEnabled=True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.street_combo = QComboBox(objectName="rosterStreetFilter")
        self.community_combo = QComboBox(objectName="rosterCommunityFilter")
        self.status_combo = QComboBox(objectName="rosterStatusFilter")
        for combo in (self.street_combo, self.community_combo, self.status_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search.textChanged.connect(self._apply_filter)
        self.street_combo.currentIndexChanged.connect(self._street_changed)
        self.community_combo.currentIndexChanged.connect(self._apply_filter)
        self.status_combo.currentIndexChanged.connect(self._apply_filter)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.search, 2)
        self.filter_bar.addWidget(self.street_combo, 1)
        self.filter_bar.addWidget(self.community_combo, 1)
        self.filter_bar.addWidget(self.status_combo)

    def _build_table(self) -> None:
        self.table = QTableView(objectName="officerRoster")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.NAME, 90), (Column.EMPLOYEE_NO, 90), (Column.STATUS, 90),
                              (Column.SHIFT, 80), (Column.GRIDS, 230), (Column.AREA, 180), (Column.OPEN, 60),
                              (Column.OVERDUE, 70), (Column.POSITION, 150), (Column.LAST_SEEN, 80)):
            self.table.setColumnWidth(column, width)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.OPEN, Qt.SortOrder.DescendingOrder)  # who carries the most work
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.count_label = QLabel(objectName="rosterCount")

    def _build_actions(self) -> None:
        self.toolbar = QToolBar(objectName="rosterActions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.duty_actions: dict[str, QAction] = {}
        for status in DUTY_ORDER:
            action = QAction(self)
            action.setObjectName(f"setDuty_{status}")
            action.setShortcut(QKeySequence(DUTY_SHORTCUTS[status]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=status: self.set_duty_status(s))
            self.addAction(action)
            self.toolbar.addAction(action)
            self.duty_actions[status] = action
        self.toolbar.addSeparator()
        self.import_officers_action = QAction(icon("officer"), "", self)
        self.import_officers_action.setObjectName("importOfficers")
        self.import_officers_action.triggered.connect(lambda: self._choose_and_import("officers"))
        self.import_departments_action = QAction(icon("department"), "", self)
        self.import_departments_action.setObjectName("importDepartments")
        self.import_departments_action.triggered.connect(lambda: self._choose_and_import("departments"))
        for action in (self.import_officers_action, self.import_departments_action):
            action.setEnabled(self.can_import)
            self.toolbar.addAction(action)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.clear_action = QAction(self)
        self.clear_action.setShortcut(QKeySequence("Ctrl+L"))
        self.clear_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.clear_action.triggered.connect(self.clear_filters)
        self.addActions([self.find_action, self.clear_action])
        self._update_actions()

    def _build_shifts(self) -> None:
        self.shift_box = QGroupBox(objectName="shiftPanel")
        self.current_label = QLabel(objectName="currentShift")
        self.next_label = QLabel(objectName="nextShift")
        for label in (self.current_label, self.next_label):
            label.setWordWrap(True)
        self.shift_model = ShiftTableModel(self)
        self.shift_table = QTableView(objectName="shiftTable")
        self.shift_table.setModel(self.shift_model)
        self.shift_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shift_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.shift_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shift_table.verticalHeader().setVisible(False)
        shift_header = self.shift_table.horizontalHeader()
        shift_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a handful of rows
        shift_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.shift_box.setMinimumWidth(SHIFT_PANEL_WIDTH)
        self.shift_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_members())
        self.shift_table.doubleClicked.connect(lambda *_: self.edit_shift())
        self.new_shift_button = QPushButton(objectName="newShift")
        self.edit_shift_button = QPushButton(objectName="editShift")
        self.delete_shift_button = QPushButton(objectName="deleteShift")
        self.assign_button = QPushButton(objectName="assignToShift")
        self.unassign_button = QPushButton(objectName="removeFromShift")
        self.user_combo = QComboBox(objectName="shiftUserChoice")
        self.add_user_button = QPushButton(objectName="addUserToShift")
        self.members = QListWidget(objectName="shiftMembers")
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.new_shift_button.clicked.connect(self.new_shift)
        self.edit_shift_button.clicked.connect(self.edit_shift)
        self.delete_shift_button.clicked.connect(self.delete_shift)
        self.assign_button.clicked.connect(self.assign_selected_officers)
        self.unassign_button.clicked.connect(self.remove_selected_members)
        self.add_user_button.clicked.connect(self.add_selected_user)
        self.members.itemSelectionChanged.connect(self._update_shift_buttons)
        self.members_label = QLabel()
        buttons = QHBoxLayout()
        for b in (self.new_shift_button, self.edit_shift_button, self.delete_shift_button):
            buttons.addWidget(b)
        users = QHBoxLayout()
        users.addWidget(self.user_combo, 1)
        users.addWidget(self.add_user_button)
        layout = QVBoxLayout(self.shift_box)
        layout.addWidget(self.current_label)
        layout.addWidget(self.next_label)
        layout.addWidget(self.shift_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.members_label)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.assign_button)
        layout.addWidget(self.unassign_button)
        layout.addLayout(users)
        self._update_shift_buttons()

    # ---- language ---------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, pinyin initials or employee no. (Ctrl+F)"))
        self.table.setAccessibleName(self.tr("Officer roster"))
        for status, action in self.duty_actions.items():
            action.setText(duty_label(status))
            action.setToolTip(self.tr("Set the selected officers {status} ({keys})").format(
                status=duty_label(status), keys=DUTY_SHORTCUTS[status]))
        self.import_officers_action.setText(self.tr("Import officers…"))
        self.import_departments_action.setText(self.tr("Import departments…"))
        no_right = "" if self.can_import else self.tr(" — needs the import permission (administrators)")
        self.import_officers_action.setToolTip(
            self.tr("Officers from CSV: employee_no,name,phone,grid_codes,duty_status") + no_right)
        self.import_departments_action.setToolTip(
            self.tr("Departments from CSV: code,name,phone,category_codes") + no_right)
        self._fill_status_combo()
        self._fill_area_combos()
        self.model.retranslate()
        self.shift_model.retranslate()
        self.shift_box.setTitle(self.tr("Shifts"))
        self.new_shift_button.setText(self.tr("New…"))
        self.edit_shift_button.setText(self.tr("Edit…"))
        self.delete_shift_button.setText(self.tr("Delete"))
        self.assign_button.setText(self.tr("Add selected officers to the shift"))
        self.unassign_button.setText(self.tr("Remove selected members"))
        self.add_user_button.setText(self.tr("Add operator"))
        self.user_combo.setToolTip(self.tr("Operators and supervisors who can work the shift"))
        self._render_board()
        self._render_count()
        self._show_members()

    # ---- loading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the whole roster again (first load, after an import)."""
        if self._loading:
            return
        self._loading = True
        db = self.ctx.db
        self.ctx.runner.run_in_background(lambda _s: (roster.officer_rows(db), area_tree(db)), self._rows_loaded,
                                          self._load_failed)

    def _rows_loaded(self, result: tuple[list[OfficerRow], AreaTree]) -> None:
        self._loading = False
        rows, self._tree = result
        self.model.set_rows(rows)
        self._fill_area_combos()
        self._render_count()
        self.officers_loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.show_message(self.tr("Could not read the roster: {error}").format(error=describe_error(exc)), error=True)

    def refresh_officers(self, ids: Iterable[int]) -> None:
        """Re-read some officers and apply them in place (a live change)."""
        wanted = set(ids)
        if not wanted:
            return
        db = self.ctx.db
        self.ctx.runner.run_in_background(
            lambda _s: (wanted, roster.officer_rows(db, wanted)), self._officers_refreshed, self._load_failed)

    def _officers_refreshed(self, result: tuple[set[int], list[OfficerRow]]) -> None:
        wanted, rows = result
        self.model.apply_rows(rows, removed=wanted - {r.id for r in rows})
        self._render_count()

    def refresh_loads(self) -> None:
        db = self.ctx.db
        self.ctx.runner.run_in_background(lambda _s: roster.officer_loads(db), self._loads_ready, self._load_failed)

    def _loads_ready(self, loads: dict[int, OfficerLoad]) -> None:
        self.model.apply_loads(loads)

    def _on_changed(self, entity: str, ids: list) -> None:  # type: ignore[type-arg]
        if entity == "officer":
            self.refresh_officers(ids)
        elif entity == "case":
            self._case_timer.start()  # many case changes arrive together: count once
        elif entity == "shift":
            self.reload_shifts()
            self.refresh_officers([r.id for r in self.model.all_rows()])

    def _tick(self) -> None:
        self.model.refresh_ages()
        self.reload_shifts()

    # ---- filters ----------------------------------------------------------------------------------
    def _fill_status_combo(self) -> None:
        current = self.status_combo.currentData()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("All statuses"), "")
        for status in DUTY_ORDER:
            self.status_combo.addItem(duty_label(status), status)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(current or "")))
        self.status_combo.blockSignals(False)

    def _fill_area_combos(self) -> None:
        street = self.street_combo.currentData()
        self.street_combo.blockSignals(True)
        self.street_combo.clear()
        self.street_combo.addItem(self.tr("All streets"), ALL)
        for node in self._tree.streets if self._tree else ():
            self.street_combo.addItem(node.name, node.id)
        self.street_combo.setCurrentIndex(max(0, self.street_combo.findData(street if street is not None else ALL)))
        self.street_combo.blockSignals(False)
        self._fill_communities()

    def _fill_communities(self) -> None:
        street = self.street_combo.currentData()
        current = self.community_combo.currentData()
        self.community_combo.blockSignals(True)
        self.community_combo.clear()
        self.community_combo.addItem(self.tr("All communities"), ALL)
        for node in self._tree.streets if self._tree else ():
            if street in (None, ALL) or node.id == street:
                for community in node.communities:
                    self.community_combo.addItem(community.name, community.id)
        self.community_combo.setCurrentIndex(max(0, self.community_combo.findData(current if current is not None
                                                                                  else ALL)))
        self.community_combo.blockSignals(False)

    def _street_changed(self) -> None:
        self._fill_communities()
        self._apply_filter()

    def _apply_filter(self) -> None:
        street = self.street_combo.currentData()
        community = self.community_combo.currentData()
        self.model.set_filter(RosterFilter(
            street_id=ALL if street is None else int(street),
            community_id=ALL if community is None else int(community),
            status=self.status_combo.currentData() or "",
            text=self.search.text(),
        ))
        self._render_count()
        self._update_actions()

    def clear_filters(self) -> None:
        for combo in (self.street_combo, self.community_combo, self.status_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_communities()
        self.search.clear()
        self._apply_filter()

    def _render_count(self) -> None:
        rows = self.model.all_rows()
        by_status = {s: 0 for s in DUTY_ORDER}
        for r in rows:
            by_status[r.duty_status] = by_status.get(r.duty_status, 0) + 1
        self.count_label.setText(self.tr(
            "Showing {shown} of {total} officers · {on} on duty · {field} in the field · {off} off duty · "
            "{leave} on leave").format(shown=self.model.rowCount(), total=len(rows), on=by_status["on_duty"],
                                       field=by_status["in_field"], off=by_status["off_duty"],
                                       leave=by_status["on_leave"]))

    # ---- duty status ------------------------------------------------------------------------------
    def selected_officers(self) -> list[OfficerRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def select_officer(self, officer_id: int) -> bool:
        index = self.model.index_of(officer_id)
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _update_actions(self) -> None:
        has = bool(self.table.selectionModel().selectedRows()) if self.table.selectionModel() else False
        for action in self.duty_actions.values():
            action.setEnabled(self.can_manage and has)
        if hasattr(self, "assign_button"):
            self._update_shift_buttons()

    def _context_menu(self, pos: Any) -> None:
        if not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        for action in self.duty_actions.values():
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def set_duty_status(self, status: str, officers: Sequence[OfficerRow] | None = None) -> None:
        """Change the duty status of the selected (or given) officers, each under its own lock."""
        targets = list(officers if officers is not None else self.selected_officers())
        if not targets or not self.can_manage:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def work(_state: Any) -> tuple[list[OfficerRow], list[tuple[OfficerRow, BaseException]]]:
            done, failed = [], []
            for r in targets:
                try:
                    done.append(roster.set_duty_status(db, actor, r.id, DutyStatus(status), r.version))
                except Exception as exc:  # each officer is its own transaction; report every failure
                    failed.append((r, exc))
            return done, failed

        self.ctx.runner.run_in_background(work, self._duty_done, self._duty_failed)

    def _duty_done(self, result: tuple[list[OfficerRow], list[tuple[OfficerRow, BaseException]]]) -> None:
        done, failed = result
        self.model.apply_rows(done)
        self._render_count()
        for r in done:
            self.duty_changed.emit(r.id)
        if failed:
            self.show_message("\n".join(self._describe(r, exc) for r, exc in failed), error=True)
            self.refresh_officers([r.id for r, _ in failed])
        elif done:
            names = ", ".join(r.name for r in done[:5]) + ("…" if len(done) > 5 else "")
            self.show_message(self.tr("{names}: now {status}").format(names=names,
                                                                     status=duty_label(done[0].duty_status)))

    def _duty_failed(self, exc: BaseException) -> None:
        self.show_message(describe_error(exc), error=True)

    def _describe(self, r: OfficerRow, exc: BaseException) -> str:
        if isinstance(exc, StaleOfficer):
            return self.tr("{name} was changed at another seat (now {status}). Nothing was changed here; "
                           "the row has been reloaded, check it and try again.").format(
                name=r.name, status=duty_label(exc.duty_status))
        return f"{r.name}: {describe_error(exc)}"

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #1a7f37;")

    # ---- imports ----------------------------------------------------------------------------------
    def _choose_and_import(self, kind: str) -> None:
        title = self.tr("Import officers") if kind == "officers" else self.tr("Import departments")
        path, _ = QFileDialog.getOpenFileName(self, title, "", self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.import_file(kind, path)

    def import_file(self, kind: str, path: str | Path) -> None:
        """Import officers or departments from a CSV file off the GUI thread."""
        # the importers load shapely: not at start-up
        from ..services.imports import import_departments, import_officers

        importer = {"officers": import_officers, "departments": import_departments}[kind]
        db, actor = self.ctx.db, self.ctx.actor
        self.show_message(self.tr("Importing {file}…").format(file=Path(path).name))
        for action in (self.import_officers_action, self.import_departments_action):
            action.setEnabled(False)
        self.ctx.runner.run_in_background(lambda _s: importer(db, path, actor), self._imported, self._import_failed)

    def _imported(self, result: ImportResult) -> None:
        self._enable_imports()
        what = self.tr("officers") if result.kind == "officers" else self.tr("departments")
        self.show_message(self.tr("Imported {what} from {file} ({encoding}): {created} created, {updated} updated, "
                                  "{unchanged} unchanged").format(
            what=what, file=Path(result.path).name, encoding=result.encoding, created=result.created,
            updated=result.updated, unchanged=result.unchanged))
        if result.kind == "officers":
            self.reload()
        self.import_finished.emit(result)

    def _import_failed(self, exc: BaseException) -> None:
        self._enable_imports()
        if isinstance(exc, ImportRejected):
            head = self.tr("{file}: nothing was imported. Fix these {n} problem(s) and import the file again:").format(
                file=Path(exc.path).name, n=len(exc.problems))
            lines = [f"{where}: {why}" for where, why in exc.problems]
            self.show_message(head + "\n" + "\n".join(lines[:5]) + ("\n…" if len(lines) > 5 else ""), error=True)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import refused"), head, QMessageBox.StandardButton.Ok,
                              self)
            box.setObjectName("importRejected")
            box.setInformativeText("\n".join(lines[:15]) + ("\n…" if len(lines) > 15 else ""))
            box.setDetailedText("\n".join(lines))
            self.import_message = box
            box.open()
        else:
            self.show_message(describe_error(exc), error=True)
        self.import_finished.emit(exc)

    def _enable_imports(self) -> None:
        for action in (self.import_officers_action, self.import_departments_action):
            action.setEnabled(self.can_import)

    # ---- shifts -----------------------------------------------------------------------------------
    def reload_shifts(self) -> None:
        db, centres = self.ctx.db, self.ctx.actor.centre_ids

        def work(_s: Any) -> tuple[list[ShiftRow], ShiftBoard, list[UserOption]]:
            return roster.list_shifts(db, centres), roster.shift_board(db, centres), roster.list_users(db, centres)

        self.ctx.runner.run_in_background(work, self._shifts_loaded, self._load_failed)

    def _shifts_loaded(self, result: tuple[list[ShiftRow], ShiftBoard, list[UserOption]]) -> None:
        shifts, board, users = result
        selected = self.current_shift()
        wanted = self._select_after_reload or (selected.id if selected is not None else None)
        self._select_after_reload = None
        running = {c.period.shift.id for c in board.current}
        shift_rolled = self._board is not None and running != {c.period.shift.id for c in self._board.current}
        self._board = board
        if shift_rolled:  # a shift began or ended: the "shift now" column changes for its members
            self.refresh_officers([r.id for r in self.model.all_rows()])
        self.shift_model.set_shifts(shifts)
        if wanted is not None:
            self.select_shift(wanted)
        self.user_combo.clear()
        for u in users:
            self.user_combo.addItem(f"{u.display_name} ({u.role})", u.id)
        self._render_board()
        self._show_members()
        self.shifts_loaded.emit()

    def _render_board(self) -> None:
        board = self._board
        if board is None:
            self.current_label.setText(self.tr("Loading shifts…"))
            self.next_label.setText("")
            return
        if board.current:
            parts = [self.tr("{name} ({start}–{end}): {officers} officers, {operators} operators").format(
                name=c.period.shift.name, start=self._when(c.period.start), end=self._when(c.period.end),
                officers=len(c.officer_names), operators=len(c.user_names)) for c in board.current]
            self.current_label.setText(self.tr("On now: {shifts}").format(shifts="; ".join(parts)))
            self.current_label.setToolTip("\n".join(", ".join((*c.officer_names, *c.user_names))
                                                    for c in board.current))
        else:
            self.current_label.setText(self.tr("On now: no shift is running"))
            self.current_label.setToolTip("")
        if board.next is not None:
            n = board.next
            self.next_label.setText(self.tr("Next: {name} from {start} ({officers} officers, {operators} operators)")
                                    .format(name=n.period.shift.name, start=self._when(n.period.start, with_day=True),
                                            officers=len(n.officer_names), operators=len(n.user_names)))
            self.next_label.setToolTip(", ".join((*n.officer_names, *n.user_names)))
        else:
            self.next_label.setText(self.tr("Next: no shift defined"))

    def _when(self, instant: datetime, with_day: bool = False) -> str:
        local = instant.astimezone(LOCAL_TZ)
        text = local.strftime("%H:%M")
        if with_day and local.date() != self.ctx.db.clock.now().astimezone(LOCAL_TZ).date():
            text = f"{day_names()[local.weekday()]} {text}"
        return text

    def current_shift(self) -> ShiftRow | None:
        index = self.shift_table.currentIndex()
        return self.shift_model.shift(index.row()) if index.isValid() else None

    def select_shift(self, shift_id: int) -> bool:
        row = self.shift_model.row_of(shift_id)
        if row is None:
            return False
        self.shift_table.selectRow(row)
        return True

    def _show_members(self) -> None:
        shift = self.current_shift()
        self.members.clear()
        if shift is None:
            self.members_label.setText(self.tr("Select a shift to see who works it"))
        else:
            self.members_label.setText(self.tr("Working {name}:").format(name=shift.name))
            for oid, name in zip(shift.officer_ids, shift.officer_names, strict=True):
                item = QListWidgetItem(icon("officer"), name)
                item.setData(ROW_ROLE, ("officer", oid))
                self.members.addItem(item)
            for uid, name in zip(shift.user_ids, shift.user_names, strict=True):
                item = QListWidgetItem(icon("user"), name)
                item.setData(ROW_ROLE, ("user", uid))
                self.members.addItem(item)
        self._update_shift_buttons()

    def _update_shift_buttons(self) -> None:
        shift = self.current_shift() if hasattr(self, "shift_table") else None
        self.new_shift_button.setEnabled(self.can_manage)
        for b in (self.edit_shift_button, self.delete_shift_button, self.add_user_button):
            b.setEnabled(self.can_manage and shift is not None)
        self.assign_button.setEnabled(self.can_manage and shift is not None
                                      and bool(self.table.selectionModel().selectedRows()))
        self.unassign_button.setEnabled(self.can_manage and bool(self.members.selectedItems()))

    def new_shift(self) -> None:
        self._open_shift_dialog(None)

    def edit_shift(self) -> None:
        shift = self.current_shift()
        if shift is not None and self.can_manage:
            self._open_shift_dialog(shift)

    def _open_shift_dialog(self, shift: ShiftRow | None) -> None:
        dialog = ShiftDialog(shift, self)
        dialog.accepted.connect(lambda: self.save_shift(dialog.values(), None if shift is None else shift.id))
        dialog.finished.connect(dialog.deleteLater)
        self.shift_dialog = dialog
        dialog.open()

    def save_shift(self, values: dict[str, Any], shift_id: int | None = None) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._run_shift(lambda _s: roster.save_shift(db, actor, shift_id=shift_id, **values))

    def delete_shift(self) -> None:
        shift = self.current_shift()
        if shift is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run_shift(lambda _s: roster.delete_shift(db, actor, shift.id))

    def assign_selected_officers(self) -> None:
        shift = self.current_shift()
        officers = [r.id for r in self.selected_officers()]
        if shift is None or not officers:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run_shift(lambda _s: roster.assign_to_shift(db, actor, shift.id, officer_ids=officers))

    def add_selected_user(self) -> None:
        shift = self.current_shift()
        user_id = self.user_combo.currentData()
        if shift is None or user_id is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run_shift(lambda _s: roster.assign_to_shift(db, actor, shift.id, user_ids=[int(user_id)]))

    def remove_selected_members(self) -> None:
        shift = self.current_shift()
        picked = [item.data(ROW_ROLE) for item in self.members.selectedItems()]
        if shift is None or not picked:
            return
        officers = [i for kind, i in picked if kind == "officer"]
        users = [i for kind, i in picked if kind == "user"]
        db, actor = self.ctx.db, self.ctx.actor
        self._run_shift(lambda _s: roster.remove_from_shift(db, actor, shift.id, officer_ids=officers,
                                                            user_ids=users))

    def _run_shift(self, fn: Callable[[Any], Any]) -> None:
        def done(result: Any) -> None:
            if isinstance(result, ShiftRow):
                self.show_message(self.tr("Shift {name} saved").format(name=result.name))
                self._select_after_reload = result.id
            else:
                self.show_message(self.tr("Shift deleted"))
            self.reload_shifts()
            self.refresh_officers([r.id for r in self.model.all_rows()])

        self.ctx.runner.run_in_background(fn, done, lambda exc: self.show_message(describe_error(exc), error=True))


def _screen_title() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("RosterView", "Roster")


SCREEN = ScreenSpec(key="roster", order=20, title=_screen_title, icon="roster", shortcut="Ctrl+3", factory=RosterView)
