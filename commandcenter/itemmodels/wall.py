"""The live wall's item model: every case of the wall as a row, on the shared `RowTableModel`
(filtered and sorted with index arrays: a sorting QSortFilterProxyModel costs ~13 s at 100k
rows; changes from the feed applied in place by case id). Beyond the base it adds what a wall
of a hundred thousand cases needs: the countdown that moves every second, arrival highlights,
and painting without a Python call per role.

The once-a-second tick repaints only countdown cells whose text or colour changed. A
`dataChanged` over the whole column made the table repaint every visible cell through Python
(about 20 ms a second at Putian scale), so the model remembers the countdowns a view has fetched
and when each next changes, and wakes only those (a heap keyed by that time), one cell each.

The default order is triage (`sort(-1)`): overdue, then escalated (催办/督办), then urgent and
high, then the least time left, newest last among equals; closed cases after all open ones. Its
key is computed once per row per sort, like a column's, at the moment of the sort (`_triage_now`),
so the bisects that place a changed row agree with the order on screen. A row that becomes
overdue while shown is re-banded at once and moved among the overdue rows at the next tick
(`resort_due`, one row move each, never a re-sort). Overdue and escalated rows carry a band across
the whole row and an icon in the first cell; the status cell names the escalation level.
Colours come from the current theme (gui/style), re-read when it changes.

Painting asks for seven roles of every visible cell. `multiData` (what Qt's delegate calls)
answers them in one call into Python from display texts cached per row, and `flags` is left to
Qt: every entry into Python from the GUI thread must win the GIL back from background loads.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import attrgetter

from PySide6.QtCore import QModelRoleDataSpan, QObject, Qt
from PySide6.QtGui import QBrush, QFont, QIcon

from .. import i18n
from ..domain.deadlines import DueState
from ..domain.enums import CaseStatus, Priority
from ..gui.localtime import DEFAULT_TZ, format_local
from ..gui.style import bold_font, current_theme, notifier, qcolor, tinted_icon
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate
from ..labels import priority_label, source_label, status_label
from ..shapes.cases import CaseRow
from .base import ROOT, Index, RowTableModel
from .roles import DUE_ROLE, ID_ROLE, NEW_ROLE, PRIORITY_ROLE, ROW_ROLE
from .wall_rules import (  # noqa: F401  re-exported: the wall's screens import them from the model
    CLOCK_STOPPED,
    DAYS_FORMAT_SECONDS,
    NO_TINT_STATUSES,
    WallFilter,
    due_of,
    escalation_text,
    format_countdown,
    is_escalated,
    is_overdue,
    next_countdown_change,
    triage_key,
)

HIGHLIGHT_SECONDS = 6.0


_PRIORITY_RANK = {p.value: i for i, p in enumerate(Priority)}
_NEVER = 2**62
TRIAGE = -1  # the sort "column" of the triage order
# what a countdown cell shows that moves with the clock
COUNTDOWN_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, DUE_ROLE]
ROW_MARK_ROLES = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole]


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # marked for translation in context "wall"
    sort_key: Callable[[CaseRow], object]


def _epoch(value: datetime | None, missing: int) -> int:
    return int(value.timestamp()) if value is not None else missing


# what an operator reads first comes first: which case, how urgent, how long left, where it stands
COLUMNS: tuple[Column, ...] = (
    Column("number", N("wall", "Case"), lambda r: r.case_number),
    Column("priority", N("wall", "Priority"), lambda r: _PRIORITY_RANK.get(r.priority, 9)),
    Column("time_left", N("wall", "Time left"), lambda r: _epoch(r.stage_deadline_at, 2**62) if r.clock_running else 2**62),
    Column("status", N("wall", "Status"), lambda r: r.status),
    Column("received", N("wall", "Received"), lambda r: _epoch(r.reported_at, 0)),
    Column("category", N("wall", "Category"), lambda r: r.category_code),
    Column("street", N("wall", "Street"), lambda r: r.street_name),
    Column("community", N("wall", "Community"), lambda r: r.community_name),
    Column("grid", N("wall", "Grid"), lambda r: r.grid_code),
    Column("location", N("wall", "Location"), lambda r: r.address),
    Column("source", N("wall", "Source"), lambda r: r.source),
    Column("assignee", N("wall", "Assignee"), lambda r: r.assignee_name),
)
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}
TIME_LEFT = COLUMN_INDEX["time_left"]
PRIORITY_COLUMN = COLUMN_INDEX["priority"]
STATUS_COLUMN = COLUMN_INDEX["status"]
CELL_CACHE_ROWS = 5000  # rows of display texts kept; a screen shows under a hundred

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)


@dataclass(slots=True)
class _ShownCountdown:
    """A countdown as a view last fetched it: where, what it showed, when that next changes."""

    display_row: int
    text: str
    due: DueState
    next_change: int


class WallModel(RowTableModel[CaseRow]):
    """All wall rows by case id, the visible ones through the base's index array."""

    COLUMN_COUNT = len(COLUMNS)
    TIEBREAK = attrgetter("id")  # equal keys in case order, whatever order the rows came in

    def __init__(self, now: Callable[[], datetime] | None = None, parent: QObject | None = None,
                 timezone: str = DEFAULT_TZ) -> None:
        super().__init__(parent)
        self._now_fn = now or (lambda: datetime.now(UTC))
        self._tz = timezone  # the centre's: "received" reads as on its wall clock
        self._filter = WallFilter()
        self._sort_column: int | None = None  # None: the triage order
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._overdue_first = False
        self._triage_now = int(self._now_fn().timestamp())
        self._crossings: list[tuple[int, int]] | None = None  # (deadline, row index) heap: resort_due
        self._arrived: dict[int, float] = {}
        self._now = int(self._now_fn().timestamp())
        self._bold = bold_font()
        self._brushes: dict[str, QBrush] = {}
        # band, icon and the epoch second until which they hold, by row index
        self._marks: dict[int, tuple[QBrush | None, QIcon | None, int]] = {}
        notifier.changed.connect(self.restyle)
        # countdowns handed to a view, by row index; dropped once their change is announced
        # (a view still showing the row fetches it again), so the set stays the size of a screen
        self._shown: dict[int, _ShownCountdown] = {}
        self._wakeups: list[tuple[int, int]] = []  # heap of (next_change, row index)
        # display texts by row index (the countdown's slot is filled live), for one language
        self._cells: dict[int, tuple[str, ...]] = {}
        self._cells_language = i18n.current_language()
        # referral marks by case id (services.referral): the status cell says so, its tooltip why
        self._referrals: dict[int, str] = {}
        self._role_values: dict[int, Callable[[int, int], object]] = {
            ID_ROLE: lambda i, _c: self._rows[i].id,
            ROW_ROLE: lambda i, _c: self._rows[i],
            PRIORITY_ROLE: lambda i, _c: self._rows[i].priority,
            DUE_ROLE: lambda i, _c: due_of(self._rows[i], self._now).value,
            NEW_ROLE: lambda i, _c: self._rows[i].id in self._arrived,
            _FOREGROUND: self._foreground,
            _BACKGROUND: self._background,
            _FONT: self._font,
            _ALIGNMENT: lambda _i, c: _RIGHT if c == TIME_LEFT else None,
            _TOOLTIP: lambda i, c: (self._referrals.get(self._rows[i].id) if c == STATUS_COLUMN else None)
            or self._rows[i].description,
            _DECORATION: self._decoration,
        }

    # ---- what the base asks ---------------------------------------------------------
    def column_title(self, section: int) -> str:
        return translate("wall", COLUMNS[section].title)

    def column_titles(self) -> list[str]:
        return [self.column_title(n) for n in range(len(COLUMNS))]

    def display(self, row: CaseRow, column: int) -> str:
        return self._display(row, column)

    def sort_key(self, column: int) -> Callable[[CaseRow], object] | None:
        return COLUMNS[column].sort_key if 0 <= column < len(COLUMNS) else None

    def _current_key(self) -> Callable[[CaseRow], object] | None:
        if self._sort_column is None:
            return triage_key(self._triage_now)
        return super()._current_key()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A column's order, or with column -1 (no header section) the triage order."""
        if column != TRIAGE:
            super().sort(column, order)
            return
        self._sort_column, self._sort_order = None, Qt.SortOrder.AscendingOrder
        self._resort()

    @property
    def sort_column(self) -> int:
        """The column the rows are sorted by; -1 for the triage order."""
        return TRIAGE if self._sort_column is None else self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def resort_due(self) -> int:
        """Move the shown rows that have become overdue since the triage order was made to where
        it now puts them (call it every tick); returns how many moved.

        Time shifts every row's seconds left alike, so the others keep their order: only the
        crossing rows move, one `beginMoveRows` each, found through a heap of deadlines built
        once per sort (a full re-sort of 80,000 rows would stall the screen for half a second)."""
        if self._sort_column is not None:
            return 0
        now = self._now
        if self._crossings is None:
            self._crossings = self._deadline_heap()
        heap, rows, moved = self._crossings, self._rows, 0
        while heap and heap[0][0] < now:
            deadline, i = heapq.heappop(heap)
            r = rows[i]
            if r.stage_deadline_at is None or int(r.stage_deadline_at.timestamp()) != deadline \
                    or r.status in CLOCK_STOPPED or deadline < self._triage_now:
                continue  # changed since it was pushed (its replacement has its own entry)
            moved += self._move_crossed(i, deadline)
        self._triage_now = max(self._triage_now, now)
        return moved

    def _deadline_heap(self) -> list[tuple[int, int]]:
        then, rows = self._triage_now, self._rows
        heap = []
        for i in self._visible:
            r = rows[i]
            d = r.stage_deadline_at
            if d is not None and r.status not in CLOCK_STOPPED and (epoch := int(d.timestamp())) >= then:
                heap.append((epoch, i))
        heapq.heapify(heap)
        return heap

    def _move_crossed(self, i: int, deadline: int) -> int:
        """Row `i` turns overdue at `deadline`: move it among the overdue rows."""
        src = self._visible_row(i)  # found with the key it was placed by
        self._triage_now = deadline + 1
        if src is None:
            return 0
        del self._visible[src]
        dest = self._insert_position(i)
        self._visible.insert(src, i)
        if dest == src:
            return 0
        self.beginMoveRows(ROOT, src, src, ROOT, dest if dest < src else dest + 1)
        del self._visible[src]
        self._visible.insert(dest, i)
        self.endMoveRows()
        return 1

    def row_filter(self) -> Callable[[CaseRow], bool] | None:
        f, now = self._filter, self._now
        return None if f.is_empty else (lambda r: f.matches(r, now))

    def _row_replaced(self, i: int) -> None:
        self._shown.pop(i, None)  # its deadline may have moved; the dataChanged that follows refetches
        self._cells.pop(i, None)
        self._marks.pop(i, None)
        self._push_crossing(i)

    def _put(self, row: CaseRow, show: bool) -> tuple[int, bool]:
        i, new = super()._put(row, show)
        if new:
            self._push_crossing(i)
        return i, new

    def _push_crossing(self, i: int) -> None:
        """A new or changed row's deadline joins the heap `resort_due` watches."""
        r = self._rows[i]
        if self._crossings is not None and r.stage_deadline_at is not None and r.status not in CLOCK_STOPPED:
            heapq.heappush(self._crossings, (int(r.stage_deadline_at.timestamp()), i))

    def _rows_reset(self) -> None:
        """After a reset every view fetches what it shows again."""
        self._shown.clear()
        self._wakeups.clear()
        self._cells.clear()
        self._marks.clear()

    # ---- painting (see the module docstring) -------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        row = index.row()
        if not 0 <= row < len(self._visible):  # an invalid index has row -1
            return None
        return self._value(self._visible[row], index.column(), row, role)

    def multiData(self, index: Index, span: QModelRoleDataSpan) -> None:  # noqa: N802
        """Every role a delegate asks for, in one call (see the module docstring)."""
        row = index.row()
        if not 0 <= row < len(self._visible):
            for role_data in span:
                role_data.clearData()
            return
        i, col = self._visible[row], index.column()
        for role_data in span:
            value = self._value(i, col, row, role_data.role())
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _value(self, i: int, col: int, display_row: int, role: int) -> object:
        if role == _DISPLAY:
            if col != TIME_LEFT:
                return self._texts(i)[col]
            r = self._rows[i]
            text = self._display(r, col)
            if r.clock_running and r.stage_deadline_at is not None:
                self._remember_countdown(i, display_row, r, text)
            return text
        value_of = self._role_values.get(role)
        return None if value_of is None else value_of(i, col)

    def _foreground(self, i: int, col: int) -> QBrush | None:
        theme = current_theme()
        if col == PRIORITY_COLUMN:
            return self._brush(theme.priority_colour(self._rows[i].priority))
        if col == TIME_LEFT:
            due = due_of(self._rows[i], self._now)
            if due is DueState.OVERDUE:
                return self._brush(theme.overdue_text)
            return self._brush(theme.due_soon_text) if due is DueState.DUE_SOON else None
        if col == STATUS_COLUMN and is_escalated(self._rows[i]):
            return self._brush(theme.escalated_text)
        return None

    def _background(self, i: int, _col: int) -> QBrush | None:
        """The row's band: new, overdue, escalated, urgent or high (closed rows have none)."""
        if self._rows[i].id in self._arrived:
            return self._brush(current_theme().band_new)
        return self._mark(i)[0]

    def _decoration(self, i: int, col: int) -> object:
        """An icon in the first cell of an overdue or escalated row (not only its colour)."""
        return self._mark(i)[1] if col == 0 else None

    def _mark(self, i: int) -> tuple[QBrush | None, QIcon | None]:
        """The row's band and icon, kept until the row, the theme or its overdue moment changes
        (painting asks for them in every cell)."""
        kept = self._marks.get(i)
        if kept is not None and self._now < kept[2]:
            return kept[0], kept[1]
        r, theme = self._rows[i], current_theme()
        until = _NEVER
        band: str | None = None
        mark: QIcon | None = None
        if r.status not in NO_TINT_STATUSES:
            if is_overdue(r, self._now):
                band, mark = theme.band_overdue, tinted_icon("overdue", theme.overdue_text)
            else:
                if r.clock_running and r.stage_deadline_at is not None:
                    until = int(r.stage_deadline_at.timestamp()) + 1  # the moment it turns overdue
                if is_escalated(r):
                    band = theme.band_escalated
                    mark = tinted_icon("escalation" if r.escalation_level >= 2 else "alert", theme.escalated_text)
                elif r.priority == Priority.URGENT:
                    band = theme.band_urgent
                elif r.priority == Priority.HIGH:
                    band = theme.band_high
        brush = self._brush(band) if band else None
        self._marks[i] = (brush, mark, until)
        return brush, mark

    def restyle(self) -> None:
        """The theme or the font changed: colours and fonts are read again, every cell repaints."""
        self._brushes.clear()
        self._marks.clear()
        self._bold = bold_font()
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, len(COLUMNS) - 1))

    def _font(self, i: int, col: int) -> QFont | None:
        if col == PRIORITY_COLUMN and self._rows[i].priority == Priority.URGENT:
            return self._bold
        if col == TIME_LEFT and due_of(self._rows[i], self._now) is DueState.OVERDUE:
            return self._bold
        return None

    def _brush(self, colour: str) -> QBrush:
        brush = self._brushes.get(colour)
        if brush is None:
            brush = self._brushes[colour] = QBrush(qcolor(colour))
        return brush

    def _texts(self, i: int) -> tuple[str, ...]:
        """The row's display texts, built once per row and language (the countdown is live)."""
        texts = self._cells.get(i)
        if texts is None:
            language = i18n.current_language()
            if language != self._cells_language or len(self._cells) >= CELL_CACHE_ROWS:
                self._cells.clear()
                self._cells_language = language
            r = self._rows[i]
            texts = self._cells[i] = tuple("" if c == TIME_LEFT else self._display(r, c) for c in range(len(COLUMNS)))
        elif self._cells_language != i18n.current_language():
            self._cells.clear()
            return self._texts(i)
        return texts

    def _display(self, r: CaseRow, col: int) -> str:
        key = COLUMNS[col].key
        if key == "number":
            return r.case_number
        if key == "received":
            return format_local(r.reported_at, self._tz, "%m-%d %H:%M")
        if key == "source":
            return source_label(r.source)
        if key == "category":
            return r.category_en if i18n.current_language() == "en" else r.category_zh
        if key == "priority":
            return priority_label(r.priority)
        if key == "street":
            return r.street_name
        if key == "community":
            return r.community_name
        if key == "grid":
            return r.grid_code
        if key == "location":
            return r.address
        if key == "status":
            label = status_label(r.status)
            if r.rework_count:
                label = f"{label} ↺{r.rework_count}"
            if is_escalated(r):
                label = f"{label} · {escalation_text(r.escalation_level)}"
            return f"{label} ⇅" if r.id in self._referrals else label
        if key == "assignee":
            return r.assignee_name
        if key == "time_left":
            if not r.clock_running or r.stage_deadline_at is None:
                return "—" if r.status != CaseStatus.SUSPENDED else translate("wall", "paused")
            return format_countdown(int(r.stage_deadline_at.timestamp()) - self._now)
        return ""

    # ---- data in ----------------------------------------------------------------------
    def set_rows(self, rows: Iterable[CaseRow]) -> None:
        """A whole reload (first load, period change): the one place the rows reset."""
        self._arrived.clear()
        super().set_rows(rows)

    def apply_rows(self, rows: Iterable[CaseRow], belongs: Callable[[CaseRow], bool],
                   highlight_new: bool = True) -> list[CaseRow]:
        """Apply changed rows in place; returns the rows that newly arrived on the wall."""
        arrived: list[CaseRow] = []
        for row in rows:
            on_wall = belongs(row)
            if not on_wall and self.row_for(row.id) is None:
                continue  # never on this wall: not kept
            _i, new = self._put(row, on_wall and self._filter.matches(row, self._now))
            if new:
                arrived.append(row)
                if highlight_new:
                    self._arrived[row.id] = time.monotonic()
        return arrived

    def set_referral_marks(self, marks: dict[int, str]) -> None:
        """The referral marks of the cases in `marks` (an empty text clears one): their status
        cells change in place."""
        for case_id, text in marks.items():
            if self._referrals.get(case_id, "") == text:
                continue
            if text:
                self._referrals[case_id] = text
            else:
                self._referrals.pop(case_id, None)
            i = self._pos.get(case_id)
            if i is None:
                continue
            self._cells.pop(i, None)
            shown = self._visible_row(i)
            if shown is not None:
                cell = self.index(shown, STATUS_COLUMN)
                self.dataChanged.emit(cell, cell, [_DISPLAY, _TOOLTIP])

    # ---- filtering and sorting --------------------------------------------------------
    def _overdue_rank(self, i: int) -> int:
        return 0 if due_of(self._rows[i], self._now) is DueState.OVERDUE else 1

    def _bisect_key(self) -> Callable[[int], object]:
        key = super()._bisect_key()
        if not self._overdue_first or self._sort_column is None:  # triage puts overdue first itself
            return key
        rank = self._overdue_rank
        return lambda i: (rank(i), key(i))

    def _sort_in_place(self, indexes: list[int]) -> None:
        if self._sort_column is None:
            self._triage_now = int(self._now_fn().timestamp())  # every key of this sort is at one moment
            self._crossings = None  # built again at the next tick
            key, rows = triage_key(self._triage_now), self._rows
            # the key and the case id (TIEBREAK) in one int, ids being under 2**48: the (key, id)
            # order the bisects place rows by, without a tuple and two more calls per row
            order = {i: key(rows[i]) << 48 | rows[i].id for i in indexes}
            indexes.sort(key=order.__getitem__)
            return
        super()._sort_in_place(indexes)
        if self._overdue_first:
            indexes.sort(key=self._overdue_rank)  # stable: keeps the column order within groups

    def set_filter(self, wall_filter: WallFilter) -> None:
        if wall_filter != self._filter:
            self._filter = wall_filter
            self.refilter()

    def set_overdue_first(self, on: bool) -> None:
        self._overdue_first = on
        self._resort()

    @property
    def wall_filter(self) -> WallFilter:
        return self._filter

    # ---- time -------------------------------------------------------------------------
    def tick(self) -> None:
        """Once a second: countdowns move, due states change colour, arrival highlights fade.

        Announces each changed cell on its own: a range reaching past the screen makes a
        QTableView repaint its whole viewport, while a cell off the screen costs nothing."""
        now = int(self._now_fn().timestamp())
        if now < self._now:  # the clock was set back: every shown countdown and band may differ
            self._marks.clear()
            for shown in self._shown.values():
                shown.next_change = now
            self._wakeups = [(now, i) for i in self._shown]
        self._now = now
        moment = time.monotonic()
        faded = [cid for cid, t in self._arrived.items() if moment - t > HIGHLIGHT_SECONDS]
        for cid in faded:
            del self._arrived[cid]
            row = self.display_row_of(cid)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1),
                                      [Qt.ItemDataRole.BackgroundRole, NEW_ROLE])
        for row, due_changed in self._changed_countdowns():
            if due_changed:  # the band and the icon follow the due state across the row
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1), ROW_MARK_ROLES)
            cell = self.index(row, TIME_LEFT)
            self.dataChanged.emit(cell, cell, COUNTDOWN_ROLES)

    def _changed_countdowns(self) -> list[tuple[int, bool]]:
        """Display rows of shown countdowns whose text or due state differs from what was shown,
        each with whether its due state changed."""
        changed: list[tuple[int, bool]] = []
        wakeups, now = self._wakeups, self._now
        while wakeups and wakeups[0][0] <= now:
            at, i = heapq.heappop(wakeups)
            shown = self._shown.get(i)
            if shown is None or shown.next_change != at:
                continue  # announced already, or re-fetched with a later wake-up
            r = self._rows[i]
            text, due = self._display(r, TIME_LEFT), due_of(r, now)
            if text == shown.text and due is shown.due:
                shown.next_change = next_countdown_change(r, now)
                heapq.heappush(wakeups, (shown.next_change, i))
                continue
            del self._shown[i]
            row = shown.display_row
            if not (row < len(self._visible) and self._visible[row] == i):
                row = self._visible_row(i)  # moved by a sort or an insert since it was fetched
            if row is not None:
                changed.append((row, due is not shown.due))
        return changed

    def _remember_countdown(self, i: int, display_row: int, r: CaseRow, text: str) -> None:
        shown = self._shown.get(i)
        if shown is not None and shown.text == text:
            shown.display_row = display_row
            return
        change = next_countdown_change(r, self._now)
        self._shown[i] = _ShownCountdown(display_row, text, due_of(r, self._now), change)
        heapq.heappush(self._wakeups, (change, i))

    # ---- lookups ----------------------------------------------------------------------
    def case(self, case_id: int) -> CaseRow | None:
        return self.row_for(case_id)
