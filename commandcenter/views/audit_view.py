"""The audit screen: search the audit trail, and verify its hash chain, for supervisors and admins.

Offered (`SCREEN.available`) only to principals with Action.VIEW_AUDIT; every search and the
verification run off the GUI thread, and the services check the right again at each call.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..audit_labels import chain_summary
from ..audit_words import audit_action_label, audit_entity_label
from ..domain.actions import Action
from ..gui.context import AppContext
from ..gui.icons import icon
from ..gui.localtime import zone
from ..gui.screens import ScreenSpec
from ..gui.tasks import TaskState
from ..itemmodels.audit import DETAIL_COLUMN, AuditModel
from ..labels import describe_error
from ..shapes.audit import AuditFacets, AuditQuery, AuditRow, ChainReport


class AuditView(QWidget):
    """The audit screen (objectName ``auditScreen``)."""

    searched = Signal(int)  # how many entries the last search found
    verified = Signal(object)  # the ChainReport of the last verification

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditScreen")
        tz = zone(ctx.principal.timezone)
        self.user = QLineEdit(self, objectName="auditUser", clearButtonEnabled=True)
        self.action = QComboBox(self, objectName="auditAction")
        self.entity = QComboBox(self, objectName="auditEntity")
        self.reference = QLineEdit(self, objectName="auditReference", clearButtonEnabled=True)
        self.text = QLineEdit(self, objectName="auditText", clearButtonEnabled=True)
        now = datetime.now(tz)
        self.use_since = QCheckBox(self, objectName="auditUseSince")
        self.since = QDateTimeEdit(QDateTime(now.date(), now.time()).addDays(-7), self, objectName="auditSince",
                                   calendarPopup=True)
        self.use_until = QCheckBox(self, objectName="auditUseUntil")
        self.until = QDateTimeEdit(QDateTime(now.date(), now.time()).addDays(1), self, objectName="auditUntil",
                                   calendarPopup=True)
        for edit in (self.since, self.until):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.use_until.toggled.connect(self.until.setEnabled)
        self.search_button = QPushButton(icon("search"), "", self, objectName="auditSearch")
        self.verify_button = QPushButton(icon("verify_chain"), "", self, objectName="auditVerify")
        self.count = QLabel(self, objectName="auditCount")
        self.verdict = QLabel(self, objectName="auditVerdict", wordWrap=True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = AuditModel(self)
        self.table = QTableView(self, objectName="auditTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DETAIL_COLUMN, QHeaderView.ResizeMode.Stretch)  # what was done takes the room

        self.labels: dict[str, QLabel] = {name: QLabel(self) for name in ("user", "action", "entity", "reference",
                                                                          "text")}
        for name, field in (("user", self.user), ("action", self.action), ("entity", self.entity),
                            ("reference", self.reference), ("text", self.text)):
            self.labels[name].setBuddy(field)  # a screen reader names the field by its label
        form = QGridLayout()
        form.addWidget(self.labels["user"], 0, 0)
        form.addWidget(self.user, 0, 1)
        form.addWidget(self.labels["action"], 0, 2)
        form.addWidget(self.action, 0, 3)
        form.addWidget(self.labels["entity"], 0, 4)
        form.addWidget(self.entity, 0, 5)
        form.addWidget(self.labels["reference"], 0, 6)
        form.addWidget(self.reference, 0, 7)
        form.addWidget(self.labels["text"], 1, 0)
        form.addWidget(self.text, 1, 1)
        form.addWidget(self.use_since, 1, 2)
        form.addWidget(self.since, 1, 3)
        form.addWidget(self.use_until, 1, 4)
        form.addWidget(self.until, 1, 5)
        form.addWidget(self.search_button, 1, 6)
        form.addWidget(self.verify_button, 1, 7)
        status = QHBoxLayout()
        status.addWidget(self.count)
        status.addWidget(self.verdict, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(status)

        self.search_button.clicked.connect(self.search)
        self.verify_button.clicked.connect(self.verify)
        for edit in (self.user, self.reference, self.text):
            edit.returnPressed.connect(self.search)
        self._loaded = False
        self.retranslate_ui()

    # ---- searching ------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded:  # the first time the screen is shown, not at start-up
            self._loaded = True
            self.ctx.runner.run_in_background(lambda _state: self.ctx.audit.facets(self.ctx.principal),
                                              on_done=self._show_facets, on_error=self._failed)
            self.search()

    def _show_facets(self, facets: AuditFacets) -> None:
        for combo, codes, word in ((self.action, facets.actions, audit_action_label),
                                   (self.entity, facets.entities, audit_entity_label)):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("any"), "")
            for code in codes:
                combo.addItem(word(code), code)  # worded for the reader, the stored code to search
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def query(self) -> AuditQuery:
        """What the filters say, as the service's query (times in the centre's zone)."""
        tz = zone(self.ctx.principal.timezone)

        def instant(edit: QDateTimeEdit) -> datetime:
            value = edit.dateTime()
            d, t = value.date(), value.time()
            return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=tz)

        return AuditQuery(user=self.user.text(), action=self.action.currentData() or "",
                          entity=self.entity.currentData() or "", reference=self.reference.text(),
                          text=self.text.text(),
                          since=instant(self.since) if self.use_since.isChecked() else None,
                          until=instant(self.until) if self.use_until.isChecked() else None)

    def search(self) -> None:
        query = self.query()
        self.search_button.setEnabled(False)
        self.ctx.runner.run_in_background(lambda _state: self.ctx.audit.search(self.ctx.principal, query),
                                          on_done=self._show_entries, on_error=self._failed)

    def _show_entries(self, rows: list[AuditRow]) -> None:
        self.search_button.setEnabled(True)
        self.model.set_entries(rows, self.ctx.principal.timezone)
        self.count.setText(self.tr("Entries found: {n}").format(n=len(rows)))
        for column in range(self.model.COLUMN_COUNT):
            if column != DETAIL_COLUMN:
                self.table.resizeColumnToContents(column)
        self.searched.emit(len(rows))

    # ---- verifying ------------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verdict.setText(self.tr("Verifying the chain…"))
        checking = self.tr("Verifying the chain… {percent} %")

        def work(state: TaskState) -> ChainReport:
            return self.ctx.audit.verify(self.ctx.principal,
                                lambda done: state.progress(checking.format(percent=int(done * 100)), done))

        self.ctx.runner.run_in_background(work, on_done=self._show_verdict, on_error=self._failed,
                                          on_progress=lambda text, _fraction: self.verdict.setText(text))

    def _show_verdict(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        self.verdict.setText(chain_summary(report))
        self.verdict.setProperty("sound", report.sound)
        self.verified.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.search_button.setEnabled(True)
        self.verify_button.setEnabled(True)
        self.verdict.setText(describe_error(exc))

    # ---- language ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.labels["user"].setText(self.tr("User"))
        self.labels["action"].setText(self.tr("Action"))
        self.labels["entity"].setText(self.tr("On"))
        self.labels["reference"].setText(self.tr("Case number or id"))
        self.labels["text"].setText(self.tr("Text"))
        self.use_since.setText(self.tr("From"))
        self.use_until.setText(self.tr("Until"))
        self.since.setAccessibleName(self.tr("From"))
        self.until.setAccessibleName(self.tr("Until"))
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.search_button.setText(self.tr("Search"))
        self.verify_button.setText(self.tr("Verify chain"))
        for combo, word in ((self.action, audit_action_label), (self.entity, audit_entity_label)):
            if combo.count():
                combo.setItemText(0, self.tr("any"))
            for i in range(1, combo.count()):
                combo.setItemText(i, word(combo.itemData(i)))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.COLUMN_COUNT - 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _screen_title() -> str:
    return QCoreApplication.translate("AuditView", "Audit trail")


def _available(ctx: AppContext) -> bool:
    return ctx.can(Action.VIEW_AUDIT)


SCREEN = ScreenSpec(key="audit", order=80, title=_screen_title, icon="audit", shortcut="Ctrl+8",
                    factory=AuditView, available=_available)

__all__ = ["SCREEN", "AuditView"]
