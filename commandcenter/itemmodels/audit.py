"""The audit screen's table: audit entries, newest first, reloaded whole on every search."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QObject, Qt

from ..audit_words import audit_action_label, audit_entity_label
from ..gui.localtime import DEFAULT_TZ, format_local
from ..shapes.audit import AuditRow
from .base import RowTableModel

DETAIL_COLUMN = 6  # what the entry records, the widest column
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class AuditModel(RowTableModel[AuditRow]):
    """Audit entries: when, who, what, on what, from where, and the detail recorded."""

    ID, AT, USER, ACTION, ENTITY, CASE, DETAIL, WORKSTATION, OS_USER = range(9)
    COLUMN_COUNT = 9
    _SORT = {ID: attrgetter("id"), AT: attrgetter("at"), USER: attrgetter("actor"), ACTION: attrgetter("action"),
             ENTITY: attrgetter("entity"), CASE: attrgetter("case_number"),
             WORKSTATION: attrgetter("workstation"), OS_USER: attrgetter("os_user")}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = DEFAULT_TZ

    def set_entries(self, rows: Sequence[AuditRow], tz: str) -> None:
        self._tz = tz
        self.set_rows(rows)

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("#"), self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("On"),
                self.tr("Case"), self.tr("Detail"), self.tr("Workstation"), self.tr("OS user"))

    def display(self, r: AuditRow, col: int) -> str | None:
        if col == self.ID:
            return str(r.id)
        if col == self.AT:
            return format_local(r.at, self._tz, "%Y-%m-%d %H:%M:%S")
        if col == self.ENTITY:
            entity = audit_entity_label(r.entity)
            return entity if r.entity_id is None else f"{entity} {r.entity_id}"
        if col == self.DETAIL:
            return " ".join(r.detail.split())[:200]  # one line: control characters never break the row
        return {self.USER: r.actor, self.ACTION: audit_action_label(r.action), self.CASE: r.case_number,
                self.WORKSTATION: r.workstation, self.OS_USER: r.os_user}.get(col)

    def role_data(self, r: AuditRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.ID:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and col == self.DETAIL:
            return r.detail
        return None

    def sort_key(self, column: int) -> Callable[[AuditRow], Any] | None:
        return self._SORT.get(column)
