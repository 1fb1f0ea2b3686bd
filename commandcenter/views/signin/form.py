"""What the sign-in dialogs share: a form, one message line and a button that waits for the check.

The check (scrypt, then a write of the outcome) runs on the dialog's runner, never on the GUI
thread; while it runs the buttons are disabled, so a double Enter is one attempt, not two
counted towards the lockout.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...gui.style import error_text_style
from ...gui.tasks import TaskRunner
from ...labels import describe_error


def password_field(name: str) -> QLineEdit:
    """A line edit that never shows what is typed."""
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class CheckedForm(QDialog):
    """A dialog whose OK runs a password check in the background; subclasses fill `form` and
    implement `submit` and `retranslate_ui`."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.intro = QLabel(wordWrap=True)
        self.intro.setVisible(False)
        self.form = QFormLayout()
        self.labels: dict[QLineEdit, QLabel] = {}  # each field's label, by field
        self.message = QLabel(objectName="signInMessage", wordWrap=True)
        self.message.setStyleSheet(error_text_style())
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._problem: BaseException | str | None = None

    def add_field(self, edit: QLineEdit) -> QLabel:
        """Add `edit` as a row; its label (text set by `retranslate_ui`) jumps to it with Alt+key."""
        label = QLabel()
        label.setBuddy(edit)
        self.form.addRow(label, edit)
        self.labels[edit] = label
        return label

    @property
    def ok_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def submit(self) -> None:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def run_check(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Run `work` off the GUI thread; `on_done` gets its result, a refusal is shown here."""
        self.buttons.setEnabled(False)
        self.message.setVisible(False)
        self.runner.run_in_background(lambda _state: work(), on_done=self._checked(on_done), on_error=self.refused)

    def _checked(self, on_done: Callable[[Any], None]) -> Callable[[Any], None]:
        def done(result: Any) -> None:
            self.buttons.setEnabled(True)
            on_done(result)
        return done

    def refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_problem(exc)

    def show_problem(self, problem: BaseException | str) -> None:
        """Show a refusal (worded from a typed error) or a check of the dialog's own."""
        self._problem = problem
        self.message.setText(problem if isinstance(problem, str) else describe_error(problem))
        self.message.setVisible(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if isinstance(self._problem, BaseException):
                self.show_problem(self._problem)
        super().changeEvent(event)
