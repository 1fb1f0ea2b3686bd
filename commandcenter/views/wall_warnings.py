"""The wall's warning tab: the early warnings (事前预警) of the seat's centres, kept live.

Its own widget beside the escalation tab because it has its own job: it shows
`ctx.live_warnings` (which runs the detectors on the cases the change feed reports, off the GUI
thread) in a `WarningModel`, says how many are open (the tab title carries the count), and opens
a warning's detail (double-click or Enter), where a supervisor answers it. A warning that has
just become open joins the seat's alerts (`ctx.alerts`: the wall's banner, the status-bar count).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..gui.context import AppContext
from ..gui.icons import icon
from ..itemmodels.roles import ROW_ROLE
from ..itemmodels.warnings import COLUMN_INDEX, WarningModel
from ..shapes.warnings import WarningItem
from ..warning_labels import evidence_text, kind_label
from .dialogs.warning_detail import WarningDetailDialog


class WarningPanel(QWidget):
    """The warning list; `listed` carries the open count whenever it may have changed."""

    listed = Signal(int)  # open warnings
    raised = Signal(list)  # warnings that have just become open (WarningItem)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.live = ctx.live_warnings
        self.model = WarningModel(ctx.principal.timezone, self)
        self.dialog: WarningDetailDialog | None = None
        self.table = QTableView(objectName="warningList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN_INDEX["status"], Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for key, width in (("kind", 90), ("subject", 120), ("category", 80), ("evidence", 200), ("raised", 128)):
            self.table.horizontalHeader().resizeSection(COLUMN_INDEX[key], width)
        self.table.activated.connect(self.open_warning)  # double-click or Enter
        self.show_answered = QCheckBox(objectName="showAnsweredWarnings")
        self.show_answered.toggled.connect(self.model.set_show_answered)
        self.open_button = QPushButton(icon("early_warning"), "", objectName="openWarning")
        self.open_button.clicked.connect(lambda: self.open_warning(self.table.currentIndex()))
        self.summary = QLabel(objectName="warningSummary")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_answered)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.open_button)
        self.live.changed.connect(self._changed)
        self.live.raised.connect(self._raised)
        self.retranslate_ui()
        self.live.start()
        if self.live.loaded:  # another screen started it first
            self._changed([])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.show_answered.setText(self.tr("Show answered"))
        self.open_button.setText(self.tr("Open warning…"))
        self.model.retranslate()
        self._update_summary()

    def _changed(self, items: list[WarningItem]) -> None:
        """Changed warnings in place; after a whole reload, every row by id (no reset)."""
        self.model.category_names = self.live.category_names
        if items:
            self.model.upsert(items)
        else:
            current = self.live.items
            self.model.remove([r.id for r in self.model.all_rows() if r.id not in current])
            self.model.upsert(current.values())
        self._update_summary()

    def _raised(self, items: list[WarningItem]) -> None:
        """A new (or re-opened) warning joins the seat's alerts: the banner, the status-bar count."""
        for w in items:
            text = self.tr("Early warning: {kind} · {subject} — {evidence}").format(
                kind=kind_label(w.kind), subject=w.subject, evidence=evidence_text(w))
            self.ctx.alerts.raise_alert(text, w.case_ids[-1] if w.case_ids else None, self.ctx.db.clock.now())
        self.raised.emit(items)

    def _update_summary(self) -> None:
        n = self.live.open_count()
        self.summary.setText(self.tr("%n open warning(s)", "", n) if self.live.loaded else self.tr("Loading…"))
        self.listed.emit(n)

    def open_warning(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.open_item(index.data(ROW_ROLE))

    def open_item(self, item: WarningItem) -> WarningDetailDialog:
        """The warning's detail, non-modal: the wall and the map stay usable beside it."""
        if self.dialog is not None:
            self.dialog.close()
        dialog = WarningDetailDialog(self.ctx, item, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None) if self.dialog is dialog else None)
        self.dialog = dialog
        dialog.show()
        return dialog
