"""The wall's escalation tab: open reminders (催办) and supervisions (督办) of the seat's centres.

Its own widget because it has one job apart from the wall's table: it runs the escalation
clock's scan every half minute, lists what is open, and lets the operator acknowledge one.
Lists and scans run off the GUI thread; a change-feed entry from any seat's or the drill's
scan asks for a refresh (`refresh_soon`), a burst of them for one.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ..gui.context import AppContext
from ..gui.icons import icon
from ..labels import priority_label

log = logging.getLogger(__name__)

ESCALATION_SCAN_MS = 30_000


class EscalationPanel(QWidget):
    """The open escalations as a list; activating one asks the wall to select its case."""

    case_requested = Signal(int)  # case id
    listed = Signal(int)  # how many open escalations the list now shows
    failed = Signal(object)  # an acknowledgement was refused: the exception

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.escalations = QListWidget(objectName="escalationList")
        self.escalations.itemActivated.connect(self._activated)
        self.ack_button = QPushButton(objectName="acknowledgeEscalation")
        self.ack_button.setIcon(icon("acknowledge"))
        self.ack_button.clicked.connect(self.acknowledge_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.escalations)
        layout.addWidget(self.ack_button)
        self._scan_timer = QTimer(self)
        self._scan_timer.setInterval(ESCALATION_SCAN_MS)
        self._scan_timer.timeout.connect(self.scan)
        self._scan_timer.start()
        self._soon = QTimer(self, singleShot=True, interval=500)
        self._soon.timeout.connect(self.refresh)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.ack_button.setText(self.tr("Acknowledge"))

    def refresh_soon(self) -> None:
        """Refresh once a burst of escalation changes has settled."""
        if not self._soon.isActive():
            self._soon.start()

    def scan(self) -> None:
        escalations, principal = self.ctx.escalations, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: escalations.scan(principal), lambda _new: self.refresh(),
                                          lambda exc: log.warning("escalation scan failed: %s", exc))

    def refresh(self) -> None:
        escalations, principal = self.ctx.escalations, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: escalations.open(principal), self._show,
                                          lambda exc: log.warning("escalations failed: %s", exc))

    def _show(self, rows: list) -> None:  # type: ignore[type-arg]
        self.escalations.clear()
        for e in rows:
            level = self.tr("Supervision 督办") if e.level == "supervision" else self.tr("Reminder 催办")
            item = QListWidgetItem(icon("escalation" if e.level == "supervision" else "alert"),
                                   f"{level} · {e.case_number} · {priority_label(e.priority)} · {e.assignee_name or '—'}")
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, e.case_id)
            self.escalations.addItem(item)
        self.listed.emit(len(rows))

    def _activated(self, item: QListWidgetItem) -> None:
        self.case_requested.emit(int(item.data(Qt.ItemDataRole.UserRole + 1)))

    def acknowledge_selected(self) -> None:
        item = self.escalations.currentItem()
        if item is None:
            return
        escalations, principal, eid = self.ctx.escalations, self.ctx.principal, int(item.data(Qt.ItemDataRole.UserRole))
        self.ctx.runner.run_in_background(lambda _s: escalations.acknowledge(principal, eid),
                                          lambda _r: self.refresh(), self.failed.emit)
