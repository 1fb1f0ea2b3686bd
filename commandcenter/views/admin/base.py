"""What the admin tabs and dialogs share: running a service call off the GUI thread, showing
its refusal in words, and a form dialog that stays open until the service has said yes.

A dialog checks what it can itself (a required field, two passwords that differ) and shows
the problem under the form; what only the database knows (a name taken, a row another admin
changed) comes back from the service and is shown in the same place, the dialog still open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...admin_labels import describe_admin_error
from ...gui.context import AppContext
from ...gui.style import error_style, ok_style


def make_table(name: str, model: Any) -> QTableView:
    """A read-only, single-row-selection table over `model`, as every admin list is."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class AdminTab(QWidget):
    """One tab of the admin screen: a list, its buttons, and a line saying what last happened."""

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)
        self.message = QLabel(objectName=f"{name}Message")
        self.message.setWordWrap(True)
        self.loaded = False

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            dialog: FormDialog | None = None) -> None:
        """Run `work` (a service call) on the pool; its refusal goes to `dialog` or the message line."""
        def failed(exc: BaseException) -> None:
            if dialog is not None:
                dialog.show_error(describe_admin_error(exc))
            else:
                self.say(describe_admin_error(exc), error=True)
            self.reload()  # a stale row or another admin's change: show what the database holds now

        self.ctx.runner.run_in_background(lambda _state: work(), on_done, failed)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(error_style() if error else ok_style())
        self.message.setText(text)

    def reload(self) -> None:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class FormDialog(QDialog):
    """A form with OK and Cancel and a problem line; OK emits `submitted` once the form is complete."""

    submitted = Signal(dict)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.form = QFormLayout()
        self.problem = QLabel(objectName=f"{name}Problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(error_style())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def check(self) -> str | None:
        """What is missing or wrong in the form, in words (None: it can be sent)."""
        return None

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def submit(self) -> None:
        problem = self.check()
        if problem:
            self.show_error(problem)
            return
        self.problem.clear()
        self.submitted.emit(self.values())

    def show_error(self, text: str) -> None:
        self.problem.setText(text)

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def open_dialog(dialog: FormDialog, send: Callable[[dict[str, Any]], None]) -> FormDialog:
    """Show `dialog` window-modal; each complete submission goes to `send`; closed, it is deleted."""
    dialog.submitted.connect(send)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
