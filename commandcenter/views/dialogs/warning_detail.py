"""One early warning in full: what fired and why, its evidence cases, and the supervisor's answer.

Opened from the wall's warning tab (double-click or Enter) and from the map's warning layer.
The evidence cases are listed with their number, time, status and place; selecting one shows
it in the case detail beside the list and on the map (the bus), as selecting a case on the
wall does. The three answers (acknowledge with a note, open a patrol task or a case, dismiss
with a reason) are buttons offered to whoever holds the right and while the warning is open;
the text box above them is the note, the reason or the new task's description, and an answer
without it is refused here, naming what is missing, before the service is asked. A refusal by
the service (another supervisor answered first, the right was revoked) is shown in words in
the dialog, and the warning is read again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...gui import settings
from ...gui.context import AppContext
from ...gui.icons import icon
from ...gui.localtime import format_local
from ...gui.style import ERROR, shade
from ...i18n import current_language
from ...itemmodels.warnings import category_text
from ...labels import describe_error, status_label
from ...services.auth import Principal
from ...services.warning_actions import ActKind, WarningActionService
from ...shapes.cases import CaseDetail, CaseRow
from ...shapes.warnings import WarningItem, WarningStatus
from ...warning_labels import evidence_text, kind_label
from ...warning_labels import status_label as warning_status_label
from ...widgets.case_detail import CaseDetailPanel
from ..case_reveal import wire_reveal

log = logging.getLogger(__name__)

# one of the service's answers, given the service, the principal, the warning's id and the text
Answer = Callable[[WarningActionService, Principal, int, str], WarningItem]

CASE_ID_ROLE = Qt.ItemDataRole.UserRole


class WarningDetailDialog(QDialog):
    """A warning, its cases and the answers; `answered` carries the warning afterwards."""

    answered = Signal(object)  # WarningItem

    def __init__(self, ctx: AppContext, item: WarningItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.setObjectName("warningDetail")
        self.may_answer = ctx.can(Action.ACT_ON_WARNING)
        self._detail_for: int | None = None
        self._busy = False
        self._linked: CaseRow | None = None  # the patrol task or case opened for the warning

        self.heading = QLabel(objectName="warningHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.facts = QFormLayout()
        self.fact_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("category", "evidence", "raised", "last", "status", "answer"):
            name, value = QLabel(), QLabel(objectName=f"warningFact_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(name, value)
            self.fact_labels[key] = (name, value)

        self.cases_title = QLabel()
        self.cases = QTableWidget(0, 5, objectName="warningCases")
        self.cases.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cases.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cases.verticalHeader().setVisible(False)
        self.cases.horizontalHeader().setStretchLastSection(True)
        self.cases.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cases.currentCellChanged.connect(lambda row, *_: self._case_chosen(row))
        self.cases.cellActivated.connect(lambda row, _col: self.open_case(row))
        self.detail = CaseDetailPanel(now=ctx.db.clock.now, timezone=ctx.principal.timezone)
        wire_reveal(ctx, self.detail)

        self.note = QPlainTextEdit(objectName="warningNote")
        self.note.setFixedHeight(64)
        self.act_kind = QComboBox(objectName="warningActKind")
        for kind in ActKind:
            self.act_kind.addItem("", kind.value)
        self.ack_button = QPushButton(icon("acknowledge"), "", objectName="acknowledgeWarning")
        self.act_button = QPushButton(icon("dispatch"), "", objectName="actOnWarning")
        self.dismiss_button = QPushButton(icon("reject"), "", objectName="dismissWarning")
        self.ack_button.clicked.connect(self.acknowledge)
        self.act_button.clicked.connect(self.act)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.message = QLabel(objectName="warningMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.heading)
        left_layout.addLayout(self.facts)
        left_layout.addWidget(self.cases_title)
        left_layout.addWidget(self.cases, 1)
        self.answer_box = QWidget(objectName="warningAnswers")
        answers = QVBoxLayout(self.answer_box)
        answers.setContentsMargins(0, 0, 0, 0)
        answers.addWidget(self.note)
        row = QHBoxLayout()
        row.addWidget(self.ack_button)
        row.addWidget(self.act_kind)
        row.addWidget(self.act_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        answers.addLayout(row)
        left_layout.addWidget(self.answer_box)
        left_layout.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setSizes([560, 420])
        settings.remember_splitter(splitter, settings.WARNING_DETAIL_SPLITTER)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1040, 640)
        self.retranslate_ui()
        self.load_cases()

    # ---- language -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Early warning"))
        names = {"category": self.tr("Category"), "evidence": self.tr("Evidence"), "raised": self.tr("Raised"),
                 "last": self.tr("Latest case"), "status": self.tr("Status"), "answer": self.tr("Answer")}
        for key, (name, _value) in self.fact_labels.items():
            name.setText(names[key])
        self.cases_title.setText(self.tr("Cases behind it (select one to see it; double-click to find it on "
                                         "the wall and the map)"))
        self.cases.setHorizontalHeaderLabels([self.tr("Case"), self.tr("Reported"), self.tr("Status"),
                                              self.tr("Category"), self.tr("Place")])
        self.note.setPlaceholderText(self.tr("Note, reason for dismissing, or what the patrol task or case is to do "
                                             "(required)"))
        self.act_kind.setItemText(0, self.tr("Patrol task for the grid officer"))
        self.act_kind.setItemText(1, self.tr("New case for the centre to dispatch"))
        self.ack_button.setText(self.tr("Acknowledge"))
        self.ack_button.setToolTip(self.tr("Seen; the note says why nothing more is needed now"))
        self.act_button.setText(self.tr("Open"))
        self.act_button.setToolTip(self.tr("Open the patrol task or case chosen beside it, linked to this warning"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("A false alarm; the note says why"))
        self.show_item(self.item)

    # ---- showing ------------------------------------------------------------------------------
    def show_item(self, item: WarningItem) -> None:
        self.item = item
        tz = self.ctx.principal.timezone
        self.heading.setText(f"{kind_label(item.kind)} · {item.subject}")
        values = {
            "category": category_text(item.category_code, self.ctx.live_warnings.category_names),
            "evidence": evidence_text(item),
            "raised": format_local(item.raised_at, tz),
            "last": format_local(item.last_evidence_at, tz),
            "status": warning_status_label(item.status),
            "answer": self._answer_text(item),
        }
        for key, (_name, value) in self.fact_labels.items():
            value.setText(values[key])
        self.fact_labels["answer"][0].setVisible(bool(values["answer"]))
        self.fact_labels["answer"][1].setVisible(bool(values["answer"]))
        self._update_buttons()
        if item.linked_case_id is not None and (self._linked is None or self._linked.id != item.linked_case_id):
            self._load_linked(item.linked_case_id)

    def _answer_text(self, item: WarningItem) -> str:
        if item.acted_at is None:
            return ""
        text = self.tr("{who} at {at}: {note}").format(who=item.acted_by or "—",
                                                        at=format_local(item.acted_at, self.ctx.principal.timezone),
                                                        note=item.action_note)
        linked = self._linked
        if linked is not None and linked.id == item.linked_case_id:
            text += "\n" + self.tr("Opened as case {number} ({status})").format(number=linked.case_number,
                                                                                 status=status_label(linked.status))
        return text

    def _load_linked(self, case_id: int) -> None:
        wall, principal = self.ctx.wall, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: wall.rows(principal, [case_id]), self._linked_loaded,
                                          lambda exc: log.warning("linked case failed: %s", exc))

    def _linked_loaded(self, rows: list[CaseRow]) -> None:
        if rows and rows[0].id == self.item.linked_case_id:
            self._linked = rows[0]
            self.show_item(self.item)

    def _update_buttons(self) -> None:
        self.answer_box.setVisible(self.may_answer)
        open_now = self.item.status is WarningStatus.OPEN and not self._busy
        for button in (self.ack_button, self.act_button, self.dismiss_button):
            button.setEnabled(self.may_answer and open_now)
        self.note.setEnabled(self.may_answer and open_now)
        self.act_kind.setEnabled(self.may_answer and open_now)

    def load_cases(self) -> None:
        wall, principal, ids = self.ctx.wall, self.ctx.principal, list(self.item.case_ids)
        self.ctx.runner.run_in_background(lambda _s: wall.rows(principal, ids), self._show_cases,
                                          lambda exc: self._say(describe_error(exc), error=True))

    def _show_cases(self, rows: list[CaseRow]) -> None:
        by_id = {r.id: r for r in rows}
        ordered = [by_id[c] for c in self.item.case_ids if c in by_id]
        self.cases.setRowCount(len(ordered))
        tz = self.ctx.principal.timezone
        zh = current_language().startswith("zh")
        for n, r in enumerate(ordered):
            place = r.address or r.grid_code
            cells = (r.case_number, format_local(r.reported_at, tz), status_label(r.status),
                     f"{r.category_code} {r.category_zh if zh else r.category_en}", place)
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(CASE_ID_ROLE, r.id)
                self.cases.setItem(n, col, cell)

    def case_ids_shown(self) -> list[int]:
        return [int(self.cases.item(n, 0).data(CASE_ID_ROLE)) for n in range(self.cases.rowCount())]

    def _case_chosen(self, row: int) -> None:
        if row < 0 or self.cases.item(row, 0) is None:
            return
        case_id = int(self.cases.item(row, 0).data(CASE_ID_ROLE))
        self._detail_for = case_id
        cases, principal = self.ctx.cases, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: cases.detail(principal, case_id), self._show_detail,
                                          lambda exc: log.warning("case detail failed: %s", exc))
        self.ctx.bus.show_case_on_map.emit(case_id)

    def _show_detail(self, detail: CaseDetail) -> None:
        if detail.row.id == self._detail_for:
            self.detail.show_detail(detail)

    def open_case(self, row: int) -> None:
        """Select the case everywhere, as clicking it on the map does (the wall selects it if it
        shows it; the map centres on it)."""
        if self.cases.item(row, 0) is not None:
            self.ctx.bus.case_selected.emit(int(self.cases.item(row, 0).data(CASE_ID_ROLE)))

    # ---- answering ----------------------------------------------------------------------------
    def acknowledge(self) -> None:
        self._answer(lambda a, p, w, text: a.acknowledge(p, w, text),
                     self.tr("Write a note saying why this warning needs no action now."),
                     self.tr("Acknowledged."))

    def dismiss(self) -> None:
        self._answer(lambda a, p, w, text: a.dismiss(p, w, text),
                     self.tr("Write the reason for dismissing this warning."), self.tr("Dismissed."))

    def act(self) -> None:
        kind = ActKind(self.act_kind.currentData())
        done = self.tr("Patrol task opened.") if kind is ActKind.PATROL else self.tr("Case opened.")
        self._answer(lambda a, p, w, text: a.act(p, w, kind, text),
                     self.tr("Write what the patrol task or case is to do."), done)

    def _answer(self, call: Answer, missing: str, done: str) -> None:
        text = self.note.toPlainText().strip()
        if not text:
            self._say(missing, error=True)
            self.note.setFocus()
            return
        actions, principal, wid = self.ctx.warning_actions, self.ctx.principal, self.item.id
        self._busy = True
        self._update_buttons()
        self.ctx.runner.run_in_background(lambda _s: call(actions, principal, wid, text),
                                          lambda item: self._answered(item, done), self._refused)

    def _answered(self, item: WarningItem, done: str) -> None:
        self._busy = False
        self.note.clear()
        self.ctx.live_warnings.apply([item])
        self.show_item(item)
        self._say(done)
        self.answered.emit(item)

    def _refused(self, exc: BaseException) -> None:
        self._busy = False
        self._say(describe_error(exc), error=True)
        self._update_buttons()
        warnings, principal, wid = self.ctx.warnings, self.ctx.principal, self.item.id
        self.ctx.runner.run_in_background(lambda _s: warnings.get(principal, wid), self._reread,
                                          lambda e: log.warning("warning could not be read: %s", e))

    def _reread(self, item: WarningItem) -> None:
        self.ctx.live_warnings.apply([item])
        self.show_item(item)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {shade(ERROR)};" if error else "")
        self.message.setText(text)

    def message_text(self) -> str:
        return self.message.text()
