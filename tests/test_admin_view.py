"""The admin screen on real widgets: its models pass qtmodeltester; an admin adds a user
through the dialog, grants and revokes a permission in the matrix, edits a time limit and a
holiday; refusals are shown in the dialog, which stays open; only principals with a MANAGE_*
right are offered the screen, and only the tabs of their rights."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, Role, Stage, TimeUnit
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.itemmodels.admin import (
    CalendarYearModel,
    CategoryTableModel,
    CentreTableModel,
    HolidayTableModel,
    PermissionMatrixModel,
    TimeLimitTableModel,
    UserTableModel,
)
from commandcenter.models import AuditEntry, TimeLimitPolicy, User
from commandcenter.services.admin.users import PERSON_ROLES
from commandcenter.services.auth import can, demo_principal
from commandcenter.views.admin import SCREEN, AdminView
from commandcenter.views.admin.base import FormDialog


def make_ctx(db, username: str) -> AppContext:  # type: ignore[no-untyped-def]
    runner = SynchronousRunner()
    return AppContext(db=db, principal=demo_principal(db, username), runner=runner, feed=ChangeFeed(db, runner))


@pytest.fixture
def view(qtbot, db, city):  # type: ignore[no-untyped-def]
    widget = AdminView(make_ctx(db, "admin"))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ok(qtbot, dialog: FormDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def audited(db, action: str) -> bool:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return s.scalar(select(AuditEntry.id).where(AuditEntry.action == action, AuditEntry.actor == "admin")) is not None


def test_models_pass_qtmodeltester(qtmodeltester, db, city) -> None:  # type: ignore[no-untyped-def]
    admin = demo_principal(db, "admin")
    ctx = make_ctx(db, "admin")
    svc = ctx.admin
    svc.holidays.add_day(admin, date(2026, 12, 5), "workday", "调休")
    filled = [
        (UserTableModel("Asia/Shanghai"), svc.users.rows(admin)),
        (PermissionMatrixModel(PERSON_ROLES), svc.permissions.matrix(admin)),
        (CentreTableModel(), svc.centres.rows(admin)),
        (CategoryTableModel(), svc.categories.rows(admin)),
        (TimeLimitTableModel(), svc.categories.time_limits(admin, city.category_id)),
        (CalendarYearModel(), svc.holidays.years(admin)),
        (HolidayTableModel(), svc.holidays.days(admin, 2026)),
    ]
    for model, rows in filled:
        qtmodeltester.check(model)
        model.set_rows(rows)
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_the_screen_is_offered_only_with_a_manage_right(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    assert SCREEN.available(make_ctx(db, "admin"))
    assert not SCREEN.available(make_ctx(db, "operator"))
    admin = demo_principal(db, "admin")
    ctx = make_ctx(db, "admin")
    ctx.admin.permissions.grant(admin, Role.SUPERVISOR, Action.MANAGE_HOLIDAYS)
    supervisor = make_ctx(db, "supervisor")
    assert SCREEN.available(supervisor)
    widget = AdminView(supervisor)
    qtbot.addWidget(widget)
    assert [widget.tabs.tabText(i) for i in range(widget.tabs.count())] == ["Holidays"]
    full = AdminView(ctx)
    qtbot.addWidget(full)
    assert full.tabs.count() == 6


def test_add_a_user_through_the_dialog(view, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    tab = view.users
    view.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 4
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.username, "clerk")
    qtbot.keyClicks(dialog.display_name, "Clerk Li")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR.value))
    qtbot.keyClicks(dialog.password.first, "long-enough-1")
    qtbot.keyClicks(dialog.password.again, "long-enough-2")
    ok(qtbot, dialog)
    assert dialog.isVisible() and "differ" in dialog.problem.text()
    dialog.password.again.clear()
    qtbot.keyClicks(dialog.password.again, "long-enough-1")
    with qtbot.waitSignal(dialog.finished):
        ok(qtbot, dialog)
    names = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    assert "clerk" in names
    assert tab.selected() is not None and tab.selected().username == "clerk"
    assert "clerk" in tab.message.text()
    with db.read() as s:
        assert s.scalar(select(User.role).where(User.username == "clerk")) == "supervisor"
    assert audited(db, "add_user")


def test_a_taken_user_name_is_shown_in_the_open_dialog(view, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    tab = view.users
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.keyClicks(dialog.username, "operator")
    qtbot.keyClicks(dialog.display_name, "Someone")
    for edit in (dialog.password.first, dialog.password.again):
        qtbot.keyClicks(edit, "long-enough-1")
    ok(qtbot, dialog)
    assert dialog.isVisible() and "taken" in dialog.problem.text()
    dialog.reject()


def test_disable_the_last_admin_is_refused_on_screen(view, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    tab = view.users
    tab.select(next(u.id for u in tab.model.all_rows() if u.username == "admin"))
    assert tab.active_button.text() == "Disable"
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert "No active user would be left" in tab.message.text()
    assert all(u.active for u in tab.model.all_rows())


def test_grant_and_revoke_a_permission_in_the_matrix(view, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    tab = view.permissions
    view.tabs.setCurrentWidget(tab)
    trainer = demo_principal(db, "trainer")
    row = next(r for r in range(tab.model.rowCount()) if tab.model.action_at(r) is Action.PRINT_BRIEFING)
    index = tab.model.index(row, 1 + PERSON_ROLES.index(Role.TRAINER))
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked.value
    tab.table.setCurrentIndex(index)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value
    assert can(db, trainer, Action.PRINT_BRIEFING)
    assert audited(db, "grant_permission") and "Trainer may now" in tab.message.text()
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked.value
    assert not can(db, trainer, Action.PRINT_BRIEFING)
    assert audited(db, "revoke_permission")


def test_edit_a_time_limit(view, qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    tab = view.categories
    view.tabs.setCurrentWidget(tab)
    tab.select(city.category_id)
    assert tab.limits.rowCount() == len(Priority) * len(Stage)
    at = tab.limits.display_row_of((city.category_id, Priority.HIGH.value, Stage.HANDLE.value))
    tab.limit_table.selectRow(at)
    qtbot.mouseClick(tab.limit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.minutes.setValue(90)
    dialog.unit.setCurrentIndex(dialog.unit.findData(TimeUnit.CALENDAR.value))
    with qtbot.waitSignal(dialog.finished):
        ok(qtbot, dialog)
    assert tab.limits.index(at, 2).data() == 90
    assert tab.limits.index(at, 3).data() == "Natural time"
    with db.read() as s:
        assert s.execute(select(TimeLimitPolicy.minutes, TimeLimitPolicy.unit).where(
            TimeLimitPolicy.category_id == city.category_id, TimeLimitPolicy.priority == "high",
            TimeLimitPolicy.stage == "handle")).one() == (90, "calendar")
    assert audited(db, "set_time_limit")
    # urgent limits run on natural time: the dialog says so before anything is sent
    tab.limit_table.selectRow(tab.limits.display_row_of((city.category_id, "urgent", "handle")))
    qtbot.mouseClick(tab.limit_button, Qt.MouseButton.LeftButton)
    urgent = tab.dialog
    urgent.unit.setCurrentIndex(urgent.unit.findData(TimeUnit.WORKING.value))
    ok(qtbot, urgent)
    assert urgent.isVisible() and "natural time" in urgent.problem.text()
    urgent.reject()


def test_a_duplicate_category_name_is_refused_in_the_dialog(view, qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    tab = view.categories
    tab.select(city.dept_category_id)
    qtbot.mouseClick(tab.rename_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.name_en.setText("Fly-tipping")
    ok(qtbot, dialog)
    assert dialog.isVisible() and "already used by category 0101" in dialog.problem.text()
    dialog.name_en.setText("Streetlight out")
    with qtbot.waitSignal(dialog.finished):
        ok(qtbot, dialog)
    assert tab.model.row_for(city.dept_category_id).name_en == "Streetlight out"


def test_rename_a_centre_and_add_a_holiday(view, qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    centres = view.centres
    centres.table.selectRow(centres.model.display_row_of(city.centre_id))
    qtbot.mouseClick(centres.edit_button, Qt.MouseButton.LeftButton)
    dialog = centres.dialog
    dialog.name.setText("莆田市指挥中心")
    with qtbot.waitSignal(dialog.finished):
        ok(qtbot, dialog)
    assert centres.model.row_for(city.centre_id).name == "莆田市指挥中心"
    holidays = view.holidays
    holidays.year.setValue(2026)
    qtbot.mouseClick(holidays.add_button, Qt.MouseButton.LeftButton)
    add = holidays.dialog
    add.day.setDate(date(2026, 12, 4))
    add.name.setText("测试假日")  # typed through an input method, not key by key
    with qtbot.waitSignal(add.finished):
        ok(qtbot, add)
    days = [holidays.days.index(r, 0).data() for r in range(holidays.days.rowCount())]
    assert "2026-12-04" in days and audited(db, "add_calendar_day")
    holidays.day_table.selectRow(days.index("2026-12-04"))
    qtbot.mouseClick(holidays.remove_button, Qt.MouseButton.LeftButton)
    assert "2026-12-04" not in [holidays.days.index(r, 0).data() for r in range(holidays.days.rowCount())]
    assert audited(db, "remove_calendar_day")


def test_the_main_window_offers_the_admin_screen_to_admins_only(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent

    from commandcenter.app import build_window

    for username, offered in (("admin", True), ("operator", False)):
        win = build_window(db, username, runner=SynchronousRunner())
        keys = [win.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(win.nav.count())]
        assert ("admin" in keys) is offered
        if offered:
            win.show()
            win.show_screen("admin")
            screen = win.screen("admin")
            assert isinstance(screen, AdminView) and screen.users.model.rowCount() == 4
        win.close()
        win.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_load_a_year_from_a_file_on_the_holidays_tab(view, qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    tab = view.holidays
    view.tabs.setCurrentWidget(tab)
    assert 2027 not in [y.year for y in tab.years.all_rows() if y.covered]
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind\n2027-10-01,party\n", encoding="utf-8")
    tab.load_file(2027, bad)
    assert "line 2" in tab.message.text() and 2027 not in [y.year for y in tab.years.all_rows() if y.covered]
    good = tmp_path / "2027.csv"
    good.write_text("date,kind,name\n2027-10-01,holiday,国庆节\n2027-10-09,workday,国庆节调休\n", encoding="utf-8-sig")
    tab.year.setValue(2027)
    tab.load_file(2027, good)
    assert "2 holidays" in tab.message.text()
    year = next(y for y in tab.years.all_rows() if y.year == 2027)
    assert (year.covered, year.holidays, year.workdays) == (True, 1, 1)
    assert [tab.days.index(r, 1).data() for r in range(tab.days.rowCount())] == ["Holiday", "Adjusted working day"]
    assert audited(db, "set_calendar_year")


def test_a_locked_out_user_shows_until_when_and_a_password_reset_lifts_it(view, qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.errors import AccountLocked, AuthenticationFailed
    from commandcenter.services.signin import MAX_FAILURES, sign_in

    tab = view.users
    trainer = next(u for u in tab.model.all_rows() if u.username == "trainer")
    view.ctx.admin.users.reset_password(view.ctx.principal, trainer, "trainer-pass-1")
    for _ in range(MAX_FAILURES):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            sign_in(db, "trainer", "wrong", workstation="seat", os_user="tester")
    tab.reload()
    row = tab.model.display_row_of(trainer.id)
    assert tab.model.index(row, 4).data() == "Locked until 2026-11-25 10:15"  # START 10:00 + 15 min, Shanghai
    tab.table.selectRow(row)
    qtbot.mouseClick(tab.password_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    for edit in (dialog.password.first, dialog.password.again):
        qtbot.keyClicks(edit, "trainer-pass-2")
    with qtbot.waitSignal(dialog.finished):
        ok(qtbot, dialog)
    assert tab.model.index(row, 4).data() == "Yes"
    assert sign_in(db, "trainer", "trainer-pass-2", workstation="seat", os_user="tester").username == "trainer"
