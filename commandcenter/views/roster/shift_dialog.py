"""The shift editor: name, local start and end time, and the days a shift starts on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QTime,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...itemmodels.roster import day_names
from ...services.shifts import MAX_SHIFT_NAME, ShiftRow


class ShiftDialog(QDialog):
    """Define or edit a shift: name, local start and end time, and the days it starts on."""

    def __init__(self, shift: ShiftRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftDialog")
        self.shift = shift
        self.name_edit = QLineEdit(objectName="shiftName")
        self.name_edit.setMaxLength(MAX_SHIFT_NAME)
        self.start_edit = QTimeEdit(objectName="shiftStart")
        self.end_edit = QTimeEdit(objectName="shiftEnd")
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        self.day_checks = [QCheckBox(objectName=f"shiftDay{n}") for n in range(1, 8)]
        days = QHBoxLayout()
        for check in self.day_checks:
            days.addWidget(check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.name_edit, self.start_edit, self.end_edit), strict=False):
            form.addRow(label, field)
        form.addRow(self.labels[3], days)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._validate)
        for check in self.day_checks:
            check.toggled.connect(self._validate)
        if shift is not None:
            self.name_edit.setText(shift.name)
            self.start_edit.setTime(QTime.fromString(shift.start_time, "HH:mm"))
            self.end_edit.setTime(QTime.fromString(shift.end_time, "HH:mm"))
            for n, check in enumerate(self.day_checks, 1):
                check.setChecked(str(n) in shift.weekdays)
        else:
            self.start_edit.setTime(QTime(8, 0))
            self.end_edit.setTime(QTime(20, 0))
            for check in self.day_checks:
                check.setChecked(True)
        self.retranslate_ui()
        self._validate()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit shift") if self.shift else self.tr("New shift"))
        for label, text in zip(self.labels, (self.tr("Name"), self.tr("Starts"), self.tr("Ends"), self.tr("Days")),
                               strict=True):
            label.setText(text)
        self.name_edit.setPlaceholderText(self.tr("e.g. Day shift"))
        self.end_edit.setToolTip(self.tr("An end at or before the start means the shift ends the next day"))
        for check, name in zip(self.day_checks, day_names(), strict=True):
            check.setText(name)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _validate(self) -> None:
        ok = bool(self.name_edit.text().strip()) and any(c.isChecked() for c in self.day_checks)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text().strip(),
            "start_time": self.start_edit.time().toString("HH:mm"),
            "end_time": self.end_edit.time().toString("HH:mm"),
            "weekdays": "".join(str(n) for n, c in enumerate(self.day_checks, 1) if c.isChecked()),
        }
