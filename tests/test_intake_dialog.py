"""The new-case dialog's call-taking part (issue 14), driven as a call-taker works it: a likely
duplicate offered and merged, a repeat caller's history shown masked, a work order answered on
the call. Tasks run synchronously (SynchronousRunner); the look-ups' debounce is waited for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from commandcenter.domain.enums import CaseStatus
from commandcenter.gui.context import AppContext
from commandcenter.views.dialogs.new_case import NewCaseDialog

from .factories import grid_centre
from .test_dialogs import (  # noqa: F401
    CTRL,
    case_count,
    dispose_ctx,
    make_ctx,
    open_widget,
    report,
    type_text,
    widgets,
)


@pytest.fixture
def ctx(db, city) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    context = make_ctx(db, "operator")
    yield context
    dispose_ctx(context)


def fill(qtbot, dlg: NewCaseDialog, text: str = "路边又堆了建筑垃圾", phone: str = "13800001111") -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dlg.categorySearch, "0101")
    lon, lat = grid_centre(0)
    qtbot.keyClicks(dlg.location.lonEdit, f"{lon + 0.0001:.6f}")
    qtbot.keyClicks(dlg.location.latEdit, f"{lat:.6f}")
    type_text(qtbot, dlg.descriptionEdit, text)
    qtbot.keyClicks(dlg.reporterPhoneEdit, phone)


def test_a_likely_duplicate_is_offered_and_the_call_merged_into_it(qtbot, widgets, ctx, city, db,  # noqa: F811
                                                                    supervisor) -> None:  # type: ignore[no-untyped-def]
    first = report(ctx, city)
    dlg = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    fill(qtbot, dlg)
    qtbot.keyClick(dlg.descriptionEdit, Qt.Key.Key_Return, CTRL)
    assert dlg.intake.duplicates.isVisible() and case_count(db) == 1  # offered, nothing saved
    assert first.case_number in dlg.intake.duplicates.candidates.item(0).text()
    assert "likely duplicate" in dlg.error_text()
    with qtbot.waitSignal(dlg.case_created, timeout=2000) as blocker:
        qtbot.mouseClick(dlg.intake.duplicates.mergeButton, Qt.MouseButton.LeftButton)
    assert blocker.args[0].id == first.id  # the dialog goes on with the case the call joined
    survivor = ctx.cases.detail(supervisor, first.id)
    assert survivor.reporter_phone == "13912345678"
    assert [r.phone for r in survivor.reporters] == ["13800001111"]
    assert [h.action for h in survivor.history][-1] == "merge_in"
    merged = ctx.cases.detail(supervisor, first.id + 1)  # the call, kept as a merged case
    assert merged.row.status == CaseStatus.MERGED and merged.merged_into_number == first.case_number
    assert [h.action for h in merged.history] == ["report", "merge"]


def test_register_as_new_saves_a_case_of_its_own(qtbot, widgets, ctx, city, db) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    report(ctx, city)
    dlg = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    fill(qtbot, dlg)
    qtbot.keyClick(dlg.descriptionEdit, Qt.Key.Key_Return, CTRL)
    with qtbot.waitSignal(dlg.case_created, timeout=2000) as blocker:
        qtbot.mouseClick(dlg.intake.duplicates.newButton, Qt.MouseButton.LeftButton)
    assert blocker.args[0].status == CaseStatus.REGISTERED and case_count(db) == 2


def test_a_repeat_callers_history_is_shown_masked_for_an_operator(qtbot, widgets, ctx, city) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    earlier = report(ctx, city, grid=3)
    dlg = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    qtbot.keyClicks(dlg.reporterPhoneEdit, "13912345678")
    panel = dlg.intake.earlier
    qtbot.waitUntil(lambda: panel.callerList.isVisible(), timeout=3000)
    assert panel.callerLabel.text() == "Earlier cases from 139****5678: 1"
    assert earlier.case_number in panel.callerList.item(0).text()
    assert "13912345678" not in panel.callerLabel.text()
    lon, lat = grid_centre(3)  # the same place: its earlier case is listed too
    qtbot.keyClicks(dlg.location.lonEdit, f"{lon:.6f}")
    qtbot.keyClicks(dlg.location.latEdit, f"{lat:.6f}")
    qtbot.waitUntil(lambda: panel.placeList.isVisible(), timeout=3000)
    assert panel.placeLabel.text() == "Earlier cases within 50 m: 1"


def test_a_work_order_answered_on_the_call_closes_at_intake(qtbot, widgets, ctx, city, db,  # noqa: F811
                                                            supervisor) -> None:  # type: ignore[no-untyped-def]
    dlg = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    assert dlg.intake.hotlineBox.isVisible()  # the 12345 hotline is the default source
    fill(qtbot, dlg, text="咨询垃圾清运时间")
    qtbot.keyClicks(dlg.intake.hotlineNumberEdit, "GD20261125009")
    qtbot.mouseClick(dlg.intake.answeredCheck, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dlg.descriptionEdit, Qt.Key.Key_Return, CTRL)
    assert "answer" in dlg.error_text() and case_count(db) == 0  # the answer is required
    type_text(qtbot, dlg.intake.answerEdit, "每日早七点清运")
    with qtbot.waitSignal(dlg.case_created, timeout=2000) as blocker:
        qtbot.keyClick(dlg.descriptionEdit, Qt.Key.Key_Return, CTRL)
    row = blocker.args[0]
    assert row.status == CaseStatus.CLOSED
    detail = ctx.cases.detail(supervisor, row.id)
    assert detail.hotline.number == "GD20261125009" and detail.hotline.call_answer == "每日早七点清运"
    assert [h.action for h in detail.history] == ["report", "answer_on_call"]
