"""The roster screen's tables: every officer (filtered, sorted, live) and the centre's shifts.

3,096 officers re-sort in a few milliseconds through the base's index arrays (no sorting
proxy), and another seat's edits apply row by row, so selection and scroll position survive.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from ..gui.style import DUTY_TEXT_COLOURS, ERROR, shade
from ..labels import duty_label, format_age
from ..position_labels import place_detail, place_text
from ..services.roster import OfficerLoad, OfficerRow
from ..services.shifts import ShiftRow
from .base import RowTableModel

DUTY_ORDER: tuple[str, ...] = ("on_duty", "in_field", "off_duty", "on_leave")
ALL = -1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


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


def last_seen(seconds: float) -> str:
    """How long ago an officer's position came in, worded like the dispatch reasons."""
    if seconds < 60:
        return QCoreApplication.translate("roster", "just now")
    return QCoreApplication.translate("roster", "{age} ago").format(age=format_age(seconds))


_DUTY_RANK = {s: n for n, s in enumerate(DUTY_ORDER)}
_SORT_KEYS: dict[int, Callable[[OfficerRow], Any]] = {
    Column.NAME: lambda r: (r.pinyin_initials, r.name, r.employee_no),
    Column.EMPLOYEE_NO: lambda r: r.employee_no,
    Column.STATUS: lambda r: (_DUTY_RANK.get(r.duty_status, 9), r.employee_no),
    Column.SHIFT: lambda r: (r.shift_name, r.employee_no),
    Column.GRIDS: lambda r: (r.grid_codes or ("~",), r.employee_no),
    Column.AREA: lambda r: (r.street_names, r.community_names, r.employee_no),
    Column.OPEN: lambda r: (r.open_cases, r.overdue_cases, r.employee_no),
    Column.OVERDUE: lambda r: (r.overdue_cases, r.open_cases, r.employee_no),
    Column.POSITION: lambda r: (r.last_place is None, r.last_place.grid_code if r.last_place else "",
                                r.last_place.distance_m if r.last_place else 0.0),
    Column.LAST_SEEN: lambda r: (r.last_seen_at is None, r.last_seen_at.timestamp() if r.last_seen_at else 0),
    Column.PHONE: lambda r: r.phone,
}


class OfficerRosterModel(RowTableModel[OfficerRow]):
    """Every officer, the visible ones filtered by `RosterFilter` and sorted by any column."""

    COLUMN_COUNT = len(Column)

    def __init__(self, now: Callable[[], datetime] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now or (lambda: datetime.now(UTC))
        self._filter = RosterFilter()
        self._brushes: dict[str, QBrush] = {}

    def column_titles(self) -> list[str]:
        return [self.tr("Name"), self.tr("Employee no."), self.tr("Duty status"), self.tr("Shift now"),
                self.tr("Grids"), self.tr("Street / community"), self.tr("Open"), self.tr("Overdue"),
                self.tr("Last position"), self.tr("Seen"), self.tr("Phone")]

    def header_role_data(self, section: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and section in (Column.OPEN, Column.OVERDUE):
            return self.tr("Cases assigned to the officer and not yet closed (click to sort by load)")
        return None

    def display(self, r: OfficerRow, col: int) -> str | int:
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
            if r.last_place is not None:
                return place_text(r.last_place)
            # far from every grid: the coordinates are all there is to say
            return "" if r.last_lon is None or r.last_lat is None else f"{r.last_lon:.5f}, {r.last_lat:.5f}"
        if col == Column.LAST_SEEN:
            if r.last_seen_at is None:
                return self.tr("never") if r.last_lon is None else ""
            return last_seen((self._now() - r.last_seen_at).total_seconds())
        if col == Column.PHONE:
            return r.phone
        return ""

    def role_data(self, r: OfficerRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Column.STATUS:
                return self._brush(DUTY_TEXT_COLOURS.get(r.duty_status, "#000000"))
            if col == Column.OVERDUE and r.overdue_cases:
                return self._brush(ERROR)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Column.OPEN, Column.OVERDUE):
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.GRIDS:
                return "\n".join(r.grid_codes)
            if col == Column.POSITION and r.last_place is not None and r.last_lon is not None:
                return f"{place_detail(r.last_place)}\n{r.last_lon:.5f}, {r.last_lat:.5f}"
            if col == Column.LAST_SEEN and r.last_seen_at is not None:
                return r.last_seen_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return None

    def _brush(self, colour: str) -> QBrush:
        colour = shade(colour)  # the theme's: the roster's inks are chosen for white
        if colour not in self._brushes:
            self._brushes[colour] = QBrush(QColor(colour))
        return self._brushes[colour]

    def sort_key(self, column: int) -> Callable[[OfficerRow], Any] | None:
        return _SORT_KEYS.get(column)

    def row_filter(self) -> Callable[[OfficerRow], bool] | None:
        return None if self._filter == RosterFilter() else self._filter.matches

    # ---- data in ----------------------------------------------------------------------------------
    def set_filter(self, roster_filter: RosterFilter) -> None:
        """Show only the officers the filter matches (a new view of the list: resets the model)."""
        if roster_filter != self._filter:
            self._filter = roster_filter
            self.refilter()

    @property
    def roster_filter(self) -> RosterFilter:
        return self._filter

    def apply_rows(self, rows: Iterable[OfficerRow], removed: Iterable[Hashable] = ()) -> None:
        """Apply changed officers in place: update, insert at their sorted place, or remove."""
        self.upsert(rows)
        self.remove(removed)

    def apply_loads(self, loads: dict[int, OfficerLoad]) -> list[int]:
        """New open/overdue counts for every officer (absent means none); returns the changed ids."""
        none = OfficerLoad(0, 0)
        changed = []
        for i, r in enumerate(self._rows):
            load = loads.get(r.id, none)
            if (r.open_cases, r.overdue_cases) != (load.open_cases, load.overdue_cases):
                changed.append(i)
                self._rows[i] = replace(r, open_cases=load.open_cases, overdue_cases=load.overdue_cases)
                self._row_replaced(i)
        if changed and self._visible:
            # one signal over the span of changed rows, not a search and a signal per officer
            position = {i: at for at, i in enumerate(self._visible)}
            rows = [position[i] for i in changed if i in position]
            if rows:
                self.dataChanged.emit(self.index(min(rows), Column.OPEN), self.index(max(rows), Column.OVERDUE))
        return [self._rows[i].id for i in changed]

    def refresh_ages(self) -> None:
        if self._visible:
            self.dataChanged.emit(self.index(0, Column.LAST_SEEN), self.index(len(self._visible) - 1, Column.LAST_SEEN),
                                  [Qt.ItemDataRole.DisplayRole])

    # ---- lookups ----------------------------------------------------------------------------------
    def officer(self, officer_id: int) -> OfficerRow | None:
        return self.row_for(officer_id)


# ---- shifts ---------------------------------------------------------------------------------------
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
    return [QCoreApplication.translate("roster", "Mon"), QCoreApplication.translate("roster", "Tue"),
            QCoreApplication.translate("roster", "Wed"), QCoreApplication.translate("roster", "Thu"),
            QCoreApplication.translate("roster", "Fri"), QCoreApplication.translate("roster", "Sat"),
            QCoreApplication.translate("roster", "Sun")]


class ShiftTableModel(RowTableModel[ShiftRow]):
    """The centre's shifts: name, hours, days and how many officers and operators work them."""

    COLUMN_COUNT = 5

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Shift"), self.tr("Hours"), self.tr("Days"), self.tr("Officers"), self.tr("Operators"))

    def display(self, s: ShiftRow, col: int) -> str | int:
        if col == 0:
            return s.name
        if col == 1:
            return f"{s.start_time}–{s.end_time}" + (self.tr(" (+1 day)") if s.overnight else "")
        if col == 2:
            return weekdays_text(s.weekdays)
        if col == 3:
            return len(s.officer_ids)
        return len(s.user_ids)

    def role_data(self, s: ShiftRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((*s.officer_names, *s.user_names))
        return None

    def set_shifts(self, shifts: Sequence[ShiftRow]) -> None:
        """Replace the list, updating rows in place when the same shifts come back."""
        if [s.id for s in shifts] == [s.id for s in self._rows]:
            self.upsert(shifts)
        else:
            self.set_rows(shifts)

    def shift(self, row: int) -> ShiftRow:
        return self.row_at(row)

    def row_of(self, shift_id: int) -> int | None:
        return self.display_row_of(shift_id)
