"""A list of handovers with a preview: "To acknowledge" (supervisors) and "History"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...domain.enums import HandoverStatus
from ...gui import settings
from ...gui.context import AppContext
from ...gui.icons import icon
from ...itemmodels.handover import HandoverListModel
from ...itemmodels.roles import ROW_ROLE
from ...labels import describe_error
from ...services.handover import (
    HandoverListRow,
    HandoverRecord,
)
from ..csv_export import CsvExport
from .record_browser import MessageLabel, RecordBrowser, open_pdf


class ListTab(QWidget):
    """Handovers in a table, the selected one shown below; acknowledging for supervisors."""

    record_shown = Signal(object)
    pdf_written = Signal(str)
    acknowledged = Signal(int)

    def __init__(self, ctx: AppContext, pending_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.svc, self.pending_only = ctx, ctx.handovers, pending_only
        self.record: HandoverRecord | None = None
        # parented even where unused (the pending list has no search): never a stray window
        self.search = QLineEdit(self)
        self.search.setObjectName("handoverSearch")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setObjectName("handoverStatusFilter")
        # parented at once: shown below before the layout adopts them, they would flash up as windows
        self.ack_button = QPushButton(icon("acknowledge"), "", self)
        self.ack_button.setObjectName("acknowledgeHandover")
        self.pdf_button = QPushButton(icon("pdf"), "", self)
        self.correct_button = QPushButton(icon("handover"), "", self)
        self.export_button = QPushButton(icon("save"), "", self)
        self.export_button.setObjectName("exportHandovers")
        self.csv_export = CsvExport(ctx, self)
        self.csv_export.exported.connect(lambda r: self.message.show_message(self.csv_export.describe(r)))
        self.csv_export.failed.connect(lambda text: self.message.show_message(text, error=True))
        bar = QHBoxLayout()
        if not pending_only:
            self.search_icon = QLabel()
            self.search_icon.setPixmap(icon("search").pixmap(18, 18))
            bar.addWidget(self.search_icon)
            bar.addWidget(self.search, 1)
            bar.addWidget(self.status)
        else:
            self.search.hide()
            self.status.hide()
            self.hint = QLabel()
            bar.addWidget(self.hint, 1)
        for button in (self.ack_button, self.pdf_button, self.correct_button, self.export_button):
            bar.addWidget(button)
        self.export_button.setVisible(not pending_only)
        self.ack_button.setVisible(pending_only and ctx.can(Action.ACKNOWLEDGE_HANDOVER))
        self.correct_button.setVisible(not pending_only and ctx.can(Action.WRITE_HANDOVER))

        self.model = HandoverListModel(self)
        self.table = QTableView()
        self.table.setObjectName("pendingHandovers" if pending_only else "handoverHistory")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(HandoverListModel.NOTES, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 40), (1, 90), (2, 150), (3, 100), (4, 110), (5, 100), (6, 170), (7, 50)):
            self.table.setColumnWidth(col, width)
        self.preview = RecordBrowser()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 2)
        settings.remember_splitter(splitter, settings.HANDOVER_LIST_SPLITTER)
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.csv_export.progress)
        layout.addWidget(self.message)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.reload)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.ack_button.clicked.connect(self.acknowledge)
        self.pdf_button.clicked.connect(self.print_pdf)
        self.correct_button.clicked.connect(self.add_correction)
        self.export_button.clicked.connect(self.export_records)
        self.retranslate_ui()
        self._update_state()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search notes, items, case numbers, authors or a date (YYYY-MM-DD)"))
        current = self.status.currentIndex()
        self.status.blockSignals(True)
        self.status.clear()
        for code, text in (("", self.tr("Any status")), ("draft", self.tr("Draft")), ("signed", self.tr("Signed")),
                           ("acknowledged", self.tr("Acknowledged"))):
            self.status.addItem(text, code)
        self.status.setCurrentIndex(max(current, 0))
        self.status.blockSignals(False)
        if self.pending_only:
            self.hint.setText(self.tr("Signed handovers waiting for a supervisor to acknowledge them"))
        self.ack_button.setText(self.tr("Acknowledge"))
        self.pdf_button.setText(self.tr("PDF"))
        self.correct_button.setText(self.tr("Add correction…"))
        self.export_button.setText(self.tr("Export records…"))
        self.export_button.setToolTip(self.tr("Every handover record with its notes and pending items as a CSV file"))
        self.preview.retranslate_ui()

    def reload(self) -> None:
        actor, text, status = self.ctx.principal, self.search.text(), self.status.currentData() or None

        def work(_state: Any) -> list[HandoverListRow]:
            if self.pending_only:
                return self.svc.pending_acknowledgement(actor)
            return self.svc.search(actor, text, status=status)

        self.ctx.runner.run_in_background(work, self._loaded, self._failed)

    def _loaded(self, rows: list[HandoverListRow]) -> None:
        keep = self.record.id if self.record else None
        self.model.set_handovers(rows, self._tz())
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self._row_changed(self.model.index(row, 0), QModelIndex())
        else:
            self.record = None
            self.preview.show_record(None)
            self._update_state()

    def _tz(self) -> str:
        return self.record.timezone if self.record else "Asia/Shanghai"

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE)
        if row is None:
            return
        actor = self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: self.svc.get(actor, row.id), self._show, self._failed)

    def _show(self, record: HandoverRecord) -> None:
        self.record = record
        self.preview.show_record(record)
        self._update_state()
        self.record_shown.emit(record)

    def _update_state(self) -> None:
        r = self.record
        self.ack_button.setEnabled(r is not None and r.status == HandoverStatus.SIGNED and r.author_id != self.ctx.principal.user_id)
        self.pdf_button.setEnabled(r is not None)
        self.correct_button.setEnabled(r is not None and r.locked)

    def select(self, handover_id: int) -> None:
        row = self.model.row_of(handover_id)
        if row >= 0:
            self.table.selectRow(row)

    def acknowledge(self) -> None:
        record = self.record
        if record is None:
            return
        actor = self.ctx.principal

        def done(r: HandoverRecord) -> None:
            self.message.show_message(self.tr("Handover #{id} acknowledged").format(id=r.id))
            self.record = None
            self.acknowledged.emit(r.id)
            self.reload()

        self.ctx.runner.run_in_background(lambda _s: self.svc.acknowledge(actor, record.id, record.version),
                                          done, self._failed)

    def add_correction(self) -> None:
        record = self.record
        if record is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Correction"), self.tr(
            "This handover is acknowledged and stays as it is. Write the correction note:"))
        if ok and text.strip():
            actor = self.ctx.principal
            self.ctx.runner.run_in_background(
                lambda _s: self.svc.add_correction(actor, record.id, text),
                lambda note: (self.message.show_message(self.tr("Correction #{id} added").format(id=note.id)),
                              self.reload()),
                self._failed)

    def print_pdf(self) -> None:
        if self.record is not None:
            open_pdf(self.ctx, self.record, self.pdf_written.emit, self._failed)

    def export_records(self) -> None:
        exports, principal = self.ctx.exports, self.ctx.principal
        self.csv_export.start(self.tr("Export handover records"), "handovers.csv",
                              lambda out, progress: exports.handovers(principal, out, progress=progress))

    def _failed(self, exc: BaseException) -> None:
        self.message.show_message(describe_error(exc), error=True)
