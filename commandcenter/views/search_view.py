"""The case search screen (Ctrl+2): any case of any age, opened with its detail and history.

The wall holds open and recent cases only; this asks `ctx.search` (the trigram index) for the
cases matching text and filters, whatever their age, and shows the chosen one's detail, history
and photos beside the list, read off the GUI thread like every search. Ctrl+F stays the wall's
and the roster's own filter field.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import CaseStatus
from ..gui import settings
from ..gui.context import AppContext
from ..gui.icons import icon
from ..gui.localtime import zone
from ..gui.screens import ScreenSpec
from ..gui.style import error_style
from ..itemmodels.search import SearchModel
from ..labels import describe_error, status_label
from ..shapes.cases import CaseDetail
from ..shapes.search import SearchQuery, SearchResult
from ..widgets.case_detail import CaseDetailPanel
from .case_reveal import wire_reveal
from .photo_panels import wire_photos

# Ctrl+2, beside the other screens' Ctrl+digit: Ctrl+Shift+F is the wall's follow-up call
SHORTCUT = "Ctrl+2"


class SearchView(QWidget):
    """The search screen (objectName ``searchScreen``)."""

    searched = Signal(int)  # how many cases matched in all
    case_opened = Signal(int)  # the id of the case whose detail is shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("searchScreen")
        self.text = QLineEdit(self, objectName="searchText", clearButtonEnabled=True)
        self.grid = QLineEdit(self, objectName="searchGrid", clearButtonEnabled=True)
        self.officer = QLineEdit(self, objectName="searchOfficer", clearButtonEnabled=True)
        self.department = QLineEdit(self, objectName="searchDepartment", clearButtonEnabled=True)
        self.status = QComboBox(self, objectName="searchStatus")
        self.status.addItem("", "")
        for status in CaseStatus:
            self.status.addItem(status_label(status.value), status.value)
        today = datetime.now(zone(ctx.principal.timezone)).date()
        self.use_period = QCheckBox(self, objectName="searchUsePeriod")
        self.date_from = QDateEdit(QDate(today.year - 1, today.month, 1), self, objectName="searchFrom",
                                   calendarPopup=True)
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), self, objectName="searchTo",
                                 calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            self.use_period.toggled.connect(edit.setEnabled)
        self.search_button = QPushButton(icon("search"), "", self, objectName="searchButton")
        self.count = QLabel(self, objectName="searchCount")
        self.model = SearchModel(self)
        self.table = QTableView(self, objectName="searchTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = CaseDetailPanel(self, now=ctx.db.clock.now, timezone=ctx.principal.timezone)
        wire_reveal(ctx, self.detail)
        self.photos = wire_photos(ctx, self.detail)

        self.labels: dict[str, QLabel] = {name: QLabel(self) for name in
                                          ("text", "grid", "officer", "department", "status")}
        for name, field in (("text", self.text), ("grid", self.grid), ("officer", self.officer),
                            ("department", self.department), ("status", self.status)):
            self.labels[name].setBuddy(field)  # a screen reader names the field by its label
        form = QGridLayout()
        form.addWidget(self.labels["text"], 0, 0)
        form.addWidget(self.text, 0, 1, 1, 5)
        form.addWidget(self.search_button, 0, 6)
        form.addWidget(self.labels["grid"], 1, 0)
        form.addWidget(self.grid, 1, 1)
        form.addWidget(self.labels["officer"], 1, 2)
        form.addWidget(self.officer, 1, 3)
        form.addWidget(self.labels["department"], 1, 4)
        form.addWidget(self.department, 1, 5)
        form.addWidget(self.labels["status"], 2, 0)
        form.addWidget(self.status, 2, 1)
        period = QHBoxLayout()
        period.addWidget(self.use_period)
        period.addWidget(self.date_from)
        period.addWidget(QLabel("–", self))
        period.addWidget(self.date_to)
        period.addStretch(1)
        form.addLayout(period, 2, 2, 1, 4)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.table, 1)
        column.addWidget(self.count)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setObjectName("searchSplitter")
        settings.remember_splitter(splitter, settings.SEARCH_SPLITTER)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.search_button.clicked.connect(self.search)
        for edit in (self.text, self.grid, self.officer, self.department):
            edit.returnPressed.connect(self.search)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.activated.connect(lambda index: self.open_case(self.model.hit(index.row()).row.id))
        self._opening: int | None = None
        self.retranslate_ui()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.text.setFocus()
        self.text.selectAll()

    # ---- searching ------------------------------------------------------------------------
    def query(self) -> SearchQuery:
        """What the fields say, as the service's query (days in the centre's zone, the last one included)."""
        tz = zone(self.ctx.principal.timezone)

        def start(d: QDate) -> datetime:
            return datetime.combine(date(d.year(), d.month(), d.day()), time(0), tz)

        period = self.use_period.isChecked()
        return SearchQuery(text=self.text.text(), grid_code=self.grid.text(), officer=self.officer.text(),
                           department=self.department.text(),
                           statuses=(self.status.currentData(),) if self.status.currentData() else (),
                           reported_from=start(self.date_from.date()) if period else None,
                           reported_to=start(self.date_to.date()) + timedelta(days=1) if period else None)

    def search(self) -> None:
        query, search, principal = self.query(), self.ctx.search, self.ctx.principal
        self.search_button.setEnabled(False)
        self.count.setStyleSheet("")
        self.count.setText(self.tr("Searching…"))
        self.ctx.runner.run_in_background(lambda _state: search.search(principal, query),
                                          on_done=self._show_result, on_error=self._failed)

    def _show_result(self, result: SearchResult) -> None:
        self.search_button.setEnabled(True)
        self.model.set_hits(result.hits, self.ctx.principal.timezone)
        if result.total > len(result.hits):
            self.count.setText(self.tr("Cases found: {total}; the newest {shown} are listed").format(
                total=result.total, shown=len(result.hits)))
        else:
            self.count.setText(self.tr("Cases found: {total}").format(total=result.total))
        for column in range(self.model.COLUMN_COUNT - 1):
            self.table.resizeColumnToContents(column)
        if result.hits:
            self.table.selectRow(0)
        self.searched.emit(result.total)

    def _failed(self, exc: BaseException) -> None:
        self.search_button.setEnabled(True)
        self.count.setStyleSheet(error_style())
        self.count.setText(describe_error(exc))

    # ---- opening a case -------------------------------------------------------------------
    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self.open_case(self.model.hit(rows[0].row()).row.id)

    def open_case(self, case_id: int) -> None:
        """Show the case's detail, history and photos beside the list, whatever its age."""
        self._opening = case_id
        cases, principal = self.ctx.cases, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _state: cases.detail(principal, case_id), self._show_detail,
                                          self._failed)

    def _show_detail(self, detail: CaseDetail) -> None:
        if detail.row.id == self._opening:
            self.detail.show_detail(detail)
            self.case_opened.emit(detail.row.id)

    # ---- language ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.labels["text"].setText(self.tr("Number, words, address or phone"))
        self.labels["grid"].setText(self.tr("Grid code (or its prefix)"))
        self.labels["officer"].setText(self.tr("Officer no."))
        self.labels["department"].setText(self.tr("Department code"))
        self.labels["status"].setText(self.tr("Status"))
        self.text.setPlaceholderText(self.tr("e.g. 20251125-00042, 井盖, 梅峰路, 138 1234 5678"))
        self.use_period.setText(self.tr("Reported between"))
        self.date_from.setAccessibleName(self.tr("Reported from"))
        self.date_to.setAccessibleName(self.tr("Reported until"))
        self.table.setAccessibleName(self.tr("Cases found"))
        self.search_button.setText(self.tr("Search"))
        self.status.setItemText(0, self.tr("any"))
        for i in range(1, self.status.count()):
            self.status.setItemText(i, status_label(self.status.itemData(i)))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _screen_title() -> str:
    return QCoreApplication.translate("SearchView", "Find cases")


SCREEN = ScreenSpec(key="search", order=45, title=_screen_title, icon="search", shortcut=SHORTCUT, factory=SearchView)

__all__ = ["SCREEN", "SearchView"]
