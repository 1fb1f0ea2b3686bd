"""A dialog that stays open until its inputs are acceptable, naming the first problem."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...gui.style import error_style


class CheckedDialog(QDialog):
    """Subclasses create `errorLabel` and say what is wrong in `problem`; OK then shows the
    problem and focuses the field instead of closing."""

    errorLabel: QLabel
    okButton: QPushButton
    cancelButton: QPushButton

    def add_note_field(self, layout: QBoxLayout) -> None:
        """The free-text note under a label (`noteLabel`, `noteEdit`); Tab leaves it."""
        self.noteLabel = QLabel()
        self.noteEdit = QPlainTextEdit(objectName="noteEdit", tabChangesFocus=True)
        self.noteEdit.setMaximumHeight(120)
        self.noteLabel.setBuddy(self.noteEdit)
        layout.addWidget(self.noteLabel)
        layout.addWidget(self.noteEdit)

    def add_footer(self, layout: QBoxLayout) -> None:
        """The problem line, then OK (the default, text set by the subclass) and Cancel;
        Ctrl+Enter is OK from any field, as in every action dialog."""
        self.errorLabel = QLabel(objectName="errorLabel", wordWrap=True)
        self.errorLabel.setStyleSheet(error_style())
        layout.addWidget(self.errorLabel)
        self.buttons = QDialogButtonBox()
        self.okButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.okButton.setObjectName("okButton")
        self.okButton.setDefault(True)
        self.cancelButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.okButton.clicked.connect(self.accept)
        self.cancelButton.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    def problem(self) -> tuple[str, QWidget] | None:
        raise NotImplementedError

    def note_too_long(self, limit: int) -> tuple[str, QWidget] | None:
        """The note field's problem when it holds more than the column `limit` allows."""
        count = len(self.noteEdit.toPlainText().strip())
        if count <= limit:
            return None
        return self.tr("The text is too long: at most {limit} characters, now {count}.").format(
            limit=limit, count=count), self.noteEdit

    def accept(self) -> None:
        found = self.problem()
        if found is not None:
            message, field = found
            self.errorLabel.setText(message)
            field.setFocus()
            return
        super().accept()

    def error_text(self) -> str:
        return self.errorLabel.text()
