"""The View menu's display choices: theme, font size, alert sound and the wall mode.

Its own module so the main window only places it: each choice applies at once, app-wide, and is
remembered in gui/settings (the theme and font size are applied again at the next start, before
the window first paints). Font size: Ctrl+= / Ctrl+- / Ctrl+0 (Ctrl++ works too on keyboards
where + needs Shift); wall mode: F11, Esc leaves it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..gui import settings, style
from ..gui.context import AppContext
from ..gui.icons import icon
from .wall_mode import WallModeWindow


def apply_saved_display() -> None:
    """The remembered theme and font size, applied when they differ from what shows now."""
    if style.current_theme().key != settings.THEME.get() or style.font_scale() != settings.FONT_SCALE.get():
        style.apply_theme(settings.THEME.get())
        style.apply_font_scale(settings.FONT_SCALE.get())


class DisplayActions(QObject):
    """The actions, added to `menu`; shortcuts work anywhere in the window."""

    def __init__(self, ctx: AppContext, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.wall_mode: WallModeWindow | None = None
        self.theme_menu = menu.addMenu(icon("theme"), "")
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key in style.THEMES:
            action = QAction(self, checkable=True)
            action.setChecked(key == style.current_theme().key)
            action.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            group.addAction(action)
            self.theme_menu.addAction(action)
            self.theme_actions[key] = action
        self.larger = QAction(self)
        self.larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.larger.triggered.connect(lambda: self.step_font(1))
        self.smaller = QAction(self)
        self.smaller.setShortcut(QKeySequence("Ctrl+-"))
        self.smaller.triggered.connect(lambda: self.step_font(-1))
        self.reset = QAction(self)
        self.reset.setShortcut(QKeySequence("Ctrl+0"))
        self.reset.triggered.connect(lambda: self.step_font(0))
        self.sound = QAction(self, checkable=True)
        self.sound.setChecked(settings.ALERT_SOUND.get())
        self.sound.toggled.connect(settings.ALERT_SOUND.set)
        self.wall_mode_action = QAction(icon("wall_mode"), "", self)
        self.wall_mode_action.setShortcut(QKeySequence("F11"))
        self.wall_mode_action.triggered.connect(self.open_wall_mode)
        menu.addSeparator()
        for action in (self.larger, self.smaller, self.reset):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.sound)
        menu.addAction(self.wall_mode_action)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.theme_menu.setTitle(self.tr("&Theme"))
        self.theme_actions["light"].setText(self.tr("&Light"))
        self.theme_actions["dark"].setText(self.tr("&Dark (control room)"))
        self.larger.setText(self.tr("&Larger text"))
        self.smaller.setText(self.tr("&Smaller text"))
        self.reset.setText(self.tr("&Normal text size"))
        self.sound.setText(self.tr("Alert &sound"))
        self.sound.setToolTip(self.tr("A short sound with each urgent arrival"))
        self.wall_mode_action.setText(self.tr("&Wall mode (big screen)"))
        self.wall_mode_action.setToolTip(self.tr("Full screen on the second monitor when there is one; Esc leaves"))

    def set_theme(self, key: str) -> None:
        theme = style.apply_theme(key)
        settings.THEME.set(theme.key)
        self.theme_actions[theme.key].setChecked(True)

    def step_font(self, direction: int) -> int:
        """One step larger (+1), smaller (-1) or back to normal (0); returns the new percentage."""
        percent = style.apply_font_scale(style.next_font_scale(style.font_scale(), direction))
        settings.FONT_SCALE.set(percent)
        return percent

    def open_wall_mode(self) -> WallModeWindow:
        """The big-screen wall, full screen on the second monitor when one is present."""
        if self.wall_mode is None:
            self.wall_mode = WallModeWindow(self.ctx)
            self.wall_mode.destroyed.connect(self._wall_mode_closed)
        self.wall_mode.show_on_big_screen()
        return self.wall_mode

    def _wall_mode_closed(self) -> None:
        self.wall_mode = None

    def close_wall_mode(self) -> None:
        if self.wall_mode is not None:
            self.wall_mode.close()
