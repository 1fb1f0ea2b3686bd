"""A dialog that stays open until its inputs are acceptable, naming the first problem."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QWidget


class CheckedDialog(QDialog):
    """Subclasses create `errorLabel` and say what is wrong in `problem`; OK then shows the
    problem and focuses the field instead of closing."""

    errorLabel: QLabel

    def problem(self) -> tuple[str, QWidget] | None:
        raise NotImplementedError

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
