"""The handover screen: the outgoing operator drafts, completes and signs the shift's handover;
the incoming supervisor reviews and acknowledges it; everyone can search past handovers and
print any of them as a PDF.

Three tabs: "This shift" (writing), "To acknowledge" (supervisors) and "History". All reads
and writes run off the GUI thread; other seats' changes arrive through the change feed.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.actions import Action
from ..domain.enums import HandoverStatus
from ..gui.context import AppContext
from ..gui.icons import icon
from ..gui.screens import ScreenSpec
from ..labels import describe_error, duty_label, priority_label, status_label
from ..paths import data_dir
from ..services.handover import (
    HandoverCase,
    HandoverItemView,
    HandoverListRow,
    HandoverRecord,
    HandoverService,
    ItemInput,
)
from ..services.handover_print import print_handover
from ..services.shifts import ShiftPeriod

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root of flat models
NOWRAP = " style='white-space:nowrap'"


def _local(instant: datetime | None, tz: str, fmt: str = "%m-%d %H:%M") -> str:
    return instant.astimezone(ZoneInfo(tz)).strftime(fmt) if instant is not None else "—"


def status_text(status: str) -> str:
    """A handover status in the interface language (context "HandoverView")."""
    names = {
        HandoverStatus.DRAFT.value: QCoreApplication.translate("HandoverView", "Draft"),
        HandoverStatus.SIGNED.value: QCoreApplication.translate("HandoverView", "Signed"),
        HandoverStatus.ACKNOWLEDGED.value: QCoreApplication.translate("HandoverView", "Acknowledged"),
    }
    return names.get(status, status)


StoredForm = tuple[str, Counter[tuple[str, str, int | None, bool]]]


def stored_form(notes: str, items: Sequence[ItemInput]) -> StoredForm:
    """Notes and items as the service stores them (stripped, items in any order): two texts
    that store the same compare equal, so the editor knows whether it holds unsaved text."""
    return notes.strip(), Counter(
        (i.text.strip(), (i.case_number or "").strip(), int(i.due_at.timestamp()) if i.due_at else None, bool(i.done))
        for i in items)


def record_form(record: HandoverRecord) -> StoredForm:
    return stored_form(record.notes, [i.as_input() for i in record.items])


# ---- pending items --------------------------------------------------------------------
@dataclass
class ItemDraft:
    """A pending item while it is being edited (the model's own mutable row)."""

    text: str
    case_number: str
    due_at: datetime | None
    done: bool


class PendingItemsModel(QAbstractTableModel):
    """The pending items of the handover being written; editable until it is locked."""

    DONE, DUE, CASE, TEXT = range(4)
    items_edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ItemDraft] = []
        self._tz = "Asia/Shanghai"
        self._read_only = False

    # ---- the rows ---------------------------------------------------------------------
    def set_items(self, items: Sequence[ItemInput], tz: str, read_only: bool) -> None:
        self.beginResetModel()
        self._rows = [ItemDraft(i.text, i.case_number, i.due_at, i.done) for i in items]
        self._tz, self._read_only = tz, read_only
        self.endResetModel()

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock editing and keep the rows (they may hold unsaved text)."""
        if read_only != self._read_only:
            self._read_only = read_only
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 3))

    def items(self) -> list[ItemInput]:
        return [ItemInput(r.text, r.case_number, r.due_at, r.done) for r in self._rows]

    def add_item(self, item: ItemInput) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(ItemDraft(item.text, item.case_number, item.due_at, item.done))
        self.endInsertRows()
        self.items_edited.emit()

    def remove_item(self, row: int) -> None:
        if 0 <= row < len(self._rows) and not self._read_only:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.items_edited.emit()

    # ---- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Done"), self.tr("Due"), self.tr("Case"), self.tr("What to do"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._read_only:
            return base
        if index.column() == self.DONE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.DONE:
            return Qt.CheckState.Checked if r.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DUE:
                return _local(r.due_at, self._tz)
            if col == self.CASE:
                return r.case_number or "—"
            if col == self.TEXT:
                return r.text
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
        r, col = self._rows[index.row()], index.column()
        if col == self.DONE and role == Qt.ItemDataRole.CheckStateRole:
            r.done = Qt.CheckState(value) == Qt.CheckState.Checked
        elif col == self.DUE and role == Qt.ItemDataRole.EditRole and isinstance(value, QDateTime):
            d, t = value.date(), value.time()
            r.due_at = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=ZoneInfo(self._tz))
        elif col in (self.CASE, self.TEXT) and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            if col == self.TEXT and not text:
                return False
            if col == self.CASE:
                r.case_number = text
            else:
                r.text = text
        else:
            return False
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        self.items_edited.emit()
        return True


# ---- lists of handovers ---------------------------------------------------------------
class HandoverListModel(QAbstractTableModel):
    """Handovers as a list: history, or the ones waiting to be acknowledged."""

    ID, DATE, SHIFT, STATUS, AUTHOR, SIGNED, ACKNOWLEDGED, ITEMS, NOTES = range(9)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HandoverListRow] = []
        self._tz = "Asia/Shanghai"

    def set_rows(self, rows: Sequence[HandoverListRow], tz: str) -> None:
        self.beginResetModel()  # a whole reload: the list is re-queried on every search
        self._rows, self._tz = list(rows), tz
        self.endResetModel()

    def row_at(self, row: int) -> HandoverListRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, handover_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == handover_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("#"), self.tr("Date"), self.tr("Shift"), self.tr("Status"), self.tr("Written by"),
                    self.tr("Signed"), self.tr("Acknowledged by"), self.tr("Items"), self.tr("Notes"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.ID, self.ITEMS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
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
            return _local(r.signed_at, self._tz)
        if col == self.ACKNOWLEDGED:
            return (f"{r.acknowledged_by_name} {_local(r.acknowledged_at, self._tz)}" if r.acknowledged_at else "—")
        if col == self.ITEMS:
            return str(r.item_count)
        if col == self.NOTES:
            return " ".join(r.notes.split())[:120]
        return None


# ---- showing one handover -------------------------------------------------------------
class RecordBrowser(QTextBrowser):
    """A handover's drafted snapshot, notes and items as readable rich text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverRecord")
        self.setOpenExternalLinks(False)
        self._record: HandoverRecord | None = None
        self._with_notes = True
        self._draft: tuple[str, Sequence[ItemInput], str] | None = None

    def show_record(self, record: HandoverRecord | None, with_notes: bool = True) -> None:
        """Show a record; without notes (the writing tab edits those beside it) the title goes too."""
        self._record, self._with_notes, self._draft = record, with_notes, None
        self.setHtml(self._html(record, with_notes) if record else "")

    def show_notes(self, notes: str, items: Sequence[ItemInput], tz: str) -> None:
        """Show only notes and pending items as typed (what signing will store)."""
        self._record, self._draft = None, (notes, items, tz)
        self.setHtml(self._notes_html(notes, items, tz))

    def retranslate_ui(self) -> None:
        if self._record is not None:
            self.show_record(self._record, self._with_notes)
        elif self._draft is not None:
            self.show_notes(*self._draft)

    def _notes_html(self, notes: str, items: Sequence[ItemInput | HandoverItemView], tz: str) -> str:
        e = html.escape
        notes_title, no_notes, items_title = self.tr("Notes"), self.tr("No notes."), self.tr("Pending items")
        parts = [f"<h4>{e(notes_title)}</h4><p>{e(notes.strip() or no_notes).replace(chr(10), '<br>')}</p>",
                 f"<h4>{e(items_title)} ({len(items)})</h4><ul>"]
        for item in items:
            bits = [("✓ " if item.done else "") + item.text]
            if item.case_number:
                bits.append(self.tr("case {number}").format(number=item.case_number))
            if item.due_at:
                bits.append(self.tr("by {time}").format(time=_local(item.due_at, tz)))
            parts.append(f"<li>{e(' · '.join(bits))}</li>")
        parts.append("</ul>")
        return "".join(parts)

    def _cases(self, title: str, cases: Sequence[HandoverCase], total: int, tz: str) -> str:
        e = html.escape
        head = f"<h4>{e(title)} ({total})</h4>"
        if not cases:
            return head + "<p style='color:#78909c'>" + e(self.tr("None.")) + "</p>"
        zh = i18n.current_language().startswith("zh")
        nowrap = (True, True, True, False, True, False, True)  # numbers and times never break
        rows = "".join(
            "<tr>" + "".join(f"<td{NOWRAP if keep else ''}>{e(v)}</td>" for keep, v in zip(nowrap, (
                c.case_number, priority_label(c.priority), status_label(c.status),
                c.category_zh if zh else c.category_en, c.street, c.assignee or "—", _local(c.deadline, tz)),
                strict=True)) + "</tr>"
            for c in cases)
        more_text = self.tr("… and {n} more.").format(n=total - len(cases))
        more = ("<p style='color:#78909c'>" + e(more_text) + "</p>") if total > len(cases) else ""
        heads = "".join(f"<th align='left'>{e(h)}</th>" for h in (
            self.tr("Case"), self.tr("Priority"), self.tr("Status"), self.tr("Category"), self.tr("Street"),
            self.tr("Handler"), self.tr("Deadline")))
        return f"{head}<table cellspacing='0' cellpadding='3' width='100%'><tr style='background:#eceff1'>{heads}</tr>{rows}</table>{more}"

    def _html(self, r: HandoverRecord, with_notes: bool) -> str:
        e, tz = html.escape, r.timezone
        title = self.tr("{shift} shift of {date}").format(shift=r.shift_name, date=f"{r.shift_date:%Y-%m-%d}")
        parts = [f"<h3>{e(title)} · {e(status_text(r.status))}</h3>"] if with_notes else []
        if r.corrects_id:
            parts.append("<p>" + e(self.tr("Correction to handover #{id}").format(id=r.corrects_id)) + "</p>")
        if r.signed_at:
            parts.append("<p>" + e(self.tr("Signed by {name} at {time}").format(
                name=r.author_name, time=_local(r.signed_at, tz))))
        if r.acknowledged_at:
            parts.append("<br>" + e(self.tr("Acknowledged by {name} at {time}").format(
                name=r.acknowledged_by_name, time=_local(r.acknowledged_at, tz))))
        if r.corrections:
            parts.append("<br>" + e(self.tr("Corrected by note(s): {ids}").format(
                ids=", ".join(f"#{i}" for i in r.corrections))))
        if with_notes:
            parts.append(self._notes_html(r.notes, r.items, tz))
        s = r.summary
        if s is None:
            return "".join(parts)
        f = s.figures
        parts.append("<h4>" + e(self.tr("The shift in figures")) + "</h4><p>" + e(self.tr(
            "Reported {reported} · registered {registered} · dispatched {dispatched} · fed back {fed_back} · "
            "closed {closed} · open now {open_now} · overdue now {overdue_now}").format(**f.__dict__)) + "</p>")
        parts.append("<h4>" + e(self.tr("Open cases by stage")) + "</h4><p>"
                     + e(" · ".join(f"{status_label(code)} {n}" for code, n in s.open_by_status)) + "</p>")
        parts.append(self._cases(self.tr("Overdue cases"), s.overdue, s.overdue_total, tz))
        parts.append(self._cases(self.tr("Escalated cases"), s.escalated, s.escalated_total, tz))
        parts.append(self._cases(self.tr("Urgent cases of the shift"), s.urgent, s.urgent_total, tz))
        parts.append(self._cases(self.tr("Suspended cases"), s.suspended, s.suspended_total, tz))
        parts.append("<h4>" + e(self.tr("Officers off duty or on leave ({n})").format(n=s.officers_off_duty_total)) + "</h4>")
        parts.append("<p>" + e(", ".join(
            f"{o.name} ({duty_label(o.duty_status)}, " + self.tr("{n} open").format(n=o.open_cases) + ")"
            for o in s.officers_off_duty) or self.tr("None with open cases.")) + "</p>")
        drafted = self.tr("Drafted from the database at {time}").format(time=_local(s.drafted_at, tz))
        parts.append("<p style='color:#78909c'>" + e(drafted) + "</p>")
        return "".join(parts)


def open_pdf(ctx: AppContext, record: HandoverRecord, done: Callable[[str], None],
             failed: Callable[[BaseException], None]) -> None:
    """Write the handover record as a PDF (off the GUI thread), then open it in the system viewer."""
    db, actor, lang, folder = ctx.db, ctx.actor, i18n.current_language(), data_dir() / "handovers"

    def work(_state: Any) -> str:
        return str(print_handover(db, actor, record.id, folder=folder, lang=lang))

    def opened(result: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(result))
        done(result)

    ctx.runner.run_in_background(work, opened, failed)


class MessageLabel(QLabel):
    def show_message(self, text: str, error: bool = False) -> None:
        self.setText(text)
        self.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")


class SignConfirmation(QDialog):
    """Asks before signing and shows exactly the notes and pending items that will be signed.

    The writing tab signs what this dialog showed, captured when it opened, never what the
    editor holds when the answer comes.
    """

    def __init__(self, notes: str, items: Sequence[ItemInput], tz: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("signConfirmation")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.content = RecordBrowser()
        self.content.setObjectName("signedContent")
        self.content.show_notes(notes, items, tz)
        self.buttons = QDialogButtonBox()
        self.sign_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("confirmSign")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sign the handover"))
        self.intro.setText(self.tr(
            "Sign and pass this handover to the incoming supervisor? These notes and pending items are "
            "what will be signed; the figures and case lists are taken from the database as you sign."))
        self.sign_button.setText(self.tr("Sign"))
        self.content.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


# ---- writing this shift's handover ----------------------------------------------------
class WriteTab(QWidget):
    """Draft, complete and sign the handover of the shift that is ending."""

    record_shown = Signal(object)  # HandoverRecord | None
    pdf_written = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.svc = ctx, HandoverService(ctx.db)
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
        self.items_label = QLabel()
        self.items = PendingItemsModel(self)
        self.items_view = QTableView()
        self.items_view.setObjectName("pendingItems")
        self.items_view.setModel(self.items)
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
        self.message = MessageLabel()
        self.message.setObjectName("handoverMessage")
        self.remote_notice = QLabel()
        self.remote_notice.setObjectName("handoverRemoteNotice")
        self.remote_notice.setWordWrap(True)
        self.remote_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remote_notice.setStyleSheet("background: #fff3e0; color: #8d4e00; padding: 6px;")
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
        self.new_due_check.setText(self.tr("Due"))
        self.new_text.setPlaceholderText(self.tr("e.g. call back the reporter at 09:00"))
        self.add_button.setText(self.tr("Add item"))
        self.remove_button.setText(self.tr("Remove"))
        self.summary.retranslate_ui()
        self._render_header()
        self._render_notice()

    def _render_header(self) -> None:
        r, p = self.record, self.period
        if r is not None:
            text = self.tr("{shift} shift of {date}, {start}–{end}: {status}").format(
                shift=r.shift_name, date=f"{r.shift_date:%Y-%m-%d}", start=_local(r.period_start, r.timezone, "%H:%M"),
                end=_local(r.period_end, r.timezone, "%H:%M"), status=status_text(r.status))
        elif p is not None:
            text = self.tr("{shift} shift of {date}, {start}–{end}: no handover yet").format(
                shift=p.shift.name, date=f"{p.day:%Y-%m-%d}", start=_local(p.start, p.shift.timezone, "%H:%M"),
                end=_local(p.end, p.shift.timezone, "%H:%M"))
        else:
            text = self.tr("Loading…")
        self.header.setText(text)

    # ---- loading ----------------------------------------------------------------------
    def load(self) -> None:
        """Find this shift's handover (read only; drafting is the operator's decision)."""
        self._run(lambda: self.svc.current(self.ctx.actor), self._current_loaded)

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
        self._run(lambda: self.svc.open_draft(self.ctx.actor), self._drafted)

    def _drafted(self, record: HandoverRecord) -> None:
        self.arrived(record)
        self.message.show_message(self.tr("Drafted from the database at {time}").format(
            time=_local(record.summary.drafted_at if record.summary else None, record.timezone, "%H:%M")))

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
        notes, items, actor = self.notes.toPlainText(), self.items.items(), self.ctx.actor
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
        actor = self.ctx.actor
        self._sent = stored_form(notes, items)

        def work() -> HandoverRecord:
            version = record.version
            if save_first:
                version = self.svc.save(actor, record.id, notes, items, version).version
            return self.svc.sign(actor, record.id, version)

        self._run(work, lambda r: (self.arrived(r), self.message.show_message(
            self.tr("Signed at {time}: waiting for the incoming supervisor").format(
                time=_local(r.signed_at, r.timezone, "%H:%M")))))

    def add_correction(self) -> None:
        record = self.record
        if record is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Correction"), self.tr(
            "This handover is acknowledged and stays as it is. Write the correction note:"))
        if ok and text.strip():
            self._run(lambda: self.svc.add_correction(self.ctx.actor, record.id, text),
                      lambda note: self.message.show_message(self.tr("Correction #{id} added").format(id=note.id)))

    def print_pdf(self) -> None:
        if self.record is not None:
            open_pdf(self.ctx, self.record, self.pdf_written.emit, self._failed)

    def on_changed(self, ids: list[int]) -> None:
        """Handovers changed (another seat, or this one's own save): fetch ours and merge it in;
        whether the editor may be replaced is decided when it arrives, not now."""
        if self.record is not None and self.record.id in ids:
            record_id, actor = self.record.id, self.ctx.actor  # the message line stays as it is
            self.ctx.runner.run_in_background(lambda _state: self.svc.get(actor, record_id),
                                              lambda r: self.arrived(r, remote=True), self._failed)

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], Any]) -> None:
        self.message.clear()
        self.ctx.runner.run_in_background(lambda _state: fn(), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.show_message(describe_error(exc), error=True)


# ---- a list of handovers with a preview -----------------------------------------------
class ListTab(QWidget):
    """Handovers in a table, the selected one shown below; acknowledging for supervisors."""

    record_shown = Signal(object)
    pdf_written = Signal(str)
    acknowledged = Signal(int)

    def __init__(self, ctx: AppContext, pending_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.svc, self.pending_only = ctx, HandoverService(ctx.db), pending_only
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
        for button in (self.ack_button, self.pdf_button, self.correct_button):
            bar.addWidget(button)
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
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
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
        self.preview.retranslate_ui()

    def reload(self) -> None:
        actor, text, status = self.ctx.actor, self.search.text(), self.status.currentData() or None

        def work(_state: Any) -> list[HandoverListRow]:
            if self.pending_only:
                return self.svc.pending_acknowledgement(actor)
            return self.svc.search(actor, text, status=status)

        self.ctx.runner.run_in_background(work, self._loaded, self._failed)

    def _loaded(self, rows: list[HandoverListRow]) -> None:
        keep = self.record.id if self.record else None
        self.model.set_rows(rows, self._tz())
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
        row = self.model.row_at(current.row())
        if row is None:
            return
        actor = self.ctx.actor
        self.ctx.runner.run_in_background(lambda _s: self.svc.get(actor, row.id), self._show, self._failed)

    def _show(self, record: HandoverRecord) -> None:
        self.record = record
        self.preview.show_record(record)
        self._update_state()
        self.record_shown.emit(record)

    def _update_state(self) -> None:
        r = self.record
        self.ack_button.setEnabled(r is not None and r.status == HandoverStatus.SIGNED and r.author_id != self.ctx.actor.user_id)
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
        actor = self.ctx.actor

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
            actor = self.ctx.actor
            self.ctx.runner.run_in_background(
                lambda _s: self.svc.add_correction(actor, record.id, text),
                lambda note: (self.message.show_message(self.tr("Correction #{id} added").format(id=note.id)),
                              self.reload()),
                self._failed)

    def print_pdf(self) -> None:
        if self.record is not None:
            open_pdf(self.ctx, self.record, self.pdf_written.emit, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.show_message(describe_error(exc), error=True)


# ---- the screen -----------------------------------------------------------------------
class HandoverView(QWidget):
    """The handover screen (objectName ``handoverScreen``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("handoverScreen")
        self.tabs = QTabWidget()
        self.write = WriteTab(ctx, self)
        self.pending = ListTab(ctx, pending_only=True, parent=self)  # a child even when not a tab
        self.history = ListTab(ctx, pending_only=False, parent=self)
        self.tabs.addTab(self.write, icon("sign"), "")
        if ctx.can(Action.ACKNOWLEDGE_HANDOVER):
            self.tabs.addTab(self.pending, icon("acknowledge"), "")
        else:
            self.pending.hide()
        self.tabs.addTab(self.history, icon("search"), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.pending.acknowledged.connect(lambda _id: self.history.reload())
        ctx.feed.changed.connect(self._on_changed)
        self.retranslate_ui()
        self._loaded = False

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded:  # the first time the screen is shown, not at start-up
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        self.write.load()
        if self.ctx.can(Action.ACKNOWLEDGE_HANDOVER):
            self.pending.reload()
        self.history.reload()

    def _on_changed(self, entity: str, ids: list[int]) -> None:
        if entity != "handover" or not self._loaded:
            return
        self.write.on_changed(ids)
        if self.ctx.can(Action.ACKNOWLEDGE_HANDOVER):
            self.pending.reload()
        self.history.reload()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.write), self.tr("This shift"))
        if self.tabs.indexOf(self.pending) >= 0:
            self.tabs.setTabText(self.tabs.indexOf(self.pending), self.tr("To acknowledge"))
        self.tabs.setTabText(self.tabs.indexOf(self.history), self.tr("History"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            for tab in (self.write, self.pending, self.history):
                tab.retranslate_ui()
        super().changeEvent(event)


def _screen_title() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("HandoverView", "Handover")


SCREEN = ScreenSpec(key="handover", order=40, title=_screen_title, icon="handover", shortcut="Ctrl+5",
                    factory=HandoverView)

__all__ = ["SCREEN", "HandoverListModel", "HandoverView", "PendingItemsModel"]
