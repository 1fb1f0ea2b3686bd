"""Refresh a screen only when someone can see it.

Screens hidden behind the wall still hear every change; redrawing 10k map markers or
recounting 3,000 officers' loads unseen stalled the GUI thread during drills. A screen asks
`request()`; if it is hidden the refresh waits until it is next shown, once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class RefreshWhenShown(QObject):
    def __init__(self, widget: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._refresh = widget, refresh
        self.stale = False
        widget.installEventFilter(self)

    def request(self) -> None:
        if self._widget.isVisible():
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False
