"""The idle lock: after a while without keyboard or mouse, the main window is covered by a lock
screen that hides every case and asks for the signed-in user's password (or signs out).

Activity is noticed by an application event filter that only stores the time of the last key
or mouse event: restarting a timer on every mouse move would cost more than the check. One
single-shot timer wakes at the earliest moment the idle time could have run out and re-arms
itself for the remainder when there was activity meanwhile.

While locked, the window's central widget is hidden (not only covered), its menus are disabled,
and the application's other windows belonging to it (an open dialog showing a case) are covered
by a blank panel and disabled until the unlock, without closing them: hiding a dialog would end
its `exec()` and lose what was typed in it.
"""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...gui.context import AppContext
from ...gui.style import PANEL, error_text_style, shade
from ...labels import describe_error
from .form import password_field

ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
})
MIN_IDLE_MS = 60_000  # a shorter setting (0, or a typo) would lock the screen while someone reads it


class LockScreen(QWidget):
    """Covers the main window: who is signed in, a password field, Unlock and Sign out."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.ctx = ctx
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"#lockScreen {{ background: {shade(PANEL)}; }}")
        self.title = QLabel(objectName="lockTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 18pt;")
        self.who = QLabel(objectName="lockUser", alignment=Qt.AlignmentFlag.AlignCenter)
        self.password_edit = password_field("lockPassword")
        self.password_edit.setFixedWidth(280)
        self.password_edit.returnPressed.connect(self.submit)
        self.message = QLabel(objectName="lockMessage", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.message.setStyleSheet(error_text_style())
        self.unlock_button = QPushButton(objectName="unlockButton")
        self.unlock_button.clicked.connect(self.submit)
        self.sign_out_button = QPushButton(objectName="signOutButton")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        field = QHBoxLayout()
        field.addStretch(1)
        field.addWidget(self.password_edit)
        field.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.who):
            layout.addWidget(widget)
        layout.addLayout(field)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self._problem: BaseException | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        actor = self.ctx.principal
        self.title.setText(self.tr("Screen locked"))
        self.who.setText(self.tr("Signed in: {name} ({user}). Enter your password to continue.").format(
            name=actor.display_name, user=actor.username))
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.sign_out_button.setText(self.tr("&Sign out"))
        self.message.setText(describe_error(self._problem) if self._problem else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def reset(self) -> None:
        self._problem = None
        self.message.clear()
        self.password_edit.clear()
        self.unlock_button.setEnabled(True)

    def submit(self) -> None:
        """Check the password off the GUI thread; only the signed-in user's own password unlocks."""
        if not self.unlock_button.isEnabled():
            return
        self.unlock_button.setEnabled(False)
        accounts, principal, password = self.ctx.accounts, self.ctx.principal, self.password_edit.text()
        self.ctx.runner.run_in_background(
            lambda _s: accounts.unlock(principal, password),
            on_done=lambda _none: self.unlocked.emit(), on_error=self._refused)

    def _refused(self, exc: BaseException) -> None:
        self._problem = exc
        self.message.setText(describe_error(exc))
        self.password_edit.clear()
        self.password_edit.setFocus()
        self.unlock_button.setEnabled(True)


class IdleLock(QObject):
    """Locks `window` after `idle_ms` without input; `lock()` also locks at once (User → Lock)."""

    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, ctx: AppContext, idle_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.screen = LockScreen(ctx, window)
        self.screen.setVisible(False)
        self.screen.unlocked.connect(self.release)
        self._covered: dict[QWidget, tuple[QWidget, bool]] = {}  # other window → its cover, enabled before
        self._last_activity = time.monotonic()
        self.idle_ms = max(MIN_IDLE_MS, idle_ms)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.check_idle)
        window.installEventFilter(self)  # resizes: the lock screen covers the whole window
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start(self.idle_ms)

    @property
    def locked(self) -> bool:
        return not self.screen.isHidden()

    def set_idle_ms(self, idle_ms: int) -> None:
        """Change the idle time (also from tests, below the setting's minimum), counted from now."""
        self.idle_ms = idle_ms
        self._last_activity = time.monotonic()
        if not self.locked:
            self.timer.start(idle_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in ACTIVITY:
            self._last_activity = time.monotonic()
        elif kind == QEvent.Type.Resize and self._covered and watched in self._covered:
            assert isinstance(watched, QWidget)
            self._covered[watched][0].setGeometry(watched.rect())
        elif kind == QEvent.Type.Resize and watched is self.window:
            self.screen.setGeometry(self.window.rect())
        return False

    def check_idle(self) -> None:
        """Lock if the idle time has run out since the last input, else wake again when it could."""
        if self.locked:
            return
        remaining_ms = self.idle_ms - int((time.monotonic() - self._last_activity) * 1000)
        if remaining_ms <= 0:
            self.lock()
        else:
            self.timer.start(remaining_ms)

    def lock(self) -> None:
        if self.locked:
            return
        self.timer.stop()
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(False)
        self.window.menuBar().setEnabled(False)
        for other in QApplication.topLevelWidgets():
            if other is not self.window and other.isVisible() and self._belongs(other):
                cover = QWidget(other, objectName="lockCover", autoFillBackground=True)
                cover.setStyleSheet(f"#lockCover {{ background: {shade(PANEL)}; }}")
                cover.setGeometry(other.rect())
                cover.show()
                cover.raise_()
                self._covered[other] = (cover, other.isEnabled())
                other.setEnabled(False)
        self.screen.reset()
        self.screen.setGeometry(self.window.rect())
        self.screen.setVisible(True)
        self.screen.raise_()
        self.screen.password_edit.setFocus()
        self.locked_changed.emit(True)

    def _belongs(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self.window:
                return True
            parent = parent.parentWidget()
        return False

    def release(self) -> None:
        """Uncover the window (the password was checked) and count idle time from now."""
        self.screen.setVisible(False)
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(True)
        self.window.menuBar().setEnabled(True)
        for other, (cover, enabled) in self._covered.items():
            if shiboken6.isValid(other):  # a dialog closed meanwhile took its cover with it
                cover.deleteLater()
                other.setEnabled(enabled)
        self._covered.clear()
        self._last_activity = time.monotonic()
        self.timer.start(self.idle_ms)
        self.locked_changed.emit(False)
