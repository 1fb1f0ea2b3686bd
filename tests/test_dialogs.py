"""The wall's dialogs and the case detail panel, driven the way an operator works them.

Real widgets, offscreen, keys typed and pressed; every test checks what the screen shows and
what the database holds afterwards. Tasks run on a SynchronousRunner, so a save or dispatch
has finished (or failed) when the key press returns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from sqlalchemy import func, select

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.models import Case, CaseHistory
from commandcenter.services.auth import demo_principal
from commandcenter.services.dispatch import ReasonFacts
from commandcenter.services.lifecycle import TransitionParams
from commandcenter.shapes.cases import CaseRow, NewCase
from commandcenter.views.dialogs.action_params import ActionParamsDialog, ask_params
from commandcenter.views.dialogs.dispatch import REASON_ROLE, DispatchDialog
from commandcenter.views.dialogs.location_picker import parse_coordinate_pair
from commandcenter.views.dialogs.new_case import NewCaseDialog
from commandcenter.views.dialogs.shortcuts import ShortcutSheet
from commandcenter.widgets.case_detail import CaseDetailPanel

from .factories import X0, Y0, grid_centre

CTRL = Qt.KeyboardModifier.ControlModifier


def make_ctx(db, username: str) -> AppContext:  # type: ignore[no-untyped-def]
    runner = SynchronousRunner()
    return AppContext(db=db, principal=demo_principal(db, username), runner=runner, feed=ChangeFeed(db, runner))


def dispose_ctx(ctx: AppContext) -> None:
    for obj in (ctx.feed, ctx.runner, ctx.bus):
        obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def ctx(db, city) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    context = make_ctx(db, "operator")
    yield context
    dispose_ctx(context)


@pytest.fixture
def sup_ctx(db, city) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    context = make_ctx(db, "supervisor")
    yield context
    dispose_ctx(context)


@pytest.fixture
def widgets(qtbot) -> Iterator[list]:  # type: ignore[no-untyped-def]
    """Widgets a test opens; closed and deleted at its end so none leaks into the next test."""
    opened: list = []
    yield opened
    for w in opened:
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_widget(widgets: list, w, qtbot=None):  # type: ignore[no-untyped-def]
    """Show `w` as the active window, as the operator's screen would: shortcuts need that."""
    widgets.append(w)
    w.show()
    w.activateWindow()
    if qtbot is not None:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    return w


def report(ctx: AppContext, city, grid: int = 0, register: bool = True, category: int | None = None,  # type: ignore[no-untyped-def]
           priority: Priority = Priority.NORMAL, description: str = "路边堆放建筑垃圾") -> CaseRow:
    lon, lat = grid_centre(grid)
    return ctx.cases.report(
        ctx.principal,
        NewCase(source=SourceChannel.HOTLINE_12345, category_id=category or city.category_id, priority=priority,
                description=description, lon=lon, lat=lat, address="梅园路128号", reporter_name="陈先生",
                reporter_phone="13912345678"),
        register=register,
    )


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like an operator: ASCII as key presses, Chinese as an input method commits it."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def case_count(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Case)))


def history_count(db, case_id: int) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(CaseHistory).where(CaseHistory.case_id == case_id)))


# ---- new case ----------------------------------------------------------------------------
def test_a_typed_hotline_call_is_saved_registered_with_its_grid(qtbot, widgets, ctx, city, db, supervisor) -> None:  # type: ignore[no-untyped-def]
    dlg = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    assert dlg.objectName() == "newCaseDialog"
    assert dlg.sourceCombo.currentData() == SourceChannel.HOTLINE_12345
    assert dlg.registerCheck.isChecked()

    qtbot.keyClicks(dlg.categorySearch, "ldsh")  # pinyin initials of 路灯损坏
    assert dlg.categoryList.count() == 1
    assert dlg.chosen_category().id == city.dept_category_id
    assert "0102" in dlg.categoryChosen.text()
    qtbot.keyClick(dlg.categorySearch, Qt.Key.Key_Return)
    qtbot.keyClick(dlg.priorityCombo, Qt.Key.Key_1)
    assert dlg.priorityCombo.currentData() == Priority.URGENT

    qtbot.keyClicks(dlg.location.lonEdit, f"{X0 + 0.0015:.4f}")  # north-east square: grid ...04
    assert "Enter both" in dlg.location.gridLabel.text()
    qtbot.keyClicks(dlg.location.latEdit, f"{Y0 + 0.0015:.4f}")
    assert dlg.location.gridLabel.text().startswith("35030200100104 · 东岩社区第04网格")
    assert dlg.location.gridCombo.currentData() == city.grid_ids[3]  # the lists follow the coordinates
    assert not dlg.location.gridCombo.isEnabled()

    type_text(qtbot, dlg.location.addressEdit, "梅园路128号对面")
    type_text(qtbot, dlg.descriptionEdit, "路灯整晚不亮，路口很黑")
    type_text(qtbot, dlg.reporterNameEdit, "陈先生")
    qtbot.keyClicks(dlg.reporterPhoneEdit, "13912345678")

    with qtbot.waitSignal(dlg.case_created, timeout=2000) as blocker:
        qtbot.keyClick(dlg.descriptionEdit, Qt.Key.Key_Return, CTRL)
    row: CaseRow = blocker.args[0]
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert (row.status, row.priority, row.grid_id, row.category_id) == (
        CaseStatus.REGISTERED, Priority.URGENT, city.grid_ids[3], city.dept_category_id)
    detail = ctx.cases.detail(supervisor, row.id)  # stored as typed: a supervisor reads it in clear
    assert (detail.row.description, detail.row.address, detail.reporter_name, detail.reporter_phone) == (
        "路灯整晚不亮，路口很黑", "梅园路128号对面", "陈先生", "13912345678")
    assert [h.action for h in detail.history] == ["report", "register"]
    assert case_count(db) == 1


def test_coordinates_outside_every_grid_are_refused_and_nothing_is_written(qtbot, widgets, ctx, city, db) -> None:  # type: ignore[no-untyped-def]
    dlg = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    qtbot.keyClicks(dlg.categorySearch, "0101")
    qtbot.keyClicks(dlg.location.lonEdit, "120.5")
    qtbot.keyClicks(dlg.location.latEdit, "26.1")
    assert "Outside every grid" in dlg.location.gridLabel.text()
    assert "#c62828" in dlg.location.gridLabel.styleSheet()
    type_text(qtbot, dlg.descriptionEdit, "垃圾")
    with qtbot.assertNotEmitted(dlg.case_created):
        qtbot.keyClick(dlg.descriptionEdit, Qt.Key.Key_Return, CTRL)
    assert "120.500000, 26.100000 is outside every unit grid" in dlg.error_text()
    assert dlg.result() == 0 and dlg.isVisible()
    assert case_count(db) == 0


def test_service_errors_show_inline_and_the_form_can_be_saved_after(qtbot, widgets, ctx, city, db) -> None:  # type: ignore[no-untyped-def]
    dlg = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    qtbot.keyClicks(dlg.categorySearch, "fly")
    qtbot.keyClick(dlg.location.lonEdit, Qt.Key.Key_Return)  # nothing typed yet: Enter only moves on
    with qtbot.assertNotEmitted(dlg.case_created):
        dlg.save()
    assert "description is required" in dlg.error_text()
    qtbot.keyClicks(dlg.descriptionEdit, "   ")
    dlg.save()
    assert "description is required" in dlg.error_text()
    type_text(qtbot, dlg.descriptionEdit, "垃圾")
    dlg.save()
    assert "location is required" in dlg.error_text()

    # no coordinates: the grid is chosen street → community → grid
    dlg.location.streetCombo.setCurrentIndex(0)
    dlg.location.communityCombo.setCurrentIndex(0)
    dlg.location.gridCombo.setCurrentIndex(dlg.location.gridCombo.findData(city.grid_ids[1]))
    assert "35030200100102" in dlg.location.gridLabel.text()
    dlg.registerCheck.setChecked(False)
    with qtbot.waitSignal(dlg.case_created, timeout=2000) as blocker:
        dlg.save()
    row: CaseRow = blocker.args[0]
    assert (row.status, row.grid_id) == (CaseStatus.REPORTED, city.grid_ids[1])
    assert (row.lon, row.lat) == pytest.approx(grid_centre(1))
    assert case_count(db) == 1


def test_lon_lat_typed_as_one_pair_latitude_first_is_split_and_swapped(qtbot, widgets, ctx, city) -> None:  # type: ignore[no-untyped-def]
    assert parse_coordinate_pair("119.0005, 25.4005") == (119.0005, 25.4005)
    assert parse_coordinate_pair("25.4005，119.0005") == (119.0005, 25.4005)
    assert parse_coordinate_pair("119.0005") is None
    dlg = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    qtbot.keyClicks(dlg.location.lonEdit, "25.4005, 119.0005")
    assert dlg.location.latEdit.text() == ""  # not split while still typing
    qtbot.keyClick(dlg.location.lonEdit, Qt.Key.Key_Return)
    assert (dlg.location.lonEdit.text(), dlg.location.latEdit.text()) == ("119.000500", "25.400500")
    assert dlg.location.gridLabel.text().startswith("35030200100101")


# the dialog comes back to the front after the pick; the offscreen platform cannot raise windows
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_pick_on_map_fills_the_coordinates(qtbot, widgets, ctx, city) -> None:  # type: ignore[no-untyped-def]
    dlg = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    ctx.bus.location_picked.emit(1.0, 2.0)  # a pick nobody asked this dialog for is ignored
    assert dlg.location.lonEdit.text() == ""
    with qtbot.waitSignal(ctx.bus.location_pick_requested, timeout=1000):
        qtbot.mouseClick(dlg.location.pickButton, Qt.MouseButton.LeftButton)
    assert "map" in dlg.location.gridLabel.text()
    ctx.bus.location_picked.emit(*grid_centre(2))
    assert dlg.location.gridLabel.text().startswith("35030200100103")


# ---- dispatch ----------------------------------------------------------------------------
def test_dispatch_recommends_and_enter_sends_to_the_top_suggestion(qtbot, widgets, ctx, city, db) -> None:  # type: ignore[no-untyped-def]
    row = report(ctx, city)
    dlg = open_widget(widgets, qtbot=qtbot, w=DispatchDialog(ctx, [row]))
    assert dlg.objectName() == "dispatchDialog"
    recs = dlg.recommendationList
    assert recs.objectName() == "recommendationList"
    assert recs.count() == 3
    assert "张伟" in recs.item(0).text()
    assert recs.item(0).data(REASON_ROLE).startswith("responsible for grid 35030200100101 · on duty")
    assert recs.currentRow() == 0  # the top one is preselected
    assert "张伟" in dlg.dispatchButton.text()

    with qtbot.waitSignal(dlg.dispatched, timeout=2000) as blocker:
        qtbot.keyClick(recs, Qt.Key.Key_Return)
    [done] = blocker.args[0]
    assert dlg.result() == QDialog.DialogCode.Accepted
    after = ctx.cases.detail(ctx.principal, row.id)
    assert (after.row.status, after.row.assignee_officer_id, done.version) == (
        CaseStatus.DISPATCHED, city.officer_ids[0], after.row.version)
    assert after.history[-1].action == "dispatch" and after.history[-1].officer_name == "张伟"


@dataclass(frozen=True)
class StubRecommendation:
    """The documented shape of services.dispatch.Recommendation, for contract tests."""

    kind: str
    id: int
    name: str
    reason_codes: tuple[str, ...]
    score: float
    distance_m: float | None
    open_cases: int
    duty_status: str | None
    facts: ReasonFacts = ReasonFacts()


def test_ctrl_d_dispatches_to_the_top_suggestion_whatever_is_selected(qtbot, widgets, ctx, city, db,  # type: ignore[no-untyped-def]
                                                                       monkeypatch) -> None:
    stub = [
        StubRecommendation("department", city.department_id, "城管执法局", ("route_city", "open_cases"), 3900.0, None, 1, None,
                           ReasonFacts(category_en="Broken streetlight")),
        StubRecommendation("officer", city.officer_ids[1], "王芳", ("on_duty", "open_cases", "distance"),
                           2000.0, 100.0, 0, "on_duty"),
    ]
    monkeypatch.setattr(ctx.reference, "recommendations", lambda _principal, _case_id, limit=5: stub)
    row = report(ctx, city, category=city.dept_category_id)
    dlg = open_widget(widgets, qtbot=qtbot, w=DispatchDialog(ctx, [row]))
    assert dlg.recommendationList.item(0).data(REASON_ROLE) == "handles Broken streetlight city-wide · 1 open case"
    qtbot.keyClick(dlg.recommendationList, Qt.Key.Key_Down)
    assert dlg.selected().name == "王芳"
    with qtbot.waitSignal(dlg.dispatched, timeout=2000):
        qtbot.keyClick(dlg.recommendationList, Qt.Key.Key_D, CTRL)
    after = ctx.cases.row(ctx.principal, row.id)
    assert (after.assignee_department_id, after.assignee_officer_id) == (city.department_id, None)


def test_manual_choice_by_pinyin_initials(qtbot, widgets, ctx, city) -> None:  # type: ignore[no-untyped-def]
    row = report(ctx, city)
    dlg = open_widget(widgets, qtbot=qtbot, w=DispatchDialog(ctx, [row]))
    qtbot.keyClicks(dlg.recommendationList, "wf")  # typing in the suggestions starts the search
    assert dlg.assigneeSearch.text() == "wf"
    assert dlg.selected().name == "王芳"
    assert dlg.recommendationList.currentRow() == -1
    with qtbot.waitSignal(dlg.dispatched, timeout=2000):
        qtbot.keyClick(dlg.assigneeSearch, Qt.Key.Key_Return)
    assert ctx.cases.row(ctx.principal, row.id).assignee_officer_id == city.officer_ids[1]


def test_a_stale_dispatch_shows_the_conflict_and_changes_nothing(qtbot, widgets, ctx, city, db) -> None:  # type: ignore[no-untyped-def]
    row = report(ctx, city)
    dlg = open_widget(widgets, qtbot=qtbot, w=DispatchDialog(ctx, [row]))
    # meanwhile another seat dispatches the same case to someone else
    other_seat = ctx.cases.perform(ctx.principal, row.id, Action.DISPATCH,
                                   TransitionParams(officer_id=city.officer_ids[1]), expected_version=row.version)
    entries = history_count(db, row.id)
    with qtbot.assertNotEmitted(dlg.dispatched):
        qtbot.keyClick(dlg.recommendationList, Qt.Key.Key_Return)
    assert "was changed at another seat: Dispatch by Operator at 10:00:00 (now Dispatched). Nothing was changed here" \
        in dlg.message()  # what won, by whom, when
    assert dlg.result() == 0 and dlg.isVisible()
    assert not dlg.dispatchButton.isEnabled() and not dlg.topButton.isEnabled()
    assert dlg.cancelButton.text() == "Close"
    after = ctx.cases.row(ctx.principal, row.id)
    assert (after.assignee_officer_id, after.version) == (city.officer_ids[1], other_seat.version)
    assert history_count(db, row.id) == entries


def test_several_cases_at_once_report_what_failed(qtbot, widgets, ctx, city, db) -> None:  # type: ignore[no-untyped-def]
    rows = [report(ctx, city, grid=i) for i in range(3)]
    ctx.cases.perform(ctx.principal, rows[1].id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[2]))
    dlg = open_widget(widgets, qtbot=qtbot, w=DispatchDialog(ctx, rows))
    assert "Dispatch 3 cases" in dlg.titleLabel.text()
    with qtbot.waitSignal(dlg.dispatched, timeout=2000) as blocker:
        qtbot.keyClick(dlg.recommendationList, Qt.Key.Key_Return)
    assert sorted(r.id for r in blocker.args[0]) == [rows[0].id, rows[2].id]
    assert dlg.message().startswith("2 of 3 cases sent; not sent:")
    assert rows[1].case_number in dlg.message()
    assert [ctx.cases.row(ctx.principal, r.id).assignee_officer_id for r in rows] == [
        city.officer_ids[0], city.officer_ids[2], city.officer_ids[0]]
    results = [dlg.caseList.topLevelItem(i).text(5) for i in range(3)]
    assert results == ["sent to 张伟", "not sent", "sent to 张伟"]


def test_reassign_never_suggests_the_current_handler_first(qtbot, widgets, ctx, city) -> None:  # type: ignore[no-untyped-def]
    row = report(ctx, city)
    row = ctx.cases.perform(ctx.principal, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    dlg = open_widget(widgets, qtbot=qtbot, w=DispatchDialog(ctx, [row], reassign=True))
    assert "currently assigned" in dlg.recommendationList.item(0).text()
    assert dlg.top_suggestion().id == city.officer_ids[1]
    assert dlg.recommendationList.currentRow() == 1
    with qtbot.waitSignal(dlg.dispatched, timeout=2000):
        qtbot.keyClick(dlg.recommendationList, Qt.Key.Key_D, CTRL)
    assert ctx.cases.row(ctx.principal, row.id).assignee_officer_id == city.officer_ids[1]


# ---- action parameters ------------------------------------------------------------------
def test_reject_requires_a_reason(qtbot, widgets, ctx, city, db) -> None:  # type: ignore[no-untyped-def]
    row = report(ctx, city, register=False)
    dlg = open_widget(widgets, qtbot=qtbot, w=ActionParamsDialog(ctx, Action.REJECT, row))
    assert dlg.objectName() == "actionParamsDialog"
    assert dlg.params() is None
    qtbot.mouseClick(dlg.okButton, Qt.MouseButton.LeftButton)
    assert dlg.result() == 0 and dlg.isVisible()
    assert dlg.error_text().startswith("A reason is required")
    type_text(qtbot, dlg.noteEdit, "重复来电，已有案件")
    qtbot.keyClick(dlg.noteEdit, Qt.Key.Key_Return, CTRL)
    assert dlg.result() == QDialog.DialogCode.Accepted
    params = dlg.params()
    assert params == TransitionParams(note="重复来电，已有案件")
    after = ctx.cases.perform(ctx.principal, row.id, Action.REJECT, params, expected_version=row.version)
    assert after.status == CaseStatus.REJECTED
    assert ctx.cases.detail(ctx.principal, row.id).reject_reason == "重复来电，已有案件"


def test_ask_params_asks_only_when_the_action_needs_something(qtbot, ctx, city) -> None:  # type: ignore[no-untyped-def]
    row = report(ctx, city, register=False)
    assert ask_params(ctx, Action.REGISTER, row, None) == TransitionParams()
    with pytest.raises(ValueError, match="DispatchDialog"):
        ask_params(ctx, Action.DISPATCH, row, None)

    seen: list[str] = []

    def answer(reason: str | None) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ActionParamsDialog)
        seen.append(dialog.objectName())
        if reason is None:
            dialog.reject()
        else:
            type_text(qtbot, dialog.noteEdit, reason)
            dialog.accept()

    QTimer.singleShot(0, lambda: answer("无效报警"))
    assert ask_params(ctx, Action.REJECT, row, None) == TransitionParams(note="无效报警")
    QTimer.singleShot(0, lambda: answer(None))
    assert ask_params(ctx, Action.REJECT, row, None) is None
    assert seen == ["actionParamsDialog", "actionParamsDialog"]


def test_extend_offers_durations_and_shows_the_new_deadline(qtbot, widgets, sup_ctx, city) -> None:  # type: ignore[no-untyped-def]
    row = report(sup_ctx, city, priority=Priority.URGENT)  # urgent: calendar clock
    row = sup_ctx.cases.perform(sup_ctx.principal, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    dlg = open_widget(widgets, qtbot=qtbot, w=ActionParamsDialog(sup_ctx, Action.REQUEST_EXTENSION, row))
    texts = [dlg.durationCombo.itemText(i) for i in range(dlg.durationCombo.count())]
    assert texts == ["30 min", "1 h", "2 h", "4 h", "1 day", "Custom…"]
    dlg.durationCombo.setCurrentIndex(2)
    assert "→ 2026-11-25 14:00" in dlg.deadlineLabel.text()  # 10:00 + 2 h limit + 2 h extension
    assert not dlg.customMinutes.isVisible()
    dlg.durationCombo.setCurrentIndex(5)
    assert dlg.customMinutes.isVisible()
    dlg.customMinutes.setValue(45)
    type_text(qtbot, dlg.noteEdit, "等待配件")
    assert dlg.params() == TransitionParams(note="等待配件", minutes=45)
    sup_ctx.cases.perform(sup_ctx.principal, row.id, Action.REQUEST_EXTENSION, dlg.params())
    after = sup_ctx.cases.perform(sup_ctx.principal, row.id, Action.EXTEND)
    assert (after.handle_deadline_at - row.handle_deadline_at).total_seconds() == 45 * 60


def test_evaluate_takes_stars_from_keys_1_to_5(qtbot, widgets, sup_ctx, city) -> None:  # type: ignore[no-untyped-def]
    row = report(sup_ctx, city)
    dlg = open_widget(widgets, qtbot=qtbot, w=ActionParamsDialog(sup_ctx, Action.EVALUATE, row))
    assert dlg.params() is None
    qtbot.keyClick(dlg, Qt.Key.Key_4)
    assert dlg.rating() == 4
    assert dlg.ratingText.text() == "Satisfied"
    assert dlg.params() == TransitionParams(rating=4)


def test_merge_target_is_picked_from_open_cases_in_the_same_grid(qtbot, widgets, ctx, city) -> None:  # type: ignore[no-untyped-def]
    first = report(ctx, city, grid=0, description="梅园路建筑垃圾")
    report(ctx, city, grid=1, description="别的网格")
    duplicate = report(ctx, city, grid=0, register=False, description="梅园路建筑垃圾又来电")
    dlg = open_widget(widgets, qtbot=qtbot, w=ActionParamsDialog(ctx, Action.MERGE, duplicate))
    assert dlg.mergeList.count() == 1
    assert first.case_number in dlg.mergeList.item(0).text()
    dlg.mergeAllGrids.setChecked(True)
    assert dlg.mergeList.count() == 2
    qtbot.keyClicks(dlg.mergeSearch, first.case_number)
    assert dlg.mergeList.count() == 1
    qtbot.keyClick(dlg.mergeSearch, Qt.Key.Key_Return)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.params() == TransitionParams(merge_into_id=first.id)


# ---- case detail and shortcut sheet -----------------------------------------------------
def test_case_detail_shows_every_field_and_the_history(qtbot, widgets, ctx, city, clock) -> None:  # type: ignore[no-untyped-def]
    panel = open_widget(widgets, qtbot=qtbot, w=CaseDetailPanel(now=clock.now))
    assert panel.objectName() == "caseDetail"
    assert "No case selected" in panel.findChild(QLabel, "caseDetailEmpty").text()
    row = report(ctx, city, priority=Priority.URGENT)
    clock.advance(minutes=5)
    ctx.cases.perform(ctx.principal, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    clock.advance(minutes=10)
    ctx.cases.perform(ctx.principal, row.id, Action.ACCEPT)
    clock.advance(minutes=30)
    ctx.cases.perform(ctx.principal, row.id, Action.FEED_BACK, TransitionParams(note="已清运完毕"))

    panel.show_detail(ctx.cases.detail(ctx.principal, row.id))
    assert panel.number_label.text() == row.case_number
    assert panel.priority_badge.text() == "Urgent" and "#c62828" in panel.priority_badge.styleSheet()
    assert panel.status_label.text() == "Fed back"
    assert panel.due_label.text() == "On time: due 2026-11-25 11:45 (in 1 h 00 min)"
    assert panel.values["reported_at"].text() == "2026-11-25 10:00"  # 02:00 UTC in Shanghai
    assert panel.values["dispatched_at"].text() == "2026-11-25 10:05"
    assert panel.values["closed_at"].text() == "—"
    assert panel.values["reporter"].text() == "陈先生"  # an operator reads the phone masked
    assert panel.values["phone"].text() == "139****5678"
    assert panel.values["assignee"].text() == "张伟"
    assert panel.values["community"].text() == "东岩社区 · 龙桥街道"
    assert not panel.values["rating"].isVisible()
    history = panel.history_texts()
    assert len(history) == 5
    assert history[0].startswith("2026-11-25 10:00  Reported")
    assert history[2].startswith("2026-11-25 10:05  Dispatch  Registered → Dispatched")
    assert "handler: 张伟" in history[2]
    assert history[4].endswith("已清运完毕")

    panel.show_detail(None)
    assert panel.detail is None


def test_shortcut_sheet_lists_the_keys_and_closes_on_f1_and_esc(qtbot, widgets) -> None:  # type: ignore[no-untyped-def]
    entries = [("Ctrl+N", "New case"), ("Ctrl+D", "Dispatch")]
    for key in (Qt.Key.Key_F1, Qt.Key.Key_Escape):
        sheet = open_widget(widgets, qtbot=qtbot, w=ShortcutSheet(entries))
        assert sheet.objectName() == "shortcutSheet"
        keys = [label.text() for label in sheet.findChildren(QLabel, "shortcutKey")]
        assert keys == ["Ctrl+N", "Ctrl+D"]
        qtbot.keyClick(sheet, key)
        assert not sheet.isVisible()


def test_every_widget_retranslates_on_language_change(qtbot, widgets, sup_ctx, city) -> None:  # type: ignore[no-untyped-def]
    row = report(sup_ctx, city)
    opened = [
        NewCaseDialog(sup_ctx),
        DispatchDialog(sup_ctx, [row]),
        ActionParamsDialog(sup_ctx, Action.MERGE, row),
        ActionParamsDialog(sup_ctx, Action.EXTEND, row),
        ActionParamsDialog(sup_ctx, Action.EVALUATE, row),
        ShortcutSheet([("F1", "Help")]),
        CaseDetailPanel(),
    ]
    opened[-1].show_detail(sup_ctx.cases.detail(sup_ctx.principal, row.id))
    for w in opened:
        open_widget(widgets, qtbot=qtbot, w=w)
        title = w.windowTitle()
        QCoreApplication.sendEvent(w, QEvent(QEvent.Type.LanguageChange))
        assert w.windowTitle() == title


def test_the_manual_list_stays_short_in_a_big_city(qtbot, widgets, ctx, city, db) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.models import Officer

    with db.unit_of_work() as s:
        s.add_all(Officer(employee_no=f"BIG{i:05d}", name=f"网格员{i}", duty_status="on_duty") for i in range(300))
    row = report(ctx, city)
    dlg = open_widget(widgets, qtbot=qtbot, w=DispatchDialog(ctx, [row]))
    assert dlg.assigneeList.count() == 200
    assert "200 of 304 listed" in dlg.manualTitle.text()
    assert "城管执法局" in dlg.assigneeList.item(0).text()  # departments are never buried
    qtbot.keyClicks(dlg.assigneeSearch, "BIG00299")
    assert dlg.assigneeList.count() == 1 and dlg.selected().name == "网格员299"
    assert dlg.manualTitle.text() == "Or find any officer or department"
