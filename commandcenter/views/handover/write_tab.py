"""The "This shift" tab: the outgoing operator drafts, completes and signs the handover of the
shift that is ending, and sees another seat's edits without losing unsaved text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QDate,
    QDateTime,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
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
from ...gui.style import NOTICE_BACKGROUND, NOTICE_INK, shade
from ...itemmodels.handover import PendingItemsModel, local_time, status_text
from ...labels import describe_error
from ...services.handover import (
    HandoverRecord,
    ItemInput,
)
from ...services.shifts import ShiftPeriod
from .record_browser import MessageLabel, RecordBrowser, SignConfirmation, open_pdf

StoredForm = tuple[str, Counter[tuple[str, str, int | None, bool]]]


def stored_form(notes: str, items: Sequence[ItemInput]) -> StoredForm:
    """Notes and items as the service stores them (stripped, items in any order): two texts
    that store the same compare equal, so the editor knows whether it holds unsaved text."""
    return notes.strip(), Counter(
        (i.text.strip(), (i.case_number or "").strip(), int(i.due_at.timestamp()) if i.due_at else None, bool(i.done))
        for i in items)


def record_form(record: HandoverRecord) -> StoredForm:
    return stored_form(record.notes, [i.as_input() for i in record.items])


class WriteTab(QWidget):
    """Draft, complete and sign the handover of the shift that is ending."""

    record_shown = Signal(object)  # HandoverRecord | None
    pdf_written = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.svc = ctx, ctx.handovers
        self.record: HandoverRecord | None = None
        self.period: ShiftPeriod | None = None
        self._loading = False
        self._sent: StoredForm | None = None  # what this seat last asked to save or sign
        self._notice_for: tuple[HandoverRecord, bool] | None = None

        self.header = QLabel()
        self.header.setObjectName("handoverHeader")
        self.header.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.draft_button = QPushButton(icon("handover"), "", self)
        self.draft_button.setObjectName("draftHandover")
        self.save_button = QPushButton(icon("save"), "")
        self.sign_button = QPushButton(icon("sign"), "")
        self.sign_button.setObjectName("signHandover")
        self.pdf_button = QPushButton(icon("pdf"), "", self)
        self.correct_button = QPushButton(icon("handover"), "", self)
        bar = QHBoxLayout()
        bar.addWidget(self.header, 1)
        for button in (self.draft_button, self.save_button, self.sign_button, self.pdf_button, self.correct_button):
            bar.addWidget(button)

        self.summary = RecordBrowser()
        self.notes_label = QLabel()
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("handoverNotes")
        self.notes_label.setBuddy(self.notes)
        self.items_label = QLabel()
        self.items = PendingItemsModel(self)
        self.items_view = QTableView()
        self.items_view.setObjectName("pendingItems")
        self.items_view.setModel(self.items)
        self.items_label.setBuddy(self.items_view)
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.items_view.verticalHeader().setVisible(False)
        header = self.items_view.horizontalHeader()
        header.setSectionResizeMode(PendingItemsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((PendingItemsModel.DONE, 50), (PendingItemsModel.DUE, 110), (PendingItemsModel.CASE, 130)):
            self.items_view.setColumnWidth(col, width)
        self.new_case = QLineEdit()
        self.new_case.setObjectName("newItemCase")
        self.new_case.setMaximumWidth(140)
        self.new_due_check = QCheckBox()
        self.new_due = QDateTimeEdit()
        self.new_due.setObjectName("newItemDue")
        self.new_due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.new_due.setCalendarPopup(True)
        self.new_due.setEnabled(False)
        self.new_text = QLineEdit()
        self.new_text.setObjectName("newItemText")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addItem")
        self.remove_button = QPushButton()
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_text, 1)
        add_row.addWidget(self.new_case)
        add_row.addWidget(self.new_due_check)
        add_row.addWidget(self.new_due)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.add_button)
        button_row.addWidget(self.remove_button)

        editor = QWidget()
        right = QVBoxLayout(editor)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.notes_label)
        right.addWidget(self.notes, 2)
        right.addWidget(self.items_label)
        right.addWidget(self.items_view, 3)
        right.addLayout(add_row)
        right.addLayout(button_row)
        splitter = QSplitter()
        splitter.addWidget(self.summary)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 560])
        settings.remember_splitter(splitter, settings.HANDOVER_SPLITTER)
        self.message = MessageLabel()
        self.message.setObjectName("handoverMessage")
        self.remote_notice = QLabel()
        self.remote_notice.setObjectName("handoverRemoteNotice")
        self.remote_notice.setWordWrap(True)
        self.remote_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remote_notice.setStyleSheet(f"background: {shade(NOTICE_BACKGROUND)}; color: {shade(NOTICE_INK)}; padding: 6px;")
        self.remote_notice.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.remote_notice)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

        self.draft_button.clicked.connect(self.draft)
        self.save_button.clicked.connect(self.save)
        self.sign_button.clicked.connect(self.sign)
        self.pdf_button.clicked.connect(self.print_pdf)
        self.correct_button.clicked.connect(self.add_correction)
        self.add_button.clicked.connect(self.add_item)
        self.new_text.returnPressed.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.new_due_check.toggled.connect(self.new_due.setEnabled)
        self.notes.textChanged.connect(self._edited)
        self.items.items_edited.connect(self._edited)
        self.retranslate_ui()
        self._update_state()

    # ---- language ---------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.draft_button.setText(self.tr("Draft handover"))
        self.draft_button.setToolTip(self.tr("Draft the handover of this shift from the database"))
        self.save_button.setText(self.tr("Save"))
        self.sign_button.setText(self.tr("Sign"))
        self.sign_button.setToolTip(self.tr("Sign and pass to the incoming supervisor"))
        self.pdf_button.setText(self.tr("PDF"))
        self.pdf_button.setToolTip(self.tr("Open the handover record as a PDF to print"))
        self.correct_button.setText(self.tr("Add correction…"))
        self.notes_label.setText(self.tr("Notes for the next shift"))
        self.notes.setPlaceholderText(self.tr("What the next shift must know…"))
        self.items_label.setText(self.tr("Pending items"))
        self.new_case.setPlaceholderText(self.tr("Case no. (optional)"))
        self.new_case.setAccessibleName(self.tr("Case no. of the new item"))
        self.new_due_check.setText(self.tr("Due"))
        self.new_due.setAccessibleName(self.tr("Due time of the new item"))
        self.new_text.setPlaceholderText(self.tr("e.g. call back the reporter at 09:00"))
        self.new_text.setAccessibleName(self.tr("What the new item asks"))
        self.add_button.setText(self.tr("Add item"))
        self.remove_button.setText(self.tr("Remove"))
        self.summary.retranslate_ui()
        self._render_header()
        self._render_notice()

    def _render_header(self) -> None:
        r, p = self.record, self.period
        if r is not None:
            text = self.tr("{shift} shift of {date}, {start}–{end}: {status}").format(
                shift=r.shift_name, date=f"{r.shift_date:%Y-%m-%d}", start=local_time(r.period_start, r.timezone, "%H:%M"),
                end=local_time(r.period_end, r.timezone, "%H:%M"), status=status_text(r.status))
        elif p is not None:
            text = self.tr("{shift} shift of {date}, {start}–{end}: no handover yet").format(
                shift=p.shift.name, date=f"{p.day:%Y-%m-%d}", start=local_time(p.start, p.shift.timezone, "%H:%M"),
                end=local_time(p.end, p.shift.timezone, "%H:%M"))
        else:
            text = self.tr("Loading…")
        self.header.setText(text)

    # ---- loading ----------------------------------------------------------------------
    def load(self) -> None:
        """Find this shift's handover (read only; drafting is the operator's decision)."""
        self._run(lambda: self.svc.current(self.ctx.principal), self._current_loaded)

    def _current_loaded(self, result: tuple[ShiftPeriod, HandoverRecord | None]) -> None:
        self.period, record = result
        self.arrived(record)

    @property
    def dirty(self) -> bool:
        """Whether the editor holds text the database does not (as far as this seat knows)."""
        r = self.record
        return r is not None and stored_form(self.notes.toPlainText(), self.items.items()) != record_form(r)

    def arrived(self, record: HandoverRecord | None, remote: bool = False) -> None:
        """A state of the handover came in (load, refresh, save, sign, another seat's change).

        Unsaved text in the editor is never overwritten: the record's other parts (figures,
        case lists, status, version) are merged in, and a change made at another seat is told
        in a notice that shows that seat's version. An older state than the one shown is ignored.
        """
        current = self.record
        if record is not None and current is not None and record.id == current.id:
            if record.version < current.version or (remote and record.version == current.version):
                return
        elif self.dirty:  # another handover (a new shift) while this one holds unsaved text
            return
        if record is None or current is None or not self.dirty \
                or stored_form(self.notes.toPlainText(), self.items.items()) == record_form(record):
            self.show_record(record)
            return
        theirs = record_form(record)
        text_changed = theirs != record_form(current) and theirs != self._sent
        if remote and (text_changed or record.status != current.status):
            self._notice_for = (record, text_changed)
            self._render_notice()
        self.record = record
        self.summary.show_record(record, with_notes=False)
        self.items.set_read_only(record.locked)
        self._render_header()
        self._update_state()
        self.record_shown.emit(record)

    def _render_notice(self) -> None:
        if self._notice_for is None:
            self.remote_notice.hide()
            return
        record, text_changed = self._notice_for
        lines = [self.tr("This handover was changed at another seat while you were writing (now: {status}). "
                         "Your unsaved notes and pending items are kept here.").format(status=status_text(record.status))]
        if record.locked:
            lines.append(self.tr("It is acknowledged and locked: add what you wrote as a correction."))
        elif text_changed:
            lines.append(self.tr("Saving or signing replaces the other seat's version, which reads:"))
            lines.append(record.notes or self.tr("(no notes)"))
            lines.extend("• " + item.text + (f" ({item.case_number})" if item.case_number else "")
                         for item in record.items)
        self.remote_notice.setText("\n".join(lines))
        self.remote_notice.show()

    def show_record(self, record: HandoverRecord | None) -> None:
        """Show `record` whole, the editor included (only when the editor holds nothing unsaved)."""
        self._notice_for, self._sent = None, None
        self._render_notice()
        self._loading = True
        self.record = record
        self.summary.show_record(record, with_notes=False)
        self.notes.setPlainText(record.notes if record else "")
        self.items.set_items([i.as_input() for i in record.items] if record else [],
                             record.timezone if record else "Asia/Shanghai", record is None or record.locked)
        if record is not None:  # a pending item is typically due early in the next shift
            start = (record.period_end + timedelta(hours=1)).astimezone(ZoneInfo(record.timezone))
            self.new_due.setDateTime(QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, 0)))
        self._loading = False
        self._render_header()
        self._update_state()
        self.record_shown.emit(record)

    def _edited(self) -> None:
        if not self._loading:
            self._update_state()

    def _update_state(self) -> None:
        r = self.record
        can_write = self.ctx.can(Action.WRITE_HANDOVER)
        editable = can_write and r is not None and not r.locked
        self.draft_button.setVisible(can_write and (r is None or r.status == HandoverStatus.DRAFT))
        self.draft_button.setText(self.tr("Draft handover") if r is None else self.tr("Refresh draft"))
        self.draft_button.setEnabled(not self.dirty)
        self.save_button.setEnabled(editable and self.dirty)
        self.sign_button.setEnabled(editable and (r is not None and (r.status == HandoverStatus.DRAFT or self.dirty)))
        self.pdf_button.setEnabled(r is not None)
        self.correct_button.setVisible(r is not None and r.locked and can_write)
        self.notes.setReadOnly(not editable)
        for w in (self.new_case, self.new_due_check, self.new_text, self.add_button, self.remove_button):
            w.setEnabled(editable)
        self.new_due.setEnabled(editable and self.new_due_check.isChecked())

    # ---- actions ----------------------------------------------------------------------
    def draft(self) -> None:
        self._run(lambda: self.svc.open_draft(self.ctx.principal), self._drafted)

    def _drafted(self, record: HandoverRecord) -> None:
        self.arrived(record)
        self.message.show_message(self.tr("Drafted from the database at {time}").format(
            time=local_time(record.summary.drafted_at if record.summary else None, record.timezone, "%H:%M")))

    def add_item(self) -> None:
        text = self.new_text.text().strip()
        if not text or self.record is None or self.record.locked:
            return
        due = None
        if self.new_due_check.isChecked():
            value = self.new_due.dateTime()
            d, t = value.date(), value.time()
            due = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=ZoneInfo(self.record.timezone))
        self.items.add_item(ItemInput(text, self.new_case.text().strip(), due))
        self.new_text.clear()
        self.new_case.clear()
        self.new_text.setFocus()

    def remove_item(self) -> None:
        rows = sorted({i.row() for i in self.items_view.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.items.remove_item(row)

    def save(self) -> None:
        record = self.record
        if record is None:
            return
        notes, items, actor = self.notes.toPlainText(), self.items.items(), self.ctx.principal
        self._sent = stored_form(notes, items)
        self._run(lambda: self.svc.save(actor, record.id, notes, items, record.version),
                  lambda r: (self.arrived(r), self.message.show_message(self.tr("Saved"))))

    def sign(self) -> None:
        """Ask first, showing exactly the notes and items to be signed; then sign those."""
        record = self.record
        if record is None:
            return
        notes, items, save_first = self.notes.toPlainText(), self.items.items(), self.dirty
        dialog = SignConfirmation(notes, items, record.timezone, self)
        dialog.accepted.connect(lambda: self._sign(record, notes, items, save_first))
        dialog.open()

    def _sign(self, record: HandoverRecord, notes: str, items: list[ItemInput], save_first: bool) -> None:
        """Sign the confirmed text at the version it was confirmed against: if another seat
        changed the handover since, the service refuses (stale) and nothing is signed."""
        actor = self.ctx.principal
        self._sent = stored_form(notes, items)

        def work() -> HandoverRecord:
            version = record.version
            if save_first:
                version = self.svc.save(actor, record.id, notes, items, version).version
            return self.svc.sign(actor, record.id, version)

        self._run(work, lambda r: (self.arrived(r), self.message.show_message(
            self.tr("Signed at {time}: waiting for the incoming supervisor").format(
                time=local_time(r.signed_at, r.timezone, "%H:%M")))))

    def add_correction(self) -> None:
        record = self.record
        if record is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Correction"), self.tr(
            "This handover is acknowledged and stays as it is. Write the correction note:"))
        if ok and text.strip():
            self._run(lambda: self.svc.add_correction(self.ctx.principal, record.id, text),
                      lambda note: self.message.show_message(self.tr("Correction #{id} added").format(id=note.id)))

    def print_pdf(self) -> None:
        if self.record is not None:
            open_pdf(self.ctx, self.record, self.pdf_written.emit, self._failed)

    def on_changed(self, ids: list[int]) -> None:
        """Handovers changed (another seat, or this one's own save): fetch ours and merge it in;
        whether the editor may be replaced is decided when it arrives, not now."""
        if self.record is not None and self.record.id in ids:
            record_id, actor = self.record.id, self.ctx.principal  # the message line stays as it is
            self.ctx.runner.run_in_background(lambda _state: self.svc.get(actor, record_id),
                                              lambda r: self.arrived(r, remote=True), self._failed)

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], Any]) -> None:
        self.message.clear()
        self.ctx.runner.run_in_background(lambda _state: fn(), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.show_message(describe_error(exc), error=True)
