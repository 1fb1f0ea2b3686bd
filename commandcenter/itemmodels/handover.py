"""The handover screen's tables: the pending items being written, and lists of handovers.

Pending items are edited in the table, yet rows stay frozen: an edit replaces the row by key
(`dataChanged`), so the base's one way of changing rows holds for editable tables too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QObject, Qt, QTime, Signal

from ..domain.enums import HandoverStatus
from ..services.handover import HandoverListRow, ItemInput
from .base import Index, RowTableModel

DEFAULT_TZ = "Asia/Shanghai"  # until the rows' centre says otherwise
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def local_time(instant: datetime | None, tz: str, fmt: str = "%m-%d %H:%M") -> str:
    """`instant` on the centre's wall clock, or a dash when there is none."""
    return instant.astimezone(ZoneInfo(tz)).strftime(fmt) if instant is not None else "—"


def status_text(status: str) -> str:
    """A handover status in the interface language (context "HandoverView")."""
    names = {
        HandoverStatus.DRAFT.value: QCoreApplication.translate("HandoverView", "Draft"),
        HandoverStatus.SIGNED.value: QCoreApplication.translate("HandoverView", "Signed"),
        HandoverStatus.ACKNOWLEDGED.value: QCoreApplication.translate("HandoverView", "Acknowledged"),
    }
    return names.get(status, status)


# ---- pending items --------------------------------------------------------------------
@dataclass(frozen=True)
class PendingItem:
    """A pending item on the table; `id` is the table's own, so an edit finds its row."""

    id: int
    text: str
    case_number: str
    due_at: datetime | None
    done: bool


class PendingItemsModel(RowTableModel[PendingItem]):
    """The pending items of the handover being written; editable until it is locked."""

    DONE, DUE, CASE, TEXT = range(4)
    COLUMN_COUNT = 4
    items_edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = DEFAULT_TZ
        self._read_only = False
        self._ids = count(1)

    # ---- the rows ---------------------------------------------------------------------
    def _item(self, item: ItemInput) -> PendingItem:
        return PendingItem(next(self._ids), item.text, item.case_number, item.due_at, item.done)

    def set_items(self, items: Sequence[ItemInput], tz: str, read_only: bool) -> None:
        self._tz, self._read_only = tz, read_only
        self.set_rows([self._item(i) for i in items])

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock editing and keep the rows (they may hold unsaved text)."""
        if read_only != self._read_only:
            self._read_only = read_only
            if self._visible:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, self.COLUMN_COUNT - 1))

    def items(self) -> list[ItemInput]:
        return [ItemInput(r.text, r.case_number, r.due_at, r.done) for r in self.visible_rows()]

    def add_item(self, item: ItemInput) -> None:
        self.upsert([self._item(item)])
        self.items_edited.emit()

    def remove_item(self, row: int) -> None:
        if 0 <= row < len(self._visible) and not self._read_only:
            self.remove([self.row_at(row).id])
            self.items_edited.emit()

    # ---- Qt model API -----------------------------------------------------------------
    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Done"), self.tr("Due"), self.tr("Case"), self.tr("What to do"))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._read_only:
            return base
        if index.column() == self.DONE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def display(self, r: PendingItem, col: int) -> str | None:
        if col == self.DUE:
            return local_time(r.due_at, self._tz)
        if col == self.CASE:
            return r.case_number or "—"
        if col == self.TEXT:
            return r.text
        return None

    def role_data(self, r: PendingItem, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and col == self.DONE:
            return Qt.CheckState.Checked if r.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            if col == self.DUE:  # a QDateTime gets the default delegate's date-time editor
                local = (r.due_at or datetime.now(UTC) + timedelta(hours=1)).astimezone(ZoneInfo(self._tz))
                return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
            if col == self.CASE:
                return r.case_number
            if col == self.TEXT:
                return r.text
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or self._read_only:
            return False
        r, col = self.row_at(index.row()), index.column()
        if col == self.DONE and role == Qt.ItemDataRole.CheckStateRole:
            edited = replace(r, done=Qt.CheckState(value) == Qt.CheckState.Checked)
        elif col == self.DUE and role == Qt.ItemDataRole.EditRole and isinstance(value, QDateTime):
            d, t = value.date(), value.time()
            edited = replace(r, due_at=datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(),
                                                tzinfo=ZoneInfo(self._tz)))
        elif col in (self.CASE, self.TEXT) and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            if col == self.TEXT and not text:
                return False
            edited = replace(r, case_number=text) if col == self.CASE else replace(r, text=text)
        else:
            return False
        self.upsert([edited])
        self.items_edited.emit()
        return True


# ---- lists of handovers ---------------------------------------------------------------
class HandoverListModel(RowTableModel[HandoverListRow]):
    """Handovers as a list: history, or the ones waiting to be acknowledged."""

    ID, DATE, SHIFT, STATUS, AUTHOR, SIGNED, ACKNOWLEDGED, ITEMS, NOTES = range(9)
    COLUMN_COUNT = 9

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = DEFAULT_TZ

    def set_handovers(self, rows: Sequence[HandoverListRow], tz: str) -> None:
        """A whole reload: the list is re-queried on every search."""
        self._tz = tz
        self.set_rows(rows)

    def row_of(self, handover_id: int) -> int:
        at = self.display_row_of(handover_id)
        return -1 if at is None else at

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("#"), self.tr("Date"), self.tr("Shift"), self.tr("Status"), self.tr("Written by"),
                self.tr("Signed"), self.tr("Acknowledged by"), self.tr("Items"), self.tr("Notes"))

    def role_data(self, r: HandoverListRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.ID, self.ITEMS):
            return _RIGHT
        return None

    def display(self, r: HandoverListRow, col: int) -> str | None:
        if col == self.ID:
            return str(r.id)
        if col == self.DATE:
            return f"{r.shift_date:%Y-%m-%d}"
        if col == self.SHIFT:
            return r.shift_name + (self.tr(" (correction to #{id})").format(id=r.corrects_id) if r.corrects_id else "")
        if col == self.STATUS:
            return status_text(r.status)
        if col == self.AUTHOR:
            return r.author_name
        if col == self.SIGNED:
            return local_time(r.signed_at, self._tz)
        if col == self.ACKNOWLEDGED:
            return f"{r.acknowledged_by_name} {local_time(r.acknowledged_at, self._tz)}" if r.acknowledged_at else "—"
        if col == self.ITEMS:
            return str(r.item_count)
        if col == self.NOTES:
            return " ".join(r.notes.split())[:120]
        return None
