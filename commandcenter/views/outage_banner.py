"""The banner across the main window while the database server cannot be reached.

A status-bar label alone is missed on a busy wall: an operator would go on clicking and read the
refusals one by one. The banner says at once that what is on screen is as it was when the
connection broke, that new actions are refused (Database.unreachable) and that the program
reconnects by itself; it goes when the change feed reaches the server again. Nothing on screen is
disabled or cleared: the cases stay readable throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .. import palette
from ..gui.feed import ChangeFeed
from ..gui.icons import icon
from ..gui.localtime import format_local
from ..gui.style import shade


class OutageBanner(QWidget):
    """Shown from the feed's `connection_lost` to its `connection_restored`."""

    def __init__(self, feed: ChangeFeed, now: Callable[[], datetime], timezone: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outageBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._now, self._timezone = now, timezone
        self._since: datetime | None = None
        self._reason = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        mark = QLabel()
        mark.setPixmap(icon("offline").pixmap(22, 22))
        row.addWidget(mark)
        self.message = QLabel(objectName="outageMessage")
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        self.setVisible(False)
        feed.connection_lost.connect(self.show_outage)
        feed.connection_restored.connect(self.clear_outage)

    def show_outage(self, reason: str) -> None:
        self._since, self._reason = self._now(), reason
        self.setStyleSheet(f"#outageBanner {{ background: {shade(palette.ERROR)}; }} "
                           "#outageBanner QLabel { color: white; font-weight: bold; }")
        self.retranslate_ui()
        self.setVisible(True)

    def clear_outage(self) -> None:
        self._since = None
        self.setVisible(False)

    def retranslate_ui(self) -> None:
        if self._since is None:
            return
        self.message.setText(self.tr(
            "The database server cannot be reached since {time}. What you see is as it was then; new actions "
            "are refused until the connection is back. Reconnecting by itself…").format(
            time=format_local(self._since, self._timezone, "%H:%M:%S")))
        self.message.setToolTip(self._reason)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def with_banner(banner: OutageBanner, content: QWidget) -> QWidget:
    """`content` with `banner` across its top: the main window's central widget."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(banner)
    column.addWidget(content, 1)
    return holder
