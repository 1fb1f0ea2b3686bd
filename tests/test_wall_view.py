"""The live wall end to end, driven like an operator and a supervisor at two seats.

A case is taken through the dialogs and shortcuts from the call to its closure; another
process (the drill feed, another seat) changes the database while the wall is open.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView
from sqlalchemy import func, select

from commandcenter.app import build_window
from commandcenter.db import open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui.tasks import SynchronousRunner, TaskRunner
from commandcenter.models import Case
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase
from commandcenter.views import wall_view
from commandcenter.views.dialogs.action_params import ActionParamsDialog
from commandcenter.views.dialogs.dispatch import DispatchDialog
from commandcenter.views.dialogs.new_case import NewCaseDialog
from commandcenter.views.main_window import MainWindow

from .factories import X0, Y0, build_tiny_city, grid_centre, mark_demo

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_window(windows, qtbot, db, username: str, runner=None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(db, username, runner=runner or SynchronousRunner())
    windows.append(window)
    window.resize(1500, 850)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def wall_of(window: MainWindow):  # type: ignore[no-untyped-def]
    wall = window.screen("wall")
    wall.table.setFocus()  # the operator works in the case list
    return wall


def press(qtbot, window, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key press at an active window with the focus where the operator's eyes are."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def answer_params(qtbot, note: str):  # type: ignore[no-untyped-def]
    """Fill the reason/note of the next action dialog and confirm it."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ActionParamsDialog)
        dialog.noteEdit.setPlainText(note) if hasattr(dialog.noteEdit, "setPlainText") else dialog.noteEdit.setText(note)
        dialog.accept()

    QTimer.singleShot(0, answer)


def db_case(db, case_id: int):  # type: ignore[no-untyped-def]
    return CaseService(db).detail(demo_principal(db, "supervisor"), case_id)


def test_call_to_closure_through_the_wall(qtbot, windows, db, city, clock) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db, "operator")
    wall = wall_of(window)
    table = window.findChild(QTableView, "caseWall")
    assert table is wall.table and table.model().rowCount() == 0

    # the call-taker enters a hotline call (Ctrl+N)
    qtbot.keyClick(table, Qt.Key.Key_N, CTRL)
    dialog = next(w for w in wall.findChildren(NewCaseDialog) if w.isVisible())
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    qtbot.keyClicks(dialog.categorySearch, "0101")
    qtbot.keyClicks(dialog.location.lonEdit, f"{X0 + 0.0005:.4f}")
    qtbot.keyClicks(dialog.location.latEdit, f"{Y0 + 0.0005:.4f}")
    dialog.descriptionEdit.setPlainText("楼道堆放杂物堵塞消防通道") if hasattr(dialog.descriptionEdit, "setPlainText") \
        else dialog.descriptionEdit.setText("楼道堆放杂物堵塞消防通道")
    with qtbot.waitSignal(dialog.case_created, timeout=3000) as created:
        qtbot.keyClick(dialog.descriptionEdit, Qt.Key.Key_Return, CTRL)
    row = created.args[0]
    assert table.model().rowCount() == 1
    assert wall.current_case().id == row.id
    assert db_case(db, row.id).row.status == "registered"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)

    # dispatch on the top recommendation: Ctrl+D, then Enter
    qtbot.keyClick(table, Qt.Key.Key_D, CTRL)
    dispatch = next(w for w in wall.findChildren(DispatchDialog) if w.isVisible())
    qtbot.waitUntil(lambda: dispatch.recommendationList.count() > 0, timeout=3000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dispatch, timeout=3000)
    top = dispatch.top_suggestion()
    with qtbot.waitSignal(dispatch.dispatched, timeout=3000):
        qtbot.keyClick(dispatch.recommendationList, Qt.Key.Key_Return)
    detail = db_case(db, row.id)
    assert detail.row.status == "dispatched"
    assert (detail.row.assignee_officer_id or detail.row.assignee_department_id) == top.id
    assert wall.current_case().status == "dispatched"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    table.setFocus()

    # the officer accepts and feeds back (recorded by the operator)
    clock.advance(minutes=20)
    qtbot.keyClick(table, Qt.Key.Key_A, CTRL_SHIFT)
    assert db_case(db, row.id).row.status == "accepted"
    answer_params(qtbot, "已清理楼道杂物，通道畅通")
    qtbot.keyClick(table, Qt.Key.Key_B, CTRL)
    detail = db_case(db, row.id)
    assert detail.row.status == "fed_back" and detail.history[-1].note == "已清理楼道杂物，通道畅通"
    # an operator may not close: the action is not offered
    assert not wall.case_actions[Action.CLOSE].isEnabled() or not window.ctx.can(Action.CLOSE)

    # a supervisor at a second seat sees it and verifies: closed
    sup = open_window(windows, qtbot, db, "supervisor")
    sup_wall = wall_of(sup)
    qtbot.waitUntil(lambda: sup_wall.model.rowCount() == 1, timeout=3000)
    assert sup_wall.select_case(row.id)
    sup.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sup, timeout=3000)
    sup_wall.table.setFocus()
    assert sup_wall.case_actions[Action.CLOSE].isEnabled()
    answer_params(qtbot, "现场核查：通道已畅通")  # verify and close asks for confirmation and a note
    qtbot.keyClick(sup_wall.table, Qt.Key.Key_C, CTRL_SHIFT)
    detail = db_case(db, row.id)
    assert detail.row.status == "closed" and detail.history[-1].note == "现场核查：通道已畅通"
    assert [h.action for h in detail.history] == ["report", "register", "dispatch", "accept", "feed_back", "close"]
    assert [h.actor for h in detail.history][-1] == "Supervisor"
    # closed cases stay on the wall for 24 hours
    assert sup_wall.model.case(row.id).status == "closed"


def test_stale_dispatch_shows_a_conflict_and_changes_nothing(qtbot, windows, db, city, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    svc, op = CaseService(db), demo_principal(db, "operator")
    lon, lat = grid_centre(0)
    row = svc.report(op, NewCase(source=SourceChannel.PATROL, category_id=city.category_id, priority=Priority.HIGH,
                                 description="井盖缺失", lon=lon, lat=lat), register=True)
    window = open_window(windows, qtbot, db, "operator")
    wall = wall_of(window)
    assert wall.select_case(row.id)
    qtbot.keyClick(wall.table, Qt.Key.Key_D, CTRL)
    dispatch = next(w for w in wall.findChildren(DispatchDialog) if w.isVisible())
    qtbot.waitUntil(lambda: dispatch.recommendationList.count() > 0, timeout=3000)
    # meanwhile another seat dispatches the same case to another officer
    svc.perform(op, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[1]))
    before = db_case(db, row.id)
    qtbot.keyClick(dispatch.recommendationList, Qt.Key.Key_Return)
    assert "changed at another seat" in dispatch.messageLabel.text()
    after = db_case(db, row.id)
    assert (after.row.assignee_officer_id, after.row.version, len(after.history)) == (
        before.row.assignee_officer_id, before.row.version, len(before.history))
    dispatch.close()


def test_filters_shortcuts_and_next_waiting(qtbot, windows, db, city, clock) -> None:  # type: ignore[no-untyped-def]
    svc, op = CaseService(db), demo_principal(db, "operator")
    rows = []
    for i, priority in enumerate([Priority.LOW, Priority.URGENT, Priority.NORMAL]):
        lon, lat = grid_centre(i)
        rows.append(svc.report(op, NewCase(source=SourceChannel.CITIZEN_APP, category_id=city.category_id,
                                           priority=priority, description=f"案件{i}", lon=lon, lat=lat)))
        clock.advance(minutes=1)
    window = open_window(windows, qtbot, db, "operator")
    wall = wall_of(window)
    assert wall.model.rowCount() == 3
    qtbot.keyClick(wall.table, Qt.Key.Key_F5)
    assert wall.current_case().id == rows[1].id  # urgent first
    wall.filters.priority_combo.setCurrentIndex(wall.filters.priority_combo.findData("low"))
    qtbot.waitUntil(lambda: wall.model.rowCount() == 1, timeout=2000)
    press(qtbot, window, wall.table, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: wall.model.rowCount() == 3, timeout=2000)
    window.ctx.bus.grid_filter_requested.emit(city.grid_ids[2])
    assert wall.model.rowCount() == 1 and wall.filters.grid_chip.isVisible()
    wall.filters.grid_chip.click()
    assert wall.model.rowCount() == 3


def _changed_elsewhere_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    return env


def test_changes_from_another_process_appear_in_place(qtbot, windows, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "shared.sqlite"
    db = open_database(path, create=True)
    city = build_tiny_city(db)
    svc, op = CaseService(db), demo_principal(db, "operator")
    rows = [svc.report(op, NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                   priority=Priority.NORMAL, description=f"案件{i}", lon=grid_centre(i)[0],
                                   lat=grid_centre(i)[1]), register=True) for i in range(4)]
    window = open_window(windows, qtbot, db, "operator", runner=TaskRunner())
    wall = wall_of(window)
    qtbot.waitUntil(lambda: wall.model.rowCount() == 4, timeout=5000)
    target = rows[1]
    assert wall.select_case(target.id)
    scroll = wall.table.verticalScrollBar().value()
    script = (
        "import sys; from commandcenter.db import open_database; "
        "from commandcenter.services.lifecycle import CaseService, TransitionParams; "
        "from commandcenter.services.auth import demo_principal; from commandcenter.domain.actions import Action; "
        f"db = open_database({str(path)!r}); svc = CaseService(db); op = demo_principal(db, 'operator'); "
        f"svc.perform(op, {target.id}, Action.DISPATCH, TransitionParams(officer_id={city.officer_ids[0]}))"
    )
    subprocess.run([sys.executable, "-c", script], check=True, env=_changed_elsewhere_env(), timeout=60)
    qtbot.waitUntil(lambda: wall.model.case(target.id).status == "dispatched", timeout=3000)
    assert wall.current_case().id == target.id  # the selection did not jump
    assert wall.table.verticalScrollBar().value() == scroll
    window.ctx.runner.wait()


def test_a_drill_process_puts_cases_on_the_wall_within_two_seconds(qtbot, windows, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "drill.sqlite"
    db = open_database(path, create=True)
    build_tiny_city(db)
    mark_demo(db)  # the drill feeds demo databases only
    window = open_window(windows, qtbot, db, "operator", runner=TaskRunner())
    wall = wall_of(window)
    qtbot.waitUntil(lambda: not wall._loading, timeout=5000)
    assert wall.model.rowCount() == 0
    drill = subprocess.Popen(
        [sys.executable, "-m", "commandcenter", "drill", "--db", str(path), "--rate", "120", "--duration", "6",
         "--seed", "3"],
        env=_changed_elsewhere_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        reader = open_database(path)
        deadline = time.monotonic() + 30
        committed = 0
        while committed == 0 and time.monotonic() < deadline:
            with reader.read() as s:
                committed = int(s.scalar(select(func.count()).select_from(Case)) or 0)
            qtbot.wait(20)
        assert committed > 0, f"no case committed (drill exit code {drill.poll()})"
        seen_at = time.monotonic()
        qtbot.waitUntil(lambda: wall.model.rowCount() > 0, timeout=2000)
        assert time.monotonic() - seen_at < 2.0
        reader.dispose()
    finally:
        drill.wait(timeout=60)
    assert drill.returncode == 0
    window.ctx.runner.wait()


def test_role_without_permission_gets_a_clear_refusal(qtbot, windows, db, city, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    svc, sup = CaseService(db), demo_principal(db, "supervisor")
    lon, lat = grid_centre(0)
    row = svc.report(sup, NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                  priority=Priority.NORMAL, description="x", lon=lon, lat=lat), register=True)
    svc.perform(sup, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    svc.perform(sup, row.id, Action.ACCEPT)
    window = open_window(windows, qtbot, db, "operator")
    wall = wall_of(window)
    assert wall.select_case(row.id)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    # approving an extension needs a supervisor (an operator only asks for one, with Ctrl+E)
    qtbot.keyClick(wall.table, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.AltModifier)
    assert shown and "may not" in shown[0]
    assert db_case(db, row.id).extended_minutes == 0


def test_an_urgent_flood_alerts_ten_times_then_sums_up(qtbot, windows, db, city, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window(windows, qtbot, db, "operator")
    wall = wall_of(window)
    beeps: list[int] = []
    monkeypatch.setattr(wall.alert_sink.sound, "play", lambda: beeps.append(1))
    svc, op = CaseService(db), demo_principal(db, "operator")
    lon, lat = grid_centre(0)
    rows = [svc.report(op, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                   priority=Priority.URGENT, description=f"紧急{i}", lon=lon, lat=lat))
            for i in range(25)]
    wall.apply_rows(rows)  # as the change feed delivers them
    assert len(beeps) == 10
    assert wall.alert_banner.isVisible() and "URGENT" in wall.alert_banner.text()
    wall._show_flood_summary()
    assert "15 more urgent cases" in wall.alert_banner.text()


def test_a_burst_of_changes_reaches_the_wall_a_slice_at_a_time(qtbot, windows, db, city, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(wall_view, "APPLY_BATCH_ROWS", 2)
    window = open_window(windows, qtbot, db, "operator")
    wall = wall_of(window)
    assert wall.model.rowCount() == 0
    svc, op = CaseService(db), demo_principal(db, "operator")
    rows = [svc.report(op, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                   priority=Priority.NORMAL, description=f"噪音{i}", lon=grid_centre(i % 4)[0],
                                   lat=grid_centre(i % 4)[1])) for i in range(5)]
    window.ctx.feed.poll()  # another seat's commits arrive through the change feed
    assert wall.model.rowCount() == 2  # the first slice; the event loop runs before the next
    qtbot.waitUntil(lambda: wall.model.rowCount() == 5, timeout=3000)
    # triage order: the same priority and the same time left (a frozen clock), so in case order
    assert [wall.model.row_at(n).id for n in range(5)] == [r.id for r in rows]
    assert wall.count_label.text() == "5 of 5 cases on the wall"


def test_escalation_tab_lists_selects_and_acknowledges(qtbot, windows, db, city, clock) -> None:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    row = CaseService(db).report(demo_principal(db, "operator"), NewCase(
        source=SourceChannel.CITIZEN_APP, category_id=city.category_id, priority=Priority.NORMAL,
        description="路灯不亮", lon=lon, lat=lat))
    window = open_window(windows, qtbot, db, "supervisor")
    wall = wall_of(window)
    panel = wall.escalation_panel
    assert panel.escalations.count() == 0 and wall.side.tabText(1) == "Escalations"
    clock.advance(minutes=24)  # 80 % of the 30-minute register limit: a reminder
    panel.scan()
    assert panel.escalations.count() == 1 and wall.side.tabText(1) == "Escalations (1)"
    item = panel.escalations.item(0)
    assert row.case_number in item.text()
    wall.table.clearSelection()
    panel.escalations.itemActivated.emit(item)
    assert wall.current_case().id == row.id
    panel.escalations.setCurrentItem(item)
    qtbot.mouseClick(panel.ack_button, Qt.MouseButton.LeftButton)
    assert panel.escalations.count() == 0 and wall.side.tabText(1) == "Escalations"
