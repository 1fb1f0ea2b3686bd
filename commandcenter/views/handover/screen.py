"""The handover screen: the outgoing operator drafts, completes and signs the shift's handover;
the incoming supervisor reviews and acknowledges it; everyone can search past handovers and
print any of them as a PDF.

Three tabs: "This shift" (writing), "To acknowledge" (supervisors) and "History". All reads
and writes run off the GUI thread; other seats' changes arrive through the change feed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
)
from PySide6.QtWidgets import (
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...domain.entities import Entity
from ...gui.context import AppContext
from ...gui.icons import icon
from ...gui.screens import ScreenSpec
from .list_tab import ListTab
from .write_tab import WriteTab


class HandoverView(QWidget):
    """The handover screen (objectName ``handoverScreen``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("handoverScreen")
        self.tabs = QTabWidget()
        self.write = WriteTab(ctx, self)
        self.pending = ListTab(ctx, pending_only=True, parent=self)  # a child even when not a tab
        self.history = ListTab(ctx, pending_only=False, parent=self)
        self.tabs.addTab(self.write, icon("sign"), "")
        if ctx.can(Action.ACKNOWLEDGE_HANDOVER):
            self.tabs.addTab(self.pending, icon("acknowledge"), "")
        else:
            self.pending.hide()
        self.tabs.addTab(self.history, icon("search"), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.pending.acknowledged.connect(lambda _id: self.history.reload())
        ctx.feed.changed.connect(self._on_changed)
        self.retranslate_ui()
        self._loaded = False

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded:  # the first time the screen is shown, not at start-up
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        self.write.load()
        if self.ctx.can(Action.ACKNOWLEDGE_HANDOVER):
            self.pending.reload()
        self.history.reload()

    def _on_changed(self, entity: str, ids: list[int]) -> None:
        if entity != Entity.HANDOVER or not self._loaded:
            return
        self.write.on_changed(ids)
        if self.ctx.can(Action.ACKNOWLEDGE_HANDOVER):
            self.pending.reload()
        self.history.reload()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.write), self.tr("This shift"))
        if self.tabs.indexOf(self.pending) >= 0:
            self.tabs.setTabText(self.tabs.indexOf(self.pending), self.tr("To acknowledge"))
        self.tabs.setTabText(self.tabs.indexOf(self.history), self.tr("History"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            for tab in (self.write, self.pending, self.history):
                tab.retranslate_ui()
        super().changeEvent(event)


def _screen_title() -> str:

    return QCoreApplication.translate("HandoverView", "Handover")


SCREEN = ScreenSpec(key="handover", order=40, title=_screen_title, icon="handover", shortcut="Ctrl+5",
                    factory=HandoverView)

__all__ = ["SCREEN", "HandoverView"]
