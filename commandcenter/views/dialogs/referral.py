"""The referral dialog: refer a case up, send it down with instructions, transfer it across,
return another centre's referral, or feed its outcome back (services.referral).

`ReferralDialog` is the dialog (action_params.ask_params runs it); `params()` gives the
TransitionParams for the service, usable without `exec()` in tests. The centres offered are
those the case may go to from the centre holding it; the
coded reasons are the domain's, the note is required (the service's rule), marked "*".
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

from ...admin_labels import category_name
from ...domain.actions import NOTE_MAX_CHARS, Action
from ...domain.referral import KIND_REASONS, REFER_ACTIONS, ReferralState
from ...gui.context import AppContext
from ...gui.style import dialog_header, hint_style
from ...i18n import QT_TRANSLATE_NOOP as N
from ...labels import action_label, describe_error, status_label
from ...referral_labels import kind_label, reason_label
from ...services.lifecycle import TransitionParams
from ...shapes.cases import CaseRow
from ...shapes.referral import CentreChoice, ReferralInfo
from .checked import CheckedDialog

REFERRAL_DIALOGS: frozenset[Action] = frozenset({*REFER_ACTIONS, Action.RETURN_REFERRAL, Action.FEED_BACK_REFERRAL})
NOTE_PROMPTS: dict[Action, str] = {
    Action.REFER_UP: N("ReferralDialog", "What is needed from the higher centre? *"),
    Action.REFER_DOWN: N("ReferralDialog", "Instructions for the centre below *"),
    Action.TRANSFER: N("ReferralDialog", "Why does the case belong there? *"),
    Action.RETURN_REFERRAL: N("ReferralDialog", "Why is the referral returned? *"),
    Action.FEED_BACK_REFERRAL: N("ReferralDialog", "The outcome, for the referring centre *"),
}
HINTS: dict[Action, str] = {
    Action.REFER_UP: N("ReferralDialog", "The higher centre accepts or returns the case within its time limit; "
                                         "it stays on your wall, marked, until the outcome comes back."),
    Action.REFER_DOWN: N("ReferralDialog", "The case goes onto that centre's wall; it stays in your view and its "
                                           "outcome comes back to you."),
    Action.TRANSFER: N("ReferralDialog", "The case goes onto that centre's wall; its outcome comes back to you."),
    Action.RETURN_REFERRAL: N("ReferralDialog", "The case goes back to the centre that referred it."),
    Action.FEED_BACK_REFERRAL: N("ReferralDialog", "The case goes back to the centre that referred it, which "
                                                   "verifies and closes it."),
}


class ReferralDialog(CheckedDialog):
    """One referral step on one case: where to (for a referral), why, and a note."""

    def __init__(self, ctx: AppContext, action: Action, row: CaseRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.action, self.row = ctx, Action(action), row
        if self.action not in REFERRAL_DIALOGS:
            raise ValueError(f"{action} is no referral step with a dialog")
        self.kind = REFER_ACTIONS.get(self.action)
        self.setObjectName("referralDialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        header, self.titleLabel = dialog_header(self.action.value, "referralTitle")
        layout.addLayout(header)
        self.caseLabel = QLabel(objectName="caseSummary", wordWrap=True)
        self.caseLabel.setStyleSheet(hint_style())
        layout.addWidget(self.caseLabel)
        self.hintLabel = QLabel(objectName="referralHint", wordWrap=True)
        layout.addWidget(self.hintLabel)
        self.referralLabel = QLabel(objectName="referralShown", wordWrap=True)  # the referral being answered
        layout.addWidget(self.referralLabel)
        form = QFormLayout()
        self.centreLabel, self.reasonLabel = QLabel(self), QLabel(self)
        self.centreCombo = QComboBox(self, objectName="centreCombo")
        self.reasonCombo = QComboBox(self, objectName="reasonCombo")
        self.centreLabel.setBuddy(self.centreCombo)
        self.reasonLabel.setBuddy(self.reasonCombo)
        if self.kind is not None:
            form.addRow(self.centreLabel, self.centreCombo)
            form.addRow(self.reasonLabel, self.reasonCombo)
        else:
            for widget in (self.centreLabel, self.centreCombo, self.reasonLabel, self.reasonCombo):
                widget.hide()
        layout.addLayout(form)
        self.add_note_field(layout)
        self.add_footer(layout)
        self.targets: list[CentreChoice] = []
        self.answered: ReferralInfo | None = None
        self._load()
        self.resize(520, 0)
        self.retranslate_ui()
        (self.centreCombo if self.kind is not None else self.noteEdit).setFocus()

    def _load(self) -> None:
        """The centres and the referral answered: a few rows, read as the dialog opens."""
        try:
            if self.kind is not None:
                self.targets = self.ctx.referrals.targets(self.ctx.principal, self.row.id, self.kind)
            else:
                wanted = ReferralState.PENDING if self.action is Action.RETURN_REFERRAL else ReferralState.ACCEPTED
                active = [i for i in self.ctx.referrals.of_case(self.ctx.principal, self.row.id) if i.state == wanted]
                self.answered = active[-1] if active else None
        except Exception as exc:  # noqa: BLE001 - any refusal is shown in the dialog, in the user's words
            self.errorLabel.setText(describe_error(exc))
        for choice in self.targets:
            self.centreCombo.addItem(choice.name, choice.id)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        r, verb = self.row, action_label(self.action.value)
        self.setWindowTitle(self.tr("{action} — {case}").format(action=verb, case=r.case_number))
        self.titleLabel.setText(self.tr("{action}: case {case}").format(action=verb, case=r.case_number))
        self.caseLabel.setText(self.tr("{category} · grid {grid} · {status}").format(
            category=f"{r.category_code} {category_name(r.category_zh, r.category_en)}", grid=r.grid_code,
            status=status_label(r.status)))
        self.hintLabel.setText(self.tr(HINTS[self.action]))
        a = self.answered
        self.referralLabel.setVisible(a is not None)
        if a is not None:
            self.referralLabel.setText(self.tr("{kind} by {centre}: {reason}. {note}").format(
                kind=kind_label(a.kind), centre=a.from_centre, reason=reason_label(a.reason), note=a.note))
        self.centreLabel.setText(self.tr("To centre *"))
        self.reasonLabel.setText(self.tr("Reason *"))
        if self.kind is not None:
            current = self.reasonCombo.currentData()
            self.reasonCombo.clear()
            for reason in KIND_REASONS[self.kind]:
                self.reasonCombo.addItem(reason_label(reason), reason.value)
            if current is not None:
                self.reasonCombo.setCurrentIndex(max(0, self.reasonCombo.findData(current)))
        self.noteLabel.setText(self.tr(NOTE_PROMPTS[self.action]))
        self.okButton.setText(self.tr("{action} (Ctrl+Enter)").format(action=verb))

    def problem(self) -> tuple[str, QWidget] | None:
        """What is still missing or wrong (message and the field to fix), or None."""
        note = self.noteEdit.toPlainText().strip()
        if self.kind is not None and self.centreCombo.currentData() is None:
            return self.tr("There is no centre this case can be sent to this way."), self.centreCombo
        if not note:
            return self.tr("Say why: the note is required here."), self.noteEdit
        return self.note_too_long(NOTE_MAX_CHARS)

    def params(self) -> TransitionParams | None:
        """The parameters for the service, or None while something required is missing."""
        if self.problem() is not None:
            return None
        return TransitionParams(note=self.noteEdit.toPlainText().strip(), centre_id=self.centreCombo.currentData(),
                                reason=self.reasonCombo.currentData() or "")
