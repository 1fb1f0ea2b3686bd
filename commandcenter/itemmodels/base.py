"""One table model over a list of frozen rows, for every list-like screen.

Every table of the app shows plain rows from the services and must take live changes without
losing the operator's selection or scroll position. `RowTableModel` does that once:

- rows are kept in `_rows` (a list, by key in `_pos`); the visible ones in display order are an
  index array `_visible` into it (Orange's PyTableModel idea): sorting sorts the small ints by
  a key computed once per row (Python's `sort(key=...)`, never a `lessThan` per comparison),
  filtering picks indexes, and neither touches the rows;
- a change is applied by key (`upsert`, `remove`): a visible row that still shows gets
  `dataChanged` and stays where it is (the table never jumps under the operator's eyes), a row
  that starts to show is inserted at its sorted position with `beginInsertRows`, a row that
  stops showing goes with `beginRemoveRows`; only `set_rows` (a whole reload) and a new
  filter reset the model;
- the custom roles are the constants of `itemmodels.roles`; `ROW_ROLE` and `ID_ROLE` are
  answered here for every model.

A screen's model is a thin subclass: its column titles, `display` and `role_data` for a row,
a `sort_key` per column and, when it filters, `row_filter`. A model whose cells are painted
by the thousand (the wall) may answer `data`/`multiData` itself and keep the rest. `flags` is
left to Qt (every call into Python from the GUI thread costs; the default is enabled,
selectable, no children).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from .roles import ID_ROLE, ROW_ROLE

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root of a flat model
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_SCAN_TIES = 64  # rows scanned past a bisect hit before falling back to a full search


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Frozen rows by key, shown through a sorted, filtered index array (see the module docstring).

    Subclasses set `COLUMN_COUNT` and implement `column_titles` and `display`; the rest has
    defaults: unsorted (insertion order), unfiltered, keyed by the row's `id`.
    """

    COLUMN_COUNT = 0
    # orders rows with equal sort keys: insertion order unless a subclass names a row field
    # (an attrgetter: the wall sorts 100k rows, and a Python call per row would show)
    TIEBREAK: Callable[[Any], Any] | None = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._pos: dict[Hashable, int] = {}
        self._visible: list[int] = []
        self._sort_column: int | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder

    # ---- what a subclass says ----------------------------------------------------------------
    def key(self, row: R) -> Hashable:
        """The row's identity: a replacement with the same key updates it in place."""
        return row.id  # type: ignore[attr-defined]

    def column_titles(self) -> Sequence[str]:
        raise NotImplementedError

    def column_title(self, section: int) -> str:
        """One header's title (a subclass with many columns may answer without building all)."""
        return self.column_titles()[section]

    def display(self, row: R, column: int) -> Any:
        raise NotImplementedError

    def role_data(self, row: R, column: int, role: int) -> Any:
        """Any role but display, row and id (alignment, colours, tooltips...)."""
        return None

    def header_role_data(self, section: int, role: int) -> Any:
        """A horizontal header's roles but display (its tooltip, say)."""
        return None

    def sort_key(self, column: int) -> Callable[[R], Any] | None:
        """How `column` sorts (None: it does not)."""
        return None

    def row_filter(self) -> Callable[[R], bool] | None:
        """Which rows show (None: all of them, without a call per row)."""
        return None

    def _row_replaced(self, i: int) -> None:
        """Row `i` was replaced: a subclass drops what it cached for it."""

    def _rows_reset(self) -> None:
        """Every index may mean another row now: a subclass drops its per-row caches."""

    # ---- Qt model interface --------------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == _DISPLAY:
            return self.column_title(section)
        return self.header_role_data(section, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < len(self._visible):  # an invalid index has row -1
            return None
        r = self._rows[self._visible[row]]
        if role == _DISPLAY:
            return self.display(r, index.column())
        if role == ROW_ROLE:
            return r
        if role == ID_ROLE:
            return self.key(r)
        return self.role_data(r, index.column(), role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.COLUMN_COUNT or self.sort_key(column) is None:
            return
        self._sort_column, self._sort_order = column, order
        self._resort()

    # ---- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[R]) -> None:
        """A whole reload (first load, an import, a new search): the one place rows reset."""
        self.beginResetModel()
        self._rows = list(rows)
        self._pos = {self.key(r): i for i, r in enumerate(self._rows)}
        self._rows_reset()
        self._visible = self._filtered_sorted(range(len(self._rows)))
        self.endResetModel()

    def upsert(self, rows: Iterable[R]) -> None:
        """Apply changed or new rows in place, row by row (see the module docstring)."""
        accepts = self.row_filter()
        for row in rows:
            self._put(row, accepts is None or accepts(row))

    def remove(self, keys: Iterable[Hashable]) -> None:
        """Drop the rows with these keys (unknown keys are ignored)."""
        gone = {self._pos[k] for k in set(keys) if k in self._pos}
        if not gone:
            return
        for i in gone:
            at = self._visible_row(i)
            if at is not None:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self._visible[at]
                self.endRemoveRows()
        # the rows above a removed one move down: renumber the index array, no reset
        kept = [i for i in range(len(self._rows)) if i not in gone]
        renumbered = {old: new for new, old in enumerate(kept)}
        self._rows = [self._rows[i] for i in kept]
        self._visible = [renumbered[i] for i in self._visible]
        self._pos = {self.key(r): i for i, r in enumerate(self._rows)}
        self._rows_reset()

    def refilter(self) -> None:
        """Show the rows `row_filter` now accepts (a new view of the list: resets the model)."""
        self.beginResetModel()
        self._rows_reset()
        self._visible = self._filtered_sorted(range(len(self._rows)))
        self.endResetModel()

    def retranslate(self) -> None:
        """The language changed: headers and every cell repaint."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, self.COLUMN_COUNT - 1))

    def _put(self, row: R, show: bool) -> tuple[int, bool]:
        """Store `row` by key and place it on screen; returns its index and whether it is new."""
        k = self.key(row)
        i = self._pos.get(k)
        if i is None:
            i = len(self._rows)
            self._rows.append(row)
            self._pos[k] = i
            visible_at, changed, new = None, True, True
        else:
            visible_at = self._visible_row(i)  # found by the old sort key, before the row changes
            changed, new = self._rows[i] != row, False
            self._rows[i] = row
            self._row_replaced(i)
        if visible_at is not None and show:
            if changed:
                self.dataChanged.emit(self.index(visible_at, 0), self.index(visible_at, self.COLUMN_COUNT - 1))
        elif visible_at is not None:
            self.beginRemoveRows(QModelIndex(), visible_at, visible_at)
            del self._visible[visible_at]
            self.endRemoveRows()
        elif show:
            at = self._insert_position(i)
            self.beginInsertRows(QModelIndex(), at, at)
            self._visible.insert(at, i)
            self.endInsertRows()
        return i, new

    # ---- sorting and filtering -----------------------------------------------------------------
    @property
    def _reverse(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _current_key(self) -> Callable[[R], Any] | None:
        return None if self._sort_column is None else self.sort_key(self._sort_column)

    def _filtered_sorted(self, candidates: Iterable[int]) -> list[int]:
        accepts, rows = self.row_filter(), self._rows
        visible = list(candidates) if accepts is None else [i for i in candidates if accepts(rows[i])]
        self._sort_in_place(visible)
        return visible

    def _sort_in_place(self, indexes: list[int]) -> None:
        """Display order: the column's key, ties by `TIEBREAK`, each key computed once."""
        key = self._current_key()
        if key is None:
            indexes.sort()
            return
        rows, tiebreak = self._rows, self.TIEBREAK
        if tiebreak is None:
            indexes.sort(key=lambda i: (key(rows[i]), i), reverse=self._reverse)
        else:
            indexes.sort(key=lambda i: (key(rows[i]), tiebreak(rows[i])), reverse=self._reverse)

    def _bisect_key(self) -> Callable[[int], Any]:
        """A totally ordered key per row index that agrees with `_sort_in_place`, for bisecting
        `_visible` (made once per search: a lookup compares some twenty rows)."""
        key, rows, tiebreak = self._current_key() or _no_key, self._rows, self.TIEBREAK

        def ascending(i: int) -> Any:
            row = rows[i]
            return key(row), (i if tiebreak is None else tiebreak(row))

        if self._reverse:
            return lambda i: _Reversed(ascending(i))
        return ascending

    def _resort(self) -> None:
        """Re-sort keeping selections: persistent indexes follow their rows."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [self._visible[p.row()] if p.isValid() and p.row() < len(self._visible) else -1 for p in persistent]
        self._sort_in_place(self._visible)
        position = {i: n for n, i in enumerate(self._visible)}
        self.changePersistentIndexList(
            persistent,
            [self.index(position[i], p.column()) if i >= 0 else QModelIndex()
             for p, i in zip(persistent, held, strict=True)],
        )
        self.layoutChanged.emit()

    def _insert_position(self, i: int, left: bool = False) -> int:
        search = bisect.bisect_left if left else bisect.bisect_right
        key = self._bisect_key()
        return search(self._visible, key(i), key=key)

    def _visible_row(self, i: int) -> int | None:
        """The display row of row `i`: a bisect on the sort key, then a scan of ties. A row
        updated in place keeps its place even when its key moved: then a full search."""
        if not self._visible:
            return None
        at = self._insert_position(i, left=True)
        for j in range(max(0, at - 1), min(len(self._visible), at + _SCAN_TIES)):
            if self._visible[j] == i:
                return j
        try:
            return self._visible.index(i)
        except ValueError:
            return None

    # ---- lookups -------------------------------------------------------------------------------
    def row_at(self, display_row: int) -> R:
        """The row shown at `display_row` (for an index that may be invalid, ask its ROW_ROLE)."""
        if not 0 <= display_row < len(self._visible):
            raise IndexError(display_row)
        return self._rows[self._visible[display_row]]

    def row_for(self, key: Hashable) -> R | None:
        i = self._pos.get(key)
        return None if i is None else self._rows[i]

    def display_row_of(self, key: Hashable) -> int | None:
        i = self._pos.get(key)
        return None if i is None else self._visible_row(i)

    def index_of(self, key: Hashable, column: int = 0) -> QModelIndex:
        at = self.display_row_of(key)
        return QModelIndex() if at is None else self.index(at, column)

    @property
    def total_rows(self) -> int:
        return len(self._rows)

    def all_rows(self) -> list[R]:
        return list(self._rows)

    def visible_rows(self) -> list[R]:
        return [self._rows[i] for i in self._visible]


def _no_key(_row: Any) -> int:
    return 0


class _Reversed:
    """Inverts the ordering of a key so one ascending bisect serves descending sorts."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: _Reversed) -> bool:
        return bool(other.key < self.key)

    def __gt__(self, other: _Reversed) -> bool:
        return bool(other.key > self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)
