"""Sign-in on real widgets: the login dialog (typing, Enter, a wrong password, a locked account),
the first administrator's dialog, the idle lock over the main window, changing one's own
password from the user menu, and `--user` refused on a production database."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from commandcenter.app import build_window
from commandcenter.cli import main
from commandcenter.db import Database, open_database
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.services import signin
from commandcenter.views.main_window import MainWindow
from commandcenter.views.signin import ChangePasswordDialog, FirstAdminDialog, LoginDialog

from .factories import TinyCity, db_argument
from .test_signin import set_password


@pytest.fixture
def people(db: Database, city: TinyCity) -> TinyCity:
    set_password(db, "operator", "right-password")
    return city


def login(qtbot, db: Database, username: str = "operator") -> LoginDialog:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(db, SynchronousRunner(), username)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_and_enter(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_login_dialog_refuses_a_wrong_password_then_signs_in(qtbot, db, people) -> None:  # type: ignore[no-untyped-def]
    dialog = login(qtbot, db)
    assert dialog.user_edit.text() == "operator"  # pre-filled, as on the demo database
    type_and_enter(qtbot, dialog.password_edit, "wrong-password")
    assert dialog.isVisible() and dialog.principal is None
    assert dialog.message.isVisible() and dialog.message.text() == "Wrong user name or password."
    assert dialog.password_edit.text() == ""  # cleared for the next try
    type_and_enter(qtbot, dialog.password_edit, "right-password")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.principal is not None and dialog.principal.username == "operator"


def test_login_dialog_asks_for_a_user_name(qtbot, db, people) -> None:  # type: ignore[no-untyped-def]
    dialog = login(qtbot, db, "")
    type_and_enter(qtbot, dialog.password_edit, "right-password")
    assert dialog.message.text() == "Enter your user name." and dialog.isVisible()


def test_login_dialog_tells_a_locked_account_its_unlock_time(qtbot, db, people) -> None:  # type: ignore[no-untyped-def]
    dialog = login(qtbot, db)
    for attempt in range(5):
        type_and_enter(qtbot, dialog.password_edit, f"guess-{attempt}")
    # START is 10:00 in Shanghai: locked for fifteen minutes, told in the centre's time
    assert "locked until 2026-11-25 10:15" in dialog.message.text()
    type_and_enter(qtbot, dialog.password_edit, "right-password")
    assert "locked until 2026-11-25 10:15" in dialog.message.text()
    assert dialog.principal is None and dialog.isVisible()


def test_first_admin_dialog_creates_the_administrator(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    assert signin.needs_first_admin(db)
    dialog = FirstAdminDialog(db, SynchronousRunner(), signin.first_centre_name(db))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.centre_edit.isReadOnly()  # no centre yet: its name is asked for
    qtbot.keyClicks(dialog.centre_edit, "Putian city centre")
    qtbot.keyClicks(dialog.name_edit, "Chen Jing")
    qtbot.keyClicks(dialog.password_edit, "first-admin-pw")
    type_and_enter(qtbot, dialog.repeat_edit, "first-admin-typo")
    assert dialog.message.text() == "The two passwords differ." and dialog.principal is None
    type_and_enter(qtbot, dialog.repeat_edit, "first-admin-pw")
    assert dialog.result() == QDialog.DialogCode.Accepted
    principal = dialog.principal
    assert principal is not None and principal.username == "admin" and principal.role.value == "admin"
    assert principal.centre_name == "Putian city centre"
    assert not signin.needs_first_admin(db)


@pytest.fixture
def window(qtbot, db, people) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = build_window(db, "operator", runner=SynchronousRunner(),
                       principal=signin.sign_in(db, "operator", "right-password", workstation="seat", os_user="u"))
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_idle_lock_hides_the_wall_and_opens_for_the_right_password_only(qtbot, window, db) -> None:  # type: ignore[no-untyped-def]
    wall = window.screen("wall")
    assert wall.isVisible() and not window.idle_lock.locked
    window.idle_lock.set_idle_ms(50)
    qtbot.waitUntil(lambda: window.idle_lock.locked)
    screen = window.findChild(type(window.idle_lock.screen), "lockScreen")
    assert screen.isVisible() and screen.geometry() == window.rect()
    assert not wall.isVisible() and not window.centralWidget().isVisible()
    assert not window.menuBar().isEnabled()
    assert "operator" in screen.findChild(QLabel, "lockUser").text()
    type_and_enter(qtbot, screen.password_edit, "wrong-password")
    assert window.idle_lock.locked and screen.message.text() == "Wrong user name or password."
    assert not wall.isVisible()
    type_and_enter(qtbot, screen.password_edit, "right-password")
    assert not window.idle_lock.locked and wall.isVisible() and window.menuBar().isEnabled()
    # idle time counts again from the unlock
    qtbot.waitUntil(lambda: window.idle_lock.locked)


def test_activity_keeps_the_screen_unlocked(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    lock = window.idle_lock
    lock.set_idle_ms(60_000)
    lock._last_activity = time.monotonic() - 100  # as if nobody had touched anything for 100 s...
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # ...until a key now
    lock.check_idle()
    assert not lock.locked and lock.timer.isActive() and lock.timer.remainingTime() > 30_000
    lock._last_activity = time.monotonic() - 100
    lock.check_idle()
    assert lock.locked


def test_lock_covers_an_open_dialog_and_sign_out_closes_the_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = window.change_password()
    assert dialog.isVisible() and dialog.isEnabled()
    window.lock_action.trigger()
    cover = dialog.findChild(QWidget, "lockCover")
    assert window.idle_lock.locked and not dialog.isEnabled() and cover.isVisible()
    assert cover.geometry() == dialog.rect()
    type_and_enter(qtbot, window.idle_lock.screen.password_edit, "right-password")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert dialog.isEnabled() and dialog.findChild(QWidget, "lockCover") is None and dialog.isVisible()
    window.lock_action.trigger()
    qtbot.mouseClick(window.idle_lock.screen.findChild(QPushButton, "signOutButton"), Qt.MouseButton.LeftButton)
    assert window.signed_out and not window.isVisible()


def test_change_password_from_the_user_menu(qtbot, window, db) -> None:  # type: ignore[no-untyped-def]
    assert window.change_password_action in window.user_menu.actions()
    window.change_password_action.trigger()
    dialog = window.findChild(ChangePasswordDialog, "changePasswordDialog")
    qtbot.keyClicks(dialog.old_edit, "right-password")
    qtbot.keyClicks(dialog.new_edit, "brand-new-password")
    type_and_enter(qtbot, dialog.repeat_edit, "brand-new-password")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert window.statusBar().currentMessage() == "Your password was changed."
    assert signin.sign_in(db, "operator", "brand-new-password", workstation="s", os_user="u").username == "operator"


def test_user_flag_is_refused_on_a_production_database(db, people, capsys) -> None:  # type: ignore[no-untyped-def]
    path = db_argument(db)
    assert main(["--db", path, "--user", "operator"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("commandcenter: --user works only on demo databases") and "\n" not in err


def test_user_flag_opens_nothing_for_an_unknown_user_on_a_demo(db, people, capsys) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.models import AppMeta

    with db.unit_of_work() as s:
        s.add(AppMeta(key="is_demo", value="1"))
    fresh: Database = open_database(db_argument(db))
    try:
        assert signin.is_demo(fresh)
    finally:
        fresh.dispose()
    assert main(["--db", db_argument(db), "--user", "nobody"]) == 2
    assert "nobody" in capsys.readouterr().err
