"""The dispatch dialog's "Print the dispatch slip" option: the slip of every case sent is written
and opened once the dispatch succeeded (the case detail prints one again at any time)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QWidget


class SlipOption(QCheckBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printSlipCheck")
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Print the dispatch slip for the handler"))
