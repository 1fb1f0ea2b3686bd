"""The joint-handling dialog: add a supporting unit (协办) to a dispatched case with what is asked
of it, or record a supporting unit's part of the feedback (services.joint).

`JointDialog` is the dialog (action_params.ask_params runs it); `params()` gives the
TransitionParams for the service, usable without `exec()` in tests. The lead unit's own feedback waits until every supporting unit's part is in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import NOTE_MAX_CHARS, Action
from ...domain.referral import JOINT_ACTIONS
from ...gui.context import AppContext
from ...gui.style import dialog_header, hint_style
from ...labels import action_label, describe_error
from ...services.lifecycle import TransitionParams
from ...shapes.cases import CaseRow
from .checked import CheckedDialog


class JointDialog(CheckedDialog):
    """A supporting unit of one case: which department, and its task or its part."""

    def __init__(self, ctx: AppContext, action: Action, row: CaseRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.action, self.row = ctx, Action(action), row
        if self.action not in JOINT_ACTIONS:
            raise ValueError(f"{action} is no joint-handling step")
        self.setObjectName("jointDialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        header, self.titleLabel = dialog_header(self.action.value, "jointTitle")
        layout.addLayout(header)
        self.hintLabel = QLabel(objectName="jointHint", wordWrap=True)
        self.hintLabel.setStyleSheet(hint_style())
        layout.addWidget(self.hintLabel)
        form = QFormLayout()
        self.unitLabel = QLabel(self)
        self.unitCombo = QComboBox(self, objectName="unitCombo")
        self.unitLabel.setBuddy(self.unitCombo)
        form.addRow(self.unitLabel, self.unitCombo)
        layout.addLayout(form)
        self.add_note_field(layout)
        self.add_footer(layout)
        self._load()
        self.resize(480, 0)
        self.retranslate_ui()
        self.unitCombo.setFocus()

    def _load(self) -> None:
        """The departments that may join, or the supporting units still owing their part."""
        try:
            supports = self.ctx.joint.supports(self.ctx.principal, self.row.id)
            if self.action is Action.ADD_SUPPORT:
                taken = {s.department_id for s in supports} | {self.row.assignee_department_id}
                units = [(d.id, d.name) for d in self.ctx.reference.departments(self.ctx.principal)
                         if d.id not in taken]
            else:
                units = [(s.department_id, s.department) for s in supports if s.fed_back_at is None]
        except Exception as exc:  # noqa: BLE001 - any refusal is shown in the dialog, in the user's words
            self.errorLabel.setText(describe_error(exc))
            units = []
        for unit_id, name in units:
            self.unitCombo.addItem(name, unit_id)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        verb = action_label(self.action.value)
        self.setWindowTitle(self.tr("{action} — {case}").format(action=verb, case=self.row.case_number))
        self.titleLabel.setText(self.tr("{action}: case {case}").format(action=verb, case=self.row.case_number))
        lead = self.row.assignee_name or "—"
        if self.action is Action.ADD_SUPPORT:
            self.hintLabel.setText(self.tr("{lead} leads (主办); a supporting unit (协办) feeds back its part before "
                                           "the lead's feedback.").format(lead=lead))
            self.unitLabel.setText(self.tr("Supporting unit *"))
            self.noteLabel.setText(self.tr("What is asked of it (optional)"))
        else:
            self.hintLabel.setText(self.tr("The part of a supporting unit; {lead} feeds back once every part is "
                                           "in.").format(lead=lead))
            self.unitLabel.setText(self.tr("Supporting unit *"))
            self.noteLabel.setText(self.tr("What the unit did *"))
        self.okButton.setText(self.tr("{action} (Ctrl+Enter)").format(action=verb))

    def problem(self) -> tuple[str, QWidget] | None:
        note = self.noteEdit.toPlainText().strip()
        if self.unitCombo.currentData() is None:
            return self.tr("There is no supporting unit to choose."), self.unitCombo
        if self.action is Action.SUPPORT_FEED_BACK and not note:
            return self.tr("Say what the unit did: the note is required here."), self.noteEdit
        return self.note_too_long(NOTE_MAX_CHARS)

    def params(self) -> TransitionParams | None:
        if self.problem() is not None:
            return None
        return TransitionParams(note=self.noteEdit.toPlainText().strip(), department_id=self.unitCombo.currentData())
