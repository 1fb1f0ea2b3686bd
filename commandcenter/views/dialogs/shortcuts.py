"""The shortcut sheet (F1): every key of the screen and what it does, in two tidy columns, then
the keys of the window's menus (screens, display, lock, quit …), read from the menus themselves
so the sheet never lists a key the program does not have."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...gui.style import INK, KEYCAP_EDGE, PANEL, hint_style, shade


def keycap_style() -> str:
    """A key cap in the current theme's shades (the sheet is built when opened)."""
    return (f"QLabel {{ background: {shade(PANEL)}; color: {shade(INK)}; border: 1px solid {shade(KEYCAP_EDGE)};"
            " border-bottom-width: 2px; border-radius: 4px; padding: 2px 8px; font-family: monospace;"
            " font-weight: bold; }")


def menu_shortcuts(window: QWidget | None) -> list[tuple[str, str]]:
    """(keys, text) of every visible menu action of `window`'s menu bar that has a shortcut."""
    if not isinstance(window, QMainWindow):
        return []
    out: list[tuple[str, str]] = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions())
            elif action.isVisible() and not action.shortcut().isEmpty():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                out.append((keys, action.iconText()))  # the text without its &-mnemonic

    walk(window.menuBar().actions())
    return out


class ShortcutSheet(QDialog):
    """A read-only sheet of (key, what it does) pairs; closes on Esc or F1.

    The entries are shown as given (the caller passes them already translated), so the sheet
    always lists the shortcuts the screen really has.
    """

    def __init__(self, entries: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self._entries = list(entries)
        listed = {keys for keys, _ in self._entries}
        self._menu_entries = [e for e in menu_shortcuts(parent.window() if parent else None) if e[0] not in listed]
        layout = QVBoxLayout(self)
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self._intro.setStyleSheet(hint_style())
        layout.addWidget(self._intro)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self._menus_title = QLabel(body, objectName="shortcutSection")
        self._menus_title.setStyleSheet("font-weight: bold;")
        self._menus_title.setVisible(bool(self._menu_entries))  # a sheet without a window has no menus
        rows: list[tuple[str, str] | None] = [*self._entries, *([None] if self._menu_entries else []),
                                              *self._menu_entries]
        for row, entry in enumerate(rows):
            if entry is None:  # the menus' keys follow under their own title
                grid.addWidget(self._menus_title, row, 0, 1, 2)
                continue
            keys, what = entry
            cap = QLabel(keys)
            cap.setObjectName("shortcutKey")
            cap.setStyleSheet(keycap_style())
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text = QLabel(what)
            text.setObjectName("shortcutText")
            text.setWordWrap(True)
            grid.addWidget(cap, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(text, row, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._buttons.rejected.connect(self.reject)
        layout.addWidget(self._buttons)
        self.resize(520, min(720, 120 + 34 * max(1, len(rows))))
        self.retranslate_ui()

    def entries(self) -> list[tuple[str, str]]:
        """The screen's entries, then the menus'."""
        return [*self._entries, *self._menu_entries]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # F1 toggles the sheet: the key that opened it closes it (Esc closes it as any dialog)
        if event.key() == Qt.Key.Key_F1:
            self.reject()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self._intro.setText(self.tr("Everything on this screen works from the keyboard. Press F1 or Esc to close."))
        self._menus_title.setText(self.tr("In the menus (everywhere)"))
