"""The reply to the 12345 hotline, asked when a hotline case is verified and closed: the hotline
closes its work order with what the centre answers (kept on the case, `Case.hotline_reply`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class HotlineReplyField(QWidget):
    """A label and a short text box; `text()` is the reply as typed, trimmed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hotlineReplyField")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.edit = QPlainTextEdit(objectName="hotlineReplyEdit")
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(80)
        self.label.setBuddy(self.edit)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        self.retranslate_ui()

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("Reply to the 12345 hotline"))
        self.edit.setPlaceholderText(self.tr("What the hotline tells the caller: the result of the work order"))
