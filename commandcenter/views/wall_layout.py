"""The wall's layout: what the operator arranged is remembered, and columns give way to the width.

Its own module because it has one job apart from showing cases. Remembered through
gui/settings: the sort (the triage order or a column), the filter bar's choices, the header's
column order and widths, and the table/side splitter; saved a moment after each change, read
back when the next wall opens. Columns are hidden when the table is narrower than their sum,
least useful first (`DROP_ORDER`): the 14-digit grid code first (the community's name stays),
so at 1366×768 location, source and assignee remain on screen.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer

from ..gui import settings
from ..itemmodels.wall import COLUMN_INDEX, COLUMNS, TRIAGE

if TYPE_CHECKING:
    from .wall_view import WallView

# the width each column opens with (a saved header state wins)
COLUMN_WIDTHS = {"number": 136, "priority": 54, "time_left": 74, "status": 150, "received": 84,
                 "category": 110, "street": 80, "community": 80, "grid": 116, "location": 140,
                 "source": 76, "assignee": 76}
# hidden first when the table is too narrow; the case, priority, time left and status never are
DROP_ORDER = ("grid", "received", "street", "category", "community", "source", "assignee", "location")
SAVE_AFTER_MS = 500


class WallLayout(QObject):
    """Adapts and remembers the layout of one wall (see the module docstring)."""

    def __init__(self, view: WallView) -> None:
        super().__init__(view)
        self.view = view
        self.table = view.table
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(COLUMN_INDEX[key], width)
        self.fit_row_height()
        self._adapting = False
        self._timer = QTimer(self, singleShot=True, interval=SAVE_AFTER_MS)
        self._timer.timeout.connect(self.save)
        header.sectionMoved.connect(self.changed)
        header.sectionResized.connect(self.changed)
        header.sortIndicatorChanged.connect(self.changed)
        view.splitter.splitterMoved.connect(self.changed)
        view.filters.triage_button.clicked.connect(self.sort_by_triage)
        self.table.installEventFilter(self)  # font changes
        self.table.viewport().installEventFilter(self)  # its width: the table's less any scroll bar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Type.FontChange:
            self.fit_row_height()
            self.adapt_columns()
        elif watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.adapt_columns()
        return super().eventFilter(watched, event)

    def fit_row_height(self) -> None:
        """Rows as tall as the font needs (the font size is the operator's, Ctrl+= / Ctrl+-)."""
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)

    def adapt_columns(self) -> None:
        """Show as many columns as fit the table's width, hiding the least useful first."""
        header = self.table.horizontalHeader()
        available = self.table.viewport().width()
        if available <= 0 or self._adapting:
            return
        self._adapting = True
        try:
            # a hidden section measures 0 and the last one is stretched: those count as they open
            shown = [header.logicalIndex(v) for v in range(header.count())
                     if not header.isSectionHidden(header.logicalIndex(v))]
            last = shown[-1] if shown else -1
            widths = {c.key: (header.sectionSize(COLUMN_INDEX[c.key]) if COLUMN_INDEX[c.key] != last else 0)
                      or COLUMN_WIDTHS[c.key] for c in COLUMNS}
            total, hidden = sum(widths.values()), set()
            for key in DROP_ORDER:
                if total <= available:
                    break
                hidden.add(key)
                total -= widths[key]
            for c in COLUMNS:
                header.setSectionHidden(COLUMN_INDEX[c.key], c.key in hidden)
        finally:
            self._adapting = False

    def hidden_columns(self) -> list[str]:
        header = self.table.horizontalHeader()
        return [c.key for c in COLUMNS if header.isSectionHidden(COLUMN_INDEX[c.key])]

    def changed(self, *_args: object) -> None:
        """Something the operator arranged changed: save soon (a drag makes many changes)."""
        if not self._adapting:
            self._timer.start()

    def save(self) -> None:
        self._timer.stop()
        model = self.view.model
        settings.WALL_SORT_COLUMN.set(model.sort_column)
        settings.WALL_SORT_DESCENDING.set(model.sort_order == Qt.SortOrder.DescendingOrder)
        settings.WALL_FILTERS.set(json.dumps(self.view.filters.state()))
        settings.WALL_HEADER.set(self.table.horizontalHeader().saveState())
        settings.WALL_SPLITTER.set(self.view.splitter.saveState())

    def restore(self) -> None:
        """Put back what was saved; the filters apply to the model before the first load."""
        header = self.table.horizontalHeader()
        state = settings.WALL_HEADER.get()
        if state:
            header.restoreState(state)
        splitter = settings.WALL_SPLITTER.get()
        if splitter:
            self.view.splitter.restoreState(splitter)
        try:
            chosen = json.loads(settings.WALL_FILTERS.get() or "{}")
        except ValueError:
            chosen = {}
        filters = self.view.filters
        if isinstance(chosen, dict):
            for widget in (filters, filters.period_combo, filters.overdue_first):
                widget.blockSignals(True)
            filters.restore(chosen)
            for widget in (filters, filters.period_combo, filters.overdue_first):
                widget.blockSignals(False)
        self.view.scope_from_period()  # the first load reads the period put back
        self.view.model.set_overdue_first(filters.overdue_first.isChecked())
        self.view.model.set_filter(filters.current_filter())
        column = settings.WALL_SORT_COLUMN.get()
        order = Qt.SortOrder.DescendingOrder if settings.WALL_SORT_DESCENDING.get() else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column if 0 <= column < len(COLUMNS) else TRIAGE, order)
        self._timer.stop()  # putting back is not a change to save

    def sort_by_triage(self) -> None:
        """Back to the triage order (overdue, escalated, urgent, high, time left)."""
        self.table.horizontalHeader().setSortIndicator(TRIAGE, Qt.SortOrder.AscendingOrder)
        self.table.scrollToTop()
