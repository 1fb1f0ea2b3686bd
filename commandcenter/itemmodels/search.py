"""The search screen's table: the cases a search found, newest report first, reloaded whole on
every search."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QObject

from ..admin_labels import category_name
from ..gui.localtime import DEFAULT_TZ, format_local
from ..labels import status_label
from ..shapes.search import SearchHit
from .base import RowTableModel


class SearchModel(RowTableModel[SearchHit]):
    """Found cases: number, reported, status, category, grid, address, phone, handler, description."""

    NUMBER, REPORTED, STATUS, CATEGORY, GRID, ADDRESS, PHONE, HANDLER, DESCRIPTION = range(9)
    COLUMN_COUNT = 9

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = DEFAULT_TZ

    def set_hits(self, hits: Sequence[SearchHit], tz: str) -> None:
        self._tz = tz
        self.set_rows(hits)

    def key(self, row: SearchHit) -> Hashable:
        return row.row.id

    def hit(self, visible_row: int) -> SearchHit:
        return self._rows[self._visible[visible_row]]

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Case"), self.tr("Reported"), self.tr("Status"), self.tr("Category"), self.tr("Grid"),
                self.tr("Address"), self.tr("Phone"), self.tr("Handler"), self.tr("Description"))

    def display(self, h: SearchHit, col: int) -> str | None:
        r = h.row
        if col == self.REPORTED:
            return format_local(r.reported_at, self._tz)
        if col == self.STATUS:
            return status_label(r.status)
        if col == self.CATEGORY:
            return category_name(r.category_zh, r.category_en)
        if col == self.DESCRIPTION:
            return " ".join(r.description.split())[:120]
        return {self.NUMBER: r.case_number, self.GRID: r.grid_code, self.ADDRESS: r.address,
                self.PHONE: h.reporter_phone, self.HANDLER: r.assignee_name}.get(col)

    def sort_key(self, column: int) -> Callable[[SearchHit], Any] | None:
        if column == self.REPORTED:
            return lambda h: h.row.reported_at
        if column in (self.NUMBER, self.GRID, self.STATUS):
            return lambda h: self.display(h, column) or ""
        return None
