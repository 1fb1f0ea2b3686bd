"""The confirmation before a masked personal field is shown in clear: what, of which case, and why.

Revealing is deliberate: the operator reads that the reveal goes to the audit trail and types
the reason that goes with it; OK stays disabled until there is one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain.privacy import PersonalField
from ..i18n import QT_TRANSLATE_NOOP as N

REASON_MAX_CHARS = 200  # the service's limit (services/personal_data)

FIELD_NAMES = {
    PersonalField.REPORTER_NAME: N("RevealDialog", "the reporter's name"),
    PersonalField.REPORTER_PHONE: N("RevealDialog", "the reporter's phone"),
    PersonalField.ADDRESS: N("RevealDialog", "the exact address"),
}


class RevealDialog(QDialog):
    """Asks for the reason to reveal one field of one case; `reason()` once accepted."""

    def __init__(self, case_number: str, field: PersonalField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revealDialog")
        self.case_number, self.field = case_number, field
        self.message = QLabel()
        self.message.setObjectName("revealMessage")
        self.message.setWordWrap(True)
        self.reasonEdit = QLineEdit()
        self.reasonEdit.setObjectName("revealReasonEdit")
        self.reasonEdit.setMaxLength(REASON_MAX_CHARS)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reasonEdit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.reasonEdit)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._update_ok()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Reveal personal data"))
        self.message.setText(self.tr(
            "Show {what} of case {case} in clear? The reveal is recorded in the audit trail with your "
            "name and the reason you give.").format(what=self.tr(FIELD_NAMES[self.field]), case=self.case_number))
        self.reasonEdit.setPlaceholderText(self.tr("Reason, e.g. calling the reporter back"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Reveal"))

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason()))

    def reason(self) -> str:
        return self.reasonEdit.text().strip()
