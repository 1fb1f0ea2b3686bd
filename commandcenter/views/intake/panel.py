"""The new-case dialog's call-taking part: a 12345 work order's fields, the caller's and the
place's earlier cases, and the likely-duplicate check that runs before a case is saved.

The dialog keeps its form; it hands this panel its source, phone and location widgets to watch,
lets it add the work-order fields to the `NewCase` (`complete`) and saves through it (`save`):
off the GUI thread the panel first asks for likely duplicates (unless the call-taker already
chose "Register as new"), and either offers them (nothing is saved) or saves at once. "Merge
into this case" saves the call as a further report of the chosen case (`CaseService.report`
with `merge_into`): its caller joins that case, both histories say so, no new open case; the
dialog then reports the case the call joined as the one saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...domain.enums import SourceChannel
from ...errors import ValidationError
from ...gui.context import AppContext
from ...shapes.cases import CaseRow, NewCase
from ...shapes.intake import DuplicateCandidate
from ...widgets.intake.duplicate_offer import DuplicateOffer
from .earlier_panel import EarlierCasesPanel

HOTLINE = SourceChannel.HOTLINE_12345.value
DEFAULT_DUE_DAYS = 3  # a first guess for the hotline's due time; the call-taker types the real one


Store = Callable[[NewCase], CaseRow]  # saves the call once no duplicate stands in the way (off the GUI thread)


class IntakePanel(QWidget):
    """Work order, earlier cases and the duplicate offer; see the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("intakePanel")
        self._register_as_new = False
        self._pending: tuple[NewCase, Store, Callable[[CaseRow], None], Callable[[BaseException], None]] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hotlineBox = QGroupBox(objectName="hotlineBox")
        grid = QGridLayout(self.hotlineBox)
        self.hotlineNumberLabel = QLabel()
        self.hotlineNumberEdit = QLineEdit(objectName="hotlineNumberEdit", maxLength=40)
        self.hotlineDueCheck = QCheckBox(objectName="hotlineDueCheck")
        self.hotlineDueEdit = QDateTimeEdit(objectName="hotlineDueEdit", calendarPopup=True)
        self.hotlineDueEdit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.hotlineDueEdit.setTimeZone(QTimeZone(ctx.principal.timezone.encode()))
        self.hotlineDueEdit.setDateTime(QDateTime.fromSecsSinceEpoch(
            int((ctx.db.clock.now() + timedelta(days=DEFAULT_DUE_DAYS)).timestamp()),
            QTimeZone(ctx.principal.timezone.encode())))
        self.hotlineDueEdit.setEnabled(False)
        self.hotlineDueCheck.toggled.connect(self.hotlineDueEdit.setEnabled)
        self.answeredCheck = QCheckBox(objectName="answeredOnCallCheck")
        self.answeredCheck.setEnabled(ctx.can(Action.ANSWER_ON_CALL))
        self.answerEdit = QLineEdit(objectName="callAnswerEdit", maxLength=2000)
        self.answerEdit.setVisible(False)
        self.answeredCheck.toggled.connect(self._answered_toggled)
        grid.addWidget(self.hotlineNumberLabel, 0, 0)
        grid.addWidget(self.hotlineNumberEdit, 0, 1)
        grid.addWidget(self.hotlineDueCheck, 0, 2)
        grid.addWidget(self.hotlineDueEdit, 0, 3)
        grid.addWidget(self.answeredCheck, 1, 0, 1, 2)
        grid.addWidget(self.answerEdit, 1, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addWidget(self.hotlineBox)
        self.earlier = EarlierCasesPanel(ctx, self)
        layout.addWidget(self.earlier)
        self.duplicates = DuplicateOffer(ctx.principal.timezone)
        self.duplicates.merge_chosen.connect(self._merge_chosen)
        self.duplicates.new_chosen.connect(self._new_chosen)
        layout.addWidget(self.duplicates)
        self.retranslate_ui()

    def watch(self, source: QComboBox, phone: QLineEdit, location: Any) -> None:
        """Follow the dialog's source (the work-order fields show for the 12345 hotline), the
        phone (the caller's earlier cases) and the location picker's WGS-84 point (the place's)."""
        self._source = source
        source.currentIndexChanged.connect(self._source_changed)
        phone.textChanged.connect(self.earlier.phone_changed)
        self._location = location
        for edit in (location.lonEdit, location.latEdit):
            edit.textChanged.connect(self._location_changed)
        self._source_changed()

    def _source_changed(self) -> None:
        self.hotlineBox.setVisible(self._source.currentData() == HOTLINE)
        self._changed()

    def _location_changed(self) -> None:
        point = self._location.wgs84() if self._location.has_coordinate_text() else None
        self.earlier.place_changed(point)
        self._changed()

    def _changed(self) -> None:
        """What the offer was about changed: ask again at the next save."""
        self._register_as_new = False
        self.duplicates.withdraw()

    def _answered_toggled(self, checked: bool) -> None:
        self.answerEdit.setVisible(checked)
        if checked:
            self.answerEdit.setFocus()

    # ---- the case -----------------------------------------------------------------------
    def complete(self, new: NewCase) -> NewCase:
        """`new` with the work order's number, due time and the answer given on the call."""
        if new.source != HOTLINE:
            return new
        answered = self.answeredCheck.isChecked()
        if answered and not self.answerEdit.text().strip():
            raise ValidationError(self.tr("Write the answer given on the call."), field="answer")
        due = None
        if self.hotlineDueCheck.isChecked():
            due = datetime.fromtimestamp(self.hotlineDueEdit.dateTime().toSecsSinceEpoch(), UTC)
        return replace(new, hotline_number=self.hotlineNumberEdit.text().strip(), hotline_due_at=due,
                       call_answer=self.answerEdit.text().strip() if answered else "")

    def save(self, new: NewCase, store: Store, saved: Callable[[CaseRow], None],
             failed: Callable[[BaseException], None], offered: Callable[[str], None]) -> None:
        """Save `new` with `store` (plain save, or register and dispatch: `register_only` builds the
        first), unless likely duplicates are found first: then `offered(message)` and wait.
        "Register as new" then runs the same `store`, so a register-and-dispatch still dispatches."""
        intake, principal = self.ctx.intake, self.ctx.principal
        check = (not self._register_as_new and not new.call_answer and new.lon is not None and new.lat is not None)
        self._pending = (new, store, saved, failed)

        def work(_state: Any) -> tuple[list[DuplicateCandidate], CaseRow | None]:
            if check:
                found = intake.duplicates(principal, new.category_id, new.lon, new.lat, new.description)
                if found:
                    return found, None
            return [], store(new)

        def done(result: tuple[list[DuplicateCandidate], CaseRow | None]) -> None:
            found, row = result
            if row is not None:
                saved(row)
                return
            self.duplicates.offer(found)
            offered(self.tr("A likely duplicate was found: merge the call into it, or register it as new."))

        self.ctx.runner.run_in_background(work, done, failed)

    def _merge_chosen(self, candidate: DuplicateCandidate) -> None:
        if self._pending is None:
            return
        new, _store, saved, failed = self._pending
        cases, principal = self.ctx.cases, self.ctx.principal
        self.duplicates.setEnabled(False)

        def finished(row: CaseRow) -> None:
            self.duplicates.setEnabled(True)
            saved(row)

        def refused(exc: BaseException) -> None:
            self.duplicates.setEnabled(True)
            failed(exc)

        def work(_state: Any) -> CaseRow:
            # the call is kept as a merged case; the dialog goes on with the case it joined (the
            # wall selects it, the caller's photos are stored with it)
            cases.report(principal, new, merge_into=candidate.case_id)
            return cases.row(principal, candidate.case_id)

        self.ctx.runner.run_in_background(work, finished, refused)

    def _new_chosen(self) -> None:
        if self._pending is None:
            return
        new, store, saved, failed = self._pending
        self._register_as_new = True
        self.duplicates.withdraw()
        self.save(new, store, saved, failed, lambda _text: None)

    # ---- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.hotlineBox.setTitle(self.tr("12345 work order"))
        self.hotlineNumberLabel.setText(self.tr("Work order no."))
        self.hotlineNumberLabel.setBuddy(self.hotlineNumberEdit)
        self.hotlineNumberEdit.setPlaceholderText(self.tr("The hotline's own number"))
        self.hotlineDueCheck.setText(self.tr("Hotline due"))
        self.answeredCheck.setText(self.tr("Answered on the call (直接答复)"))
        self.answeredCheck.setToolTip(self.tr("The caller's question was answered on the phone: the case closes "
                                              "now with the answer, nobody is dispatched"))
        self.answerEdit.setPlaceholderText(self.tr("The answer given (required)"))
