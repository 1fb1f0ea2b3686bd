"""The follow-up screen: closed cases whose reporter is still to be called back (回访).

Operators work down the list oldest closure first (red past the follow-up window): Enter or a
double click records the reporter's answer in the field-step dialog, and the case leaves the
list. Anonymous and confidential reporters never appear (`services.field_steps`); names and
numbers are masked for roles without the right, the number to call is revealed on the case.
The list reloads off the GUI thread whenever the change feed reports case changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.actions import Action
from ..domain.entities import Entity
from ..gui.context import AppContext
from ..gui.icons import icon
from ..gui.screens import ScreenSpec
from ..itemmodels.follow_ups import FollowUpModel
from ..itemmodels.roles import ROW_ROLE
from ..labels import describe_error
from ..shapes.cases import CaseRow
from ..shapes.follow_up import FollowUpDue
from .dialogs.field_steps import FieldStepDialog


class FollowUpsView(QWidget):
    """The follow-up list (objectName ``followUpScreen``)."""

    loaded = Signal(int)  # how many calls are listed
    recorded = Signal(int)  # the case whose follow-up was recorded

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("followUpScreen")
        self._loading = False
        self.model = FollowUpModel(ctx.principal.timezone, self)
        self.table = QTableView(self, objectName="followUpTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # the oldest closure first
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.record_selected())
        self.count_label = QLabel(self, objectName="followUpCount")
        self.record_button = QPushButton(icon(Action.FOLLOW_UP.value), "", self, objectName="recordFollowUp")
        self.record_button.clicked.connect(self.record_selected)
        self.record_button.setEnabled(ctx.can(Action.FOLLOW_UP))
        for keys in ("Return", "Enter"):
            QShortcut(QKeySequence(keys), self.table, self.record_selected)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._reload_timer = QTimer(self, singleShot=True, interval=500)  # a burst of changes, one reload
        self._reload_timer.timeout.connect(self.reload)
        ctx.feed.changed.connect(self._on_feed_changed)
        self.retranslate_ui()
        self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.record_button.setText(self.tr("Record the answer (Enter)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.COLUMN_COUNT - 1)
        self._update_count()

    def _update_count(self) -> None:
        late = sum(1 for r in self.rows() if r.late)
        self.count_label.setText(self.tr("{n} reporters to call back, {late} of them past the window").format(
            n=self.model.rowCount(), late=late))

    def rows(self) -> list[FollowUpDue]:
        return [self.model.index(i, 0).data(ROW_ROLE) for i in range(self.model.rowCount())]

    # ---- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:
            self._reload_timer.start()
            return
        self._loading = True
        wall, principal = self.ctx.wall, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: wall.follow_ups(principal), self._loaded, self._failed)

    def _loaded(self, rows: tuple[FollowUpDue, ...]) -> None:
        self._loading = False
        self.model.set_rows(rows)
        self._update_count()
        self.loaded.emit(len(rows))

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.count_label.setText(self.tr("Could not load the follow-ups: {error}").format(error=describe_error(exc)))

    def _on_feed_changed(self, entity: str, _ids: list) -> None:  # type: ignore[type-arg]
        if entity == Entity.CASE:
            self._reload_timer.start()

    # ---- recording --------------------------------------------------------------------
    def selected(self) -> FollowUpDue | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def record_selected(self) -> None:
        due = self.selected()
        if due is None or not self.ctx.can(Action.FOLLOW_UP):
            return
        cases, principal = self.ctx.cases, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: cases.row(principal, due.id),
                                          lambda row: self._ask(due, row), self._show_error)

    def _ask(self, due: FollowUpDue, row: CaseRow) -> None:
        dialog = FieldStepDialog(self.ctx, Action.FOLLOW_UP, row, self, reporter=due.reporter_name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._perform(row, dialog.params()))
        dialog.open()

    def _perform(self, row: CaseRow, params: object) -> None:
        cases, principal = self.ctx.cases, self.ctx.principal
        self.ctx.runner.run_in_background(
            lambda _s: cases.perform(principal, row.id, Action.FOLLOW_UP, params, expected_version=row.version),
            lambda done: (self.recorded.emit(done.id), self.reload()), self._show_error)

    def _show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Not done"), describe_error(exc))
        self.reload()


def _screen_title() -> str:
    return QCoreApplication.translate("screens", "Follow-ups")


def _may_follow_up(ctx: AppContext) -> bool:
    return ctx.can(Action.FOLLOW_UP)


SCREEN = ScreenSpec(key="follow_ups", order=60, title=_screen_title, icon="follow_up", shortcut="Ctrl+7",
                    factory=FollowUpsView, available=_may_follow_up)
