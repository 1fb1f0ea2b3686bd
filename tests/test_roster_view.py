"""The roster screen on real widgets: the models pass qtmodeltester, a duty change made with
the keyboard reaches the table, the database and the dispatch recommendations, live changes
from other seats apply in place, filters, imports and shifts work from the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import func, select

from commandcenter.dispatch_labels import reason_text
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import DutyStatus
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.itemmodels.roster import (
    Column,
    OfficerRosterModel,
    RosterFilter,
    ShiftTableModel,
)
from commandcenter.models import DutyChange, Officer
from commandcenter.services.auth import demo_principal
from commandcenter.services.dispatch import recommend
from commandcenter.services.roster import officer_row, officer_rows, set_duty_status
from commandcenter.views.roster import RosterView

from .test_dispatch_recommend import report
from .test_roster import dispatch_case


def make_ctx(db, username: str) -> AppContext:  # type: ignore[no-untyped-def]
    runner = SynchronousRunner()
    return AppContext(db=db, principal=demo_principal(db, username), runner=runner, feed=ChangeFeed(db, runner))


@pytest.fixture
def view(qtbot, db, city):  # type: ignore[no-untyped-def]
    ctx = make_ctx(db, "supervisor")
    widget = RosterView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def names(view: RosterView) -> list[str]:
    return [view.model.index(r, Column.NAME).data() for r in range(view.model.rowCount())]


def cell(view: RosterView, officer_id: int, column: Column) -> object:
    return view.model.index_of(officer_id, column).data()


def test_models_pass_qtmodeltester(qtmodeltester, db, city, supervisor, clock) -> None:  # type: ignore[no-untyped-def]
    model = OfficerRosterModel(now=clock.now)
    qtmodeltester.check(model)
    model.set_rows(officer_rows(db))
    qtmodeltester.check(model)
    model.sort(Column.OPEN, Qt.SortOrder.DescendingOrder)
    model.set_filter(RosterFilter(status="on_duty"))
    qtmodeltester.check(model)
    row = set_duty_status(db, supervisor, city.officer_ids[2], DutyStatus.ON_DUTY)
    model.apply_rows([row])
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    shifts = ShiftTableModel()
    qtmodeltester.check(shifts)


def test_keyboard_duty_change_updates_table_database_and_recommendations(view, db, city, operator, qtbot) -> None:  # type: ignore[no-untyped-def]
    zhang = city.officer_ids[0]
    case_id = report(db, operator, city.category_id, grid=0)
    assert recommend(db, case_id)[0].id == zhang
    assert view.select_officer(zhang)
    view.table.setFocus()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    with qtbot.waitSignal(view.duty_changed) as changed:
        qtbot.keyClick(view.table, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # Alt+4: on leave
    assert changed.args == [zhang]
    assert cell(view, zhang, Column.STATUS) == "On leave"
    assert view.selected_officers()[0].id == zhang  # the selection survives the update
    assert "张伟: now On leave" in view.message.text()
    with db.read() as s:
        assert s.get(Officer, zhang).duty_status == "on_leave"
        assert s.scalar(select(func.count()).select_from(DutyChange).where(DutyChange.officer_id == zhang)) == 1
    recs = recommend(db, case_id)
    assert recs[0].id != zhang and "on leave" in reason_text(next(r for r in recs if r.id == zhang))
    # and back through the context-menu action
    view.duty_actions["on_duty"].trigger()
    assert cell(view, zhang, Column.STATUS) == "On duty"
    assert recommend(db, case_id)[0].id == zhang


def test_operators_cannot_change_duty_status(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    widget = RosterView(make_ctx(db, "operator"))
    qtbot.addWidget(widget)
    widget.select_officer(city.officer_ids[0])
    assert not any(a.isEnabled() for a in widget.duty_actions.values())
    assert not widget.import_officers_action.isEnabled() and not widget.new_shift_button.isEnabled()


def test_change_at_another_seat_is_refused_and_reloaded(view, db, city, supervisor) -> None:  # type: ignore[no-untyped-def]
    li = city.officer_ids[2]
    set_duty_status(db, supervisor, li, DutyStatus.IN_FIELD)  # another seat, not yet polled here
    view.select_officer(li)
    view.set_duty_status("on_duty")
    assert "李娜 was changed at another seat (now In the field)" in view.message.text()
    assert cell(view, li, Column.STATUS) == "In the field"
    assert officer_row(db, li).duty_status == "in_field"


def test_live_changes_apply_in_place(view, db, city, supervisor, qtbot) -> None:  # type: ignore[no-untyped-def]
    wang = city.officer_ids[1]
    view.select_officer(wang)
    resets: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))
    set_duty_status(db, supervisor, wang, DutyStatus.IN_FIELD)
    view.ctx.feed.poll()
    assert cell(view, wang, Column.STATUS) == "In the field"
    dispatch_case(db, supervisor, city, wang, grid=1)
    view.ctx.feed.poll()
    qtbot.waitUntil(lambda: cell(view, wang, Column.OPEN) == 1)
    assert resets == [] and view.selected_officers()[0].id == wang


def test_filters_search_and_sort_by_load(view, db, city, supervisor, qtbot) -> None:  # type: ignore[no-untyped-def]
    dispatch_case(db, supervisor, city, city.officer_ids[1], grid=1)
    dispatch_case(db, supervisor, city, city.officer_ids[1], grid=1)
    dispatch_case(db, supervisor, city, city.officer_ids[2], grid=2)
    view.reload()
    assert names(view) == ["王芳", "李娜", "张伟"]  # sorted by open cases, most first
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(Column.NAME) + 10, 5))  # by pinyin: Li, Wang, Zhang
    assert names(view) in (["李娜", "王芳", "张伟"], ["张伟", "王芳", "李娜"])
    view.table.sortByColumn(Column.OPEN, Qt.SortOrder.AscendingOrder)
    assert names(view) == ["张伟", "李娜", "王芳"]
    view.search.setText("zw")  # pinyin initials
    assert names(view) == ["张伟"]
    view.search.setText("PT000002")
    assert names(view) == ["王芳"]
    view.clear_filters()
    view.status_combo.setCurrentIndex(view.status_combo.findData("off_duty"))
    assert names(view) == ["李娜"]
    view.clear_filters()
    street = view.street_combo.findText("龙桥街道")
    view.street_combo.setCurrentIndex(street)
    assert view.community_combo.findText("东岩社区") > 0
    assert len(names(view)) == 3
    assert "Showing 3 of 3 officers · 2 on duty" in view.count_label.text()


def test_import_officers_from_the_screen(qtbot, db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    widget = RosterView(make_ctx(db, "admin"))
    qtbot.addWidget(widget)
    good = tmp_path / "officers.csv"
    good.write_bytes("employee_no,name,phone,grid_codes,duty_status\nPT100001,陈静,,35030200100101,on_duty\n"
                     .encode("gbk"))
    with qtbot.waitSignal(widget.import_finished):
        widget.import_file("officers", good)
    assert "陈静" in names(widget)
    assert "1 created, 0 updated" in widget.message.text()
    bad = tmp_path / "bad.csv"
    bad.write_text("employee_no,name,phone,grid_codes,duty_status\nPT100002,林峰,,nope,on_duty\n", encoding="utf-8-sig")
    with qtbot.waitSignal(widget.import_finished):
        widget.import_file("officers", bad)
    assert "nothing was imported" in widget.message.text() and "line 2: unknown grid code nope" in widget.message.text()
    box = widget.import_message
    assert isinstance(box, QMessageBox) and box.isVisible() and "line 2" in box.detailedText()
    box.close()
    assert "林峰" not in names(widget)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Officer)) == 4


def test_define_and_staff_a_shift_from_the_panel(view, db, city, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.new_shift_button, Qt.MouseButton.LeftButton)
    dialog = view.shift_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.name_edit.setText("白班")  # QTest types ASCII only
    assert ok.isEnabled()
    with qtbot.waitSignal(view.shifts_loaded):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert view.shift_model.rowCount() == 1
    assert view.current_shift().name == "白班"  # the new shift is selected
    assert view.current_label.text() == "On now: 白班 (08:00–20:00): 0 officers, 0 operators"
    view.select_officer(city.officer_ids[0])
    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    view.user_combo.setCurrentIndex(view.user_combo.findText("Operator (Operator)"))
    qtbot.mouseClick(view.add_user_button, Qt.MouseButton.LeftButton)
    assert [view.members.item(i).text() for i in range(view.members.count())] == ["张伟", "Operator"]
    assert "1 officers, 1 operators" in view.current_label.text()
    assert cell(view, city.officer_ids[0], Column.SHIFT) == "白班"
    view.members.item(0).setSelected(True)
    qtbot.mouseClick(view.unassign_button, Qt.MouseButton.LeftButton)
    assert [view.members.item(i).text() for i in range(view.members.count())] == ["Operator"]
    assert cell(view, city.officer_ids[0], Column.SHIFT) == ""
    assert view.ctx.can(Action.MANAGE_ROSTER)


def test_shift_column_follows_the_clock(view, db, city, supervisor, clock) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.services.shifts import assign_to_shift, save_shift

    day = save_shift(db, supervisor, name="白班", start_time="08:00", end_time="20:00")
    assign_to_shift(db, supervisor, day.id, officer_ids=[city.officer_ids[0]])
    view.ctx.feed.poll()
    assert cell(view, city.officer_ids[0], Column.SHIFT) == "白班"
    clock.advance(hours=11)  # 21:00 local: the day shift is over
    view.reload_shifts()
    assert cell(view, city.officer_ids[0], Column.SHIFT) == ""
    assert view.current_label.text() == "On now: no shift is running"
    assert view.next_label.text().startswith("Next: 白班 from Thu 08:00")


def test_officers_arriving_through_the_feed_land_in_sorted_order(view, db, city, supervisor) -> None:  # type: ignore[no-untyped-def]
    """Regression: officers a live change brings into view were appended at the bottom."""
    zhang, _wang, li = city.officer_ids
    view.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    view.status_combo.setCurrentIndex(view.status_combo.findData("in_field"))
    assert names(view) == []
    set_duty_status(db, supervisor, zhang, DutyStatus.IN_FIELD)  # at another seat
    view.ctx.feed.poll()
    set_duty_status(db, supervisor, li, DutyStatus.IN_FIELD)
    view.ctx.feed.poll()
    assert names(view) == ["李娜", "张伟"]  # by pinyin initials: L before Z


def counted_officer_rows(monkeypatch) -> list[object]:  # type: ignore[no-untyped-def]
    """Record which officers the screen reads (None: the whole roster)."""
    from commandcenter.services import roster

    calls: list[object] = []

    def counting(db, officer_ids=None, viewer=None):  # type: ignore[no-untyped-def]
        calls.append(None if officer_ids is None else set(officer_ids))
        return officer_rows(db, officer_ids, viewer)

    monkeypatch.setattr(roster, "officer_rows", counting)
    return calls


def test_a_hidden_roster_reads_changed_officers_once_when_shown(view, db, city, supervisor, qtbot,  # type: ignore[no-untyped-def]
                                                               monkeypatch) -> None:
    """Regression: during a drill a hidden roster re-read and re-applied officers every second."""
    zhang, wang, _li = city.officer_ids
    view.hide()
    set_duty_status(db, supervisor, zhang, DutyStatus.IN_FIELD)  # at another seat
    view.ctx.feed.poll()
    calls = counted_officer_rows(monkeypatch)  # set_duty_status reads the officer too
    set_duty_status(db, supervisor, wang, DutyStatus.IN_FIELD)
    calls.clear()
    view.ctx.feed.poll()
    assert calls == [] and cell(view, zhang, Column.STATUS) == "On duty"
    view.show()
    qtbot.waitUntil(lambda: cell(view, wang, Column.STATUS) == "In the field")
    assert calls == [{zhang, wang}] and cell(view, zhang, Column.STATUS) == "In the field"


def test_many_changed_officers_are_read_as_one_roster_keeping_the_selection(view, db, city, supervisor,  # type: ignore[no-untyped-def]
                                                                            qtbot, monkeypatch) -> None:
    from commandcenter.views.roster import screen

    zhang, wang, li = city.officer_ids
    monkeypatch.setattr(screen, "RELOAD_OVER", 1)
    view.select_officer(li)
    view.hide()
    for officer in (zhang, wang):
        set_duty_status(db, supervisor, officer, DutyStatus.IN_FIELD)
        view.ctx.feed.poll()
    calls = counted_officer_rows(monkeypatch)
    view.show()
    qtbot.waitUntil(lambda: cell(view, wang, Column.STATUS) == "In the field")
    assert calls == [None]
    assert [r.id for r in view.selected_officers()] == [li]
