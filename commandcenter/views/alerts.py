"""The alert widgets: the wall's banner that times out, the status-bar count, the alert list.

An urgent arrival shows in the banner for `BANNER_MS` and then leaves it for the alert list
(gui/alerts.AlertCentre): the banner no longer waits for a click, and nothing is lost while the
operator looks elsewhere, because the status bar counts what is not yet acknowledged; a click
on the count opens the list, where alerts are acknowledged (and a double-click selects the case).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..gui import settings
from ..gui.alerts import Alert, AlertCentre, AlertSound
from ..gui.icons import icon
from ..gui.localtime import format_local
from ..gui.style import current_theme, notifier

if TYPE_CHECKING:
    from ..gui.context import AppContext

BANNER_MS = 15_000  # how long an alert stays in the banner before it waits in the list


class QtAlertSink:
    """Where the wall's alert router sends alerts (services/alerts.AlertSink): into the seat's
    alert list, which the banner and the status bar show, with the urgent sound when the
    operator has it on (View → Alert sound)."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.sound = AlertSound()
        self.case_id: int | None = None  # the case of the alert being offered

    def beep(self) -> None:
        if settings.ALERT_SOUND.get():
            self.sound.play()

    def show(self, text: str) -> None:
        self.ctx.alerts.raise_alert(text, self.case_id, self.ctx.db.clock.now())
        self.case_id = None


class AlertBanner(QLabel):
    """The latest alert of the seat's list across the wall, for `timeout_ms`; a click hides it
    and asks for its case."""

    case_requested = Signal(int)

    def __init__(self, centre: AlertCentre, parent: QWidget | None = None, timeout_ms: int = BANNER_MS) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        centre.raised.connect(self.show_alert)
        self.setVisible(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.alert: Alert | None = None
        self.timer = QTimer(self, singleShot=True, interval=timeout_ms)
        self.timer.timeout.connect(self.hide)
        notifier.changed.connect(self._restyle)
        self._restyle()

    def _restyle(self) -> None:
        self.setStyleSheet(f"background:{current_theme().alert_background};color:white;font-weight:bold;"
                           "padding:6px 10px;border-radius:3px;")

    def show_alert(self, alert: Alert) -> None:
        self.alert = alert
        self.setText(alert.text)
        self.setVisible(True)
        self.timer.start()  # a newer alert restarts the time

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.timer.stop()
        self.setVisible(False)
        if self.alert is not None and self.alert.case_id is not None:
            self.case_requested.emit(self.alert.case_id)
        event.accept()


class AlertCountButton(QToolButton):
    """The status bar's count of unacknowledged alerts; a click opens the list."""

    case_requested = Signal(int)  # an alert's case was activated in the list

    def __init__(self, centre: AlertCentre, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertCount")
        self.centre = centre
        self.timezone = timezone
        self.setIcon(icon("alert"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.dialog: AlertListDialog | None = None
        centre.changed.connect(self.render)
        notifier.changed.connect(self.render)
        self.clicked.connect(self.open_list)
        self.render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.render()
        super().changeEvent(event)

    def render(self) -> None:
        n = self.centre.count
        self.setText(self.tr("{n} unacknowledged alerts").format(n=n) if n else "0")
        self.setToolTip(self.tr("Open the alert list to acknowledge alerts"))
        colour = current_theme().priority_colour("urgent")
        self.setStyleSheet(f"QToolButton {{ color: {colour}; font-weight: bold; }}" if n else "")

    def open_list(self) -> AlertListDialog:
        if self.dialog is None:
            self.dialog = AlertListDialog(self.centre, self.timezone, self.window())
            self.dialog.case_requested.connect(self.case_requested)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.activateWindow()
        return self.dialog


class AlertListDialog(QDialog):
    """Unacknowledged alerts, newest first: acknowledge the chosen ones or all of them."""

    case_requested = Signal(int)

    def __init__(self, centre: AlertCentre, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertList")
        self.centre = centre
        self.timezone = timezone
        self.alerts = QListWidget(objectName="alertItems")
        self.alerts.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.alerts.itemActivated.connect(self._activated)
        self.ack_button = QPushButton(icon("acknowledge"), "", objectName="acknowledgeAlerts")
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.ack_all_button = QPushButton(objectName="acknowledgeAllAlerts")
        self.ack_all_button.clicked.connect(centre.acknowledge_all)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.ack_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.ack_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.alerts)
        layout.addWidget(buttons)
        self.resize(560, 360)
        centre.changed.connect(self.refresh)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Alerts"))
        self.ack_button.setText(self.tr("Acknowledge"))
        self.ack_all_button.setText(self.tr("Acknowledge all"))

    def refresh(self) -> None:
        self.alerts.clear()
        for alert in reversed(self.centre.unacknowledged):
            item = QListWidgetItem(icon("alert"), f"{format_local(alert.at, self.timezone, '%H:%M:%S')}  {alert.text}")
            item.setData(Qt.ItemDataRole.UserRole, alert.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, alert.case_id)
            self.alerts.addItem(item)
        self.ack_all_button.setEnabled(self.alerts.count() > 0)

    def acknowledge_selected(self) -> None:
        self.centre.acknowledge([int(i.data(Qt.ItemDataRole.UserRole)) for i in self.alerts.selectedItems()])

    def _activated(self, item: QListWidgetItem) -> None:
        case_id = item.data(Qt.ItemDataRole.UserRole + 1)
        if case_id is not None:
            self.case_requested.emit(int(case_id))
