"""The main window for keyboard and screen-reader users, in both languages: every control on
every screen has a name a screen reader can say, every frequent action has a key shown in its
menu or tooltip and on the F1 sheet, and switching the language at run time reaches menus,
table headers, dialogs and Qt's own standard buttons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)

from commandcenter.app import build_window
from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.gui import translator
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.simulator.demo import generate_demo
from commandcenter.views.dialogs.shortcuts import ShortcutSheet

from .conftest import START

INTERACTIVE = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit,
               QAbstractItemView, QAbstractSlider, QTabBar)
# parts of a compound control, named through it: a line edit's icon buttons, a combo box's or a
# spin box's inner editor, a table's header (its sections are the table's column names)
PARTS_OF = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(path, clock=FrozenClock(START), create=True)
    generate_demo(db, scale="small", days=3, seed=5)
    db.dispose()
    return path


@pytest.fixture
def window(qtbot, demo_path) -> Iterator:  # type: ignore[no-untyped-def]
    db = open_database(demo_path, clock=FrozenClock(START))
    win = build_window(db, "admin", runner=SynchronousRunner())  # the administrator sees every screen
    win.resize(1500, 900)
    win.show()
    yield win
    translator.install("en")
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for the control: its accessible name, its buddy label's text,
    its own text (buttons, combo boxes)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def test_every_control_on_every_screen_has_a_spoken_name(window) -> None:  # type: ignore[no-untyped-def]
    unnamed: list[str] = []
    for key in window._keys:
        screen = window.show_screen(key)
        QApplication.processEvents()
        for widget in screen.findChildren(QWidget):
            if (not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar | QHeaderView)
                    or not widget.isVisibleTo(screen) or isinstance(widget.parent(), PARTS_OF)):
                continue
            if not spoken_name(widget):
                unnamed.append(f"{key}: {type(widget).__name__} {widget.objectName()!r}")
    assert unnamed == []
    assert {"wall", "roster", "map", "handover", "search", "audit", "admin"} <= set(window._keys)  # all walked


def _native(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


def test_frequent_actions_have_keys_shown_in_tooltips_menus_and_the_f1_sheet(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    for key in window._keys:
        screen = window.show_screen(key)
        for bar in screen.findChildren(QToolBar):
            for action in bar.actions():
                keys = _native(action.shortcut())
                if keys and action.isVisible():
                    assert keys in action.toolTip(), (key, action.text())
    wall = window.show_screen("wall")
    wall.show_shortcuts()
    sheet = wall.findChild(ShortcutSheet)
    qtbot.waitUntil(sheet.isVisible)
    keys_listed = [keys for keys, _ in sheet.entries()]
    assert len(keys_listed) == len(set(keys_listed))  # no key does two things (the search screen took Ctrl+Shift+F)
    listed = dict(sheet.entries())
    # the wall's own keys, then the menus': screens, lock, quit
    for keys in ("Ctrl+N", "F5", "Ctrl+F", "Ctrl+D", "Ctrl+Shift+C", "Ctrl+1", "Ctrl+Alt+L", "Ctrl+Q"):
        assert keys in listed, keys
    screens = window.screens_menu.actions()  # View → Go to screen lists every screen, with its key
    assert [a.text() for a in screens] == [window.nav.item(i).text() for i in range(window.nav.count())]
    assert all(listed[_native(a.shortcut())] == a.text() for a in screens if not a.shortcut().isEmpty())
    assert listed["Ctrl+3"] == "Roster"
    sheet.close()
    window.set_language("zh_CN")
    QApplication.processEvents()
    wall.show_shortcuts()
    qtbot.waitUntil(lambda: any(s.isVisible() for s in wall.findChildren(ShortcutSheet)))
    sheet = next(s for s in wall.findChildren(ShortcutSheet) if s.isVisible())
    assert sheet.windowTitle() == "键盘快捷键"
    listed = dict(sheet.entries())
    assert listed["Ctrl+D"] == "派遣" and listed["Ctrl+1"] == "案件墙" and listed["Ctrl+3"] == "网格员名册"
    sheet.close()


def test_the_language_switches_at_run_time_everywhere(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.set_language("zh_CN")
    QApplication.processEvents()
    assert window.file_menu.title() == "文件(&F)" and window.help_menu.title() == "帮助(&H)"
    assert window.screens_menu.actions()[0].text() == "案件墙"
    wall = window.screen("wall")
    assert wall.model.headerData(0, Qt.Orientation.Horizontal) == "案件编号"
    assert "值班" in window.user_label.text() or "管理员" in window.user_label.text()  # the role, worded
    dialog = window.change_password()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "修改密码"
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "").startswith("取消")  # Qt's own catalogue
    window.set_language("en")
    qtbot.waitUntil(lambda: cancel.text().replace("&", "") == "Cancel")
    assert window.file_menu.title() == "&File"
    dialog.close()
