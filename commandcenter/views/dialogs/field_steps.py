"""The field steps' dialog: a send-back's reason, a field check's request or result, a follow-up's answer.

`FieldStepDialog` is the dialog (action_params.ask_params runs it); `params()` gives the
TransitionParams for the service, usable without `exec()` in tests. What is required is the service's rule (`services.field_steps`), marked "*".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...admin_labels import category_name
from ...domain.actions import NOTE_MAX_CHARS, Action
from ...domain.enums import Satisfaction
from ...gui.context import AppContext
from ...gui.style import dialog_header, hint_style
from ...i18n import QT_TRANSLATE_NOOP as N
from ...labels import action_label, status_label
from ...services.lifecycle import TransitionParams
from ...shapes.cases import CaseRow
from ..photo_panels import BeforeAfterPanel
from .checked import CheckedDialog

EVIDENCE_MAX_CHARS = 200  # the history's evidence column
FIELD_STEP_DIALOGS: frozenset[Action] = frozenset({
    Action.SEND_BACK, Action.REQUEST_CHECK, Action.CONFIRM_CHECK, Action.FAIL_CHECK, Action.FOLLOW_UP,
})
NOTE_PROMPTS: dict[Action, str] = {
    Action.SEND_BACK: N("FieldStepDialog", "Why is the case not the handler's? *"),
    Action.REQUEST_CHECK: N("FieldStepDialog", "What should the grid officer look at? (optional)"),
    Action.CONFIRM_CHECK: N("FieldStepDialog", "What did the grid officer find on site? *"),
    Action.FAIL_CHECK: N("FieldStepDialog", "What is still not resolved? *"),
    Action.FOLLOW_UP: N("FieldStepDialog", "What did the reporter say?"),
}
HINTS: dict[Action, str] = {
    Action.SEND_BACK: N("FieldStepDialog", "The case returns to the centre for a new dispatch; the send-back "
                                           "counts against the dispatch accuracy (派遣准确率)."),
    Action.REQUEST_CHECK: N("FieldStepDialog", "The grid officer responsible for grid {grid} checks the result on "
                                               "site; the centre closes after the check."),
    Action.CONFIRM_CHECK: N("FieldStepDialog", "The case goes back to the centre to be closed."),
    Action.FAIL_CHECK: N("FieldStepDialog", "The case goes back to its handler for rework."),
    Action.FOLLOW_UP: N("FieldStepDialog", "Call {reporter} back about the result. A supervisor can reopen "
                                           "the case when the reporter is not satisfied."),
}
SATISFACTION_TEXTS: dict[Satisfaction, str] = {
    Satisfaction.SATISFIED: N("FieldStepDialog", "Satisfied"),
    Satisfaction.BASICALLY_SATISFIED: N("FieldStepDialog", "Basically satisfied"),
    Satisfaction.UNSATISFIED: N("FieldStepDialog", "Unsatisfied"),
}


class FieldStepDialog(CheckedDialog):
    """One field step on one case: a note, and an evidence reference or the reporter's answer."""

    def __init__(self, ctx: AppContext, action: Action, row: CaseRow, parent: QWidget | None = None,
                 reporter: str = "") -> None:
        super().__init__(parent)
        self.ctx, self.action, self.row, self.reporter = ctx, Action(action), row, reporter
        if self.action not in FIELD_STEP_DIALOGS:
            raise ValueError(f"{action} is not a field step with a dialog")
        self.setObjectName("fieldStepDialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        header, self.titleLabel = dialog_header(self.action.value, "fieldStepTitle")
        layout.addLayout(header)
        self.caseLabel = QLabel(objectName="caseSummary", wordWrap=True)
        self.caseLabel.setStyleSheet(hint_style())
        layout.addWidget(self.caseLabel)
        self.hintLabel = QLabel(objectName="stepHint", wordWrap=True)
        layout.addWidget(self.hintLabel)

        self.answers = QButtonGroup(self)
        self.answerButtons: dict[Satisfaction, QRadioButton] = {}
        if self.action is Action.FOLLOW_UP:
            row_layout = QHBoxLayout()
            self.answerLabel = QLabel()
            row_layout.addWidget(self.answerLabel)
            for answer in Satisfaction:
                button = QRadioButton(objectName=f"answer_{answer.value}")
                self.answers.addButton(button)
                self.answerButtons[answer] = button
                row_layout.addWidget(button)
            row_layout.addStretch(1)
            layout.addLayout(row_layout)
            self.answers.buttonToggled.connect(lambda *_: self._answer_changed())

        self.add_note_field(layout)
        # parented: a field the step does not show is no window of its own
        self.evidenceLabel = QLabel(self)
        self.evidenceEdit = QLineEdit(self, objectName="evidenceEdit", maxLength=EVIDENCE_MAX_CHARS)
        self.evidenceLabel.setBuddy(self.evidenceEdit)
        self.photos: BeforeAfterPanel | None = None
        if self.action in (Action.CONFIRM_CHECK, Action.FAIL_CHECK):
            layout.addWidget(self.evidenceLabel)
            layout.addWidget(self.evidenceEdit)
            self.photos = BeforeAfterPanel(ctx, row.id, self)  # the report's and feedback's photos beside the check's
            layout.addWidget(self.photos)
        else:
            self.evidenceLabel.hide()
            self.evidenceEdit.hide()

        self.add_footer(layout)
        self.resize(520, 0)
        self.retranslate_ui()
        (self.answerButtons[Satisfaction.SATISFIED] if self.answerButtons else self.noteEdit).setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        r, verb = self.row, action_label(self.action.value)
        self.setWindowTitle(self.tr("{action} — {case}").format(action=verb, case=r.case_number))
        self.titleLabel.setText(self.tr("{action}: case {case}").format(action=verb, case=r.case_number))
        self.caseLabel.setText(self.tr("{category} · grid {grid} · {status} · {handler}").format(
            category=f"{r.category_code} {category_name(r.category_zh, r.category_en)}", grid=r.grid_code, status=status_label(r.status),
            handler=r.assignee_name or "—"))
        self.hintLabel.setText(self.tr(HINTS[self.action]).format(grid=r.grid_code,
                                                                 reporter=self.reporter or self.tr("the reporter")))
        self.noteLabel.setText(self.tr(NOTE_PROMPTS[self.action]))
        self.evidenceLabel.setText(self.tr("Evidence: photo or file reference (optional)"))
        self.evidenceEdit.setPlaceholderText(self.tr("e.g. IMG_20261125_1032.jpg"))
        if self.answerButtons:
            self.answerLabel.setText(self.tr("Answer *"))
            for answer, button in self.answerButtons.items():
                button.setText(self.tr(SATISFACTION_TEXTS[answer]))
            self._answer_changed()
        self.okButton.setText(self.tr("{action} (Ctrl+Enter)").format(action=verb))

    def _answer_changed(self) -> None:
        unsatisfied = self.answer() is Satisfaction.UNSATISFIED
        prompt = self.tr(NOTE_PROMPTS[Action.FOLLOW_UP])
        self.noteLabel.setText(prompt + (" *" if unsatisfied else ""))
        if self.answer() is not None:
            self.errorLabel.clear()

    def answer(self) -> Satisfaction | None:
        for answer, button in self.answerButtons.items():
            if button.isChecked():
                return answer
        return None

    def problem(self) -> tuple[str, QWidget] | None:
        """What is still missing or wrong (message and the field to fix), or None."""
        note = self.noteEdit.toPlainText().strip()
        if self.action is Action.FOLLOW_UP and self.answer() is None:
            return self.tr("Choose the reporter's answer."), self.answerButtons[Satisfaction.SATISFIED]
        needs_note = self.action in (Action.SEND_BACK, Action.CONFIRM_CHECK, Action.FAIL_CHECK) or (
            self.answer() is Satisfaction.UNSATISFIED)
        if needs_note and not note:
            return self.tr("Say why: the note is required here."), self.noteEdit
        return self.note_too_long(NOTE_MAX_CHARS)

    def params(self) -> TransitionParams | None:
        """The parameters for the service, or None while something required is missing."""
        if self.problem() is not None:
            return None
        answer = self.answer()
        return TransitionParams(note=self.noteEdit.toPlainText().strip(), evidence=self.evidenceEdit.text().strip(),
                                satisfaction=answer.value if answer is not None else None)

